/*
 * page.c: the page allocator and kmaps.  Page memory is poisoned for
 * AddressSanitizer unless a kmap maps the page, so an access through a
 * pointer kept past its unmap is a use-after-poison report.  For
 * MemorySanitizer a page is uninitialised unless SHIM_GFP_ZERO asked for
 * zeroes, and again once it is freed.  The runtime sees a struct page as the
 * struct shim_page it starts with (allocfuzz/runtime.h).
 */
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <allocfuzz/guard.h>
#include <allocfuzz/quarantine.h>
#include "internal.h"

#define PAGE_SIZE	SHIM_PAGE_SIZE
#define PAGE_MASK	(~(PAGE_SIZE - 1))

static struct shim_page *pages;		/* all live pages, newest first */
static struct shim_page *touched;	/* kmapped since shim_touched_clear() */
static unsigned long next_page_id;
static unsigned long generation;	/* atomic: read without shim_lock */

/* kmap_atomic's named slots (2.6.3x) and kmap_local's stack (6.x), per thread as per CPU. */
#define KMAP_SLOTS	8
static _Thread_local struct shim_page *slot[KMAP_SLOTS];
static _Thread_local const char *slot_name[KMAP_SLOTS];
static _Thread_local struct shim_page *local[SHIM_KMAP_LOCAL_MAX];
static _Thread_local unsigned int local_depth;

/*
 * Page frame numbers: a record's pfn is SHIM_PFN_FIRST plus its slot in
 * pfn_table for as long as the record exists (a slot is reused once the
 * quarantine lets its record go); the top of the 40-bit range.
 */
#define SHIM_PFN_SLOTS	(1UL << 20)
#define SHIM_PFN_FIRST	((1UL << SHIM_PFN_BITS) - SHIM_PFN_SLOTS)
static struct shim_page **pfn_table;
static unsigned long pfn_used, pfn_free_head;	/* slots handed out; a free slot holds the next free one */

static void pfn_assign(struct shim_page *page)
{
	unsigned long slot;

	if (!pfn_table && !(pfn_table = calloc(SHIM_PFN_SLOTS, sizeof(*pfn_table))))
		abort();
	if (pfn_free_head) {
		slot = pfn_free_head - 1;
		pfn_free_head = (unsigned long)pfn_table[slot];
	} else if ((slot = pfn_used++) == SHIM_PFN_SLOTS) {
		abort();	/* a million page records at once */
	}
	pfn_table[slot] = page;
	page->pfn = SHIM_PFN_FIRST + slot;
}

static void pfn_release(struct shim_page *page)
{
	unsigned long slot = page->pfn - SHIM_PFN_FIRST;

	pfn_table[slot] = (struct shim_page *)pfn_free_head;
	pfn_free_head = slot + 1;
}

unsigned long shim_page_to_pfn(const struct page *page)
{
	return shim_page(page)->pfn;
}

struct page *shim_pfn_to_page(unsigned long pfn, const char *site)
{
	struct shim_page *page = NULL;
	unsigned long slot = pfn - SHIM_PFN_FIRST;
	bool live;

	shim_table_lock();
	if (pfn >= SHIM_PFN_FIRST && slot < pfn_used && pfn_table[slot] &&
	    (unsigned long)pfn_table[slot] > SHIM_PFN_SLOTS && pfn_table[slot]->pfn == pfn)
		page = pfn_table[slot];
	live = page && shim_record_find(page, SHIM_PAGE);
	shim_table_unlock();
	if (!page)
		shim_check_failed("shim.page.bad-pfn", "pfn_to_page of a pfn no page has", site,
				  "pfn 0x%lx: the shim's pfns are 0x%lx to 0x%lx", pfn, SHIM_PFN_FIRST,
				  SHIM_PFN_FIRST + pfn_used - 1);
	if (!live)
		shim_check_failed("shim.page.free-pfn", "pfn_to_page of a free page", site,
				  "pfn 0x%lx is page #%lu, freed: a stale or corrupt pfn", pfn, page->id);
	return (struct page *)page;
}

#if GUARD_ON
/*
 * Without ASan a page's memory lies between guard pages (allocfuzz/guard.h):
 * a load or store that runs off either end of a page faults at the access,
 * as ASan's redzones report it in the other builds.
 */
