/*
 * allocator.h: one allocator's public API as the harness, the shadow model,
 * the fuzz targets and the space bench see it, plus what they read of its
 * state.  Each adapter (allocators/xvmalloc/xv_adapter.c,
 * allocators/xcfmalloc/xcf_adapter.c) maps it onto the seed's own functions;
 * it is built once per allocator variant, so a binary links one of each.
 */
#ifndef _ALLOCFUZZ_ALLOCATOR_H
#define _ALLOCFUZZ_ALLOCATOR_H

#include <linux/types.h>
#include "check.h"

/* What one successful malloc returned: <page, offset> or an xcf handle. */
struct af_handle {
	struct page *page;
	u32 offset;
	void *xcf;
};

/* The pool's space, as the allocator counts it (the space bench's figures). */
struct allocator_space {
	unsigned long pages;		/* pages with allocations or free blocks (reserve excluded) */
	unsigned long reserve_pages;	/* wholly free pages kept for later (xcfmalloc) */
	unsigned long descs;		/* block descriptors, slab objects (xcfmalloc), reserve's excluded */
	unsigned long reserve_descs;	/* descriptors of the reserve pages */
	unsigned long desc_size;	/* bytes per descriptor */
	unsigned long pool_bytes;	/* the pool structure itself (kmalloc) */
};

/* What a placement oracle notes before one malloc, for its check after it. */
struct af_place {
	unsigned long word[160];
};

/*
 * A generic summary of a pool's state, for the state probe
 * (fuzzers/state_probe.c): an adapter fills what it can and says so in has.
 * pages (without the reserve) is always there.
 */
enum allocator_state_has {
	ALLOC_STATE_RESERVE = 1 << 0,		/* reserve, reserve_max */
	ALLOC_STATE_FREE_BYTES = 1 << 1,	/* free_bytes */
	ALLOC_STATE_LARGEST_FREE = 1 << 2,	/* largest_free */
	ALLOC_STATE_LISTS = 1 << 3,		/* lists, nonempty_lists */
};

struct allocator_state {
	unsigned int has;		/* ALLOC_STATE_* */
	unsigned long pages;		/* pages with allocations or free blocks */
	unsigned long reserve, reserve_max;	/* wholly free pages kept, and the most kept */
	unsigned long free_bytes;	/* bytes of the free blocks outside the reserve */
	unsigned long largest_free;	/* the size class (bytes) of the largest free block; 0: none */
	unsigned int lists, nonempty_lists;	/* freelists, and those that hold a block */
};

struct allocator {
	const char *name;
	u32 min_size;		/* smallest size the API promises to serve */
	u32 max_size;		/* largest size the API promises to serve */
	gfp_t caller_gfp;	/* what the seed's own caller passed */
	void *(*create)(gfp_t gfp);
	void (*destroy)(void *pool);
	/* 0 on success, else the allocator's failure (-ENOMEM) */
	int (*malloc)(void *pool, u32 size, gfp_t gfp, struct af_handle *h);
	void (*free)(void *pool, const struct af_handle *h);
	/* Copy size bytes in or out; size is what malloc was asked for. */
	void (*write)(const struct af_handle *h, const u8 *buf, u32 size);
	void (*read)(const struct af_handle *h, u8 *buf, u32 size);
	u32 (*get_size)(const struct af_handle *h);
	u64 (*total_bytes)(void *pool);
	/* The other public statistics, read as a client reads them (NULL if none). */
	void (*read_stats)(void *pool);
	void (*check)(void *pool, const void *owner, enum check_mode mode);
	/*
	 * The placement oracle, around every malloc while checks are on (NULL
	 * when an adapter has none): before notes what the allocator's stated
	 * search promises for size, after checks the malloc's ret and h against
	 * it; a violation is reported and aborts.  st is the caller's, per call.
	 */
	void (*place_before)(void *pool, u32 size, struct af_place *st);
	void (*place_after)(void *pool, u32 size, const struct af_handle *h, int ret,
			    const struct af_place *st);
	void (*exit)(void);	/* module exit, between inputs */

	/*
	 * Optional, off the fuzz hot path (NULL when an adapter has none); the
	 * space bench needs all but could_serve, which is true if the pool's
	 * free blocks hold size without a new page.
	 */
	bool (*could_serve)(void *pool, u32 size);
	u32 header_bytes;	/* bytes of header per block, inside the pages */
	/* Blocks h spans: 1, or 2 for an xcfmalloc scatter-gather allocation. */
	u32 (*blocks)(const struct af_handle *h);
	/* Cheap, for peaks after every operation: pages and reserve pages. */
	unsigned long (*pages)(void *pool, unsigned long *reserve);
	/*
	 * Everything, with the shim's counts of owner's pages and descriptors
	 * checked against the allocator's; a disagreement is reported and aborts.
	 */
	void (*space)(void *pool, const void *owner, struct allocator_space *st);
	/* Cheap, after every operation for the state probe: the summary above. */
	void (*state)(void *pool, struct allocator_state *st);
};

/* One variant of each is linked: the variant's adapter library defines it. */
extern const struct allocator xv_allocator;
extern const struct allocator xcf_allocator;

#endif
