/*
 * ex_check.h: the example allocator's invariant checker and placement
 * oracle.  ex_check() reads the pool between operations and reports (and
 * aborts on) the first violated invariant; owner is the tag the pool's
 * pages were allocated under.  ex_place_before()/ex_place_after() bracket
 * one ex_malloc(): the run it took must be the first that fits.
 */
#ifndef _EX_CHECK_H
#define _EX_CHECK_H

#include "allocator.h"
#include "example.h"

void ex_check(struct ex_pool *pool, const void *owner, enum check_mode mode);

struct ex_place {
	unsigned long used[EX_MAX_PAGES];	/* each slot's bitmap before the malloc */
	bool present[EX_MAX_PAGES];
};

void ex_place_before(struct ex_pool *pool, struct ex_place *st);
/* handle: what ex_malloc() of size bytes returned (0: it failed). */
void ex_place_after(struct ex_pool *pool, size_t size, unsigned long handle,
		    const struct ex_place *st);

#endif