static void describe_page(const void *tag, const void *mem, const void *addr, bool after)
{
	const struct shim_page *page = tag;
	long off = after ? (const char *)addr - ((const char *)mem + PAGE_SIZE) :
		   (const char *)mem - (const char *)addr;
	bool live = shim_record_find(page, SHIM_PAGE) != NULL;

	if (after)
		report_begin("BUG: shim.guard.page-overflow: access past the end of a page");
	else
		report_begin("BUG: shim.guard.page-underflow: access before the start of a page");
	report_line("address %p is %ld byte(s) %s page #%lu (%s, allocated at %s)", addr, off + !after,
		    after ? "past the end of" : "before the start of", page->id,
		    live ? "live" : "freed", page->site ? page->site : "?");
	report_end();
}
#endif

/* The memory of a page: between guard pages, or from the C heap under ASan. */
static void *page_memory(struct shim_page *page)
{
#if GUARD_ON
	static bool described;

	if (!described) {
		guard_describe(GUARD_PAGE, describe_page);
		described = true;
	}
	return guard_take(GUARD_PAGE, page);
#else
	(void)page;
	return aligned_alloc(PAGE_SIZE, PAGE_SIZE);
#endif
}

static void page_memory_free(void *mem)
{
#if GUARD_ON
	guard_give(mem);
#else
	free(mem);
#endif
}

/* A fresh page, poisoned as a freed one; the quarantine's stock. */
static void *page_new(void)
{
	struct shim_page *page = calloc(1, SHIM_PAGE_BYTES);

	if (!page || !(page->virtual = page_memory(page)))
		abort();
	shim_poison(page->virtual, PAGE_SIZE);
	pfn_assign(page);
	return page;
}

/*
 * A freed page (struct and memory) waits, poisoned, in a FIFO quarantine
 * (allocfuzz/quarantine.h; under shim_lock) and is reused only after
 * PAGE_REUSE_AFTER other pages were freed: a stale access to its memory is
 * still a use-after-poison report, a stale struct page is still not live for
 * every shim check, and inputs do not pay ASan's allocator for every page.
 */
#define PAGE_REUSE_AFTER	256
#define PAGE_STOCK	(PAGE_REUSE_AFTER + 64)	/* a few pools' pages: a small, warm set */
static void *page_ring[1024];
static struct quarantine page_quarantine =
	QUARANTINE_INIT(page_ring, PAGE_REUSE_AFTER, PAGE_STOCK, page_new);

/*
 * Without ASan, nothing faults on a freed page's memory: __free_page fills it
 * with POISON_FREE, and the fill is verified before the page is handed out
 * again and, for the pages an input freed, at its shim_teardown(), so a
 * write after the free is reported within the input that made it (a read
 * sees the poison bytes, which the model and the checkers do not take for
 * data).  Under MemorySanitizer the freed bytes are uninitialised: it
 * reports a use of what such a read returns, and nothing is verified.
 */
#if defined(SAN_ASAN) || defined(SAN_MSAN)
#define FREE_FILL_VERIFIED	0
#else
#define FREE_FILL_VERIFIED	1
#endif
static unsigned long unverified;	/* pages filled at free since the last teardown */

static void verify_free_fill(struct shim_page *page)
{
#if FREE_FILL_VERIFIED
	static unsigned char fill[PAGE_SIZE];
	const unsigned char *p = page->virtual;
	unsigned int k;

	if (!page->free_filled)
		return;
	page->free_filled = false;
	if (fill[0] != POISON_FREE)
		memset(fill, POISON_FREE, sizeof(fill));
	if (!memcmp(p, fill, PAGE_SIZE))
		return;
	for (k = 0; p[k] == POISON_FREE; k++)
		;
	report_begin("BUG: shim.page.poison: a freed page was written");
	report_line("page #%lu (allocated at %s) holds 0x%02x at offset %u since __free_page filled it with 0x%02x",
		    page->id, page->site ? page->site : "?", p[k], k, POISON_FREE);
	report_end();
#else
	(void)page;
#endif
}

static struct shim_page *page_get(void)
{
	struct shim_page *page = quarantine_get(&page_quarantine);
	unsigned long pfn;
	void *mem;

	verify_free_fill(page);
	pfn = page->pfn;
	mem = page->virtual;

