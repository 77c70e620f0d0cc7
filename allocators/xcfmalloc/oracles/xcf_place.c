/*
 * xcf_place.c: xcfmalloc's placement promise (xcf_place.h), as xcfmalloc.c
 * states it:
 *   - xcf_malloc() first tries "to get pool->reserve_count up to
 *     XCF_MAX_RESERVE_PAGES" (xcf_increase_pool()), one page and descriptor
 *     at a time, stopping at the first refused one; each new page is pushed
 *     on the reserve freelist, so the page allocated last is its head;
 *   - each block is the head of a freelist chosen by
 *     xcf_find_remove_block(): the best fit (the request's own list), else,
 *     unless it is the last block allowed, the largest smaller block ("we
 *     shouldn't consider smaller blocks" only for the last), else the
 *     smallest larger block;
 *   - a second block is taken only when the first cannot hold the request,
 *     for what is left of it, and only the last block is split, with a new
 *     descriptor (GFP_NOWAIT, which may be refused);
 *   - it returns NULL only when the search finds no block or that descriptor
 *     is refused.
 * A free block of freelist i is (i + 1) * XCF_BLOCK_ALIGN bytes (the
 * checker's xcf.freelist.wrong-list and xcf.block.size), so the lists' heads,
 * the entries after them and the reserve's new pages are all the replay needs.
 */
#include <stdio.h>
#include <linux/bitops.h>
#include <linux/gfp.h>
#include <allocfuzz/shim.h>
#include "xcf_place.h"

#define XCF_PLACE_INVARIANTS(X)	\
	X(TOPUP, "xcf.reserve.topup",	\
	  "malloc did not bring the reserve up to XCF_MAX_RESERVE_PAGES, or added more",	\
	  "xcf_increase_pool() allocates exactly the deficit below XCF_MAX_RESERVE_PAGES before the search, and stops early only when a descriptor or page is refused")	\
	X(SMALLER, "xcf.place.smaller",	\
	  "the first block is not the largest smaller free block, which the search takes before any larger one",	\
	  "with the best-fit list empty, xcf_find_remove_block() uses the largest smaller block for all but the last block, so partly used pages fill before a larger block is broken: the scatter-gather design")	\
	X(SMALLEST_LIST, "xcf.place.smallest-list",	\
	  "the first block is not from the freelist of the smallest blocks, the only smaller ones the search had",	\
	  "the largest-smaller search runs down to the first freelist: the smallest fragments that splits leave are reused there or never")	\
	X(BLOCK, "xcf.place.block",	\
	  "a block of the allocation is not the one the search order names",	\
	  "xcf_find_remove_block() takes the head of the best-fit list, else (not for the last block) of the largest smaller, else of the smallest larger; a second block only when the first cannot hold the request")	\
	X(RESULT, "xcf.place.result",	\
	  "malloc failed although the search finds its blocks and no descriptor it needed was refused",	\
	  "xcf_malloc() returns NULL only when xcf_find_remove_block() finds no block or the split's descriptor cannot be had")

enum xcf_place_inv {
#define X(e, id, what, why) XCF_PLACE_##e,
	XCF_PLACE_INVARIANTS(X)
#undef X
};

static const struct invariant invs[] = {
#define X(e, id, what, why) [XCF_PLACE_##e] = { id, what, why },
	XCF_PLACE_INVARIANTS(X)
#undef X
};
INVARIANTS_REGISTER(invs)

_Static_assert(XCF_NUM_FREELISTS <= 64, "one bit per freelist in a u64");
_Static_assert(XCF_MAX_BLOCKS_PER_ALLOC == 2, "the replay knows one or two blocks");

#define HDR	((int)sizeof(struct xcf_blkhdr))
#define RESERVE	((int)XCF_RESERVED_INDEX)
#define LISTS	((int)XCF_NUM_FREELISTS)

/* How the search chose a block. */
enum how { BEST, SMALLER, LARGER };

