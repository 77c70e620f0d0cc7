/* page_test.c: the page allocator: ownership, counts, gfp checks, leaks. */
#include <stddef.h>
#include <string.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/slab.h>
#include <asm/page.h>
#include <allocfuzz/shim.h>
#include "expect.h"

static const char owner_a, owner_b;

static void alloc_free_ok(void)
{
	struct page *p1, *p2, *p3;
	struct shim_stats st;
	unsigned char b;
	char *v;

	shim_reset();
	shim_set_owner(&owner_a);
	p1 = alloc_page(GFP_NOIO | __GFP_HIGHMEM);
	p2 = alloc_page(__GFP_ZERO);
	shim_set_owner(&owner_b);
	p3 = alloc_page(GFP_KERNEL);
	CHECK(p1 && p2 && p3);
	CHECK(shim_page_count(&owner_a) == 2 && shim_page_count(&owner_b) == 1);
	CHECK(shim_page_count(NULL) == 3);
	CHECK(shim_page_next(NULL, &owner_b) == p3 && !shim_page_next(p3, &owner_b));
	CHECK(shim_page_is_live(p2) && !shim_page_is_live((struct page *)&st));
	v = kmap_atomic(p2, KM_USER0);
	CHECK(v[0] == 0 && v[PAGE_SIZE - 1] == 0);	/* __GFP_ZERO */
	kunmap_atomic(v, KM_USER0);
	v = kmap_atomic(p1, KM_USER0);
	shim_snapshot(&b, v, 1);			/* not zeroed: poison (unwritten for MSan) */
	CHECK(b == 0x5a);
	kunmap_atomic(v, KM_USER0);
	__free_page(p1);
	__free_page(p2);
	__free_page(p3);
	shim_get_stats(&st);
	CHECK(st.pages_live == 0 && st.pages_allocated == 3 && st.pages_freed == 3);
	CHECK(!shim_page_is_live(p2));
	shim_teardown();
}

static void double_free(void)
{
	struct page *p;

	shim_reset();
	p = alloc_page(GFP_NOIO);
	__free_page(p);
	__free_page(p);
}

static void free_mapped(void)
{
	struct page *p;

	shim_reset();
	p = alloc_page(GFP_NOIO);
	kmap_atomic(p, KM_USER0);
	__free_page(p);
}

static void gfp_two_zones(void)
{
	shim_reset();
	alloc_page(__GFP_DMA | __GFP_HIGHMEM);
}

static void gfp_unknown_bits(void)
{
	shim_reset();
	alloc_page(GFP_KERNEL | (1u << 23));
}

static void page_leak(void)
{
	shim_reset();
	alloc_page(GFP_NOIO);
	shim_teardown();
}

static void use_after_free(void)
{
	struct page *p;
	volatile char *v;

	shim_reset();
	p = alloc_page(GFP_NOIO);
	v = kmap_atomic(p, KM_USER0);
	kunmap_atomic((void *)v, KM_USER0);
	__free_page(p);
	(void)v[0];
}

static void quarantine(void)
{
	struct page *p[300];
	struct page *old;
	void *first;
	int i;

	shim_reset();
	p[0] = alloc_page(GFP_NOIO);
	first = shim_page(p[0])->virtual;
	old = p[0];
	__free_page(p[0]);
	for (i = 0; i < 300; i++)
		p[i] = alloc_page(GFP_NOIO);
	for (i = 0; i < 300; i++)
		CHECK(shim_page(p[i])->virtual != first && p[i] != old);
	for (i = 0; i < 300; i++)
		__free_page(p[i]);
	shim_teardown();
}

static void counts_many_owners(void)
{
	static char owners[40];
	struct page *p;
	int i;

	shim_reset();
	for (i = 0; i < 40; i++) {	/* more owners than the shim's count table holds */
		shim_set_owner(&owners[i]);
		alloc_page(GFP_NOIO);
		if (i % 2)
			alloc_page(GFP_NOIO);
	}
	for (i = 0; i < 40; i++)
		CHECK(shim_page_count(&owners[i]) == (i % 2 ? 2u : 1u));
	CHECK(shim_page_count(NULL) == 60);
	p = shim_page_next(NULL, &owners[3]);
	__free_page(p);
	CHECK(shim_page_count(&owners[3]) == 1);
	shim_reset();
}

