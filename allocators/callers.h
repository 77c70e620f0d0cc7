/*
 * callers.h: the gfp masks the allocators' own callers passed, written once
 * for the adapters, the input format's gfp table and the space bench.
 */
#ifndef _ALLOCFUZZ_CALLERS_H
#define _ALLOCFUZZ_CALLERS_H

#include <linux/gfp.h>

/* ramzswap_write(): xv_malloc() and the page it kept for incompressible data */
#define RAMZSWAP_GFP	(GFP_NOIO | __GFP_HIGHMEM)
/* zcache's ZCACHE_GFP_MASK, passed to xcf_create_pool() and xcf_malloc() */
#define ZCACHE_GFP	(__GFP_FS | __GFP_NORETRY | __GFP_NOWARN | __GFP_NOMEMALLOC)

#endif
