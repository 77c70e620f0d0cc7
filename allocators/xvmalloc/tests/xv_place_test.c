/*
 * xv_place_test.c: xvmalloc's placement oracle on real pools.  Quiet: the
 * fixed allocator under random operations and faults, and the blocks
 * find_block() does not promise.  Firing: a real pool whose bitmaps hide a
 * list from find_block() between the oracle's note and the malloc, as a
 * wrong search would, so the real xv_malloc() grows or takes another block.
 */
#include <stdlib.h>
#include <string.h>
#include <linux/bitops.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/slab.h>
#include <asm/page.h>
#include <allocfuzz/shim.h>
#include "expect.h"
#include "xvmalloc.h"
#include "xvmalloc_int.h"
#include "xv_check.h"
#include "xv_place.h"

static const char tag;
static struct xv_pool *pool;

static int placed_malloc(u32 size, struct page **page, u32 *off)
{
	struct xv_place st;
	int ret;

	xv_place_before(pool, size, &st);
	ret = xv_malloc(pool, size, page, off, GFP_NOIO);
	xv_place_after(pool, size, ret, *page, *off, &st);
	return ret;
}

static void start(void)
{
	shim_reset();
	shim_set_owner(&tag);
	pool = xv_create_pool();
	CHECK(pool);
}

/* Page 1: a free 100-byte block at 0 (freelist 8), a used one, the free tail. */
static struct page *build(void)
{
	struct page *p1, *p2;
	u32 o1, o2;

	start();
	CHECK(!placed_malloc(100, &p1, &o1));
	CHECK(!placed_malloc(100, &p2, &o2) && p2 == p1);
	xv_free(pool, p1, o1);
	CHECK(pool->freelist[8].page == p1 && pool->freelist[8].offset == 0);
	xv_check(pool, &tag, CHECK_FULL);
	return p1;
}

/* Clears list i's bit (and its word's, if it was the last) as a search that skips it would see. */
static void hide(u32 i)
{
	__clear_bit(i % BITS_PER_LONG, &pool->slbitmap[i / BITS_PER_LONG]);
	if (!pool->slbitmap[i / BITS_PER_LONG])
		__clear_bit(i / BITS_PER_LONG, &pool->flbitmap);
}

/* ---- quiet ------------------------------------------------------------ */

static void fit_taken_clean(void)
{
	struct page *p1 = build(), *p;
	u32 o;

	CHECK(!placed_malloc(90, &p, &o) && p == p1 && o == XV_ALIGN);
	CHECK(!placed_malloc(4000, &p, &o) && p != p1);	/* nothing fits: grows */
	xv_check(pool, &tag, CHECK_FULL);
}

/* A 36-byte free block sits in list 0, below the first list a 36-byte request names. */
static void lower_list_not_promised_clean(void)
{
	struct page *p1, *p2, *p;
	u32 o1, o2, o;

	start();
	CHECK(!placed_malloc(36, &p1, &o1));
	CHECK(!placed_malloc(PAGE_SIZE - 2 * XV_ALIGN - 40, &p2, &o2) && p2 == p1);
	xv_free(pool, p1, o1);
	CHECK(pool->freelist[0].page == p1 && pool->flbitmap == 1 && pool->slbitmap[0] == 1);
	CHECK(!placed_malloc(36, &p, &o) && p != p1);	/* find_block() misses it, as it may */
	CHECK(pool->total_pages == 2);
	xv_check(pool, &tag, CHECK_FULL);
}

static u64 rnd(u64 *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* Random mallocs and frees, some page allocations refused, the oracle on every malloc. */
static void random_run(u64 seed, unsigned int fault_per_65536)
{
	static struct { struct page *page; u32 off; } live[300];
	struct shim_fault_plan plan = { .per_65536 = fault_per_65536, .seed = seed };
	int n = 0, i, k;
	u64 s = seed;

	start();
	shim_fault_set(&plan);
	for (k = 0; k < 6000; k++) {
		if (n < 300 && (!n || rnd(&s) % 100 < ((k / 500) % 2 ? 30 : 70))) {
			u32 size = rnd(&s) % 4 ? 1 + rnd(&s) % 600 : 1 + rnd(&s) % XV_MAX_ALLOC_SIZE;

			if (!placed_malloc(size, &live[n].page, &live[n].off))
				n++;
		} else {
			i = rnd(&s) % n;
			xv_free(pool, live[i].page, live[i].off);
			live[i] = live[--n];
		}
		xv_check(pool, &tag, CHECK_INCREMENTAL);
		shim_touched_clear();
	}
	plan.per_65536 = 0;
	shim_fault_set(&plan);
	while (n--)
		xv_free(pool, live[n].page, live[n].off);
	xv_check(pool, &tag, CHECK_FULL);
	CHECK(!pool->total_pages);
	xv_destroy_pool(pool);
	shim_teardown();
}

static void random_clean(void)
{
	random_run(0x9e3779b9ull, 0);
}

static void random_faults_clean(void)
{
	random_run(0x5eedfa17ull, 6000);
}

/* ---- firing ----------------------------------------------------------- */

/* Every list hidden: find_block() finds nothing and xv_malloc() grows past the listed block. */
static void grew_with_fit(void)
{
	struct xv_place st;
	struct page *p;
	u32 o;

	build();
	xv_place_before(pool, 90, &st);
	pool->flbitmap = 0;
	xv_place_after(pool, 90, xv_malloc(pool, 90, &p, &o, GFP_NOIO), p, o, &st);
	exit(0);
}

/* The same, with the page refused: the malloc still asked for one. */
static void grew_with_fit_refused(void)
{
	struct shim_fault_plan plan = { .fail_pages = 1 };
	struct xv_place st;
	struct page *p;
	u32 o;

	build();
	xv_place_before(pool, 90, &st);
	pool->flbitmap = 0;
	shim_fault_set(&plan);
	xv_place_after(pool, 90, xv_malloc(pool, 90, &p, &o, GFP_NOIO), p, o, &st);
	exit(0);
}

/* List 8 hidden: find_block() takes the tail's list above it instead. */
static void block_other_list(void)
{
	struct xv_place st;
	struct page *p;
	u32 o;

	build();
	xv_place_before(pool, 90, &st);
	hide(8);
	xv_place_after(pool, 90, xv_malloc(pool, 90, &p, &o, GFP_NOIO), p, o, &st);
	exit(0);
}

#define DEAD(fn, id)	expect_report(#fn, fn, "invariant " id " violated")

int main(void)
{
	expect_clean("fit_taken_clean", fit_taken_clean);
	expect_clean("lower_list_not_promised_clean", lower_list_not_promised_clean);
	expect_clean("random_clean", random_clean);
	expect_clean("random_faults_clean", random_faults_clean);
	DEAD(grew_with_fit, "xv.place.grew-with-fit");
	DEAD(grew_with_fit_refused, "xv.place.grew-with-fit");
	DEAD(block_other_list, "xv.place.block");
	return expect_summary();
}
