/*
 * xv_check_test.c: the xvmalloc checker.  Every invariant fires, in full and
 * (where a real operation would touch the page) incremental mode, on a real
 * pool state with exactly one thing corrupted; long random valid sequences
 * stay clean; random corruptions end in a report, never a crash.  Built with
 * -DCHECK_SEED against the seed variant it shows findings XV-1..XV-3.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>
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

static const char tag;

/* Byte offsets of header fields and links of the block whose header is at off. */
#define SIZE_AT(off)		((off) + offsetof(struct block_header, size))
#define PREV_AT(off)		((off) + offsetof(struct block_header, prev))
#define LINK_AT(off, f)		((off) + offsetof(struct block_header, link) + \
				 offsetof(struct link_free, f))
#define FREE			BIT(BLOCK_FREE)
#define PFREE			BIT(PREV_FREE)

static void put(struct page *page, size_t at, const void *val, size_t len)
{
	u8 *base = kmap_atomic(page, KM_USER0);

	memcpy(base + at, val, len);
	kunmap_atomic(base, KM_USER0);
}

static void put_ptr(struct page *page, size_t at, struct page *val)
{
	put(page, at, &val, sizeof(val));
}

static void check(struct xv_pool *pool, enum check_mode mode)
{
	xv_check(pool, &tag, mode);
	CHECK(shim_preempt_count() == 0);	/* no kmap left behind */
}

static struct page fake_page;	/* never allocated */

#ifndef CHECK_SEED
static const char other_tag;

static void put16(struct page *page, size_t at, u16 val)
{
	put(page, at, &val, sizeof(val));
}

/* What an operation on the page does to the touched set. */
static void touch(struct page *page)
{
	kunmap_atomic(kmap_atomic(page, KM_USER0), KM_USER0);
}

/*
 * The fixture: two pages, built through the public API.  Header offsets:
 *   page 1: A 0 used(100)  S2 104 used(72)  SMALL 180 free(24)
 *           C 208 used(100)  B 312 free(100)  E 416 used(100)
 *           D 520 free(100)  G 624 used(13)  TAIL 644 free(3448)
 *   page 2: P 0 used(3988)  T2 3992 free(100)
 *   freelist[8]: D -> B -> T2;  freelist[427]: TAIL
 */
enum { A = 0, S2 = 104, SMALL = 180, C = 208, B = 312, E = 416, D = 520, G = 624,
       TAIL = 644, P = 0, T2 = 3992 };
#define L8	8	/* list of the 100-byte blocks */
#define LTAIL	427	/* list of TAIL */
#define LSPARE	9	/* an empty list sharing bitmap word 0 with L8 */

static struct {
	struct xv_pool *pool;
	struct page *p1, *p2;
} fx;

static u32 fx_malloc(u32 size, struct page **page)
{
	u32 off;

	CHECK(xv_malloc(fx.pool, size, page, &off, GFP_NOIO) == 0);
	return off - XV_ALIGN;
}

static void fx_free(struct page *page, u32 hdr)
{
	xv_free(fx.pool, page, hdr + XV_ALIGN);
}

static void build(void)
{
	struct page *pg;
	u32 s;

	shim_reset();
	shim_set_owner(&tag);
	fx.pool = xv_create_pool();
	CHECK(fx.pool);
	CHECK(fx_malloc(100, &fx.p1) == A);
	s = fx_malloc(100, &pg);
	CHECK(fx_malloc(100, &pg) == C && fx_malloc(100, &pg) == B);
	CHECK(fx_malloc(100, &pg) == E && fx_malloc(100, &pg) == D);
	CHECK(fx_malloc(13, &pg) == G && pg == fx.p1);
	CHECK(fx_malloc(3988, &fx.p2) == P && fx.p2 != fx.p1);
	fx_free(fx.p1, s);
	CHECK(fx_malloc(72, &pg) == S2 && pg == fx.p1);
	fx_free(fx.p1, B);
	fx_free(fx.p1, D);
	CHECK(fx.pool->total_pages == 2);
	CHECK(fx.pool->freelist[L8].page == fx.p1 && fx.pool->freelist[L8].offset == D);
	CHECK(fx.pool->freelist[LTAIL].page == fx.p1 && fx.pool->freelist[LTAIL].offset == TAIL);
	shim_touched_clear();
}

/* A second pool under another owner; returns its page. */
static struct page *other_pool_page(void)
{
	struct page *page = NULL;
	struct xv_pool *pool;
	u32 off;