/* A block the search takes: a listed descriptor, or the new reserve page page_id. */
struct want {
	int list;			/* -1: none */
	struct xcf_blkdesc *desc;	/* NULL: the descriptor at offset 0 of page page_id */
	unsigned long page_id;
};

/* The search's replay: up to two blocks, how the first was chosen, whether it ends in a split. */
struct plan {
	struct want block[XCF_MAX_BLOCKS_PER_ALLOC];	/* block[1].list -1: one block */
	enum how how;
	bool found;			/* every block the request needs */
	bool split;
};

void xcf_place_before(struct xcf_pool *pool, u32 size, struct xcf_place *st)
{
	struct shim_stats s;
	int i;

	/* xcf_malloc() refuses these before the reserve and the search */
	st->armed = size <= MAX_ALLOC_SIZE;
	st->reserve = pool->reserve_count;
	st->lists = 0;
	for (i = 0; i < LISTS; i++) {
		st->head[i] = pool->freelists[i];
		if (!st->head[i])
			continue;
		st->lists |= 1ULL << i;
		st->next[i] = st->head[i]->next;
	}
	shim_get_stats(&s);
	st->pages = s.pages_allocated;
	st->page_faults = s.page_faults_injected;
	st->slab_faults = s.slab_faults_injected;
}

/* xcf_find_remove_block()'s order over the non-empty lists: best fit, largest smaller, smallest larger. */
static int search(u64 lists, int idx, bool smaller, enum how *how)
{
	u64 below = lists & ((1ULL << idx) - 1);
	u64 above = idx + 1 < LISTS ? lists & ~((2ULL << idx) - 1) : 0;

	*how = BEST;
	if (lists >> idx & 1)
		return idx;
	*how = SMALLER;
	if (smaller && below)
		return 63 - __builtin_clzll(below);
	*how = LARGER;
	return above ? __builtin_ctzll(above) : -1;
}

/* Entries of list i after the refill: up to two are all a malloc can take. */
static int entries(const struct xcf_place *st, int i, int added)
{
	if (i == RESERVE)
		return st->reserve + added;	/* reserve_count is the list's length (xcf.reserve.count) */
	return st->head[i] ? 1 + !!st->next[i] : 0;
}

/* Entry k (0 or 1) of list i after the refill; the last page allocated is id last. */
static struct want entry(const struct xcf_place *st, int i, int k, int added,
			 unsigned long last)
{
	struct want w = { i, NULL, 0 };

	if (i == RESERVE && k < added) {
		w.page_id = last - k;
		return w;
	}
	if (i == RESERVE)
		k -= added;
	w.desc = k ? st->next[i] : st->head[i];
	return w;
}

static struct plan replay(const struct xcf_place *st, int size, int added, unsigned long last)
{
	u64 lists = st->lists | (added ? 1ULL << RESERVE : 0);
	struct plan p = { .block = { { -1, NULL, 0 }, { -1, NULL, 0 } } };
	int l1, l2, got, left;
	enum how how2;

	l1 = search(lists, xcf_size_to_flindex(size + HDR), true, &p.how);
	if (l1 < 0)
		return p;
	p.block[0] = entry(st, l1, 0, added, last);
	got = (l1 + 1) * XCF_BLOCK_ALIGN;
	p.found = true;
	if (got >= size + HDR) {
		p.split = got > xcf_align_to_block(size + HDR);
		return p;
	}
	/* the rest goes to the last block allowed: no smaller blocks for it */
	left = size - (got - HDR);
	if (entries(st, l1, added) < 2)
		lists &= ~(1ULL << l1);
	l2 = search(lists, xcf_size_to_flindex(left + HDR), false, &how2);
	if (l2 < 0) {
		p.found = false;
		return p;
	}
	p.block[1] = entry(st, l2, l2 == l1, added, last);
	p.split = (l2 + 1) * XCF_BLOCK_ALIGN > xcf_align_to_block(left + HDR);
	return p;
}

