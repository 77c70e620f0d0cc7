/*
 * xcf_place_test.c: xcfmalloc's placement oracle on real pools.  Quiet: the
 * fixed allocator on every step of its search order, with refused pages and
 * descriptors, and under random operations.  Firing: a real pool whose lists
 * or reserve count are changed between the oracle's note and the real
 * xcf_malloc(), as a search that skips a list or a wrong refill would see
 * them.
 */
#include <stdlib.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/slab.h>
#include <asm/page.h>
#include <allocfuzz/shim.h>
#include "gfp_policy.h"
#include "expect.h"
#include "xcfmalloc.h"
#include "xcfmalloc_int.h"
#include "xcf_check.h"
#include "xcf_place.h"

static const char tag;
static struct xcf_pool *pool;
static struct xcf_blkdesc *h[5];

static struct xcf_blkdesc *placed_malloc(int size)
{
	struct xcf_place st;
	struct xcf_blkdesc *d;

	xcf_place_before(pool, (u32)size, &st);
	d = xcf_malloc(pool, size, ZCACHE_GFP);
	xcf_place_after(pool, (u32)size, d, &st);
	return d;
}

static void check(void)
{
	xcf_check(pool, &tag, CHECK_FULL);
}

/*
 * As xcf_check_test's standard state:
 *   page A: h0 (100 B) @0 | free 64 @128 | h2 (240 B) @192 | h4 (1000 B) @448
 *           | free 2624 @1472;  page B: h3 (MAX_ALLOC_SIZE);  32 reserve pages.
 *   Non-empty freelists: 0, 40 and 63.
 */
static void build(void)
{
	static const int sizes[5] = { 100, 48, 240, MAX_ALLOC_SIZE, 1000 };
	int i;

	shim_reset();
	shim_set_owner(&tag);
	pool = xcf_create_pool(ZCACHE_GFP);
	CHECK(pool);
	for (i = 0; i < 5; i++)
		CHECK((h[i] = placed_malloc(sizes[i])));
	xcf_free(pool, (struct xcf_handle *)h[1]);
	CHECK(pool->freelists[0] && xcf_get_offset(pool->freelists[0]) == 128);
	CHECK(pool->freelists[40] && xcf_get_offset(pool->freelists[40]) == 1472);
	CHECK(pool->reserve_count == XCF_MAX_RESERVE_PAGES);
	check();
}

/* ---- quiet ------------------------------------------------------------ */

static void search_order_clean(void)
{
	struct shim_fault_plan plan = { .fail_slab = 1 };
	struct xcf_blkdesc *d;

	build();
	d = placed_malloc(100);			/* largest smaller: list 0's block, then list 40's */
	CHECK(d && d->next && xcf_get_offset(d) == 128 && xcf_get_offset(d->next) == 1472);
	xcf_free(pool, (struct xcf_handle *)d);
	check();
	d = placed_malloc(2600);		/* best fit: list 40 */
	CHECK(d && !d->next && xcf_get_offset(d) == 1472);
	xcf_free(pool, (struct xcf_handle *)d);
	d = placed_malloc(3000);		/* list 40's block, then a reserve page */
	CHECK(d && d->next && xcf_get_offset(d) == 1472 && d->next->page != h[0]->page);
	xcf_free(pool, (struct xcf_handle *)d);
	CHECK(!placed_malloc(MAX_ALLOC_SIZE + 1));	/* refused before the search */
	shim_fault_set(&plan);
	CHECK(!placed_malloc(2500));		/* the split's descriptor refused */
	check();
}

/* The reserve refilled as far as pages are granted, then on the next malloc. */
static void partial_topup_clean(void)
{
	struct shim_fault_plan plan = { .fail_pages = 40 };
	struct shim_fault_plan some = { .per_65536 = 20000, .seed = 3 };
	int i;

	shim_reset();
	shim_set_owner(&tag);
	shim_fault_set(&plan);
	pool = xcf_create_pool(ZCACHE_GFP);
	CHECK(pool && !pool->reserve_count);
	CHECK(!placed_malloc(100));		/* no page at all */
	shim_fault_set(&some);
	for (i = 0; i < 20; i++)
		placed_malloc(3000);
	plan.fail_pages = 0;
	shim_fault_set(&plan);
	CHECK(placed_malloc(10));
	CHECK(pool->reserve_count >= XCF_MAX_RESERVE_PAGES - 1);	/* refilled, then maybe one taken */
	check();
}