	shim_set_owner(&other_tag);
	pool = xv_create_pool();
	CHECK(pool && xv_malloc(pool, 100, &page, &off, GFP_NOIO) == 0);
	shim_set_owner(&tag);
	return page;
}

static void set_head(u32 list, struct page *page, u32 off)
{
	fx.pool->freelist[list].page = page;
	fx.pool->freelist[list].offset = off;
	__set_bit(list, fx.pool->slbitmap);
	__set_bit(list / BITS_PER_LONG, &fx.pool->flbitmap);
}

/* The corruptions, one thing each. */
static void total_pages_inc(void) { fx.pool->total_pages++; }
static void total_pages_stray_page(void) { CHECK(alloc_page(GFP_NOIO)); }
static void sl_bit_beyond(void) { __set_bit(NUM_FREE_LISTS, fx.pool->slbitmap); }
static void fl_bit_beyond(void) { __set_bit(MAX_FLI, &fx.pool->flbitmap); }
static void sl_set_empty(void) { __set_bit(LSPARE, fx.pool->slbitmap); }
static void sl_clear_nonempty(void) { __clear_bit(LTAIL, fx.pool->slbitmap); }
static void fl_set_empty(void) { __set_bit(3, &fx.pool->flbitmap); }
static void fl_clear_nonempty(void) { __clear_bit(0, &fx.pool->flbitmap); }
static void prev_offset_wrong(void) { put16(fx.p1, PREV_AT(C), S2 | PFREE); }
static void prev_free_clear(void) { put16(fx.p1, PREV_AT(C), SMALL); }
static void prev_free_first(void) { put16(fx.p1, PREV_AT(A), PFREE); }
static void adjacent_free(void) { put16(fx.p1, PREV_AT(C), SMALL | PFREE | FREE); }
static void free_unaligned(void) { put16(fx.p1, SIZE_AT(SMALL), 25); }
static void used_zero(void) { put16(fx.p1, SIZE_AT(G), 0); }
static void overrun_free(void) { put16(fx.p1, SIZE_AT(TAIL), 3460); }
static void overrun_used(void) { put16(fx.p1, SIZE_AT(G), 4000); }
static void page_empty(void)
{
	put16(fx.p2, SIZE_AT(P), PAGE_SIZE - XV_ALIGN);
	put16(fx.p2, PREV_AT(P), FREE);
}
static void null_offset_head(void) { fx.pool->freelist[LSPARE].offset = 12; }
static void null_offset_link(void) { put16(fx.p2, LINK_AT(T2, next_offset), 8); }
static void dead_head(void) { set_head(LSPARE, &fake_page, 0); }
static void dead_link(void) { put_ptr(fx.p1, LINK_AT(B, next_page), (void *)0x5a5a5a5a5a5a5a5aUL); }
static void foreign_head(void) { set_head(LSPARE, other_pool_page(), 0); }
static void foreign_link(void) { put_ptr(fx.p1, LINK_AT(B, next_page), other_pool_page()); }
static void bad_offset_head(void) { fx.pool->freelist[L8].offset = D + 2; }
static void bad_offset_link(void) { put16(fx.p1, LINK_AT(B, next_offset), PAGE_SIZE - 2); }
static void bad_offset_no_room(void) { put16(fx.p1, LINK_AT(B, next_offset), PAGE_SIZE - 32); }
static void not_block_head(void) { set_head(LSPARE, fx.p1, D + 4); touch(fx.p1); }
static void not_block_link(void) { put16(fx.p1, LINK_AT(B, next_offset), T2 + 4); }
static void used_head(void) { set_head(LSPARE, fx.p1, A); touch(fx.p1); }
static void used_link(void) { put16(fx.p2, LINK_AT(T2, prev_offset), C); }
static void small_head(void) { set_head(LSPARE, fx.p1, SMALL); touch(fx.p1); }
static void small_link(void)
{
	put_ptr(fx.p1, LINK_AT(B, next_page), fx.p1);
	put16(fx.p1, LINK_AT(B, next_offset), SMALL);
}
static void wrong_class_head(void) { set_head(LSPARE, fx.p1, D); touch(fx.p1); }
static void wrong_class_link(void)
{
	put_ptr(fx.p1, LINK_AT(B, next_page), fx.p1);
	put16(fx.p1, LINK_AT(B, next_offset), TAIL);
}
static void head_prev(void)
{
	put_ptr(fx.p1, LINK_AT(D, prev_page), fx.p1);
	put16(fx.p1, LINK_AT(D, prev_offset), B);
}
static void back_link(void) { put16(fx.p2, LINK_AT(T2, prev_offset), D); }
static void cycle_two(void)
{
	put_ptr(fx.p1, LINK_AT(B, next_page), fx.p1);
	put16(fx.p1, LINK_AT(B, next_offset), D);
}
static void cycle_self(void)
{
	put_ptr(fx.p1, LINK_AT(TAIL, next_page), fx.p1);
	put16(fx.p1, LINK_AT(TAIL, next_offset), TAIL);
}
static void missing_list_emptied(void)
{
	fx.pool->freelist[L8].page = NULL;
	fx.pool->freelist[L8].offset = 0;
	__clear_bit(L8, fx.pool->slbitmap);
	__clear_bit(0, &fx.pool->flbitmap);
	touch(fx.p1);
}
/* B and T2 link to each other both ways; the list from D no longer reaches them. */
static void missing_detached_loop(void)
{
	put_ptr(fx.p1, LINK_AT(D, next_page), NULL);
	put16(fx.p1, LINK_AT(D, next_offset), 0);
	put_ptr(fx.p1, LINK_AT(B, prev_page), fx.p2);
	put16(fx.p1, LINK_AT(B, prev_offset), T2);
	put_ptr(fx.p2, LINK_AT(T2, next_page), fx.p1);
	put16(fx.p2, LINK_AT(T2, next_offset), B);
}