static void gfp_values(void)
{
	/* 2.6.3x values: GFP_NOWAIT is 0 and GFP_KERNEL is 0xd0. */
	CHECK(GFP_NOWAIT == 0);
	CHECK(GFP_ATOMIC == 0x20);
	CHECK(GFP_NOIO == 0x10);
	CHECK(GFP_KERNEL == 0xd0);
	CHECK(__GFP_HIGHMEM == 0x02 && __GFP_ZERO == 0x8000 && __GFP_NOFAIL == 0x800);
}

static void reset_clears(void)
{
	shim_reset();
	alloc_page(GFP_NOIO);
	kzalloc(10, GFP_KERNEL);
	shim_reset();
	shim_teardown();	/* nothing left */
	CHECK(shim_page_count(NULL) == 0);
}

/* The generation moves with every page taken or freed (a reset's too), not with a kmap or a failure. */
static void generation(void)
{
	unsigned long g;
	struct shim_fault_plan fail_one = { .fail_pages = 1 };
	struct page *p;

	shim_reset();
	g = shim_page_generation();
	p = alloc_page(GFP_NOIO);
	CHECK(shim_page_generation() != g);
	g = shim_page_generation();
	kunmap_atomic(kmap_atomic(p, KM_USER0), KM_USER0);
	shim_fault_set(&fail_one);
	CHECK(alloc_page(GFP_NOIO) == NULL);
	CHECK(shim_page_generation() == g);
	__free_page(p);
	CHECK(shim_page_generation() != g);
	g = shim_page_generation();
	alloc_page(GFP_NOIO);
	shim_reset();
	CHECK(shim_page_generation() != g && shim_page_generation() >= g + 2);
	shim_teardown();
}

/* Weak: the sanitizers' allocators have it; a build without one has no leak check to spare. */
extern int __sanitizer_install_malloc_and_free_hooks(void (*)(const volatile void *, size_t),
						     void (*)(const volatile void *)) __attribute__((weak));
static long c_mallocs, c_frees;
static int counting;

static void on_malloc(const volatile void *p, size_t n)
{
	(void)p;
	(void)n;
	c_mallocs += counting;
}

static void on_free(const volatile void *p)
{
	(void)p;
	c_frees += counting;
}

/*
 * libFuzzer reruns an input with more C mallocs than frees and scans the
 * whole heap for leaks after it: once warm, taking and freeing pages must
 * be balanced, the quarantine included.
 */
static void balanced_mallocs(void)
{
	struct page *p[64];
	int round, i;

	if (!__sanitizer_install_malloc_and_free_hooks)
		return;
	CHECK(__sanitizer_install_malloc_and_free_hooks(on_malloc, on_free));
	shim_reset();
	for (round = 0; round < 3; round++) {
		counting = round > 0;	/* the first round may stock the shim's records */
		for (i = 0; i < 64; i++)
			CHECK((p[i] = alloc_page(GFP_NOIO)) != NULL);
		for (i = 0; i < 64; i++)
			__free_page(p[i]);
	}
	counting = 0;
	CHECK(c_mallocs == c_frees);
	shim_reset();
}

int main(void)
{
	expect_clean("page: alloc, owners, iteration, zero and poison fill, free", alloc_free_ok);
	expect_report("page: double free", double_free, "BUG: shim.page.free-invalid");
	expect_report("page: free while mapped", free_mapped, "BUG: shim.page.free-mapped");
	expect_report("page: gfp with two zones", gfp_two_zones, "BUG: shim.page.bad-gfp");
	expect_report("page: gfp with unknown bits", gfp_unknown_bits, "BUG: shim.page.bad-gfp");
	expect_report("page: leak at teardown", page_leak, "BUG: shim.leak.page");
	expect_report_needs(EXPECT_ASAN, "page: memory used after __free_page (quarantined, poisoned)",
			    use_after_free, "AddressSanitizer: use-after-poison");
	expect_clean("page: freed memory is not reused before 256 other frees", quarantine);
	expect_clean("page: once warm, pages taken and freed make as many C mallocs as frees",
		     balanced_mallocs);
	expect_clean("page: per-owner counts, also past the count table's size", counts_many_owners);
	expect_clean("gfp: 2.6.3x flag values", gfp_values);
	expect_clean("shim: reset frees everything", reset_clears);
	expect_clean("page: the generation counts pages taken and freed, never reset", generation);
	return expect_summary();
}
