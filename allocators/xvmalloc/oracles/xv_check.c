/*
 * xv_check.c: invariants of an xvmalloc pool, in the spirit of tlsf_check().
 *
 * A page is tiled by blocks, each a 4-byte header {u16 size; u16 prev} and
 * its data; prev holds the previous header's offset and the flags BLOCK_FREE
 * and PREV_FREE.  Free blocks of >= XV_MIN_ALLOC_SIZE bytes carry a struct
 * link_free after the header and sit in the doubly linked freelist of their
 * size class; two bitmap levels say which lists are non-empty.
 *
 * Order of the checks, so that one corruption names one invariant:
 *   A. pool: total_pages and xv_get_total_size_bytes(), bitmaps against
 *      list heads, head references;
 *   B. pages (touched ones, or all): tiling and flags, then the links of
 *      every listed free block, each checked against its neighbours;
 *   C. what the heads point at (heads on walked pages, and changed ones);
 *   D. (full) every list walked from its head: each free block is reached.
 * An incremental check keeps what the last check of the same pool and owner
 * proved (xv_snap.c) for each list whose bit and head are as they were then: A's
 * list checks depend on those values alone, and "the head's page is a live
 * page of the owner" on the owner's pages, which it compares exactly each
 * time (a page freed, or a shim reset, shows).  Changed heads get A and C
 * wherever they point, and C then checks their links too.
 * Headers sit at 4-byte offsets, which the seed's struct block_header is
 * misaligned for (XV-1), so the checker copies headers out with memcpy.
 */
#include <stdarg.h>
#include <stdio.h>
#include <allocfuzz/shim.h>
#include "xv_check.h"
#include "xv_snap.h"