/*
 * Corruptions after a clean check that touch no page: an incremental check
 * finds them only by what changed since.
 */
static void snapshot(void)
{
	check(fx.pool, CHECK_INCREMENTAL);
	shim_touched_clear();
}

/* A head moved on to B, not unlinked: page 1 stays untouched. */
static void head_prev_moved(void)
{
	snapshot();
	fx.pool->freelist[L8].offset = B;
}

/* Page 1 freed under heads D and TAIL, whose entries stay as they were. */
static void dead_head_freed(void)
{
	snapshot();
	__free_page(fx.p1);
	fx.pool->total_pages--;
}

static const struct corruption {
	const char *id;
	const char *what;
	void (*fn)(void);
} corruptions[] = {
	{ "xv.pool.total-pages", "total_pages + 1", total_pages_inc },
	{ "xv.pool.total-pages", "a page under the owner the pool does not know", total_pages_stray_page },
	{ "xv.bitmap.beyond-lists", "slbitmap bit NUM_FREE_LISTS", sl_bit_beyond },
	{ "xv.bitmap.beyond-lists", "flbitmap bit MAX_FLI", fl_bit_beyond },
	{ "xv.bitmap.sl-set-list-empty", "sl bit of an empty list", sl_set_empty },
	{ "xv.bitmap.sl-clear-list-nonempty", "sl bit of TAIL's list cleared", sl_clear_nonempty },
	{ "xv.bitmap.fl-set-sl-empty", "fl bit of a zero sl word", fl_set_empty },
	{ "xv.bitmap.fl-clear-sl-nonempty", "fl bit 0 cleared", fl_clear_nonempty },
	{ "xv.block.prev-offset", "C's prev offset names S2", prev_offset_wrong },
	{ "xv.block.prev-free-flag", "C's PREV_FREE cleared", prev_free_clear },
	{ "xv.block.prev-free-flag", "first block with PREV_FREE", prev_free_first },
	{ "xv.block.adjacent-free", "C marked free after the free SMALL", adjacent_free },
	{ "xv.block.free-unaligned", "SMALL's size 24 -> 25", free_unaligned },
	{ "xv.block.used-zero-size", "G's size 13 -> 0", used_zero },
	{ "xv.block.overrun", "TAIL's size + 12", overrun_free },
	{ "xv.block.overrun", "G's size 13 -> 4000", overrun_used },
	{ "xv.page.empty", "page 2 rewritten as one free block", page_empty },
	{ "xv.list.null-offset", "empty head with offset 12", null_offset_head },
	{ "xv.list.null-offset", "T2's null next link with offset 8", null_offset_link },
	{ "xv.list.dead-page", "head naming a page never allocated", dead_head },
	{ "xv.list.dead-page", "B's next link naming poison", dead_link },
	{ "xv.list.dead-page", "page 1 freed under unchanged heads", dead_head_freed },
	{ "xv.list.foreign-page", "head naming another pool's page", foreign_head },
	{ "xv.list.foreign-page", "B's next link naming another pool's page", foreign_link },
	{ "xv.list.bad-offset", "head offset D + 2", bad_offset_head },
	{ "xv.list.bad-offset", "B's next offset PAGE_SIZE - 2", bad_offset_link },
	{ "xv.list.bad-offset", "B's next offset leaves no room for a block", bad_offset_no_room },
	{ "xv.list.not-block", "head inside D", not_block_head },
	{ "xv.list.not-block", "B's next link inside T2", not_block_link },
	{ "xv.list.used-block", "head naming used A", used_head },
	{ "xv.list.used-block", "T2's prev link naming used C", used_link },
	{ "xv.list.small-block", "head naming SMALL", small_head },
	{ "xv.list.small-block", "B's next link naming SMALL", small_link },
	{ "xv.list.wrong-class", "head of list 9 naming D (list 8)", wrong_class_head },
	{ "xv.list.wrong-class", "B's next link naming TAIL (list 427)", wrong_class_link },
	{ "xv.list.head-prev", "head D with a prev link", head_prev },
	{ "xv.list.head-prev", "head moved on to B, page untouched", head_prev_moved },
	{ "xv.list.back-link", "T2's prev link naming D", back_link },
	{ "xv.list.cycle", "B's next link naming D: D -> B -> D", cycle_two },
	{ "xv.list.cycle", "TAIL's next link naming TAIL", cycle_self },
	{ "xv.list.missing", "list 8 emptied (head and bits)", missing_list_emptied },
};