static bool is(const struct xcf_blkdesc *d, const struct want *w)
{
	if (w->list < 0)
		return !d;
	if (!d)
		return false;
	if (w->desc)
		return d == w->desc;
	return d->page && shim_page_id(d->page) == w->page_id && xcf_get_offset((struct xcf_blkdesc *)d) == 0;
}

static const char *name(char *buf, size_t len, const struct xcf_blkdesc *d)
{
	if (!d)
		snprintf(buf, len, "none");
	else
		snprintf(buf, len, "page #%lu offset %d", d->page ? shim_page_id(d->page) : 0,
			 xcf_get_offset((struct xcf_blkdesc *)d));
	return buf;
}

static const char *want_name(char *buf, size_t len, const struct want *w)
{
	if (w->list < 0)
		snprintf(buf, len, "none");
	else if (w->desc)
		snprintf(buf, len, "freelist[%d] page #%lu offset %d", w->list,
			 w->desc->page ? shim_page_id(w->desc->page) : 0, xcf_get_offset(w->desc));
	else
		snprintf(buf, len, "freelist[%d] new reserve page #%lu", w->list, w->page_id);
	return buf;
}

static __noreturn void fail(enum xcf_place_inv inv, struct xcf_pool *pool, int size,
			    const struct plan *p, const struct xcf_blkdesc *first)
{
	char got[2][64], want[2][80];

	report_invariant(&invs[inv], NULL, NULL,
			 "malloc of %d bytes: blocks %s, %s; the search names %s, %s (first block by %s)\npool %p",
			 size, name(got[0], sizeof(got[0]), first),
			 name(got[1], sizeof(got[1]), first ? first->next : NULL),
			 want_name(want[0], sizeof(want[0]), &p->block[0]),
			 want_name(want[1], sizeof(want[1]), &p->block[1]),
			 p->how == BEST ? "best fit" : p->how == SMALLER ? "largest smaller" :
			 "smallest larger", (void *)pool);
}

/* The invariant a wrong first block breaks: the smaller-block rule names it when it applied. */
static enum xcf_place_inv first_rule(const struct plan *p, enum xcf_place_inv otherwise)
{
	if (!p->found || p->how != SMALLER)
		return otherwise;
	return p->block[0].list ? XCF_PLACE_SMALLER : XCF_PLACE_SMALLEST_LIST;
}

void xcf_place_after(struct xcf_pool *pool, u32 size, struct xcf_blkdesc *first,
		     const struct xcf_place *st)
{
	int deficit = st->armed && st->reserve < XCF_MAX_RESERVE_PAGES ?
		      XCF_MAX_RESERVE_PAGES - st->reserve : 0;
	bool refused, slab_refused;
	struct shim_stats s;
	struct plan p;
	int added;

	/* xcf_malloc() allocates pages only to refill the reserve */
	shim_get_stats(&s);
	added = (int)(s.pages_allocated - st->pages);
	slab_refused = s.slab_faults_injected != st->slab_faults;
	refused = slab_refused || s.page_faults_injected != st->page_faults;
	if (added > deficit || (added < deficit && !refused))
		report_invariant(&invs[XCF_PLACE_TOPUP], NULL, NULL,
				 "malloc of %u bytes added %d reserve pages to %d; the deficit was %d and %s\npool %p",
				 size, added, st->reserve, deficit,
				 refused ? "an allocation was refused" : "no allocation was refused",
				 (void *)pool);
	if (!st->armed)
		return;
	/* page ids count successful page allocations since shim_reset(): the last one is this */
	p = replay(st, (int)size, added, s.pages_allocated);
	if (!first) {
		if (!p.found || (p.split && slab_refused))
			return;
		fail(first_rule(&p, XCF_PLACE_RESULT), pool, (int)size, &p, first);
	}
	if (!p.found || !is(first, &p.block[0]))
		fail(first_rule(&p, XCF_PLACE_BLOCK), pool, (int)size, &p, first);
	if (!is(first->next, &p.block[1]))
		fail(XCF_PLACE_BLOCK, pool, (int)size, &p, first);
}
