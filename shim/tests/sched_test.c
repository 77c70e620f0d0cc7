/* sched_test.c: spinlock debugging, atomic context, BUG_ON and bit operations. */
#include <pthread.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/slab.h>
#include <asm/page.h>
#include <allocfuzz/shim.h>
#include <linux/bitops.h>
#include <linux/kernel.h>
#include "expect.h"

static spinlock_t lock;

static void lock_ok(void)
{
	struct page *p;
	void *v;

	shim_reset();
	spin_lock_init(&lock);
	spin_lock(&lock);
	CHECK(shim_preempt_count() == 1);
	p = alloc_page(GFP_NOWAIT | __GFP_HIGHMEM);	/* atomic allocation: fine */
	CHECK(kmalloc(8, GFP_ATOMIC) != NULL);
	spin_unlock(&lock);
	CHECK(shim_preempt_count() == 0);
	v = kmap_atomic(p, KM_USER0);
	CHECK(shim_preempt_count() == 1);
	kunmap_atomic(v, KM_USER0);
	__free_page(p);
	CHECK(alloc_page(GFP_KERNEL) != NULL);		/* may sleep: not atomic here */
	shim_reset();
	shim_teardown();
}

/* A lock in zeroed memory that spin_lock_init() never saw, as a pool's would be. */
static void lock_uninitialised(void)
{
	spinlock_t *l;

	shim_reset();
	l = kzalloc(sizeof(*l), GFP_KERNEL);
	spin_lock(l);
}

static void unlock_uninitialised(void)
{
	spinlock_t *l;

	shim_reset();
	l = kzalloc(sizeof(*l), GFP_KERNEL);
	spin_unlock(l);
}

static void recursion(void)
{
	shim_reset();
	spin_lock_init(&lock);
	spin_lock(&lock);
	spin_lock(&lock);
}

static void unlock_unlocked(void)
{
	shim_reset();
	spin_lock_init(&lock);
	spin_unlock(&lock);
}

static void *take_lock(void *arg)
{
	(void)arg;
	spin_lock(&lock);
	return NULL;
}

static void wrong_owner(void)
{
	pthread_t t;

	shim_reset();
	spin_lock_init(&lock);
	pthread_create(&t, NULL, take_lock, NULL);
	pthread_join(t, NULL);
	spin_unlock(&lock);
}

static void *alloc_pages_task(void *arg)
{
	int i;

	(void)arg;
	for (i = 0; i < 100; i++)
		__free_page(alloc_page(GFP_KERNEL));
	return NULL;
}

/* Announced: both threads allocate and free pages under the table's lock. */
static void threads_announced(void)
{
	pthread_t t;

	shim_set_threaded();
	shim_reset();
	CHECK(alloc_page(GFP_KERNEL) != NULL);
	pthread_create(&t, NULL, alloc_pages_task, NULL);
	alloc_pages_task(NULL);
	pthread_join(t, NULL);
	CHECK(shim_page_count(NULL) == 1);
	shim_reset();
}

/* Unannounced: the second thread's first page allocation is the BUG. */
static void threads_unannounced(void)
{
	pthread_t t;

	shim_reset();
	CHECK(alloc_page(GFP_KERNEL) != NULL);
	pthread_create(&t, NULL, alloc_pages_task, NULL);
	pthread_join(t, NULL);
}

static void sleep_under_lock(void)
{
	shim_reset();
	spin_lock_init(&lock);
	spin_lock(&lock);
	alloc_page(GFP_KERNEL);
}

static void sleep_under_kmap(void)
{
	struct page *p;

	shim_reset();
	p = alloc_page(GFP_NOIO);
	kmap_atomic(p, KM_USER0);
	kzalloc(8, GFP_NOIO);
}

static void lock_held_at_teardown(void)
{
	shim_reset();
	spin_lock_init(&lock);
	spin_lock(&lock);
	shim_teardown();
}

static void bug_on(void)
{
	int x = 3;

	BUG_ON(x != 3);		/* quiet */
	BUG_ON(x == 3);
}

static void ffs_ok(void)
{
	unsigned long w[2] = { 0, 0 };

	CHECK(__ffs(0x10UL) == 4 && __ffs(1UL << 63) == 63);
	__set_bit(70, w);
	CHECK(test_bit(70, w) && w[1] == (1UL << 6));
	__clear_bit(70, w);
	CHECK(!w[1]);
	CHECK(ALIGN(13u, 4) == 16 && DIV_ROUND_UP(9, 4) == 3 && roundup(9, 8) == 16);
}

static void ffs_zero(void)
{
	volatile unsigned long w = 0;

	(void)__ffs(w);
}

static int hook_runs;

static void count_hook(void *arg)
{
	hook_runs++;
	CHECK(arg == &lock);
	CHECK(alloc_page(GFP_KERNEL) != NULL);	/* the hook may allocate: no recursion */
}

/* The hook waits for a page allocation outside locks and kmaps, then runs once. */
static void preempt_hook_ok(void)
{
	struct page *p;
	void *v;

	shim_reset();
	spin_lock_init(&lock);
	hook_runs = 0;
	shim_set_preempt_hook(count_hook, &lock);
	spin_lock(&lock);
	p = alloc_page(GFP_NOWAIT);
	spin_unlock(&lock);
	v = kmap_atomic(p, KM_USER0);
	CHECK(alloc_page(GFP_NOWAIT) != NULL);
	kunmap_atomic(v, KM_USER0);
	CHECK(hook_runs == 0);
	CHECK(alloc_page(GFP_KERNEL) != NULL);
	CHECK(hook_runs == 1);
	CHECK(alloc_page(GFP_KERNEL) != NULL);
	CHECK(hook_runs == 1);
	shim_reset();
}

int main(void)
{
	expect_clean("spinlock: lock, atomic allocations, unlock; kmap is atomic", lock_ok);
	expect_report("spinlock: lock never initialised", lock_uninitialised,
		      "BUG: shim.spinlock.bad-magic");
	expect_report("spinlock: unlock of a lock never initialised", unlock_uninitialised,
		      "BUG: shim.spinlock.bad-magic");
	expect_report("spinlock: recursion", recursion, "BUG: shim.spinlock.recursion");
	expect_report("spinlock: unlock while unlocked", unlock_unlocked,
		      "BUG: shim.spinlock.already-unlocked");
	expect_report("spinlock: unlock by another thread", wrong_owner,
		      "BUG: shim.spinlock.wrong-owner");
	expect_clean("sched: threads announced with shim_set_threaded() share the shim",
		     threads_announced);
	expect_report("sched: a second thread uses the shim unannounced", threads_unannounced,
		      "BUG: shim.sched.unannounced-thread");
	expect_report("sched: sleeping allocation under a spinlock", sleep_under_lock,
		      "BUG: shim.sched.sleep-in-atomic");
	expect_report("sched: sleeping allocation under kmap_atomic", sleep_under_kmap,
		      "BUG: shim.sched.sleep-in-atomic");
	expect_report("sched: spinlock held at teardown", lock_held_at_teardown,
		      "BUG: shim.leak.preempt");
	expect_clean("sched: preempt hook runs once, only outside atomic context",
		     preempt_hook_ok);
	expect_report("bug: BUG_ON prints file, line and condition", bug_on,
		      "kernel BUG at shim/tests/sched_test.c:");
	expect_clean("bitops: __ffs, set, clear, test; kernel.h rounding", ffs_ok);
	expect_report("bitops: __ffs(0)", ffs_zero, "BUG: shim.bitops.ffs-zero");
	return expect_summary();
}
