/*
 * xcf_place.h: xcfmalloc's placement oracle.  Around one xcf_malloc() of
 * size bytes, xcf_place_before() notes the reserve and the freelist heads;
 * xcf_place_after() replays the stated search order on them and checks what
 * the malloc did: the reserve topped up to XCF_MAX_RESERVE_PAGES, each block
 * the head of the list the order names, failure only when the order finds
 * nothing or a needed descriptor was refused.  It reports (and aborts) on
 * the first violation.  One task at a time, between checked operations.
 */
#ifndef _ALLOCFUZZ_XCF_PLACE_H
#define _ALLOCFUZZ_XCF_PLACE_H

#include <linux/types.h>
#include "check.h"
#include "xcfmalloc_int.h"

struct xcf_place {
	bool armed;			/* the malloc searches: size within MAX_ALLOC_SIZE */
	int reserve;			/* reserve_count */
	u64 lists;			/* non-empty freelists, a bit each */
	struct xcf_blkdesc *head[XCF_NUM_FREELISTS];
	struct xcf_blkdesc *next[XCF_NUM_FREELISTS];	/* the entry after each head */
	unsigned long pages, page_faults, slab_faults;	/* shim counters */
};

void xcf_place_before(struct xcf_pool *pool, u32 size, struct xcf_place *st);
/* first: what xcf_malloc() returned (NULL: it failed). */
void xcf_place_after(struct xcf_pool *pool, u32 size, struct xcf_blkdesc *first,
		     const struct xcf_place *st);

#endif
