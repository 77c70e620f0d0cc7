/*
 * xcf_check.h: invariant checker for xcfmalloc pools.  Call it between
 * allocator operations with the owner tag the pool's pages and descriptors
 * were allocated under; it reports (and aborts) on the first violation.
 */
#ifndef _ALLOCFUZZ_XCF_CHECK_H
#define _ALLOCFUZZ_XCF_CHECK_H

#include <linux/types.h>
#include "check.h"

struct xcf_pool;

/*
 * CHECK_FULL walks every page of owner and every freelist; CHECK_INCREMENTAL
 * checks the pool's counters and freelist heads and walks only the pages
 * shim_touched_next() lists (it does not clear the touched set).
 */
void xcf_check(struct xcf_pool *pool, const void *owner, enum check_mode mode);

/*
 * True if the pool's free blocks can hold size bytes without a new page: one
 * free block, or the two largest together (xcfmalloc's scatter-gather
 * promise of up to XCF_MAX_BLOCKS_PER_ALLOC blocks), each less its header.
 * Call it between operations on a pool that passed xcf_check().
 */
bool xcf_could_serve(struct xcf_pool *pool, u32 size);

#endif