/* Locally consistent links: only a full check, which walks the lists, sees it. */
static const struct corruption full_only = {
	"xv.list.missing", "B and T2 in a loop of their own", missing_detached_loop
};

static const struct corruption *cur;
static enum check_mode cur_mode;
static bool cur_after_check;

static void run_corruption(void)
{
	build();
	if (cur_after_check)
		snapshot();
	cur->fn();
	check(fx.pool, cur_mode);
}

/* after_check: the checker saw the valid state first (incremental: it compares against it). */
static void expect_corruption(const struct corruption *c, enum check_mode mode, bool after_check)
{
	char name[200], want[100];

	cur = c;
	cur_mode = mode;
	cur_after_check = after_check;
	snprintf(name, sizeof(name), "%s (%s): %s", c->id,
		 mode == CHECK_FULL ? "full" : after_check ? "incremental after a check" :
		 "incremental", c->what);
	snprintf(want, sizeof(want), "invariant %s violated", c->id);
	expect_report(name, run_corruption, want);
}

static void fixture_clean(void)
{
	build();
	check(fx.pool, CHECK_FULL);
	touch(fx.p1);
	touch(fx.p2);
	check(fx.pool, CHECK_INCREMENTAL);
}

/* CHECK_NONE looks at nothing, not even a wrecked pool. */
static void mode_none(void)
{
	build();
	memset(fx.pool->freelist, 0x5a, sizeof(fx.pool->freelist));
	fx.pool->total_pages = 7;
	check(fx.pool, CHECK_NONE);
}

/* Incremental checks skip pages not touched since the last clear... */
static void corrupt_untouched(void)
{
	build();
	put16(fx.p1, PREV_AT(C), S2 | PFREE);
	shim_touched_clear();
}

static void incremental_skips_untouched(void)
{
	corrupt_untouched();
	check(fx.pool, CHECK_INCREMENTAL);
}

/* ...which full checks do not. */
static void full_sees_untouched(void)
{
	corrupt_untouched();
	check(fx.pool, CHECK_FULL);
}

/* The checker changes neither the pool nor its pages, and unmaps what it maps. */
static void read_only(void)
{
	static u8 pool_before[sizeof(struct xv_pool)], page_before[2][PAGE_SIZE], page_after[PAGE_SIZE];
	struct page *pages[2];
	int i;
	u8 *v;

	build();
	pages[0] = fx.p1;
	pages[1] = fx.p2;
	memcpy(pool_before, fx.pool, sizeof(pool_before));
	for (i = 0; i < 2; i++) {
		v = kmap_atomic(pages[i], KM_USER0);
		shim_snapshot(page_before[i], v, PAGE_SIZE);	/* bytes never written too */
		kunmap_atomic(v, KM_USER0);
	}
	check(fx.pool, CHECK_FULL);
	check(fx.pool, CHECK_INCREMENTAL);
	CHECK(!memcmp(pool_before, fx.pool, sizeof(pool_before)));
	for (i = 0; i < 2; i++) {
		v = kmap_atomic(pages[i], KM_USER0);
		shim_snapshot(page_after, v, PAGE_SIZE);
		CHECK(!memcmp(page_before[i], page_after, PAGE_SIZE));
		kunmap_atomic(v, KM_USER0);
	}
}