static u64 rnd(u64 *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* Random mallocs (sizes biased to block edges) and frees, with faults, the oracle on each malloc. */
static void random_run(u64 seed, unsigned int fault_per_65536)
{
	static const int edges[] = { 0, 1, 47, 48, 49, 112, 113, 240, 1000, 2032, 2033, 4016, 4017,
				     4064, 4080, 4081 };
	static struct xcf_blkdesc *live[400];
	struct shim_fault_plan plan = { .per_65536 = fault_per_65536, .seed = seed };
	int n = 0, i, k, size;
	u64 s = seed;

	shim_reset();
	shim_set_owner(&tag);
	pool = xcf_create_pool(ZCACHE_GFP);
	CHECK(pool);
	shim_fault_set(&plan);
	for (k = 0; k < 6000; k++) {
		if (n < 400 && (!n || rnd(&s) % 100 < ((k / 600) % 2 ? 25 : 70))) {
			size = rnd(&s) % 3 ? (int)(rnd(&s) % 300) :
			       rnd(&s) % 2 ? edges[rnd(&s) % ARRAY_SIZE(edges)] :
			       (int)(rnd(&s) % (MAX_ALLOC_SIZE + 1));
			if ((live[n] = placed_malloc(size)))
				n++;
		} else {
			i = (int)(rnd(&s) % n);
			xcf_free(pool, (struct xcf_handle *)live[i]);
			live[i] = live[--n];
		}
		xcf_check(pool, &tag, CHECK_INCREMENTAL);
		shim_touched_clear();
	}
	plan.per_65536 = 0;
	shim_fault_set(&plan);
	while (n--)
		xcf_free(pool, (struct xcf_handle *)live[n]);
	check();
	xcf_destroy_pool(pool);
	xcf_exit();
	shim_teardown();
}

static void random_clean(void)
{
	random_run(0xc0ffeeull, 0);
}

static void random_faults_clean(void)
{
	random_run(0xfa11ull, 8000);
}

/* ---- firing ----------------------------------------------------------- */

/* size is noted, then change() runs, then the real malloc; its check must report. */
static void placed_after(int size, void (*change)(void))
{
	struct xcf_place st;

	xcf_place_before(pool, (u32)size, &st);
	change();
	xcf_place_after(pool, (u32)size, xcf_malloc(pool, size, ZCACHE_GFP), &st);
	exit(0);
}

static void hide_40(void)
{
	pool->freelists[40] = NULL;
}

static void hide_0(void)
{
	pool->freelists[0] = NULL;
}

static void hide_all(void)
{
	int i;

	for (i = 0; i < (int)XCF_NUM_FREELISTS; i++)
		pool->freelists[i] = NULL;
}

static void reserve_full(void)
{
	pool->reserve_count = XCF_MAX_RESERVE_PAGES;
}

static void reserve_empty(void)
{
	pool->reserve_count = 0;
}

/* 3000 bytes: list 40's 2624 block comes first; hidden, the search falls to list 0. */
static void smaller(void)
{
	build();
	placed_after(3000, hide_40);
}

/* 100 bytes: list 0's 64-byte block comes first; hidden, list 40's block holds it all. */
static void smallest_list(void)
{
	build();
	placed_after(100, hide_0);
}

/* 2600 bytes: list 40 is the best fit; hidden, the search takes list 0's block. */
static void block_best_fit(void)
{
	build();
	placed_after(2600, hide_40);
}

/* 2600 bytes, every list hidden: the malloc fails although the search finds list 40. */
static void result(void)
{
	build();
	placed_after(2600, hide_all);
}

/* No reserve page, and the count says full: xcf_increase_pool() adds none. */
static void topup_short(void)
{
	struct shim_fault_plan plan = { .fail_pages = 40 };

	shim_reset();
	shim_set_owner(&tag);
	shim_fault_set(&plan);
	pool = xcf_create_pool(ZCACHE_GFP);
	CHECK(pool && !pool->reserve_count);
	plan.fail_pages = 0;
	shim_fault_set(&plan);
	placed_after(100, reserve_full);
}

/* A full reserve counted as empty: xcf_increase_pool() adds a second one. */
static void topup_excess(void)
{
	build();
	placed_after(100, reserve_empty);
}

#define DEAD(fn, id)	expect_report(#fn, fn, "invariant " id " violated")

int main(void)
{
	expect_clean("search_order_clean", search_order_clean);
	expect_clean("partial_topup_clean", partial_topup_clean);
	expect_clean("random_clean", random_clean);
	expect_clean("random_faults_clean", random_faults_clean);
	DEAD(smaller, "xcf.place.smaller");
	DEAD(smallest_list, "xcf.place.smallest-list");
	DEAD(block_best_fit, "xcf.place.block");
	DEAD(result, "xcf.place.result");
	DEAD(topup_short, "xcf.reserve.topup");
	DEAD(topup_excess, "xcf.reserve.topup");
	return expect_summary();
}
