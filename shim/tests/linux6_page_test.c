/*
 * linux6_page_test.c: the 6.x profile's pages: references and "Bad page
 * state" at free, pfns, the page lock (this task's, another task's), page
 * types, zones and their statistics, movable pages and the migration
 * core's steps.  Built for 6.1 (the profile's baseline) and 6.12.
 */
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/pgtable.h>
#include <allocfuzz/shim.h>
#include "expect.h"

static struct page *page;

static void setup(void)
{
	shim_reset();
	page = alloc_page(GFP_KERNEL);
	CHECK(page && page_ref_count(page) == 1);
}

/* The owner's word over _mapcount reset, private and flags cleared, a released movable mapping: freed. */
static void free_clean(void)
{
	setup();
	get_page(page);
	CHECK(page_ref_count(page) == 2);
	put_page(page);
	SetPageIsolated(page);		/* cleared at free, as PAGE_FLAGS_CHECK_AT_PREP */
	page->mapping = (struct address_space *)PAGE_MAPPING_MOVABLE;	/* __ClearPageMovable() left it */
	page->private = 1;
	__free_page(page);
	CHECK(!shim_page_is_live(page));
	shim_teardown();
}

static void free_mapcount(void)
{
	setup();
	page->page_type = 64;		/* 6.1 zsmalloc's offset, never reset */
	__free_page(page);
}

static void free_mapping(void)
{
	setup();
	page->mapping = (struct address_space *)0x1000;
	__free_page(page);
}

static void free_private_flag(void)
{
	setup();
	SetPagePrivate(page);
	__free_page(page);
}

static void free_locked(void)
{
	setup();
	CHECK(trylock_page(page));
	__free_page(page);
}

static void put_no_reference(void)
{
	setup();
	page->_refcount.counter = 0;
	put_page(page);
}

static void get_no_reference(void)
{
	setup();
	page->_refcount.counter = 0;
	get_page(page);
}

/* pfns are in the top of the 40 bits x86-64 gives them, and decode back to their page. */
static void pfn_round_trip(void)
{
	struct page *other;

	setup();
	other = alloc_page(GFP_KERNEL);
	CHECK(page_to_pfn(page) < 1UL << (MAX_POSSIBLE_PHYSMEM_BITS - PAGE_SHIFT));
	CHECK(page_to_pfn(page) >= 1UL << (MAX_POSSIBLE_PHYSMEM_BITS - PAGE_SHIFT - 1));
	CHECK(pfn_to_page(page_to_pfn(page)) == page && pfn_to_page(page_to_pfn(other)) == other);
	CHECK(page_to_pfn(page) != page_to_pfn(other));
	__free_page(page);
	__free_page(other);
	shim_teardown();
}

static void pfn_of_none(void)
{
	setup();
	pfn_to_page(page_to_pfn(page) + (1UL << 30));
}

static void pfn_of_free_page(void)
{
	unsigned long pfn;

	setup();
	pfn = page_to_pfn(page);
	__free_page(page);
	pfn_to_page(pfn);
}

/* trylock, unlock; another task's lock: trylock fails, a wait lets that task finish. */
static void lock_ok(void)
{
	setup();
	CHECK(trylock_page(page) && PageLocked(page) && !trylock_page(page));
	unlock_page(page);
	lock_page(page);
	unlock_page(page);
	CHECK(shim_page_lock_other(page) && !trylock_page(page) && !shim_page_lock_other(page));
	wait_on_page_locked(page);
	CHECK(!PageLocked(page));
	CHECK(shim_page_lock_other(page));
	lock_page(page);		/* waits for the other task, then takes it */
	unlock_page(page);
	__free_page(page);
	shim_teardown();
}

static void unlock_unlocked(void)
{
	setup();
	unlock_page(page);
}

static void lock_own(void)
{
	setup();
	lock_page(page);
	lock_page(page);
}

static void wait_own(void)
{
	setup();
	lock_page(page);
	wait_on_page_locked(page);
}

static void lock_atomic(void)
{
	setup();
	preempt_disable();
	lock_page(page);
}

static void locked_at_teardown(void)
{
	setup();
	CHECK(shim_page_lock_other(page));
	__free_page(alloc_page(GFP_KERNEL));
	shim_teardown();
}

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
static void type_ok(void)
{
	setup();
	__SetPageZsmalloc(page);
	CHECK(PageZsmalloc(page) && page->page_type >> 24 == PGTY_zsmalloc);
	page->page_type |= 4032;	/* the owner's 24 bits */
	__ClearPageZsmalloc(page);
	CHECK(page->page_type == UINT_MAX);
	__free_page(page);
	shim_teardown();
}