/* Random valid sequences. */
static u64 rng_state;

static u64 rnd(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dULL;
}

static u32 rnd_size(void)
{
	static const u32 edges[] = {
		1, 2, 3, 4, 5, 7, 8, 9, 23, 24, 25, 27, 28, 29, 31, 32, 33, 35, 36, 37,
		39, 40, 41, 63, 64, 65, 127, 128, 1020, 1024, 2040, 2044, 2048, 2052,
		XV_MAX_ALLOC_SIZE - 36, XV_MAX_ALLOC_SIZE - 32, XV_MAX_ALLOC_SIZE - 28,
		XV_MAX_ALLOC_SIZE - 8, XV_MAX_ALLOC_SIZE - 7, XV_MAX_ALLOC_SIZE - 5,
		XV_MAX_ALLOC_SIZE - 4, XV_MAX_ALLOC_SIZE - 3, XV_MAX_ALLOC_SIZE - 1,
		XV_MAX_ALLOC_SIZE,
		/* list index 63 mod 64: the end of a bitmap word (XV-2) */
		529, 536, 1041, 1048, 3601, 3608,
	};
	u64 r = rnd() % 100;

	if (r < 35)
		return 1 + rnd() % 64;
	if (r < 55)
		return 65 + rnd() % 448;
	if (r < 75)
		return 1 + rnd() % XV_MAX_ALLOC_SIZE;
	return edges[rnd() % ARRAY_SIZE(edges)];
}

#define MAX_LIVE	1024

struct obj {
	struct page *page;
	u32 off, size;
	u8 fill;
};

static struct obj live[MAX_LIVE];
static unsigned int nlive;

static void fill(struct obj *o, bool verify)
{
	u8 *v = kmap_atomic(o->page, KM_USER0);
	u32 i;

	if (verify)
		for (i = 0; i < o->size; i++)
			CHECK(v[o->off + i] == o->fill);
	else
		memset(v + o->off, o->fill, o->size);
	kunmap_atomic(v, KM_USER0);
}

/* One random malloc or free; grow_permille: chance of a malloc, per mille. */
static void random_op(struct xv_pool *pool, unsigned int grow_permille)
{
	bool grow = nlive < MAX_LIVE && (!nlive || rnd() % 1000 < grow_permille);
	u64 pages = pool->total_pages;

	if (grow) {
		struct obj *o = &live[nlive];
		int err;

		o->size = rnd_size();
		err = xv_malloc(pool, o->size, &o->page, &o->off, GFP_NOIO);
		if (err) {	/* only under fault injection */
			CHECK(err == -ENOMEM && !o->page && pool->total_pages == pages);
			return;
		}
		CHECK(o->page && o->off + o->size <= PAGE_SIZE);
		o->fill = (u8)rnd();
		fill(o, false);
		nlive++;
	} else {
		unsigned int i = rnd() % nlive;

		fill(&live[i], true);
		xv_free(pool, live[i].page, live[i].off);
		live[i] = live[--nlive];
	}
}

static void random_run(u64 seed, unsigned int ops, unsigned int per_65536)
{
	struct page *page;
	struct xv_pool *pool;
	unsigned int i;
	u32 off;

	shim_reset();
	shim_set_owner(&tag);
	rng_state = seed;
	nlive = 0;
	pool = xv_create_pool();
	CHECK(pool);
	if (per_65536)
		shim_fault_set(&(struct shim_fault_plan){ .per_65536 = per_65536, .seed = seed });
	for (i = 0; i < ops; i++) {
		/* Phases of growth and shrinking, so pools fill up and drain. */
		random_op(pool, (i / 1500) % 2 ? 300 : 700);
		check(pool, CHECK_INCREMENTAL);
		shim_touched_clear();
		if (i % 64 == 63)
			check(pool, CHECK_FULL);
		if (i % 997 == 0) {	/* sizes xv_malloc() refuses change nothing */
			CHECK(xv_malloc(pool, 0, &page, &off, GFP_NOIO) == -ENOMEM);
			CHECK(xv_malloc(pool, XV_MAX_ALLOC_SIZE + 1, &page, &off, GFP_NOIO) == -ENOMEM);
		}
	}
	while (nlive) {
		random_op(pool, 0);
		check(pool, CHECK_INCREMENTAL);
		shim_touched_clear();
	}
	check(pool, CHECK_FULL);
	CHECK(pool->total_pages == 0 && !pool->flbitmap);
	xv_destroy_pool(pool);
	shim_teardown();
}

