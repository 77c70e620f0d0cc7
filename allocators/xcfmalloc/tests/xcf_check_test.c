/*
 * xcf_check_test.c: every xcfmalloc invariant fires, with its own id, on a
 * real pool state with exactly one thing corrupted; long random operation
 * sequences (with and without allocation failures) pass every check.
 *
 * Clean cases run shim_reset() ... xcf_exit(), shim_teardown().  Death
 * cases start with shim_reset() and end in the checker's report; if the
 * checker returns instead, missed() exits 0 and the runner fails the case.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/slab.h>
#include <asm/page.h>
#include <allocfuzz/shim.h>
#include <linux/highmem.h>
#include "xcfmalloc.h"
#include "xcfmalloc_int.h"
#include "xcf_check.h"
#include "expect.h"

/* zcache's ZCACHE_GFP_MASK */
#include "gfp_policy.h"
#define ZGFP	ZCACHE_GFP
#define MAXSZ	((int)MAX_ALLOC_SIZE)

/* Not in a header: the allocator's descriptor allocation, to leak one. */
struct xcf_blkdesc *xcf_alloc_desc(struct xcf_pool *pool, gfp_t flags);

static const char owner_a, owner_b;
#define OWNER	(&owner_a)

static struct xcf_pool *pool;
static struct xcf_blkdesc *h[5];	/* the standard state's allocations */
static unsigned char junk[64];		/* neither a descriptor nor a page */

/* ---- helpers --------------------------------------------------------- */

static void fill(unsigned char *buf, int size, unsigned int tag)
{
	int i;

	for (i = 0; i < size; i++)
		buf[i] = (unsigned char)(tag * 131 + i * 7 + (i >> 8));
}

static struct xcf_blkdesc *alloc(struct xcf_pool *p, int size)
{
	static unsigned char buf[PAGE_SIZE];
	struct xcf_blkdesc *d = xcf_malloc(p, size, ZGFP);

	CHECK(d);
	fill(buf, size, size);
	xcf_write((struct xcf_handle *)d, buf);
	return d;
}

static void release(struct xcf_blkdesc *d)
{
	xcf_free(pool, (struct xcf_handle *)d);
}

static void check(enum check_mode mode)
{
	xcf_check(pool, OWNER, mode);
}

/* A death case whose checker returned. */
static void missed(void)
{
	exit(0);
}

static struct xcf_blkhdr *map_hdr(struct xcf_blkdesc *d)
{
	return (struct xcf_blkhdr *)((char *)kmap_atomic(d->page, KM_USER0) +
				     xcf_get_offset(d));
}

static void unmap_hdr(struct xcf_blkhdr *hdr)
{
	kunmap_atomic(hdr, KM_USER0);
}

/*
 * The standard state, built through the public API:
 *   page A: h0 (100 B) @0 | free 64 @128 | h2 (240 B, a whole 256 block) @192
 *           | h4 (1000 B) @448 | free 2624 @1472
 *   page B: h3 (MAX_ALLOC_SIZE) @0
 *   32 reserve pages.  Non-empty freelists: 0, 40 and 63.
 */
static void build(void)
{
	shim_reset();
	shim_set_owner(OWNER);
	pool = xcf_create_pool(ZGFP);
	CHECK(pool);
	h[0] = alloc(pool, 100);
	h[1] = alloc(pool, 48);
	h[2] = alloc(pool, 240);
	h[3] = alloc(pool, MAXSZ);
	h[4] = alloc(pool, 1000);
	release(h[1]);
	h[1] = NULL;
	CHECK(xcf_get_offset(h[0]) == 0 && xcf_get_offset(h[2]) == 192 &&
	      xcf_get_offset(h[4]) == 448 && xcf_get_offset(h[3]) == 0);
	CHECK(h[0]->page == h[2]->page && h[2]->page == h[4]->page && h[3]->page != h[0]->page);
	CHECK(pool->freelists[0] && xcf_get_offset(pool->freelists[0]) == 128);
	CHECK(pool->freelists[40] && xcf_get_offset(pool->freelists[40]) == 1472);
	CHECK(pool->reserve_count == XCF_MAX_RESERVE_PAGES && pool->page_count == 34);
}

