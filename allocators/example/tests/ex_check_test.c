/*
 * ex_check_test.c: each of the example allocator's invariants fires on a
 * real pool corrupted as a defect would leave it, and the checker and the
 * placement oracle stay quiet on long random valid runs.
 */
#include <stdlib.h>
#include <linux/bitops.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <allocfuzz/shim.h>
#include "ex_check.h"
#include "expect.h"
#include "example.h"

static const char owner;
static struct ex_pool *pool;
static unsigned long h[3];

/* A real pool: two pages, the first with two runs, the second with one. */
static void build(void)
{
	shim_reset();
	shim_set_owner(&owner);
	pool = ex_create_pool();
	CHECK(pool);
	CHECK((h[0] = ex_malloc(pool, 100, GFP_KERNEL)) != 0);
	CHECK((h[1] = ex_malloc(pool, 3000, GFP_KERNEL)) != 0);
	CHECK((h[2] = ex_malloc(pool, 4000, GFP_KERNEL)) != 0);
	CHECK(pool->nr_pages == 2 && EX_SLOT(h[2]) == 1);
	ex_check(pool, &owner, CHECK_FULL);
}

static u64 rng = 88172645463325252ull;

static unsigned int next(unsigned int n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned int)(rng % n);
}

static void valid_runs(void)
{
	unsigned long live[64] = { 0 };
	struct ex_place st;
	unsigned int i, s;
	size_t size;

	shim_reset();
	shim_set_owner(&owner);
	pool = ex_create_pool();
	for (i = 0; i < 20000; i++) {
		s = next(64);
		if (live[s]) {
			ex_free(pool, live[s]);
			live[s] = 0;
		} else {
			size = 1 + next(next(4) ? 512 : PAGE_SIZE);
			ex_place_before(pool, &st);
			live[s] = ex_malloc(pool, size, GFP_KERNEL);
			ex_place_after(pool, size, live[s], &st);
			CHECK(live[s] != 0);
		}
		ex_check(pool, &owner, i % 2 ? CHECK_FULL : CHECK_INCREMENTAL);
	}
	for (s = 0; s < 64; s++)
		if (live[s])
			ex_free(pool, live[s]);
	CHECK(pool->nr_pages == 0 && pool->used_chunks == 0);
	ex_destroy_pool(pool);
	shim_teardown();
}

static void page_count(void)
{
	build();
	pool->nr_pages++;
	ex_check(pool, &owner, CHECK_INCREMENTAL);
}

static void shim_pages(void)
{
	build();
	pool->pages[1] = NULL;		/* dropped from the table, still the pool's */
	pool->nr_pages--;
	pool->used_chunks -= EX_NCHUNKS(h[2]);
	ex_check(pool, &owner, CHECK_FULL);
}

static void dead_page(void)
{
	struct page *page;

	build();
	page = pool->pages[1];
	__free_page(page);		/* freed behind the pool's back */
	ex_check(pool, &owner, CHECK_FULL);
}

static void empty_page(void)
{
	build();
	pool->used_chunks -= hweight_long(page_private(pool->pages[1]));
	set_page_private(pool->pages[1], 0);	/* its last run freed, the page kept */
	ex_check(pool, &owner, CHECK_FULL);
}

static void used_chunks(void)
{
	build();
	set_page_private(pool->pages[0], page_private(pool->pages[0]) | 1UL << 63);
	ex_check(pool, &owner, CHECK_INCREMENTAL);
}

/* The first page has room for 100 bytes; a malloc that grows instead breaks first fit. */
static void grew_with_fit(void)
{
	struct ex_place st;
	struct page *full;

	build();
	ex_place_before(pool, &st);
	full = pool->pages[0];
	set_page_private(full, ~0UL);		/* the malloc sees no room... */
	h[0] = ex_malloc(pool, 100, GFP_KERNEL);
	set_page_private(full, st.used[0]);	/* ...but the oracle saw some */
	ex_place_after(pool, 100, h[0], &st);
}

int main(void)
{
	expect_clean("example: 20000 random operations, checked after each", valid_runs);
	expect_report("example: nr_pages drifted", page_count,
		      "invariant ex.pool.page-count violated");
	expect_report("example: a page dropped from the table", shim_pages,
		      "invariant ex.pool.shim-pages violated");
	expect_report("example: a table page freed", dead_page,
		      "invariant ex.page.dead violated");
	expect_report("example: an empty page kept", empty_page,
		      "invariant ex.page.empty violated");
	expect_report("example: a bit set that no run holds", used_chunks,
		      "invariant ex.pool.used-chunks violated");
	expect_report("example: a new page while the first had room", grew_with_fit,
		      "invariant ex.place.first-fit violated");
	return expect_summary();
}
