/*
 * xv_snap.h: what the last check of a pool proved, for the incremental
 * checker: the owner's pages, the bitmaps and the list heads it saw.
 */
#ifndef _ALLOCFUZZ_XV_SNAP_H
#define _ALLOCFUZZ_XV_SNAP_H

#include <stdint.h>
#include <allocfuzz/shim.h>
#include "xv_check_int.h"

/* Owner pages kept in a hash set, so that a link is checked without the shim's lock. */
#define SET_SLOTS	256
#define SET_MAX		(SET_SLOTS / 2)

/*
 * The pool and the owner's pages as the last check saw them: valid, since
 * a check that finds a violation does not return.  Per thread, as the shim's
 * owner tag: threads that check pools of their own do not share it.
 */
struct xv_snap {
	struct xv_pool *pool;
	const void *owner;
	ulong slbitmap[MAX_FLI];
	struct freelist_entry freelist[NUM_FREE_LISTS];
	unsigned long npages;
	const void *pages_owner;	/* whose pages these are, as of shim_page_generation() page_gen */
	unsigned long page_gen;
	struct page *pages[SET_MAX];	/* owner pages in shim order, if npages <= SET_MAX */
	struct page *set[SET_SLOTS];	/* the same, hashed */
};
extern _Thread_local struct xv_snap xv_snap;

/*
 * Counts the owner's pages and says whether they are exactly those of the
 * last check; hashes them if there are few and they are not.
 */
bool xv_load_pages(struct ctx *c);

/*
 * Marks in c->chg the lists whose bit or head differ from xv_snap (all of
 * them if it is of another pool or owner, or the check is full, as known
 * says), and copies them there.
 */
void xv_diff_lists(struct ctx *c, bool known);

static inline unsigned int set_slot(const struct page *page)
{
	return ((uintptr_t)page * 0x9e3779b97f4a7c15ULL) >> 56;
}

/* A live page of the owner: safe to kmap. */
static inline bool owned(struct ctx *c, const struct page *page)
{
	unsigned int i;

	if (!c->have_set)
		return shim_page_is_live(page) && shim_page_owner(page) == c->owner;
	for (i = set_slot(page); xv_snap.set[i]; i = (i + 1) % SET_SLOTS)
		if (xv_snap.set[i] == page)
			return true;
	return false;
}

#endif