/* Frees the standard state and tears everything down cleanly. */
static void finish(void)
{
	int i;

	for (i = 0; i < 5; i++)
		if (h[i])
			release(h[i]);
	check(CHECK_FULL);
	CHECK(xcf_get_total_size_bytes(pool) == 0 && xcf_get_desc_count(pool) == 0);
	xcf_destroy_pool(pool);
	xcf_exit();
	shim_teardown();
}

/* h2 (fully used) and h4 as one two-block allocation, as the scatter path would link them. */
static void fabricate_chain(void)
{
	h[2]->next = h[4];
	h[4]->prev = h[2];
}

/* ---- valid states ---------------------------------------------------- */

static void standard_state_clean(void)
{
	build();
	check(CHECK_FULL);
	check(CHECK_INCREMENTAL);
	finish();
}

static void empty_pool_clean(void)
{
	shim_reset();
	shim_set_owner(OWNER);
	pool = xcf_create_pool(ZGFP);
	CHECK(pool);
	check(CHECK_FULL);
	check(CHECK_INCREMENTAL);
	xcf_check(NULL, OWNER, CHECK_NONE);	/* NONE returns before looking */
	xcf_destroy_pool(pool);
	xcf_exit();
	shim_teardown();
}

static void two_block_allocation_clean(void)
{
	static unsigned char buf[2 * PAGE_SIZE], want[2 * PAGE_SIZE];

	build();
	fabricate_chain();
	check(CHECK_FULL);
	check(CHECK_INCREMENTAL);
	CHECK(xcf_get_alloc_size((struct xcf_handle *)h[2]) == 1240);
	xcf_read((struct xcf_handle *)h[2], buf);
	fill(want, 240, 240);
	fill(want + 240, 1000, 1000);
	CHECK(!memcmp(buf, want, 1240));
	h[2]->next = NULL;
	h[4]->prev = NULL;
	finish();
}

/* Incremental mode looks at touched pages only: that is its contract. */
static void incremental_skips_untouched_pages(void)
{
	struct xcf_blkhdr *hdr;

	build();
	hdr = map_hdr(h[4]);
	hdr->prevoffset = 128;
	unmap_hdr(hdr);
	shim_touched_clear();
	check(CHECK_INCREMENTAL);
	hdr = map_hdr(h[4]);
	hdr->prevoffset = 192;
	unmap_hdr(hdr);
	finish();
}

/* ---- random operation sequences ------------------------------------- */

struct obj {
	struct xcf_blkdesc *h;
	int size;
	unsigned int tag;
};