	shim_unpoison(mem, PAGE_SIZE);
	memset(page, 0, SHIM_PAGE_BYTES);	/* the profile's fields too */
	page->virtual = mem;
	page->pfn = pfn;
	return page;
}

static void page_put(struct shim_page *page)
{
	struct shim_page *old;

	shim_free_fill(page->virtual, PAGE_SIZE);
	if (FREE_FILL_VERIFIED && shim_checks_on()) {
		page->free_filled = true;
		unverified++;
	}
	shim_uninit(page->virtual, PAGE_SIZE);
	shim_poison(page->virtual, PAGE_SIZE);
	old = quarantine_put(&page_quarantine, page);
	if (old) {
		verify_free_fill(old);
		shim_unpoison(old->virtual, PAGE_SIZE);
		pfn_release(old);
		page_memory_free(old->virtual);
		free(old);
	}
}

/* The pages freed since the last call still hold their fill (a write after free is reported). */
static void verify_freed(void)
{
	struct shim_page *page;
	unsigned long k;

	for (k = 0; k < unverified && (page = quarantine_newest(&page_quarantine, k)); k++)
		verify_free_fill(page);
	unverified = 0;
}

static void check_gfp(struct shim_gfp gfp, const char *site)
{
	if (gfp.flags & SHIM_GFP_BAD_BITS)
		shim_check_failed("shim.page.bad-gfp",
				  "page allocation with invalid gfp flags", site,
				  "gfp 0x%x has bits above __GFP_BITS_SHIFT", gfp.mask);
	/* GFP_ZONE_BAD: more than one zone modifier. */
	if (gfp.flags & SHIM_GFP_BAD_ZONE)
		shim_check_failed("shim.page.bad-gfp",
				  "page allocation with invalid gfp flags", site,
				  "gfp 0x%x names more than one zone", gfp.mask);
}

struct page *shim_alloc_page(struct shim_gfp gfp, const char *site)
{
	struct shim_page *page;

	check_gfp(gfp, site);
	shim_might_sleep(gfp, site);
	shim_preemption_point();
	shim_table_lock();
	if (shim_fault_page(gfp)) {
		shim_stats.page_faults_injected++;
		shim_table_unlock();
		return NULL;
	}
	page = page_get();
	if (gfp.flags & SHIM_GFP_ZERO) {
		memset(page->virtual, 0, PAGE_SIZE);
	} else {
		shim_inuse_fill(page->virtual, PAGE_SIZE);
		shim_uninit(page->virtual, PAGE_SIZE);
	}
	shim_poison(page->virtual, PAGE_SIZE);
	page->id = ++next_page_id;
	page->owner = shim_current_owner();
	page->site = site;
	page->next = pages;
	if (pages)
		pages->prev = page;
	pages = page;
	shim_record_add(page, SHIM_PAGE, NULL, PAGE_SIZE, site);
	__atomic_fetch_add(&generation, 1, __ATOMIC_RELAXED);
	shim_stats.pages_live++;
	shim_stats.pages_allocated++;
	shim_table_unlock();
	return (struct page *)page;
}

static void untouch(struct shim_page *page)
{
	if (!page->touched)
		return;
	if (page->touched_prev)
		page->touched_prev->touched_next = page->touched_next;
	else
		touched = page->touched_next;
	if (page->touched_next)
		page->touched_next->touched_prev = page->touched_prev;
	page->touched_prev = page->touched_next = NULL;
	page->touched = false;
}

/* Unlinks and frees a live page; called under shim_lock. */
static void release(struct shim_page *page)
{
	if (page->prev)
		page->prev->next = page->next;
	else
		pages = page->next;
	if (page->next)
		page->next->prev = page->prev;
	untouch(page);
	shim_record_del(shim_record_find(page, SHIM_PAGE));
	__atomic_fetch_add(&generation, 1, __ATOMIC_RELAXED);
	shim_unpoison(page->virtual, PAGE_SIZE);
	page_put(page);
	shim_stats.pages_live--;
}