static void random_seed_1(void) { random_run(1, 20000, 0); }
static void random_seed_2(void) { random_run(0x9e3779b97f4a7c15ULL, 20000, 0); }
static void random_seed_3(void) { random_run(20091231, 20000, 0); }
static void random_faults(void) { random_run(77, 10000, 3000); }

/* Every size the allocator accepts, in one pool. */
static void every_size(void)
{
	struct xv_pool *pool;
	u32 size;

	shim_reset();
	shim_set_owner(&tag);
	pool = xv_create_pool();
	CHECK(pool);
	rng_state = 5;
	nlive = 0;
	for (size = 1; size <= XV_MAX_ALLOC_SIZE; size++) {
		struct obj *o = &live[nlive];

		CHECK(xv_malloc(pool, size, &o->page, &o->off, GFP_NOIO) == 0);
		o->size = size;
		o->fill = (u8)size;
		fill(o, false);
		nlive++;
		check(pool, CHECK_INCREMENTAL);
		shim_touched_clear();
		if (nlive == MAX_LIVE || rnd() % 4 == 0)	/* keep the pool small */
			while (nlive > MAX_LIVE / 2 || (nlive && rnd() % 2)) {
				random_op(pool, 0);
				check(pool, CHECK_INCREMENTAL);
				shim_touched_clear();
			}
	}
	check(pool, CHECK_FULL);
	while (nlive)
		random_op(pool, 0);
	check(pool, CHECK_FULL);
	xv_destroy_pool(pool);
	shim_teardown();
}

/* The n-th page the owner holds (n < total_pages). */
static struct page *nth_page(unsigned long n)
{
	struct page *page = shim_page_next(NULL, &tag);

	while (n--)
		page = shim_page_next(page, &tag);
	return page;
}

/* One random hit on a random pool: a bitmap word, a head, or a header or link field. */
static void corrupt_randomly(struct xv_pool *pool)
{
	struct page *page = nth_page(rnd() % pool->total_pages);
	struct page *ref = rnd() % 4 ? nth_page(rnd() % pool->total_pages) : NULL;
	u16 off = rnd() % 2 ? (rnd() % (PAGE_SIZE / XV_ALIGN)) * XV_ALIGN : rnd();
	u32 at = 0, next, target = rnd() % PAGE_SIZE;
	u8 *v;

	switch (rnd() % 4) {
	case 0:
		pool->slbitmap[rnd() % MAX_FLI] ^= BIT(rnd() % BITS_PER_LONG);
		return;
	case 1:
		pool->freelist[rnd() % NUM_FREE_LISTS] = (struct freelist_entry){ ref, off, 0 };
		return;
	}
	v = kmap_atomic(page, KM_USER0);
	for (next = 0; next <= target && next < PAGE_SIZE; ) {	/* the block holding target */
		u16 size, prev;

		at = next;
		memcpy(&size, v + SIZE_AT(at), sizeof(size));
		memcpy(&prev, v + PREV_AT(at), sizeof(prev));
		next += XV_ALIGN + (prev & FREE ? size : ALIGN(size, XV_ALIGN));
	}
	if (rnd() % 2) {
		v[at + rnd() % (XV_ALIGN + XV_MIN_ALLOC_SIZE)] ^= BIT(rnd() % 8);
	} else if (at + XV_ALIGN + XV_MIN_ALLOC_SIZE <= PAGE_SIZE) {
		memcpy(v + LINK_AT(at, next_page) - rnd() % 2 * offsetof(struct link_free, next_page),
		       &ref, sizeof(ref));
		memcpy(v + LINK_AT(at, next_offset) - rnd() % 2 * 2, &off, sizeof(off));
	}
	kunmap_atomic(v, KM_USER0);
}

/*
 * Random corruptions of random valid pools: each check either passes or
 * reports an invariant, never crashes, trips a sanitizer or the shim, or hangs.
 */