static u64 rnd(u64 *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static const int edge_sizes[] = {
	0, 1, 15, 16, 17, 47, 48, 49, 63, 64, 65, 111, 112, 113, 175, 176, 177,
	240, 1000, 2015, 2016, 2032, 2033, 2048, 4000, 4015, 4016, 4017, 4031,
	4032, 4033, 4064, 4079, 4080,
};

/* Sizes across 0..MAX_ALLOC_SIZE, biased to block and page boundaries. */
static int pick_size(u64 *s)
{
	unsigned int r = rnd(s) % 100;

	if (r < 40)
		return edge_sizes[rnd(s) % ARRAY_SIZE(edge_sizes)];
	if (r < 43)
		return MAXSZ + 1 + (int)(rnd(s) % 64);	/* refused */
	if (r < 75)
		return (int)(rnd(s) % 256);
	return (int)(rnd(s) % (MAXSZ + 1));
}

struct run {
	struct xcf_pool *pool;
	const void *owner;
	struct obj *objs;
	int n, cap;
	bool faults;
	unsigned int tag;
	int ops, refused, peak_pages;	/* for the summary line */
};

static void run_check(struct run *r, enum check_mode mode)
{
	xcf_check(r->pool, r->owner, mode);
	if (mode == CHECK_INCREMENTAL)
		shim_touched_clear();
}

/* One random operation: malloc+write, read+compare, or free. */
static void run_op(struct run *r, u64 *s, unsigned int grow_pct)
{
	static unsigned char buf[PAGE_SIZE], got[PAGE_SIZE];
	unsigned int op = rnd(s) % 100;
	struct obj *o;
	int i;

	shim_set_owner(r->owner);
	r->ops++;
	if (r->pool->page_count > r->peak_pages)
		r->peak_pages = r->pool->page_count;
	if (!r->n || (r->n < r->cap && op < grow_pct)) {
		int size = pick_size(s);
		struct xcf_blkdesc *d = xcf_malloc(r->pool, size, ZGFP);

		if (size > MAXSZ) {
			CHECK(!d);
			return;
		}
		/* with a 32-page reserve, only a failed page or descriptor allocation refuses */
		CHECK(d || r->faults);
		if (!d) {
			r->refused++;
			return;
		}
		o = &r->objs[r->n++];
		o->h = d;
		o->size = size;
		o->tag = ++r->tag;
		fill(buf, size, o->tag);
		xcf_write((struct xcf_handle *)d, buf);
		return;
	}
	i = (int)(rnd(s) % r->n);
	o = &r->objs[i];
	if (op < grow_pct + (100 - grow_pct) / 4) {
		memset(got, 0, sizeof(got));
		xcf_read((struct xcf_handle *)o->h, got);
		fill(buf, o->size, o->tag);
		CHECK(!memcmp(buf, got, o->size));
		return;
	}
	xcf_free(r->pool, (struct xcf_handle *)o->h);
	*o = r->objs[--r->n];
}

static void run_free_all(struct run *r)
{
	printf("  %d ops, peak %d pages, %d live at the end, %d mallocs refused\n",
	       r->ops, r->peak_pages, r->n, r->refused);
	shim_set_owner(r->owner);
	while (r->n) {
		xcf_free(r->pool, (struct xcf_handle *)r->objs[--r->n].h);
		run_check(r, CHECK_INCREMENTAL);
	}
	run_check(r, CHECK_FULL);
	CHECK(xcf_get_total_size_bytes(r->pool) == 0 && xcf_get_desc_count(r->pool) == 0);
	CHECK(r->pool->reserve_count == r->pool->page_count);
}

/*
 * ops operations on one pool, growing and shrinking in waves; an
 * incremental check after each, a full one every full_every.
 */
static void random_run(u64 seed, int ops, int full_every, unsigned int fault_per_65536)
{
	static struct obj objs[600];
	struct shim_fault_plan plan = { .per_65536 = fault_per_65536, .seed = seed };
	struct run r = { .owner = OWNER, .objs = objs, .cap = 600,
			 .faults = fault_per_65536 != 0 };
	u64 s = seed;
	int i;

	shim_reset();
	shim_set_owner(OWNER);
	r.pool = pool = xcf_create_pool(ZGFP);
	CHECK(pool);
	if (r.faults)
		shim_fault_set(&plan);
	for (i = 0; i < ops; i++) {
		run_op(&r, &s, (i / 700) % 2 ? 20 : 70);
		run_check(&r, CHECK_INCREMENTAL);
		if (i % full_every == 0)
			run_check(&r, CHECK_FULL);
	}
	plan.per_65536 = 0;
	shim_fault_set(&plan);
	run_free_all(&r);
	xcf_destroy_pool(pool);
	xcf_exit();
	shim_teardown();
}

static void random_seed1(void)
{
	random_run(0x1234567ull, 5000, 50, 0);
}

static void random_seed2(void)
{
	random_run(0xdecafbadull, 5000, 97, 0);
}

static void random_seed3(void)
{
	random_run(0x5eed0003ull, 3000, 1, 0);	/* full check after every op */
}

static void random_faults_light(void)
{
	random_run(0xfa17ull, 5000, 50, 3000);	/* ~5% of allocations fail */
}

static void random_faults_heavy(void)
{
	random_run(0xbadf00dull, 5000, 50, 30000);	/* ~45% fail */
}

/* Starts with no page at all: the pool grows only as allocations succeed. */
static void random_faults_empty_start(void)
{
	static struct obj objs[200];
	struct shim_fault_plan plan = { .fail_pages = 40, .per_65536 = 8000, .seed = 7 };
	struct run r = { .owner = OWNER, .objs = objs, .cap = 200, .faults = true };
	u64 s = 99;
	int i;

	shim_reset();
	shim_set_owner(OWNER);
	shim_fault_set(&plan);
	r.pool = pool = xcf_create_pool(ZGFP);
	CHECK(pool && pool->page_count == 0);
	run_check(&r, CHECK_FULL);
	for (i = 0; i < 3000; i++) {
		run_op(&r, &s, 60);
		run_check(&r, CHECK_INCREMENTAL);
		if (i % 40 == 0)
			run_check(&r, CHECK_FULL);
	}
	plan = (struct shim_fault_plan){ 0 };
	shim_fault_set(&plan);
	run_free_all(&r);
	xcf_destroy_pool(pool);
	xcf_exit();
	shim_teardown();
}

/* Two pools under two owners share the descriptor cache; each checks alone. */
static void random_two_pools(void)
{
	static struct obj objs_a[300], objs_b[300];
	struct run a = { .owner = &owner_a, .objs = objs_a, .cap = 300 };
	struct run b = { .owner = &owner_b, .objs = objs_b, .cap = 300 };
	u64 s = 42;
	int i;

	shim_reset();
	shim_set_owner(&owner_a);
	a.pool = xcf_create_pool(ZGFP);
	shim_set_owner(&owner_b);
	b.pool = xcf_create_pool(ZGFP);
	CHECK(a.pool && b.pool);
	for (i = 0; i < 4000; i++) {
		struct run *r = rnd(&s) & 1 ? &a : &b;

		run_op(r, &s, (i / 500) % 2 ? 20 : 65);
		run_check(&a, CHECK_INCREMENTAL);
		run_check(&b, CHECK_INCREMENTAL);
		if (i % 100 == 0) {
			run_check(&a, CHECK_FULL);
			run_check(&b, CHECK_FULL);
		}
	}
	run_free_all(&a);
	run_free_all(&b);
	xcf_destroy_pool(a.pool);
	xcf_destroy_pool(b.pool);
	xcf_exit();
	shim_teardown();
}

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* Not a pass/fail check: prints what a check costs on a ~50-page pool. */
static void cost_of_checks(void)
{
	static struct obj objs[1000];
	struct run r = { .owner = OWNER, .objs = objs, .cap = 1000 };
	double inc = 0, full = 0, t;
	u64 s = 5;
	int i, k = 2000;

	shim_reset();
	shim_set_owner(OWNER);
	r.pool = pool = xcf_create_pool(ZGFP);
	CHECK(pool);
	while (pool->page_count < 50)
		run_op(&r, &s, 90);
	r.cap = r.n;	/* steady state from here: the pool stays near 50 pages */
	for (i = 0; i < k; i++) {
		run_op(&r, &s, 50);
		t = now_ns();
		xcf_check(pool, OWNER, CHECK_INCREMENTAL);
		inc += now_ns() - t;
		shim_touched_clear();
	}
	for (i = 0; i < 20; i++) {
		t = now_ns();
		xcf_check(pool, OWNER, CHECK_FULL);
		full += now_ns() - t;
	}
	printf("cost: %d pages, %d allocations: incremental check %.1f us, full check %.1f us\n",
	       pool->page_count, r.n, inc / k / 1e3, full / 20 / 1e3);
	run_free_all(&r);
	xcf_destroy_pool(pool);
	xcf_exit();
	shim_teardown();
}

/* ---- corruptions: pool ---------------------------------------------- */

static void pool_live(void)
{
	shim_reset();
	shim_set_owner(OWNER);
	pool = xcf_create_pool(ZGFP);
	xcf_destroy_pool(pool);
	check(CHECK_INCREMENTAL);
	missed();
}

static void pool_locked(void)
{
	build();
	spin_lock(&pool->lock);
	check(CHECK_INCREMENTAL);
	missed();
}

static void pool_counters(void)
{
	build();
	pool->desc_count = -1;
	check(CHECK_FULL);
	missed();
}

static void pool_page_count(void)
{
	build();
	pool->page_count++;
	check(CHECK_INCREMENTAL);
	missed();
}

static void pool_desc_count(void)
{
	build();
	pool->desc_count++;
	check(CHECK_FULL);
	missed();
}

static void reserve_max(void)
{
	build();
	pool->reserve_count = XCF_MAX_RESERVE_PAGES + 1;
	check(CHECK_FULL);
	missed();
}

static void reserve_count(void)
{
	build();
	pool->reserve_count--;
	check(CHECK_FULL);
	missed();
}

static void reserve_count_incremental(void)
{
	build();
	shim_touched_clear();
	pool->reserve_count--;
	check(CHECK_INCREMENTAL);
	missed();
}

/* A descriptor counted and held, but by no block: the walk sees the leak. */
static void stats_desc_count_leak(void)
{
	build();
	CHECK(xcf_alloc_desc(pool, GFP_NOWAIT));	/* counted, then leaked */
	check(CHECK_FULL);
	missed();
}

/* ---- corruptions: descriptors and freelists ------------------------- */

static void desc_dangling_head(void)
{
	build();
	pool->freelists[10] = (struct xcf_blkdesc *)junk;
	check(CHECK_INCREMENTAL);
	missed();
}

/* The k-th entry of the reserve list. */
static struct xcf_blkdesc *reserve_entry(int k)
{
	struct xcf_blkdesc *d = pool->freelists[XCF_RESERVED_INDEX];

	while (k--)
		d = d->next;
	return d;
}

/* A reserve entry freed after a check proved it live, the count kept right. */
static void desc_dangling_reserve_freed(void)
{
	build();
	check(CHECK_INCREMENTAL);
	kmem_cache_free(shim_cache_find("xcf_desc_cache"), reserve_entry(5));
	pool->desc_count--;
	check(CHECK_INCREMENTAL);
	missed();
}

/* A reserve entry after a check replaced by a pointer that was never a descriptor. */
static void desc_dangling_reserve_link(void)
{
	build();
	check(CHECK_INCREMENTAL);
	reserve_entry(2)->next = (struct xcf_blkdesc *)junk;
	check(CHECK_INCREMENTAL);
	missed();
}

/* Freelist 40's head freed after a check proved it, the list left pointing at it. */
static void desc_dangling_head_freed(void)
{
	build();
	check(CHECK_INCREMENTAL);
	kmem_cache_free(shim_cache_find("xcf_desc_cache"), pool->freelists[40]);
	pool->desc_count--;
	check(CHECK_INCREMENTAL);
	missed();
}

/* Freelist 40's head changed after a check proved it: it is checked again. */
static void block_size_head_changed(void)
{
	build();
	check(CHECK_INCREMENTAL);
	pool->freelists[40]->size += 1;
	check(CHECK_INCREMENTAL);
	missed();
}

/* Freelist 40's head's page freed after a check proved it, the head and the count kept right. */
static void desc_page_head_freed(void)
{
	build();
	check(CHECK_INCREMENTAL);
	__free_page(pool->freelists[40]->page);
	pool->page_count--;
	check(CHECK_INCREMENTAL);
	missed();
}

static void desc_dangling_header(void)
{
	struct xcf_blkhdr *hdr;

	build();
	shim_touched_clear();
	hdr = map_hdr(h[2]);
	hdr->desc = (struct xcf_blkdesc *)junk;
	unmap_hdr(hdr);
	check(CHECK_INCREMENTAL);
	missed();
}

static void desc_page(void)
{
	build();
	pool->freelists[40]->page = (struct page *)junk;
	check(CHECK_INCREMENTAL);
	missed();
}

static void freelist_missing(void)
{
	build();
	pool->freelists[40] = NULL;
	check(CHECK_FULL);
	missed();
}

static void freelist_link_head(void)
{
	build();
	pool->freelists[40]->prev = h[0];
	check(CHECK_INCREMENTAL);
	missed();
}

static void freelist_link_middle(void)
{
	struct xcf_blkdesc *second;

	build();
	second = pool->freelists[XCF_RESERVED_INDEX]->next;
	second->prev = second->next;
	check(CHECK_FULL);
	missed();
}

static void freelist_wrong_list(void)
{
	build();
	pool->freelists[10] = pool->freelists[40];
	check(CHECK_INCREMENTAL);
	missed();
}

static void freelist_not_free(void)
{
	build();
	pool->freelists[10] = h[0];
	check(CHECK_INCREMENTAL);
	missed();
}

static void freelist_cycle(void)
{
	struct xcf_blkdesc *last;

	build();
	for (last = pool->freelists[XCF_RESERVED_INDEX]; last->next; last = last->next)
		;
	last->next = pool->freelists[XCF_RESERVED_INDEX];
	check(CHECK_INCREMENTAL);
	missed();
}

/* A second descriptor for the free block at 1472, pushed onto its list. */
static void freelist_stray(void)
{
	struct xcf_blkdesc *f, *e;

	build();
	f = pool->freelists[40];
	e = xcf_alloc_desc(pool, GFP_NOWAIT);
	CHECK(e);
	*e = *f;
	e->next = f;
	f->prev = e;
	pool->freelists[40] = e;
	check(CHECK_FULL);
	missed();
}

/* ---- corruptions: blocks -------------------------------------------- */

#ifdef XCFM_DEBUG
static void block_sentinel(void)
{
	struct xcf_blkhdr *hdr;

	build();
	shim_touched_clear();
	hdr = map_hdr(h[2]);
	hdr->sentinel = 0;
	unmap_hdr(hdr);
	check(CHECK_INCREMENTAL);
	missed();
}
#endif

static void block_backlink(void)
{
	struct xcf_blkhdr *hdr;

	build();
	shim_touched_clear();
	hdr = map_hdr(h[2]);
	hdr->desc = h[4];
	unmap_hdr(hdr);
	check(CHECK_INCREMENTAL);
	missed();
}

static void block_prevoffset(void)
{
	struct xcf_blkhdr *hdr;

	build();
	shim_touched_clear();
	hdr = map_hdr(h[4]);
	hdr->prevoffset = 128;
	unmap_hdr(hdr);
	check(CHECK_INCREMENTAL);
	missed();
}

static void block_flags(void)
{
	build();
	xcf_set_flags(h[2], XCF_BLOCK_FREE | XCF_BLOCK_USED);
	check(CHECK_FULL);
	missed();
}

static void block_size(void)
{
	build();
	h[0]->size = 8;
	check(CHECK_FULL);
	missed();
}

static void block_size_free(void)
{
	build();
	pool->freelists[0]->size = 65;
	check(CHECK_FULL);
	missed();
}

static void block_tiling(void)
{
	build();
	h[3]->size = PAGE_SIZE + 4;
	check(CHECK_FULL);
	missed();
}

static void block_adjacent_free(void)
{
	build();
	xcf_set_flags(h[2], XCF_BLOCK_FREE);	/* size 256: a valid free size */
	check(CHECK_FULL);
	missed();
}

/* ---- corruptions: allocation chains --------------------------------- */

static void alloc_link(void)
{
	build();
	h[0]->next = h[2];
	check(CHECK_FULL);
	missed();
}

static void alloc_member(void)
{
	build();
	h[0]->next = pool->freelists[0];
	check(CHECK_FULL);
	missed();
}

static void alloc_length(void)
{
	build();
	fabricate_chain();
	h[4]->next = h[0];
	h[0]->prev = h[4];
	check(CHECK_FULL);
	missed();
}

static void alloc_partial(void)
{
	build();
	fabricate_chain();
	h[2]->size = 250;
	check(CHECK_FULL);
	missed();
}

/* A whole-page block chained with another: 4080 + 1000 bytes. */
static void alloc_size(void)
{
	build();
	h[3]->next = h[4];
	h[4]->prev = h[3];
	check(CHECK_FULL);
	missed();
}

#define DEAD(fn, id)	expect_report(#fn, fn, "invariant " id " violated")

int main(void)
{
	expect_clean("standard_state_clean", standard_state_clean);
	expect_clean("empty_pool_clean", empty_pool_clean);
	expect_clean("two_block_allocation_clean", two_block_allocation_clean);
	expect_clean("incremental_skips_untouched_pages", incremental_skips_untouched_pages);
	expect_clean("random_seed1", random_seed1);
	expect_clean("random_seed2", random_seed2);
	expect_clean("random_seed3", random_seed3);
	expect_clean("random_faults_light", random_faults_light);
	expect_clean("random_faults_heavy", random_faults_heavy);
	expect_clean("random_faults_empty_start", random_faults_empty_start);
	expect_clean("random_two_pools", random_two_pools);
	expect_clean("cost_of_checks", cost_of_checks);

	DEAD(pool_live, "xcf.pool.live");
	DEAD(pool_locked, "xcf.pool.locked");
	DEAD(pool_counters, "xcf.pool.counters");
	DEAD(pool_page_count, "xcf.pool.page-count");
	DEAD(pool_desc_count, "xcf.pool.desc-count");
	DEAD(reserve_max, "xcf.reserve.max");
	DEAD(reserve_count, "xcf.reserve.count");
	DEAD(reserve_count_incremental, "xcf.reserve.count");
	DEAD(stats_desc_count_leak, "xcf.stats.desc-count");
	DEAD(desc_dangling_head, "xcf.desc.dangling");
	DEAD(desc_dangling_header, "xcf.desc.dangling");
	DEAD(desc_dangling_reserve_freed, "xcf.desc.dangling");
	DEAD(desc_dangling_reserve_link, "xcf.desc.dangling");
	DEAD(desc_dangling_head_freed, "xcf.desc.dangling");
	DEAD(block_size_head_changed, "xcf.block.size");
	DEAD(desc_page_head_freed, "xcf.desc.page");
	DEAD(desc_page, "xcf.desc.page");
	DEAD(freelist_missing, "xcf.freelist.missing");
	DEAD(freelist_link_head, "xcf.freelist.link");
	DEAD(freelist_link_middle, "xcf.freelist.link");
	DEAD(freelist_wrong_list, "xcf.freelist.wrong-list");
	DEAD(freelist_not_free, "xcf.freelist.not-free");
	DEAD(freelist_cycle, "xcf.freelist.cycle");
	DEAD(freelist_stray, "xcf.freelist.stray");
#ifdef XCFM_DEBUG
	DEAD(block_sentinel, "xcf.block.sentinel");
#endif
	DEAD(block_backlink, "xcf.block.backlink");
	DEAD(block_prevoffset, "xcf.block.prevoffset");
	DEAD(block_flags, "xcf.block.flags");
	DEAD(block_size, "xcf.block.size");
	DEAD(block_size_free, "xcf.block.size");
	DEAD(block_tiling, "xcf.block.tiling");
	DEAD(block_adjacent_free, "xcf.block.adjacent-free");
	DEAD(alloc_link, "xcf.alloc.link");
	DEAD(alloc_member, "xcf.alloc.member");
	DEAD(alloc_length, "xcf.alloc.length");
	DEAD(alloc_partial, "xcf.alloc.partial");
	DEAD(alloc_size, "xcf.alloc.size");
	return expect_summary();
}