void shim_free_page(struct page *p, const char *site)
{
	struct shim_page *page = shim_page(p);

	shim_table_lock();
	if (shim_checks_on() && !shim_record_find(page, SHIM_PAGE))
		shim_check_failed("shim.page.free-invalid",
				  "__free_page of a page that is not allocated", site,
				  "__free_page of a page that is not allocated (double free?)");
	if (page->map_count)
		shim_check_failed("shim.page.free-mapped",
				  "__free_page of a page that is still kmapped", site,
				  "__free_page of page #%lu while %d kmap slot(s) map it",
				  page->id, page->map_count);
	if (page->lock_owner)
		shim_bad_page(p, "PG_locked set", site);
	release(page);
	shim_stats.pages_freed++;
	shim_table_unlock();
}

/* A kmap of a page that is not allocated: fn names the call, as the first line does. */
static void check_live(struct shim_page *page, const char *fn, const char *name, const char *site)
{
	char what[64];
	bool live;

	if (!shim_checks_on())
		return;
	shim_table_lock();
	live = shim_record_find(page, SHIM_PAGE) != NULL;
	shim_table_unlock();
	if (live)
		return;
	snprintf(what, sizeof(what), "%s of a page that is not allocated", fn);
	shim_check_failed("shim.kmap.dead-page", what, site,
			  "%s(%s) of a page that is not allocated", fn, name);
}

/* Maps page for this thread: unpoisoned while any kmap maps it; joins the touched set. */
static void map(struct shim_page *page)
{
	shim_table_lock();
	if (!page->map_count++)
		shim_unpoison(page->virtual, PAGE_SIZE);
	if (!page->touched) {
		page->touched = true;
		page->touched_next = touched;
		if (touched)
			touched->touched_prev = page;
		touched = page;
	}
	shim_stats.kmaps++;
	shim_table_unlock();
}

static void unmap(struct shim_page *page)
{
	shim_table_lock();
	if (!--page->map_count)
		shim_poison(page->virtual, PAGE_SIZE);
	shim_table_unlock();
}

static void check_slot(unsigned int type, unsigned int nr, const char *site)
{
	if (type >= nr || type >= KMAP_SLOTS)
		shim_check_failed("shim.kmap.bad-slot",
				  "kmap slot out of range", site,
				  "kmap slot %u does not exist", type);
}

void *shim_kmap_slot(struct page *p, unsigned int type, unsigned int nr, const char *name,
		     const char *site)
{
	struct shim_page *page = shim_page(p);

	check_slot(type, nr, site);
	check_live(page, "kmap_atomic", name, site);
	if (slot[type])
		shim_check_failed("shim.kmap.slot-busy",
				  "kmap_atomic on a slot that is in use", site,
				  "kmap_atomic(%s) while the slot still maps page #%lu",
				  name, slot[type]->id);
	map(page);
	slot[type] = page;
	slot_name[type] = name;
	/* pagefault_disable(): the mapping is atomic context. */
	shim_preempt_inc();
	return page->virtual;
}

void shim_kunmap_slot(const void *kvaddr, unsigned int type, unsigned int nr, const char *name,
		      const char *site)
{
	struct shim_page *page;

	check_slot(type, nr, site);
	page = slot[type];
	if (!page)
		shim_check_failed("shim.kmap.unmap-unmapped",
				  "kunmap_atomic of a slot that maps nothing", site,
				  "kunmap_atomic(%s) of a slot that maps nothing", name);
	/* 2.6.3x kunmap_atomic masks the address down to its page. */
	if (((unsigned long)kvaddr & PAGE_MASK) != (unsigned long)page->virtual)
		shim_check_failed("shim.kmap.unmap-wrong-page",
				  "kunmap_atomic with an address of another page", site,
				  "kunmap_atomic(%s) with an address outside page #%lu that the slot maps",
				  name, page->id);
	slot[type] = NULL;
	unmap(page);
	shim_preempt_dec();
}

/* 6.x kmap_local_page(): a stack per thread, KM_MAX_IDX deep; atomic: kmap_atomic(). */
void *shim_kmap_local(struct page *p, bool atomic, const char *site)
{
	struct shim_page *page = shim_page(p);

	if (local_depth == SHIM_KMAP_LOCAL_MAX)
		shim_check_failed("shim.kmap.local-overflow",
				  "kmap_local stack overflow", site,
				  "%u pages are mapped already (KM_MAX_IDX)", local_depth);
	check_live(page, atomic ? "kmap_atomic" : "kmap_local_page", "", site);
	map(page);
	local[local_depth++] = page;
	if (atomic)
		shim_preempt_inc();
	return page->virtual;
}

