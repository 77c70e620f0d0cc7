/*
 * page.c: the page allocator and kmaps.  Page memory is poisoned for
 * AddressSanitizer unless a kmap maps the page, so an access through a
 * pointer kept past its unmap is a use-after-poison report.  For
 * MemorySanitizer a page is uninitialised unless SHIM_GFP_ZERO asked for
 * zeroes, and again once it is freed.  The runtime sees a struct page as the
 * struct shim_page it starts with (allocfuzz/runtime.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

/* A fresh page, poisoned as a freed one; the quarantine's stock. */
static void *page_new(void)
{
	struct shim_page *page = calloc(1, SHIM_PAGE_BYTES);

	if (!page || !(page->virtual = aligned_alloc(PAGE_SIZE, PAGE_SIZE)))
		abort();
	shim_poison(page->virtual, PAGE_SIZE);
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

static struct shim_page *page_get(void)
{
	struct shim_page *page = quarantine_get(&page_quarantine);
	void *mem = page->virtual;

	shim_unpoison(mem, PAGE_SIZE);
	memset(page, 0, SHIM_PAGE_BYTES);	/* the profile's fields too */
	page->virtual = mem;
	return page;
}

static void page_put(struct shim_page *page)
{
	struct shim_page *old;

	shim_free_fill(page->virtual, PAGE_SIZE);
	shim_uninit(page->virtual, PAGE_SIZE);
	shim_poison(page->virtual, PAGE_SIZE);
	old = quarantine_put(&page_quarantine, page);
	if (old) {
		shim_unpoison(old->virtual, PAGE_SIZE);
		free(old->virtual);
		free(old);
	}
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

	if (!pages)
		return;
	report_begin("BUG: shim.leak.page: pages still allocated at teardown");
	report_line("%lu page(s):", shim_stats.pages_live);
	for (page = pages; page; page = page->next)
		report_line("page #%lu allocated at %s", page->id, page->site);
	report_end();
}
