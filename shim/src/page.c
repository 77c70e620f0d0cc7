/*
 * page.c: the page allocator and atomic kmaps.  Page memory is poisoned for
 * AddressSanitizer unless a kmap slot maps the page, so an access through a
 * pointer kept past kunmap_atomic is a use-after-poison report.  For
 * MemorySanitizer a page is uninitialised unless __GFP_ZERO asked for zeroes,
 * and again once it is freed.
 */
#include <stdlib.h>
#include <string.h>
#include <linux/highmem.h>
#include <allocfuzz/quarantine.h>
#include <asm/page.h>
#include "internal.h"

static struct page *pages;		/* all live pages, newest first */
static struct page *touched;		/* kmapped since shim_touched_clear() */
static unsigned long next_page_id;
static unsigned long generation;	/* atomic: read without shim_lock */
static _Thread_local struct page *slot[KM_TYPE_NR];

static const char *const slot_name[KM_TYPE_NR] = { "KM_USER0", "KM_USER1" };

/* A fresh page, poisoned as a freed one; the quarantine's stock. */
static void *page_new(void)
{
	struct page *page = calloc(1, sizeof(*page));

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

static struct page *page_get(void)
{
	struct page *page = quarantine_get(&page_quarantine);
	void *mem = page->virtual;

	shim_unpoison(mem, PAGE_SIZE);
	memset(page, 0, sizeof(*page));
	page->virtual = mem;
	return page;
}

static void page_put(struct page *page)
{
	struct page *old;

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

static void check_gfp(gfp_t gfp, const char *site)
{
	gfp_t zone = gfp & (__GFP_DMA | __GFP_HIGHMEM | __GFP_DMA32);

	if (gfp & ~__GFP_BITS_MASK)
		shim_check_failed("shim.page.bad-gfp",
				  "page allocation with invalid gfp flags", site,
				  "gfp 0x%x has bits above __GFP_BITS_SHIFT", gfp);
	/* GFP_ZONE_BAD: more than one zone modifier. */
	if (zone & (zone - 1))
		shim_check_failed("shim.page.bad-gfp",
				  "page allocation with invalid gfp flags", site,
				  "gfp 0x%x names more than one zone", gfp);
}

struct page *shim_alloc_page(gfp_t gfp, const char *site)
{
	struct page *page;

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
	if (gfp & __GFP_ZERO) {
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
	return page;
}

static void untouch(struct page *page)
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
static void release(struct page *page)
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

void shim_free_page(struct page *page, const char *site)
{
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

static void check_slot(enum km_type type, const char *site)
{
	if ((unsigned int)type >= KM_TYPE_NR)
		shim_check_failed("shim.kmap.bad-slot",
				  "kmap slot out of range", site,
				  "kmap slot %d does not exist", (int)type);
}

void *shim_kmap_atomic(struct page *page, enum km_type type, const char *site)
{
	check_slot(type, site);
	shim_table_lock();
	if (shim_checks_on() && !shim_record_find(page, SHIM_PAGE))
		shim_check_failed("shim.kmap.dead-page",
				  "kmap_atomic of a page that is not allocated", site,
				  "kmap_atomic(%s) of a page that is not allocated",
				  slot_name[type]);
	if (slot[type])
		shim_check_failed("shim.kmap.slot-busy",
				  "kmap_atomic on a slot that is in use", site,
				  "kmap_atomic(%s) while the slot still maps page #%lu",
				  slot_name[type], slot[type]->id);
	slot[type] = page;
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
	/* pagefault_disable(): the mapping is atomic context. */
	shim_preempt_inc();
	return page->virtual;
}

void shim_kunmap_atomic(void *kvaddr, enum km_type type, const char *site)
{
	struct page *page;

	check_slot(type, site);
	page = slot[type];
	if (!page)
		shim_check_failed("shim.kmap.unmap-unmapped",
				  "kunmap_atomic of a slot that maps nothing", site,
				  "kunmap_atomic(%s) of a slot that maps nothing",
				  slot_name[type]);
	/* 2.6.3x kunmap_atomic masks the address down to its page. */
	if (((unsigned long)kvaddr & PAGE_MASK) != (unsigned long)page->virtual)
		shim_check_failed("shim.kmap.unmap-wrong-page",
				  "kunmap_atomic with an address of another page", site,
				  "kunmap_atomic(%s) with an address outside page #%lu that the slot maps",
				  slot_name[type], page->id);
	shim_table_lock();
	slot[type] = NULL;
	if (!--page->map_count)
		shim_poison(page->virtual, PAGE_SIZE);
	shim_table_unlock();
	shim_preempt_dec();
}

struct page *shim_page_next(struct page *prev, const void *owner)
{
	struct page *page = prev ? prev->next : pages;

	while (page && owner && page->owner != owner)
		page = page->next;
	return page;
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
	struct page *page = prev ? prev->touched_next : touched;

	while (page && owner && page->owner != owner)
		page = page->touched_next;
	return page;
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
	int i;

	for (i = 0; i < KM_TYPE_NR; i++)
		slot[i] = NULL;
	while (pages) {
		pages->map_count = 0;
		release(pages);
	}
	next_page_id = 0;
}

void shim_kmap_teardown(void)
{
	int i;

	for (i = 0; i < KM_TYPE_NR; i++)
		if (slot[i])
			shim_check_failed("shim.leak.kmap",
					  "kmap slot still mapped at teardown", NULL,
					  "%s still maps page #%lu at teardown",
					  slot_name[i], slot[i]->id);
}

void shim_pages_teardown(void)
{
	struct page *page;

	if (!pages)
		return;
	report_begin("BUG: shim.leak.page: pages still allocated at teardown");
	report_line("%lu page(s):", shim_stats.pages_live);
	for (page = pages; page; page = page->next)
		report_line("page #%lu allocated at %s", page->id, page->site);
	report_end();
}