/* kunmap_local() must undo the newest mapping first, as kunmap_local_indexed() warns. */
void shim_kunmap_local(const void *kvaddr, bool atomic, const char *site)
{
	struct shim_page *page;
	unsigned int i;

	if (!local_depth)
		shim_check_failed("shim.kmap.unmap-unmapped",
				  "kunmap_local with nothing mapped", site,
				  "kunmap_local of an address while this thread maps no page");
	page = local[local_depth - 1];
	if (((unsigned long)kvaddr & PAGE_MASK) != (unsigned long)page->virtual) {
		for (i = 0; i + 1 < local_depth; i++)
			if (((unsigned long)kvaddr & PAGE_MASK) == (unsigned long)local[i]->virtual)
				shim_check_failed("shim.kmap.local-order",
						  "kunmap_local out of order", site,
						  "kunmap_local of page #%lu while page #%lu, mapped after it, is still mapped",
						  local[i]->id, page->id);
		shim_check_failed("shim.kmap.unmap-wrong-page",
				  "kunmap_local with an address no mapping has", site,
				  "kunmap_local with an address outside every page this thread maps");
	}
	local[--local_depth] = NULL;
	unmap(page);
	if (atomic)
		shim_preempt_dec();
}

struct page *shim_page_next(struct page *prev, const void *owner)
{
	struct shim_page *page = prev ? shim_page(prev)->next : pages;

	while (page && owner && page->owner != owner)
		page = page->next;
	return (struct page *)page;
}

unsigned long shim_page_count(const void *owner)
{
	long n = shim_record_count(SHIM_PAGE, NULL, owner);
	struct page *page;


	if (n >= 0)
		return n;
	n = 0;
	for (page = shim_page_next(NULL, owner); page; page = shim_page_next(page, owner))
		n++;
	return n;
}

unsigned long shim_page_generation(void)
{
	return __atomic_load_n(&generation, __ATOMIC_RELAXED);
}

bool shim_page_is_live(const struct page *page)
{
	bool live;

	shim_table_lock();
	live = shim_record_find(page, SHIM_PAGE) != NULL;
	shim_table_unlock();
	return live;
}

struct page *shim_touched_next(struct page *prev, const void *owner)
{
	struct shim_page *page = prev ? shim_page(prev)->touched_next : touched;

	while (page && owner && page->owner != owner)
		page = page->touched_next;
	return (struct page *)page;
}

void shim_touched_clear(void)
{
	shim_table_lock();
	while (touched)
		untouch(touched);
	shim_table_unlock();
}

void shim_pages_reset(void)
{
	unsigned int i;

	for (i = 0; i < KMAP_SLOTS; i++)
		slot[i] = NULL;
	for (i = 0; i < local_depth; i++)
		local[i] = NULL;
	local_depth = 0;
	while (pages) {
		pages->map_count = 0;
		release(pages);
	}
	next_page_id = 0;
}

void shim_kmap_teardown(void)
{
	unsigned int i;

	for (i = 0; i < KMAP_SLOTS; i++)
		if (slot[i])
			shim_check_failed("shim.leak.kmap",
					  "kmap slot still mapped at teardown", NULL,
					  "%s still maps page #%lu at teardown",
					  slot_name[i], slot[i]->id);
	if (local_depth)
		shim_check_failed("shim.leak.kmap",
				  "kmap slot still mapped at teardown", NULL,
				  "kmap_local still maps page #%lu at teardown (%u mapping(s))",
				  local[local_depth - 1]->id, local_depth);
}

void shim_pages_teardown(void)
{
	struct shim_page *page;

	shim_table_lock();
	verify_freed();
	shim_table_unlock();
	if (!pages)
		return;
	report_begin("BUG: shim.leak.page: pages still allocated at teardown");
	report_line("%lu page(s):", shim_stats.pages_live);
	for (page = pages; page; page = page->next)
		report_line("page #%lu allocated at %s", page->id, page->site);
	report_end();
}

void shim_bad_page(const struct page *p, const char *reason, const char *site)
{
	const struct shim_page *page = shim_page(p);

	report_begin("BUG: shim.page.bad-state: Bad page state: %s", reason);
	report_line("page #%lu pfn 0x%lx allocated at %s", page->id, page->pfn,
		    page->site ? page->site : "?");
	if (site)
		report_line("at %s", site);
	report_end();
}

