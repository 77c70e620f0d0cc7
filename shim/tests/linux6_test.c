/*
 * linux6_test.c: the 6.x profile over the runtime: kmap_local_page()
 * mappings nest and must be undone newest first, page memory is poisoned
 * outside them, kmap_atomic() is atomic context, a fresh page holds one
 * reference, and a cache keeps its own copy of its name (SLUB's kstrdup).
 */
#include <stdlib.h>
#include <string.h>
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
	page_a = alloc_page(GFP_KERNEL);
	page_b = alloc_page(GFP_KERNEL | __GFP_HIGHMEM);
	CHECK(page_a && page_b);
}

static void nested_in_order(void)
{
	char *a, *b;

	setup();
	CHECK(page_a->_refcount.counter == 1 && page_a->_mapcount.counter == -1);
	a = kmap_local_page(page_a);
	b = kmap_local_page(page_b);
	a[0] = 1;
	b[PAGE_SIZE - 1] = 2;
	CHECK(shim_preempt_count() == 0);	/* kmap_local_page only pins the task */
	kunmap_local(b + 17);			/* any address inside the page */
	kunmap_local(a);
	a = kmap_atomic(page_a);
	CHECK(shim_preempt_count() == 1 && a[0] == 1);
	kunmap_atomic(a);
	CHECK(shim_preempt_count() == 0);
	__free_page(page_a);
	__free_page(page_b);
	shim_teardown();
}

static void out_of_order(void)
{
	char *a;

	setup();
	a = kmap_local_page(page_a);
	kmap_local_page(page_b);
	kunmap_local(a);
}

static void unmap_unmapped(void)
{
	setup();
	kunmap_local(page_a);	/* never mapped: no mapping at all */
}

static void unmap_foreign(void)
{
	static char elsewhere[16];

	setup();
	kmap_local_page(page_a);
	kunmap_local(elsewhere);
}

static void overflow(void)
{
	int i;

	setup();
	for (i = 0; i <= SHIM_KMAP_LOCAL_MAX; i++)
		kmap_local_page(page_a);
}

static void leaked(void)
{
	setup();
	kmap_local_page(page_a);
	shim_teardown();
}

static void stale_pointer(void)
{
	char *a;

	setup();
	a = kmap_local_page(page_a);
	kunmap_local(a);
	a[0] = 1;
}

static void atomic_sleep(void)
{
	char *a;

	setup();
	a = kmap_atomic(page_a);
	alloc_page(GFP_KERNEL);
	kunmap_atomic(a);
}

static void cache_name_copied(void)
{
	char *name = strdup("cache-name");
	struct kmem_cache *cache;

	shim_reset();
	cache = kmem_cache_create(name, 32, 0, 0, NULL);
	free(name);			/* zsmalloc frees its name right after */
	CHECK(shim_cache_find("cache-name") == cache);
	kmem_cache_destroy(cache);
	shim_teardown();
}

int main(void)
{
	expect_clean("kmap_local: nested, undone newest first; kmap_atomic", nested_in_order);
	expect_report("kmap_local: undone out of order", out_of_order,
		      "BUG: shim.kmap.local-order: kunmap_local out of order");
	expect_report("kmap_local: undone with nothing mapped", unmap_unmapped,
		      "BUG: shim.kmap.unmap-unmapped: kunmap_local with nothing mapped");
	expect_report("kmap_local: undone with an address no mapping has", unmap_foreign,
		      "BUG: shim.kmap.unmap-wrong-page: kunmap_local with an address no mapping has");
	expect_report("kmap_local: more than KM_MAX_IDX at once", overflow,
		      "BUG: shim.kmap.local-overflow: kmap_local stack overflow");
	expect_report("kmap_local: still mapped at teardown", leaked,
		      "BUG: shim.leak.kmap: kmap slot still mapped at teardown");
	expect_report_needs(EXPECT_ASAN, "kmap_local: a pointer kept past kunmap_local", stale_pointer,
			    "AddressSanitizer: use-after-poison");
	expect_report("kmap_atomic: a sleeping allocation under it", atomic_sleep,
		      "BUG: shim.sched.sleep-in-atomic: sleeping function called from invalid context");
	expect_clean("slab: a cache keeps a copy of its name", cache_name_copied);
	return expect_summary();
}
