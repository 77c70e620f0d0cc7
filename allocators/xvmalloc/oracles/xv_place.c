/*
 * xv_place.c: xvmalloc's placement promise (xv_place.h).
 *
 * find_block() (xvmalloc.c) says: free list i holds the free blocks of
 * 32 + 8i .. 32 + 8i + 7 bytes, get_index() names the first list "having
 * blocks of size greater than or equal to requested size", and the
 * two-level bitmap search returns the head of that list or, if it is empty,
 * of the next non-empty list above it ("next nearest fit").  xv_malloc()
 * grows the pool only when find_block() returns nothing.  So when any list
 * at or above that index is non-empty, the malloc must take the head of the
 * lowest such list and must not ask for a page.  Blocks of a lower list that
 * would fit (its larger members) are not promised, nor are requests whose
 * index lies past the last list (4089..4092 bytes: none names them).
 *
 * The lists are found through the pool's own bitmaps, which the checker
 * proved equal to the list heads after the last operation.
 */
#include <linux/bitops.h>
#include <linux/kernel.h>
#include <linux/spinlock.h>	/* spinlock_t, for xvmalloc_int.h */
#include <allocfuzz/shim.h>
#include "xv_place.h"
#include "xvmalloc.h"
#include "xvmalloc_int.h"

#define XV_PLACE_INVARIANTS(X)	\
	X(GREW_WITH_FIT, "xv.place.grew-with-fit",	\
	  "malloc asked for a new page while a freelist its search covers held a block",	\
	  "find_block() returns a block whenever a list at or above the request's index is non-empty, and xv_malloc() grows the pool only when it returns none")	\
	X(BLOCK, "xv.place.block",	\
	  "malloc did not take the head of the lowest non-empty freelist at or above the request's index",	\
	  "find_block() is approximate best fit: the head of the request's own list, else of the next non-empty list above it")

enum xv_place_inv {
#define X(e, id, what, why) XV_PLACE_##e,
	XV_PLACE_INVARIANTS(X)
#undef X
};

static const struct invariant invs[] = {
#define X(e, id, what, why) [XV_PLACE_##e] = { id, what, why },
	XV_PLACE_INVARIANTS(X)
#undef X
};
INVARIANTS_REGISTER(invs)

static unsigned long page_tries(void)
{
	struct shim_stats s;

	shim_get_stats(&s);
	return s.pages_allocated + s.page_faults_injected;
}

/* The lowest non-empty list whose every block holds size bytes, or NUM_FREE_LISTS. */
static u32 first_fit_list(const struct xv_pool *pool, u32 size)
{
	u32 i, j;
	ulong w;

	if (size < XV_MIN_ALLOC_SIZE)
		size = XV_MIN_ALLOC_SIZE;
	size = ALIGN(size, FL_DELTA);
	i = (size - XV_MIN_ALLOC_SIZE) >> FL_DELTA_SHIFT;
	if (i >= NUM_FREE_LISTS)
		return NUM_FREE_LISTS;
	j = i / BITS_PER_LONG;
	w = pool->slbitmap[j] & (~0UL << (i % BITS_PER_LONG));
	if (w)
		return j * BITS_PER_LONG + __ffs(w);
	w = pool->flbitmap >> j >> 1;	/* the words above j, as flbitmap names them */
	if (!w)
		return NUM_FREE_LISTS;
	j += __ffs(w) + 1;
	return j * BITS_PER_LONG + __ffs(pool->slbitmap[j]);
}

void xv_place_before(struct xv_pool *pool, u32 size, struct xv_place *st)
{
	st->page = NULL;
	/* xv_malloc() refuses these before it looks at a list */
	if (!size || size > XV_MAX_ALLOC_SIZE)
		return;
	st->list = first_fit_list(pool, ALIGN(size, XV_ALIGN));
	if (st->list == NUM_FREE_LISTS)
		return;
	st->page = pool->freelist[st->list].page;
	st->offset = pool->freelist[st->list].offset;
	st->page_tries = page_tries();
}

void xv_place_after(struct xv_pool *pool, u32 size, int ret, struct page *page, u32 offset,
		    const struct xv_place *st)
{
	if (!st->page)
		return;
	/* xv_malloc() allocates pages only in grow_pool(); a task it lets run does so inside it */
	if (page_tries() != st->page_tries)
		report_invariant(&invs[XV_PLACE_GREW_WITH_FIT], NULL, NULL,
				 "malloc of %u bytes asked for a page; freelist[%u] held page #%lu offset %u\npool %p",
				 size, st->list, shim_page_id(st->page), st->offset, (void *)pool);
	/* a failure without growth is the model's (model.malloc-failed) */
	if (ret)
		return;
	if (page != st->page || offset != st->offset + XV_ALIGN)
		report_invariant(&invs[XV_PLACE_BLOCK], NULL, NULL,
				 "malloc of %u bytes took page #%lu offset %u; the head of freelist[%u] is page #%lu offset %u\npool %p",
				 size, page ? shim_page_id(page) : 0, offset - XV_ALIGN, st->list,
				 shim_page_id(st->page), st->offset, (void *)pool);
}