/* Every invariant: enum name, id, first-line text, why it must hold. */
#define XV_INVARIANTS(X)	\
	X(POOL_TOTAL_PAGES, "xv.pool.total-pages",	\
	  "total_pages is not the number of pages the pool holds",	\
	  "grow_pool() and xv_free() count pages: a drift is a leaked or lost page")	\
	X(STATS_TOTAL_BYTES, "xv.stats.total-bytes",	\
	  "xv_get_total_size_bytes() is not the bytes of the pages the pool holds",	\
	  "ramzswap reports it to users as the memory the pool uses: every page of the pool, in bytes")	\
	X(BITMAP_BEYOND_LISTS, "xv.bitmap.beyond-lists",	\
	  "bitmap bit set beyond the last freelist",	\
	  "find_block() would index freelist[] past its end from such a bit")	\
	X(BITMAP_SL_SET_LIST_EMPTY, "xv.bitmap.sl-set-list-empty",	\
	  "second-level bit set for an empty freelist",	\
	  "find_block() takes the head of a list whose bit is set without a check")	\
	X(BITMAP_SL_CLEAR_LIST_NONEMPTY, "xv.bitmap.sl-clear-list-nonempty",	\
	  "second-level bit clear for a non-empty freelist",	\
	  "a list whose bit is clear is never searched: its blocks are lost")	\
	X(BITMAP_FL_SET_SL_EMPTY, "xv.bitmap.fl-set-sl-empty",	\
	  "first-level bit set for an all-zero second-level word",	\
	  "find_block() runs __ffs() on the word a set bit names")	\
	X(BITMAP_FL_CLEAR_SL_NONEMPTY, "xv.bitmap.fl-clear-sl-nonempty",	\
	  "first-level bit clear for a non-zero second-level word",	\
	  "a clear bit hides a whole word of lists from the two-level search")	\
	X(BLOCK_PREV_OFFSET, "xv.block.prev-offset",	\
	  "block's prev offset is not the offset of the block before it",	\
	  "xv_free() finds the previous block through this offset to merge it")	\
	X(BLOCK_PREV_FREE_FLAG, "xv.block.prev-free-flag",	\
	  "PREV_FREE flag disagrees with the previous block's FREE flag",	\
	  "xv_free() merges backwards on PREV_FREE alone")	\
	X(BLOCK_ADJACENT_FREE, "xv.block.adjacent-free",	\
	  "two adjacent free blocks were not merged",	\
	  "xv_free() merges neighbours at once: two free in a row is a lost merge")	\
	X(BLOCK_FREE_UNALIGNED, "xv.block.free-unaligned",	\
	  "free block size is not a multiple of XV_ALIGN",	\
	  "free sizes are sums of aligned spans; merges add unaligned ones wrong")	\
	X(BLOCK_USED_ZERO_SIZE, "xv.block.used-zero-size",	\
	  "used block has size zero",	\
	  "xv_malloc() refuses size 0, so a used size 0 is a stray write")	\
	X(BLOCK_OVERRUN, "xv.block.overrun",	\
	  "block runs past the end of its page",	\
	  "a block past the page end overlaps whatever lies beyond")	\
	X(PAGE_EMPTY, "xv.page.empty",	\
	  "page is one single free block but was not freed",	\
	  "xv_free() returns a page as soon as it is empty")	\
	X(LIST_NULL_OFFSET, "xv.list.null-offset",	\
	  "link or head without a page has a non-zero offset",	\
	  "insert_block() copies offsets with pages, and an empty head's offset becomes the next insert's link")	\
	X(LIST_DEAD_PAGE, "xv.list.dead-page",	\
	  "freelist link or head names a page that is not allocated",	\
	  "xv_malloc() and xv_free() kmap links without a check")	\
	X(LIST_FOREIGN_PAGE, "xv.list.foreign-page",	\
	  "freelist link or head names a page of another owner",	\
	  "a pool's lists hold only its own pages")	\
	X(LIST_BAD_OFFSET, "xv.list.bad-offset",	\
	  "freelist link or head offset is unaligned or out of range",	\
	  "the block and its links must fit in the page")	\
	X(LIST_NOT_BLOCK, "xv.list.not-block",	\
	  "freelist link or head does not point at a block header",	\
	  "links into block data make the list code overwrite user data")	\
	X(LIST_USED_BLOCK, "xv.list.used-block",	\
	  "used block is in a freelist",	\
	  "a listed used block would be handed out twice")	\
	X(LIST_SMALL_BLOCK, "xv.list.small-block",	\
	  "free block smaller than XV_MIN_ALLOC_SIZE is in a freelist",	\
	  "small free blocks have no room for links")	\
	X(LIST_WRONG_CLASS, "xv.list.wrong-class",	\
	  "block is in the freelist of another size class",	\
	  "find_block() trusts any block of a list to fit its size class")	\
	X(LIST_HEAD_PREV, "xv.list.head-prev",	\
	  "freelist head has a prev link",	\
	  "the head's predecessor would keep a link to a block handed out")	\
	X(LIST_BACK_LINK, "xv.list.back-link",	\
	  "freelist neighbour does not link back to the block",	\
	  "remove_block() unlinks through both directions")	\
	X(LIST_CYCLE, "xv.list.cycle",	\
	  "freelist loops back on itself",	\
	  "a loop makes list walks endless and remove_block() relink garbage")	\
	X(LIST_MISSING, "xv.list.missing",	\
	  "free block is not reachable from its freelist head",	\
	  "a block its list does not reach is never reused")

enum xv_inv {
#define X(e, id, what, why) XV_##e,
	XV_INVARIANTS(X)
#undef X
};

static const struct invariant invs[] = {
#define X(e, id, what, why) [XV_##e] = { id, what, why },
	XV_INVARIANTS(X)
#undef X
};
INVARIANTS_REGISTER(invs)

/* Most free blocks a page can hold that are big enough for a list. */
#define MAX_LISTED	(PAGE_SIZE / (XV_ALIGN + XV_MIN_ALLOC_SIZE))

/* A listed block must hold its links inside its own data. */
_Static_assert(offsetof(struct block_header, link) + sizeof(struct link_free) <=
	       XV_ALIGN + XV_MIN_ALLOC_SIZE, "link_free does not fit a minimal block");
_Static_assert(MAX_FLI < BITS_PER_LONG, "flbitmap has no unused bits");

