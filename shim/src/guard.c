/* guard.c: slot pages between guard pages (allocfuzz/guard.h); nothing here with ASan. */
#include <allocfuzz/guard.h>

#if GUARD_ON
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <allocfuzz/report.h>
#include <allocfuzz/runtime.h>

/*
 * One region, reserved once: a guard page, then per slot its page and a
 * guard page after it.  1 GiB of address space, nothing committed until a
 * slot page is first written.
 */
#define PAGE		SHIM_PAGE_SIZE
#define SLOTS		(1UL << 16)
#define REGION		((2 * SLOTS + 1) * PAGE)

static char *region;
static unsigned long used;			/* slots ever handed out */
static unsigned int *free_slots, nfree;		/* slots given back, a stack */
static const void *slot_tag[SLOTS];
static unsigned char slot_kind[SLOTS], slot_taken[SLOTS];
static guard_describe_fn describe[GUARD_KINDS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct sigaction previous;

static char *slot_mem(unsigned long i)
{
	return region + (2 * i + 1) * PAGE;
}

static unsigned long slot_of(const void *mem)
{
	return (unsigned long)((const char *)mem - region - PAGE) / (2 * PAGE);
}

static void on_fault(int sig, siginfo_t *info, void *context)
{
	const char *addr = info->si_addr;
	unsigned long off, i;
	bool after;

	(void)context;
	if (!region || addr < region || addr >= region + REGION || sig != SIGSEGV) {
		/* not ours: the access faults again under the handler that was there before */
		sigaction(SIGSEGV, &previous, NULL);
		return;
	}
	off = (unsigned long)(addr - region) % (2 * PAGE);
	i = (unsigned long)(addr - region) / (2 * PAGE);
	/* a guard page's first half is past the end of the page before it, its second half before the next */
	after = off < PAGE / 2 && i > 0;
	if (after)
		i--;
	if (i < SLOTS && slot_taken[i] && describe[slot_kind[i]])
		describe[slot_kind[i]](slot_tag[i], slot_mem(i), addr, after);
	report_begin("BUG: shim.guard.fault: access to a guard page next to memory not in use");
	report_line("address %p is %s slot %lu's page, which is not handed out", (const void *)addr,
		    after ? "past the end of" : "before the start of", i);
	report_end();
}

static void setup(void)
{
	struct sigaction sa;

	region = mmap(NULL, REGION, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	free_slots = malloc(SLOTS * sizeof(*free_slots));
	if (region == MAP_FAILED || !free_slots) {
		fputs("allocfuzz: guard.c: cannot reserve the guarded region\n", stderr);
		abort();
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_fault;
	sa.sa_flags = SA_SIGINFO | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGSEGV, &sa, &previous))
		abort();
}

void guard_describe(enum guard_kind kind, guard_describe_fn fn)
{
	describe[kind] = fn;
}

void *guard_take(enum guard_kind kind, const void *tag)
{
	unsigned long i;

	pthread_mutex_lock(&lock);
	if (!region)
		setup();
	if (nfree) {
		i = free_slots[--nfree];
	} else {
		if (used == SLOTS) {
			fputs("allocfuzz: guard.c: more guarded pages at once than the region holds\n", stderr);
			abort();
		}
		i = used++;
		if (mprotect(slot_mem(i), PAGE, PROT_READ | PROT_WRITE))
			abort();
	}
	slot_kind[i] = (unsigned char)kind;
	slot_tag[i] = tag;
	slot_taken[i] = 1;
	pthread_mutex_unlock(&lock);
	return slot_mem(i);
}

void guard_retag(void *mem, const void *tag)
{
	slot_tag[slot_of(mem)] = tag;
}

void guard_give(void *mem)
{
	unsigned long i = slot_of(mem);

	pthread_mutex_lock(&lock);
	slot_taken[i] = 0;
	slot_tag[i] = NULL;
	free_slots[nfree++] = (unsigned int)i;
	pthread_mutex_unlock(&lock);
}
#endif