static void type_over_type(void)
{
	setup();
	page->page_type = 5;		/* a mapcount, not "no type" */
	__SetPageZsmalloc(page);
}

static void type_left_set(void)
{
	setup();
	__SetPageZsmalloc(page);
	__free_page(page);
}
#else
static void mapcount_reset(void)
{
	setup();
	page->page_type = 4032;
	page_mapcount_reset(page);
	__free_page(page);
	shim_teardown();
}
#endif

/* Zones from the gfp's modifier; their statistics count per page. */
static void zones(void)
{
	struct page *dma32;

	setup();
	dma32 = alloc_page(GFP_KERNEL | __GFP_DMA32);
	CHECK(page_zonenum(page) == ZONE_NORMAL && page_zonenum(dma32) == ZONE_DMA32);
	CHECK(page_zone(page) != page_zone(dma32) && page_zone(page) == page_zone(page));
	inc_zone_page_state(page, NR_ZSPAGES);
	inc_zone_page_state(dma32, NR_ZSPAGES);
	CHECK(shim_vmstat_read(ZONE_NORMAL, NR_ZSPAGES) == 1 && shim_vmstat_read(ZONE_DMA32, NR_ZSPAGES) == 1);
	dec_zone_page_state(page, NR_ZSPAGES);
	dec_zone_page_state(dma32, NR_ZSPAGES);
	__free_page(page);
	__free_page(dma32);
	CHECK(shim_vmstat_read(ZONE_NORMAL, NR_ZSPAGES) == 0);
	shim_teardown();
}

#ifdef CONFIG_COMPACTION
/* A movable owner: its page's contents follow it, its reference moves to the new page. */
static struct page *owned;
static int isolates, migrates, putbacks;

static bool owner_isolate(struct page *p, isolate_mode_t mode)
{
	(void)mode;
	CHECK(PageLocked(p));
	isolates++;
	return true;
}

static const struct movable_operations owner_mops;

static int owner_migrate(struct page *dst, struct page *src, enum migrate_mode mode)
{
	void *s, *d;

	(void)mode;
	CHECK(PageLocked(src) && PageLocked(dst) && PageIsolated(src));
	s = kmap_local_page(src);
	d = kmap_local_page(dst);
	memcpy(d, s, PAGE_SIZE);
	kunmap_local(d);
	kunmap_local(s);
	__SetPageMovable(dst, &owner_mops);
	get_page(dst);
	__ClearPageMovable(src);
	put_page(src);
	owned = dst;
	migrates++;
	return MIGRATEPAGE_SUCCESS;
}

static void owner_putback(struct page *p)
{
	CHECK(PageLocked(p));
	putbacks++;
}

static const struct movable_operations owner_mops = {
	.isolate_page = owner_isolate,
	.migrate_page = owner_migrate,
	.putback_page = owner_putback,
};

static void make_movable(void)
{
	u8 *v;

	setup();
	owned = page;
	v = kmap_local_page(owned);
	v[100] = 42;
	kunmap_local(v);
	CHECK(trylock_page(owned));
	__SetPageMovable(owned, &owner_mops);
	unlock_page(owned);
}

/* Isolate, migrate; isolate, put back; released while isolated: the core frees it. */
static void migration_ok(void)
{
	struct page *old;
	u8 *v;

	make_movable();
	old = owned;
	CHECK(shim6_isolate_movable_page(owned, 0) == 0 && PageIsolated(old) && page_ref_count(old) == 2);
	CHECK(shim6_isolate_movable_page(old, 0) == -EBUSY);	/* isolated already */
	CHECK(shim6_migrate_movable_page(old, GFP_HIGHUSER_MOVABLE, MIGRATE_SYNC) == MIGRATEPAGE_SUCCESS);
	CHECK(owned != old && !shim_page_is_live(old) && page_ref_count(owned) == 1);
	v = kmap_local_page(owned);
	CHECK(v[100] == 42);
	kunmap_local(v);
	CHECK(shim6_isolate_movable_page(owned, 0) == 0);
	shim6_putback_movable_page(owned);
	CHECK(!PageIsolated(owned) && page_ref_count(owned) == 1 && putbacks == 1);
	CHECK(shim6_isolate_movable_page(owned, 0) == 0);
	CHECK(trylock_page(owned));		/* the owner lets the page go while it is isolated */
	__ClearPageMovable(owned);
	unlock_page(owned);
	put_page(owned);
	CHECK(shim_page_is_live(owned));	/* the core's reference */
	old = owned;
	CHECK(shim6_migrate_movable_page(old, GFP_HIGHUSER_MOVABLE, MIGRATE_ASYNC) == MIGRATEPAGE_SUCCESS);
	CHECK(!shim_page_is_live(old) && migrates == 1);
	shim_teardown();
}

