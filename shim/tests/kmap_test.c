/* kmap_test.c: highmem emulation: slots, map counts, and poisoned page memory. */
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/slab.h>
#include <asm/page.h>
#include <allocfuzz/shim.h>
#include "expect.h"

static struct page *page_a, *page_b;

static void setup(void)
{
	shim_reset();
	page_a = alloc_page(GFP_NOIO);
	page_b = alloc_page(GFP_NOIO);
	CHECK(page_a && page_b);
}

static void map_unmap_ok(void)
{
	char *a, *b;

	setup();
	a = kmap_atomic(page_a, KM_USER0);
	b = kmap_atomic(page_a, KM_USER1);	/* two slots, one page: allowed */
	CHECK(a == b && ((unsigned long)a & ~PAGE_MASK) == 0);
	a[0] = 1;
	kunmap_atomic(b + 100, KM_USER1);	/* any address inside the page */
	a[PAGE_SIZE - 1] = 2;			/* still mapped by KM_USER0 */
	kunmap_atomic(a, KM_USER0);
	CHECK(shim_preempt_count() == 0);
	__free_page(page_a);
	__free_page(page_b);
	shim_teardown();
}

static void slot_busy(void)
{
	setup();
	kmap_atomic(page_a, KM_USER0);
	kmap_atomic(page_b, KM_USER0);
}

static void unmap_unmapped(void)
{
	char *a;

	setup();
	a = kmap_atomic(page_a, KM_USER0);
	kunmap_atomic(a, KM_USER1);
}

static void unmap_wrong_page(void)
{
	char *b;

	setup();
	kmap_atomic(page_a, KM_USER0);
	b = kmap_atomic(page_b, KM_USER1);
	kunmap_atomic(b, KM_USER0);
}

static void dead_page(void)
{
	setup();
	__free_page(page_a);
	kmap_atomic(page_a, KM_USER0);
}

static void bad_slot(void)
{
	setup();
	kmap_atomic(page_a, (enum km_type)7);
}

static void access_unmapped(void)
{
	volatile char *p;

	setup();
	p = kmap_atomic(page_a, KM_USER0);
	kunmap_atomic((void *)p, KM_USER0);
	p[10] = 1;			/* stale pointer: page no longer mapped */
}

static void access_after_one_of_two_unmapped(void)
{
	volatile char *p;

	setup();
	p = kmap_atomic(page_a, KM_USER0);
	kmap_atomic(page_a, KM_USER1);
	kunmap_atomic((void *)p, KM_USER1);
	kunmap_atomic((void *)p, KM_USER0);
	(void)p[0];			/* both slots undone: poisoned again */
}

static void kmap_leak(void)
{
	setup();
	kmap_atomic(page_a, KM_USER1);
	shim_teardown();
}

static void touched_pages(void)
{
	void *p;

	setup();
	shim_touched_clear();
	CHECK(shim_touched_next(NULL, NULL) == NULL);
	p = kmap_atomic(page_b, KM_USER0);
	kunmap_atomic(p, KM_USER0);
	CHECK(shim_touched_next(NULL, NULL) == page_b);
	CHECK(shim_touched_next(page_b, NULL) == NULL);
	__free_page(page_b);		/* a freed page drops out of the set */
	CHECK(shim_touched_next(NULL, NULL) == NULL);
	__free_page(page_a);
	shim_teardown();
}

int main(void)
{
	expect_clean("kmap: two slots map one page, unmap by any inner address", map_unmap_ok);
	expect_report("kmap: slot already in use", slot_busy, "BUG: shim.kmap.slot-busy");
	expect_report("kmap: unmap of an unmapped slot", unmap_unmapped,
		      "BUG: shim.kmap.unmap-unmapped");
	expect_report("kmap: unmap with another page's address", unmap_wrong_page,
		      "BUG: shim.kmap.unmap-wrong-page");
	expect_report("kmap: map a freed page", dead_page, "BUG: shim.kmap.dead-page");
	expect_report("kmap: slot out of range", bad_slot, "BUG: shim.kmap.bad-slot");
	expect_report_needs(EXPECT_ASAN, "kmap: stale pointer after kunmap", access_unmapped,
			    "AddressSanitizer: use-after-poison");
	expect_report_needs(EXPECT_ASAN, "kmap: page poisoned when its last slot is undone",
			    access_after_one_of_two_unmapped, "AddressSanitizer: use-after-poison");
	expect_report("kmap: slot still mapped at teardown", kmap_leak, "BUG: shim.leak.kmap");
	expect_clean("kmap: touched-page tracking", touched_pages);
	return expect_summary();
}