static void robustness(void)
{
	static char out[1 << 16];
	unsigned int trial, reports = 0;

	for (trial = 0; trial < 150; trial++) {
		int fds[2], status;
		size_t len = 0;
		ssize_t n;
		pid_t pid;

		fflush(NULL);
		CHECK(!pipe(fds));
		pid = fork();
		CHECK(pid >= 0);
		if (!pid) {
			struct xv_pool *pool;
			unsigned int i;

			close(fds[0]);
			dup2(fds[1], 2);
			shim_reset();
			shim_set_owner(&tag);
			rng_state = trial + 1;
			nlive = 0;
			pool = xv_create_pool();
			for (i = rnd() % 300; i < 300; i++)
				random_op(pool, 650);
			if (!pool->total_pages)
				random_op(pool, 1000);
			if (trial % 2)	/* the incremental check compares with this one */
				check(pool, CHECK_INCREMENTAL);
			shim_touched_clear();
			corrupt_randomly(pool);
			alarm(20);
			check(pool, CHECK_INCREMENTAL);
			check(pool, CHECK_FULL);
			_exit(0);
		}
		close(fds[1]);
		while ((n = read(fds[0], out + len, sizeof(out) - 1 - len)) > 0)
			len += n;
		out[len] = '\0';
		close(fds[0]);
		waitpid(pid, &status, 0);
		if (WIFEXITED(status) && !WEXITSTATUS(status))
			continue;
		if (strncmp(out, "allocfuzz: invariant xv.", 24))
			fprintf(stderr, "trial %u:\n%s", trial, out);
		CHECK(!strncmp(out, "allocfuzz: invariant xv.", 24));
		reports++;
	}
	printf("robustness: 150 corrupted pools, %u invariant reports\n", reports);
	CHECK(reports > 50);
}

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Prints the cost of checks on a pool of about 50 pages (to the test log). */
static void timing(void)
{
	static double incr[4000], full[100];
	unsigned int i, n = ARRAY_SIZE(incr), nfull = ARRAY_SIZE(full);
	unsigned long touched = 0;
	struct xv_pool *pool;
	struct page *page;
	double t;

	shim_reset();
	shim_set_owner(&tag);
	rng_state = 3;
	nlive = 0;
	pool = xv_create_pool();
	while (pool->total_pages < 50)
		random_op(pool, 800);
	for (i = 0; i < n; i++) {
		shim_touched_clear();
		random_op(pool, pool->total_pages < 50 ? 600 : 400);
		for (page = shim_touched_next(NULL, &tag); page; page = shim_touched_next(page, &tag))
			touched++;
		t = now_us();
		xv_check(pool, &tag, CHECK_INCREMENTAL);
		incr[i] = now_us() - t;
	}
	for (i = 0; i < nfull; i++) {
		t = now_us();
		xv_check(pool, &tag, CHECK_FULL);
		full[i] = now_us() - t;
	}
	qsort(incr, n, sizeof(incr[0]), cmp_double);
	qsort(full, nfull, sizeof(full[0]), cmp_double);
	/* Medians: the machine may be busy with other work. */
	printf("timing: %llu pages, %u live objects, %.1f pages touched per op: "
	       "incremental %.2f us (90th percentile %.2f), full %.1f us per check\n",
	       (unsigned long long)pool->total_pages, nlive, (double)touched / n,
	       incr[n / 2], incr[n * 9 / 10], full[nfull / 2]);
}

int main(void)
{
	unsigned int i;

	expect_clean("fixture: the two-page state is valid (full and incremental)", fixture_clean);
	for (i = 0; i < ARRAY_SIZE(corruptions); i++) {
		expect_corruption(&corruptions[i], CHECK_FULL, false);
		expect_corruption(&corruptions[i], CHECK_INCREMENTAL, false);
		expect_corruption(&corruptions[i], CHECK_INCREMENTAL, true);
	}
	expect_corruption(&full_only, CHECK_FULL, false);
	expect_clean("mode: CHECK_NONE checks nothing", mode_none);
	expect_clean("mode: incremental skips pages not touched since the clear",
		     incremental_skips_untouched);
	expect_report("mode: full checks every page", full_sees_untouched,
		      "invariant xv.block.prev-offset violated");
	expect_clean("checker: changes neither pool nor pages, leaves no kmap", read_only);
	expect_clean("valid: 20000 random ops, seed 1", random_seed_1);
	expect_clean("valid: 20000 random ops, seed 2", random_seed_2);
	expect_clean("valid: 20000 random ops, seed 3", random_seed_3);
	expect_clean("valid: 10000 random ops with page allocation failures", random_faults);
	expect_clean("valid: every accepted size", every_size);
	expect_clean("robustness: random corruptions end in an invariant report or nothing",
		     robustness);
	expect_clean("timing: checks on a pool of about 50 pages", timing);
	return expect_summary();
}
#else
/* Finding XV-1: the seed's link_free makes block headers at 4-byte offsets misaligned. */
static void finding_xv1(void)
{
	struct xv_pool *pool;
	struct page *page;
	u32 off;

	shim_reset();
	shim_set_owner(&tag);
	pool = xv_create_pool();
	xv_malloc(pool, 8, &page, &off, GFP_NOIO);	/* splits at offset 12 */
	xv_malloc(pool, 8, &page, &off, GFP_NOIO);
}