/* A page another task holds: isolation fails, async migration gives up, sync waits. */
static void migration_locked(void)
{
	make_movable();
	CHECK(shim_page_lock_other(owned));
	CHECK(shim6_isolate_movable_page(owned, 0) == -EBUSY && page_ref_count(owned) == 1);
	shim_page_unlock_other(owned);
	CHECK(shim6_isolate_movable_page(owned, 0) == 0);
	CHECK(shim_page_lock_other(owned));
	CHECK(shim6_migrate_movable_page(owned, GFP_HIGHUSER_MOVABLE, MIGRATE_ASYNC) == -EAGAIN);
	CHECK(shim6_migrate_movable_page(owned, GFP_HIGHUSER_MOVABLE, MIGRATE_SYNC) == MIGRATEPAGE_SUCCESS);
	CHECK(trylock_page(owned));
	__ClearPageMovable(owned);
	unlock_page(owned);
	put_page(owned);
	shim_teardown();
}

static void movable_unlocked(void)
{
	setup();
	__SetPageMovable(page, &owner_mops);
}

static void putback_twice(void)
{
	make_movable();
	CHECK(shim6_isolate_movable_page(owned, 0) == 0);
	shim6_putback_movable_page(owned);
	shim6_putback_movable_page(owned);	/* not isolated any more */
}
#endif

int main(void)
{
	expect_clean("page: freed with what the allocator clears left set", free_clean);
	expect_report("page: freed with the owner's word over _mapcount", free_mapcount,
		      "BUG: shim.page.bad-state: Bad page state: nonzero mapcount");
	expect_report("page: freed with a mapping", free_mapping,
		      "BUG: shim.page.bad-state: Bad page state: non-NULL mapping");
	expect_report("page: freed with PG_private", free_private_flag,
		      "BUG: shim.page.bad-state: Bad page state: PAGE_FLAGS_CHECK_AT_FREE flag(s) set");
	expect_report("page: freed locked", free_locked,
		      "BUG: shim.page.bad-state: Bad page state: PAGE_FLAGS_CHECK_AT_FREE flag(s) set");
	expect_report("page: put_page with no reference left", put_no_reference,
		      "BUG: shim.page.bad-state: Bad page state: put_page of a page with no reference");
	expect_report("page: get_page with no reference left", get_no_reference,
		      "BUG: shim.page.bad-state: Bad page state: get_page of a page with no reference");
	expect_clean("pfn: in 40 bits, at their top, each page's own", pfn_round_trip);
	expect_report("pfn: one no page has", pfn_of_none,
		      "BUG: shim.page.bad-pfn: pfn_to_page of a pfn no page has");
	expect_report("pfn: one of a freed page", pfn_of_free_page,
		      "BUG: shim.page.free-pfn: pfn_to_page of a free page");
	expect_clean("page lock: this task's and another task's", lock_ok);
	expect_report("page lock: unlock of an unlocked page", unlock_unlocked,
		      "BUG: shim.page.unlock-unlocked: unlock_page of a page that is not locked");
	expect_report("page lock: lock_page of a page this task locked", lock_own,
		      "BUG: shim.page.lock-deadlock: lock_page of a page this task has locked");
	expect_report("page lock: waiting on a page this task locked", wait_own,
		      "BUG: shim.page.lock-deadlock: wait_on_page_locked of a page this task has locked");
	expect_report("page lock: lock_page in atomic context", lock_atomic,
		      "BUG: shim.sched.sleep-in-atomic: sleeping function called from invalid context");
	expect_report("page lock: still held at teardown", locked_at_teardown,
		      "BUG: shim.leak.page-lock: page still locked at teardown");
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
	expect_clean("page type: set, the owner's bits, cleared", type_ok);
	expect_report("page type: set over a mapcount", type_over_type, "kernel BUG at");
	expect_report("page type: left set at free", type_left_set,
		      "BUG: shim.page.bad-state: Bad page state: nonzero mapcount");
#else
	expect_clean("page_mapcount_reset: the owner's word gone before the free", mapcount_reset);
#endif
	expect_clean("zones: from the gfp, statistics per zone", zones);
#ifdef CONFIG_COMPACTION
	expect_clean("migration: isolate, migrate, put back, released while isolated", migration_ok);
	expect_clean("migration: a page another task holds locked", migration_locked);
	expect_report("migration: __SetPageMovable on an unlocked page", movable_unlocked,
		      "kernel BUG at");
	expect_report("migration: put back a page not isolated", putback_twice, "kernel BUG at");
#endif
	return expect_summary();
}