/* Walks the headers of a page from 0: is off one of them? */
static bool walk_to(const u8 *base, u32 off)
{
	u32 o = 0;

	while (o < off) {
		struct hdr h = hdr_at(base, o);

		if (is_free(h) && (h.size & XV_ALIGN_MASK))
			return false;
		o += XV_ALIGN + span(h);
	}
	return o == off;
}

/* Reads the block at <page, off> (a live page, offset_ok(off)). */
static void probe(struct ctx *c, struct page *page, u32 off, struct probe *p,
		  bool want_start)
{
	bool mine = page == c->cur;
	u8 *base = mine ? c->base : kmap_atomic(page, KM_USER1);

	p->h = hdr_at(base, off);
	p->link = link_at(base, off);
	p->start = false;
	if (want_start)
		p->start = mine && c->have_starts ? test_bit(off / XV_ALIGN, c->starts)
						  : walk_to(base, off);
	if (!mine)
		kunmap_atomic(base, KM_USER1);
}

static bool ref_ok(struct ctx *c, struct page *page, u32 off)
{
	return owned(c, page) && offset_ok(off);
}

static unsigned long walk_bound(struct ctx *c)
{
	return c->npages * MAX_LISTED + 1;
}

/*
 * Position of <page, off> in freelist[idx] counting from 0, -1 if the list
 * ends without it, -2 if the list is unreadable first.  Never reports.
 */
long xv_find_in_list(struct ctx *c, u32 idx, struct page *page, u32 off)
{
	struct page *p = c->pool->freelist[idx].page;
	u32 o = c->pool->freelist[idx].offset;
	unsigned long n, bound = walk_bound(c);
	struct probe pr;

	for (n = 0; p && n < bound; n++) {
		if (p == page && o == off)
			return n;
		if (!ref_ok(c, p, o))
			return -2;
		probe(c, p, o, &pr, false);
		p = pr.link.next_page;
		o = pr.link.next_offset;
	}
	return p ? -2 : -1;
}

static __noreturn __printf(5, 6) void fail(struct ctx *c, enum xv_inv inv,
					   struct page *page, u32 off,
					   const char *fmt, ...)
{
	struct xv_dump_at at = { c, page, off };
	char detail[256];
	va_list ap;

	unmap_cur(c);
	va_start(ap, fmt);
	vsnprintf(detail, sizeof(detail), fmt, ap);
	va_end(ap);
	if (page)
		report_invariant(&invs[inv], xv_dump_page, &at, "%s\npool %p, page #%lu, offset %u",
				 detail, (void *)c->pool, shim_page_id(page), off);
	report_invariant(&invs[inv], NULL, NULL, "%s\npool %p", detail, (void *)c->pool);
}