/* Finding XV-2: a request of list index 63 mod 64 shifts by 64 in find_block(). */
static void finding_xv2(void)
{
	struct xv_pool *pool;
	struct page *page;
	u32 off;

	shim_reset();
	shim_set_owner(&tag);
	pool = xv_create_pool();
	xv_malloc(pool, 530, &page, &off, GFP_NOIO);
}

/* Finding XV-3: sizes 4089..4092 make xv_malloc() grow the pool, then fail. */
static void finding_xv3(void)
{
	struct xv_pool *pool;
	struct page *page;
	u32 off;

	shim_reset();
	shim_set_owner(&tag);
	pool = xv_create_pool();
	CHECK(xv_malloc(pool, XV_MAX_ALLOC_SIZE, &page, &off, GFP_NOIO) == -ENOMEM);
	check(pool, CHECK_FULL);
}

/* Sizes of 4 mod 8 keep every header 8-aligned: the seed runs, the checker reads its layout. */
static void seed_aligned_ops(void)
{
	static const u32 sizes[] = { 100, 4, 12, 20, 36, 204, 1996, 60, 92, 3996 };
	struct page *pages[ARRAY_SIZE(sizes)];
	u32 offs[ARRAY_SIZE(sizes)];
	struct xv_pool *pool;
	unsigned int i;

	shim_reset();
	shim_set_owner(&tag);
	pool = xv_create_pool();
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		CHECK(!xv_malloc(pool, sizes[i], &pages[i], &offs[i], GFP_NOIO));
		check(pool, CHECK_INCREMENTAL);
		shim_touched_clear();
	}
	for (i = 0; i < ARRAY_SIZE(sizes); i += 2) {
		xv_free(pool, pages[i], offs[i]);
		check(pool, CHECK_INCREMENTAL);
		check(pool, CHECK_FULL);
		shim_touched_clear();
	}
	for (i = 1; i < ARRAY_SIZE(sizes); i += 2)
		xv_free(pool, pages[i], offs[i]);
	check(pool, CHECK_FULL);
	CHECK(pool->total_pages == 0);
	xv_destroy_pool(pool);
	shim_teardown();
}

/* The seed's links sit 8 bytes into the block: the checker follows them there. */
static void seed_link_corrupted(void)
{
	struct page *p1, *p2;
	struct xv_pool *pool;
	u32 o1, o2;

	shim_reset();
	shim_set_owner(&tag);
	pool = xv_create_pool();
	CHECK(!xv_malloc(pool, 100, &p1, &o1, GFP_NOIO));
	CHECK(!xv_malloc(pool, 100, &p2, &o2, GFP_NOIO));
	xv_free(pool, p1, o1);		/* a free block at 0, next to used 104 */
	check(pool, CHECK_FULL);
	put_ptr(p1, LINK_AT(0, next_page), &fake_page);
	check(pool, CHECK_INCREMENTAL);
}

int main(void)
{
	expect_report_needs(EXPECT_UBSAN,
			    "finding XV-1: seed header access at a 4-byte offset is misaligned",
			    finding_xv1, "member access within misaligned address");
	expect_report_needs(EXPECT_UBSAN, "finding XV-2: seed find_block() shifts by the word size",
			    finding_xv2, "shift exponent 64 is too large");
	expect_report("finding XV-3: seed xv_malloc(4092) fails and leaves an empty page",
		      finding_xv3, "invariant xv.page.empty violated");
	expect_clean("seed: checker reads the seed layout (8-aligned headers only)",
		     seed_aligned_ops);
	expect_report("seed: checker follows the seed's links", seed_link_corrupted,
		      "invariant xv.list.dead-page violated");
	return expect_summary();
}
#endif
