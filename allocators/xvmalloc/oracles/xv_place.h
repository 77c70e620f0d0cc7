/*
 * xv_place.h: xvmalloc's placement oracle.  Around one xv_malloc() of size
 * bytes, xv_place_before() notes the block find_block()'s stated search must
 * return from the free lists as they are; xv_place_after() checks what the
 * malloc did against it and reports (and aborts) on the first violation:
 * the pool grown while such a block was listed, or another block taken.
 * One task at a time: the pool must not change between the two calls but
 * through the malloc (and the malloc of a task it lets run, as it grows).
 */
#ifndef _ALLOCFUZZ_XV_PLACE_H
#define _ALLOCFUZZ_XV_PLACE_H

#include <linux/types.h>
#include "check.h"

struct xv_pool;
struct page;

struct xv_place {
	struct page *page;		/* head find_block() must return, NULL: it promises none */
	u32 offset;			/* its header's offset */
	u32 list;			/* its freelist */
	unsigned long page_tries;	/* page allocations tried so far (shim) */
};

void xv_place_before(struct xv_pool *pool, u32 size, struct xv_place *st);
/* ret, page and offset: what xv_malloc() returned. */
void xv_place_after(struct xv_pool *pool, u32 size, int ret, struct page *page, u32 offset,
		    const struct xv_place *st);

#endif