/* The page lock. */
bool shim_page_trylock(struct page *p, const char *site)
{
	struct shim_page *page = shim_page(p);
	unsigned long none = 0;

	if (!__atomic_compare_exchange_n(&page->lock_owner, &none, shim_task_id(), false,
					 __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return false;
	page->lock_site = site;
	return true;
}

/* Waits until page is unlocked: another task's lock is let go, this task's never is. */
static void wait_unlocked(struct shim_page *page, const char *what, const char *site)
{
	unsigned long owner;

	shim_sleep_point(site);
	while ((owner = __atomic_load_n(&page->lock_owner, __ATOMIC_ACQUIRE))) {
		if (owner == shim_task_id())
			shim_check_failed("shim.page.lock-deadlock", what, site,
					  "page #%lu is locked by this task since %s", page->id,
					  page->lock_site ? page->lock_site : "?");
		if (owner == SHIM_TASK_OTHER) {		/* that task finishes and unlocks */
			shim_page_unlock_other((struct page *)page);
			break;
		}
		if (!shim_threaded)
			shim_check_failed("shim.page.lock-deadlock", what, site,
					  "page #%lu is locked by task %lu, which no longer runs", page->id, owner);
		sched_yield();
	}
}

void shim_page_lock(struct page *p, const char *site)
{
	struct shim_page *page = shim_page(p);

	for (;;) {
		wait_unlocked(page, "lock_page of a page this task has locked", site);
		if (shim_page_trylock(p, site))
			return;
	}
}

void shim_page_wait_unlocked(struct page *p, const char *site)
{
	wait_unlocked(shim_page(p), "wait_on_page_locked of a page this task has locked", site);
}

void shim_page_unlock(struct page *p, const char *site)
{
	struct shim_page *page = shim_page(p);

	if (!page->lock_owner)
		shim_check_failed("shim.page.unlock-unlocked", "unlock_page of a page that is not locked",
				  site, "page #%lu", page->id);
	page->lock_site = NULL;
	__atomic_store_n(&page->lock_owner, 0, __ATOMIC_RELEASE);
}

bool shim_page_lock_other(struct page *p)
{
	struct shim_page *page = shim_page(p);
	unsigned long none = 0;

	if (!__atomic_compare_exchange_n(&page->lock_owner, &none, SHIM_TASK_OTHER, false,
					 __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return false;
	page->lock_site = "another task";
	return true;
}

void shim_page_unlock_other(struct page *p)
{
	struct shim_page *page = shim_page(p);

	if (page->lock_owner != SHIM_TASK_OTHER)
		shim_check_failed("shim.page.unlock-unlocked", "unlock_page of a page that is not locked",
				  NULL, "page #%lu is not locked by another task", page->id);
	page->lock_site = NULL;
	__atomic_store_n(&page->lock_owner, 0, __ATOMIC_RELEASE);
}

/* Page locks still held at teardown: a lock never released. */
void shim_page_locks_teardown(void)
{
	struct shim_page *page;

	for (page = pages; page; page = page->next)
		if (page->lock_owner)
			shim_check_failed("shim.leak.page-lock", "page still locked at teardown", NULL,
					  "page #%lu locked at %s", page->id,
					  page->lock_site ? page->lock_site : "?");
}

static long vmstat[SHIM_NR_ZONES][SHIM_NR_VMSTAT];
static const char zones[SHIM_NR_ZONES];

const void *shim_zone(unsigned int zone)
{
	if (zone >= SHIM_NR_ZONES)
		abort();
	return &zones[zone];
}

void shim_vmstat_mod(unsigned int zone, unsigned int item, long delta)
{
	if (zone >= SHIM_NR_ZONES || item >= SHIM_NR_VMSTAT)
		abort();	/* a profile's item or zone the runtime has no room for */
	__atomic_fetch_add(&vmstat[zone][item], delta, __ATOMIC_RELAXED);
}

long shim_vmstat_read(unsigned int zone, unsigned int item)
{
	return zone < SHIM_NR_ZONES && item < SHIM_NR_VMSTAT ?
		__atomic_load_n(&vmstat[zone][item], __ATOMIC_RELAXED) : 0;
}

void shim_vmstat_reset(void)
{
	memset(vmstat, 0, sizeof(vmstat));
}