/* page, when given, is a live page: the place to report and dump. */
#define ensure(c, cond, inv, page, off, ...)					\
	do {									\
		if (unlikely(!(cond)))						\
			fail((c), XV_##inv, (page), (off), __VA_ARGS__);	\
	} while (0)

/* A reference <np, noff> held by what (at <at, at_off>, or a list head if at is NULL). */
static void check_ref(struct ctx *c, struct page *at, u32 at_off, const char *what,
		      u32 idx, struct page *np, u32 noff)
{
	if (unlikely(!owned(c, np))) {
		ensure(c, shim_page_is_live(np), LIST_DEAD_PAGE, at, at_off,
		       "%s of freelist[%u] names %p, which is not an allocated page",
		       what, idx, (void *)np);
		fail(c, XV_LIST_FOREIGN_PAGE, at, at_off, "%s of freelist[%u] names page #%lu of owner %p",
		     what, idx, shim_page_id(np), shim_page_owner(np));
	}
	ensure(c, offset_ok(noff), LIST_BAD_OFFSET, at, at_off,
	       "%s of freelist[%u] names offset %u of page #%lu", what, idx, noff, shim_page_id(np));
}

/* What a list entry <np, noff> of freelist[idx] must be; reported at <at, at_off>. */
static void check_entry(struct ctx *c, struct page *at, u32 at_off, const char *what,
			u32 idx, struct page *np, u32 noff, const struct probe *p)
{
	ensure(c, p->start, LIST_NOT_BLOCK, at, at_off,
	       "%s of freelist[%u] names page #%lu offset %u, inside a block", what, idx, shim_page_id(np), noff);
	ensure(c, is_free(p->h), LIST_USED_BLOCK, at, at_off,
	       "%s of freelist[%u] names the used block at page #%lu offset %u", what, idx, shim_page_id(np), noff);
	ensure(c, p->h.size >= XV_MIN_ALLOC_SIZE, LIST_SMALL_BLOCK, at, at_off,
	       "%s of freelist[%u] names a free block of size %u at page #%lu offset %u",
	       what, idx, p->h.size, shim_page_id(np), noff);
	ensure(c, list_index(p->h.size) == idx, LIST_WRONG_CLASS, at, at_off,
	       "%s of freelist[%u] names a block of size %u (class %u) at page #%lu offset %u",
	       what, idx, p->h.size, list_index(p->h.size), shim_page_id(np), noff);
}

/* Following prev (or next) links from <p, o>, do we come back to <page, off>? */
static bool loops_back(struct ctx *c, struct page *p, u32 o, struct page *page,
		       u32 off, bool prev)
{
	unsigned long n, bound = walk_bound(c);
	struct probe pr;

	for (n = 0; p && n < bound; n++) {
		if (p == page && o == off)
			return true;
		if (!ref_ok(c, p, o))
			return false;
		probe(c, p, o, &pr, false);
		p = prev ? pr.link.prev_page : pr.link.next_page;
		o = prev ? pr.link.prev_offset : pr.link.next_offset;
	}
	return false;
}

/*
 * The prev or next neighbour <np, noff> of listed block <page, off> in
 * freelist[idx]; deep: if it does not link back, check its own link first,
 * so a broken link is reported where it is, not at the block it left.
 */
static void check_neighbour(struct ctx *c, struct page *page, u32 off, u32 idx,
			    struct page *np, u32 noff, bool prev, bool deep)
{
	const char *what = prev ? "prev link" : "next link";
	struct page *back_page;
	struct probe p;
	u32 back_off;

	check_ref(c, page, off, what, idx, np, noff);
	probe(c, np, noff, &p, true);
	check_entry(c, page, off, what, idx, np, noff, &p);
	back_page = prev ? p.link.next_page : p.link.prev_page;
	back_off = prev ? p.link.next_offset : p.link.prev_offset;
	if (back_page == page && back_off == off)
		return;
	if (deep && back_page)
		check_neighbour(c, np, noff, idx, back_page, back_off, !prev, false);
	ensure(c, !loops_back(c, np, noff, page, off, prev), LIST_CYCLE, page, off,
	       "following %ss from page #%lu offset %u in freelist[%u] comes back here",
	       what, shim_page_id(np), noff, idx);
	fail(c, XV_LIST_BACK_LINK, page, off,
	     "%s of freelist[%u] is page #%lu offset %u, whose %s is not this block",
	     what, idx, shim_page_id(np), noff, prev ? "next link" : "prev link");
}

/* A free block big enough for a list, at <page, off> of the mapped page. */
static void check_listed(struct ctx *c, struct page *page, u32 off, u32 size)
{
	struct link_free l = link_at(c->base, off);
	u32 idx = list_index(size);
	struct freelist_entry *fe = &c->pool->freelist[idx];
	bool head = fe->page == page && fe->offset == off;

	if (!l.prev_page) {
		ensure(c, !l.prev_offset, LIST_NULL_OFFSET, page, off,
		       "prev link has no page but offset %u", l.prev_offset);
		/* Without a predecessor only the head of freelist[idx] reaches it. */
		ensure(c, head, LIST_MISSING, page, off,
		       "free block of size %u has no prev link but is not the head of freelist[%u]",
		       size, idx);
	} else {
		ensure(c, !head, LIST_HEAD_PREV, page, off,
		       "head of freelist[%u] has prev link page #%lu offset %u", idx,
		       shim_page_is_live(l.prev_page) ? shim_page_id(l.prev_page) : 0, l.prev_offset);
		check_neighbour(c, page, off, idx, l.prev_page, l.prev_offset, true, true);
	}
	if (!l.next_page)
		ensure(c, !l.next_offset, LIST_NULL_OFFSET, page, off,
		       "next link has no page but offset %u", l.next_offset);
	else
		check_neighbour(c, page, off, idx, l.next_page, l.next_offset, false, true);
}

/* Which of the lists of slbitmap word j disagrees with the bitmap, and how. */
static void check_list_word(struct ctx *c, u32 j, ulong word)
{
	u32 b, i;

	for (b = 0; b < BITS_PER_LONG && (i = j * BITS_PER_LONG + b) < NUM_FREE_LISTS; b++) {
		struct freelist_entry *fe = &c->pool->freelist[i];
		bool bit = word >> b & 1;

		ensure(c, !bit || fe->page, BITMAP_SL_SET_LIST_EMPTY, NULL, 0,
		       "freelist[%u] is empty", i);
		ensure(c, bit || !fe->page, BITMAP_SL_CLEAR_LIST_NONEMPTY, NULL, 0,
		       "freelist[%u] is not empty", i);
		ensure(c, fe->page || !fe->offset, LIST_NULL_OFFSET, NULL, 0,
		       "empty freelist[%u] has head offset %u", i, fe->offset);
	}
}

/* A bit for each slbitmap word with a list of c->chg whose bit and head disagree. */
__attribute__((no_sanitize("address", "undefined")))
static ulong bad_words(const struct ctx *c)
{
	const struct freelist_entry *fe = c->pool->freelist;
	ulong bad = 0, w;
	u32 j;

	for (j = 0; j < MAX_FLI; j++, fe += BITS_PER_LONG) {
		for (w = c->chg[j]; w; w &= w - 1) {
			u32 b = __builtin_ctzl(w);
			bool empty = !fe[b].page;

			if ((c->pool->slbitmap[j] >> b & 1) == empty || (empty && fe[b].offset))
				bad |= BIT(j);
		}
	}
	return bad;
}

/* A: counters, bitmaps and list heads, without touching a page. */
static void check_pool(struct ctx *c)
{
	struct xv_pool *pool = c->pool;
	bool known = !c->full && xv_snap.pool == pool && xv_snap.owner == c->owner;
	ulong bad;
	u64 bytes;
	u32 j;

	c->same_pages = xv_load_pages(c) && known;
	ensure(c, pool->total_pages == c->npages, POOL_TOTAL_PAGES, NULL, 0,
	       "total_pages is %llu, the shim counts %lu pages for the owner",
	       (unsigned long long)pool->total_pages, c->npages);
	bytes = xv_get_total_size_bytes(pool);
	ensure(c, bytes == (u64)c->npages << PAGE_SHIFT, STATS_TOTAL_BYTES, NULL, 0,
	       "xv_get_total_size_bytes() is %llu, the shim counts %lu pages for the owner",
	       (unsigned long long)bytes, c->npages);
	ensure(c, !(pool->flbitmap & ~(BIT(MAX_FLI) - 1)) &&
	       !(pool->slbitmap[MAX_FLI - 1] & ~SL_LAST_MASK), BITMAP_BEYOND_LISTS, NULL, 0,
	       "flbitmap %#lx, slbitmap[%lu] %#lx; there are %lu lists", pool->flbitmap,
	       (ulong)MAX_FLI - 1, pool->slbitmap[MAX_FLI - 1], (ulong)NUM_FREE_LISTS);
	xv_diff_lists(c, known);
	xv_snap.pool = pool;
	xv_snap.owner = c->owner;
	bad = bad_words(c);
	for (j = 0; j < MAX_FLI; j++) {
		struct freelist_entry *fe = &pool->freelist[j * BITS_PER_LONG];
		ulong word = pool->slbitmap[j], w;

		if (unlikely(bad >> j & 1))
			check_list_word(c, j, word);
		/* An unchanged head passed before, and its page is the owner's while the pages are. */
		for (w = word & (c->same_pages ? c->chg[j] : ~0UL); w; w &= w - 1) {
			u32 b = __builtin_ctzl(w);

			check_ref(c, NULL, 0, "head", j * BITS_PER_LONG + b, fe[b].page, fe[b].offset);
		}
	}
	for (j = 0; j < MAX_FLI; j++) {
		bool bit = pool->flbitmap >> j & 1;

		ensure(c, !bit || pool->slbitmap[j], BITMAP_FL_SET_SL_EMPTY, NULL, 0,
		       "flbitmap bit %u is set, slbitmap[%u] is 0", j, j);
		ensure(c, bit || !pool->slbitmap[j], BITMAP_FL_CLEAR_SL_NONEMPTY, NULL, 0,
		       "flbitmap bit %u is clear, slbitmap[%u] is %#lx", j, j, pool->slbitmap[j]);
	}
}

/* B1: the blocks of one page tile it and agree with their neighbours. */
static void walk_page(struct ctx *c, struct page *page)
{
	u32 off = 0, prev_off = 0, blocks = 0;
	bool prev_free = false;
	struct hdr h;

	map_cur(c, page);
	memset(c->starts, 0, sizeof(c->starts));
	for (; off < PAGE_SIZE; off += XV_ALIGN + span(h), blocks++) {
		h = hdr_at(c->base, off);
		__set_bit(off / XV_ALIGN, c->starts);
		ensure(c, blockprev(h) == prev_off, BLOCK_PREV_OFFSET, page, off,
		       "prev offset is %u, the previous block starts at %u", blockprev(h), prev_off);
		ensure(c, !!(h.prev & BIT(PREV_FREE)) == prev_free, BLOCK_PREV_FREE_FLAG, page, off,
		       "PREV_FREE is %s, the previous block is %s",
		       h.prev & BIT(PREV_FREE) ? "set" : "clear", prev_free ? "free" : "used");
		ensure(c, !(is_free(h) && prev_free), BLOCK_ADJACENT_FREE, page, off,
		       "this block and the one at %u are both free", prev_off);
		ensure(c, !is_free(h) || !(h.size & XV_ALIGN_MASK), BLOCK_FREE_UNALIGNED, page, off,
		       "free block size %u", h.size);
		ensure(c, is_free(h) || h.size, BLOCK_USED_ZERO_SIZE, page, off,
		       "used block size 0");
		ensure(c, off + XV_ALIGN + span(h) <= PAGE_SIZE, BLOCK_OVERRUN, page, off,
		       "size %u ends the block at %u, past %lu", h.size,
		       off + XV_ALIGN + span(h), PAGE_SIZE);
		if (c->full && is_listed(h))
			c->nfree++;
		prev_free = is_free(h);
		prev_off = off;
	}
	ensure(c, blocks > 1 || !prev_free, PAGE_EMPTY, page, 0,
	       "the page holds one free block of size %lu", PAGE_SIZE - XV_ALIGN);
	c->have_starts = true;
}

/* B2: every listed free block of a page (already walked) is linked right. */
static void link_page(struct ctx *c, struct page *page)
{
	struct hdr h;
	u32 off;

	map_cur(c, page);
	if (!c->have_starts) {	/* walk_page() left another page mapped */
		memset(c->starts, 0, sizeof(c->starts));
		for (off = 0; off < PAGE_SIZE; off += XV_ALIGN + span(h)) {
			h = hdr_at(c->base, off);
			__set_bit(off / XV_ALIGN, c->starts);
		}
		c->have_starts = true;
	}
	for (off = 0; off < PAGE_SIZE; off += XV_ALIGN + span(h)) {
		h = hdr_at(c->base, off);
		if (is_listed(h))
			check_listed(c, page, off, h.size);
	}
}

static struct page *next_page(struct ctx *c, struct page *page)
{
	if (c->full)
		return shim_page_next(page, c->owner);
	return page ? shim_touched_next(page, c->owner) : c->first;
}

/* Did B walk page?  If touched[] is full, "no" may be wrong. */
__attribute__((no_sanitize("address", "undefined")))
static bool walked(const struct ctx *c, const struct page *page)
{
	unsigned int k;

	for (k = 0; k < c->ntouched; k++)
		if (c->touched[k] == page)
			return true;
	return c->full;
}

/*
 * The heads C looks at: those that changed, and those on walked pages (all
 * if touched[] may not hold every touched page).  Not sanitized, as
 * xv_diff_lists().
 */
__attribute__((no_sanitize("address", "undefined")))
static void pick_heads(const struct ctx *c, ulong *pick)
{
	const struct freelist_entry *fe = c->pool->freelist;
	ulong w;
	u32 j;

	for (j = 0; j < MAX_FLI; j++, fe += BITS_PER_LONG) {
		pick[j] = c->pool->slbitmap[j];
		if (c->full || c->ntouched == TOUCHED_MAX)
			continue;
		for (w = pick[j] & ~c->chg[j]; w; w &= w - 1)
			if (!walked(c, fe[__builtin_ctzl(w)].page))
				pick[j] &= ~(w & -w);
	}
}

/* C: each head picked is a listed block of its class (A showed: its list is non-empty). */
static void check_heads(struct ctx *c)
{
	ulong pick[MAX_FLI];
	struct probe p;
	u32 i, j;

	pick_heads(c, pick);
	for (j = 0; j < MAX_FLI; j++) {
		for (; pick[j]; pick[j] &= pick[j] - 1) {
			struct freelist_entry *fe;

			i = j * BITS_PER_LONG + __builtin_ctzl(pick[j]);
			fe = &c->pool->freelist[i];
			probe(c, fe->page, fe->offset, &p, true);
			check_entry(c, fe->page, fe->offset, "head", i, fe->page, fe->offset, &p);
			/* B2 saw links on walked pages only: a head moved elsewhere has them seen here. */
			if (!walked(c, fe->page)) {
				map_cur(c, fe->page);
				check_listed(c, fe->page, fe->offset, p.h.size);
			}
		}
	}
}

/* D (full): walking the lists from their heads reaches every listed block. */
static void check_reach(struct ctx *c)
{
	unsigned long seen = 0;
	struct page *page;
	struct probe p;
	struct hdr h;
	u32 i, j, off;
	ulong w;

	for (j = 0; j < MAX_FLI; j++) {
		for (w = c->pool->slbitmap[j]; w; w &= w - 1) {	/* A showed: the rest are empty */
			struct page *np;
			u32 noff;

			i = j * BITS_PER_LONG + __builtin_ctzl(w);
			np = c->pool->freelist[i].page;
			noff = c->pool->freelist[i].offset;
			for (; np; np = p.link.next_page, noff = p.link.next_offset) {
				/* B rules loops out, but a walk must end: more entries than blocks repeat one. */
				ensure(c, ++seen <= c->nfree, LIST_CYCLE, NULL, 0,
				       "the lists hold more entries than the %lu listable free blocks",
				       c->nfree);
				check_ref(c, NULL, 0, "entry", i, np, noff);
				probe(c, np, noff, &p, false);
			}
		}
	}
	if (seen == c->nfree)
		return;
	for (page = next_page(c, NULL); page; page = next_page(c, page)) {
		map_cur(c, page);
		for (off = 0; off < PAGE_SIZE; off += XV_ALIGN + span(h)) {
			h = hdr_at(c->base, off);
			ensure(c, !is_listed(h) || xv_find_in_list(c, list_index(h.size), page, off) >= 0,
			       LIST_MISSING, page, off,
			       "free block of size %u is not reached from the head of freelist[%u]",
			       h.size, list_index(h.size));
		}
		unmap_cur(c);
	}
}

void xv_check(struct xv_pool *pool, const void *owner, enum check_mode mode)
{
	struct ctx c = { .pool = pool, .owner = owner, .full = mode == CHECK_FULL };
	struct page *page;

	if (mode == CHECK_NONE)
		return;
	if (!c.full)
		c.first = shim_touched_next(NULL, owner);
	for (page = c.first; page && c.ntouched < TOUCHED_MAX; page = shim_touched_next(page, owner))
		c.touched[c.ntouched++] = page;
	check_pool(&c);
	for (page = next_page(&c, NULL); page; page = next_page(&c, page))
		walk_page(&c, page);
	for (page = next_page(&c, NULL); page; page = next_page(&c, page))
		link_page(&c, page);
	check_heads(&c);
	if (c.full)
		check_reach(&c);
	unmap_cur(&c);
}
