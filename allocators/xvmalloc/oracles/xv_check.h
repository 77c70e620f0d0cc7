/*
 * xv_check.h: the xvmalloc invariant checker.
 *
 * xv_check() reads the pool and its pages (through kmap_atomic, so pages it
 * reads join the touched set) and never writes them.  owner is the
 * shim_set_owner() tag the pool's pages were allocated under.
 *   CHECK_NONE         returns at once;
 *   CHECK_INCREMENTAL  pool-wide state (counters, bitmaps, list heads) and the
 *                      pages in shim_touched_next(NULL, owner)...; it does not
 *                      clear the touched set, the caller does;
 *   CHECK_FULL         everything on every page the owner holds, and walks
 *                      every freelist.
 * The first violation is reported ("allocfuzz: invariant <id> violated: ...",
 * the pool, page and offset, a dump of the page) and aborts.
 */
#ifndef _ALLOCFUZZ_XV_CHECK_H
#define _ALLOCFUZZ_XV_CHECK_H

#include "check.h"

struct xv_pool;

void xv_check(struct xv_pool *pool, const void *owner, enum check_mode mode);

#endif
