/*
 * allocator.h: one allocator's public API as the harness, the shadow model
 * and the fuzz targets see it.  Each adapter (allocators/xvmalloc/xv_adapter.c,
 * allocators/xcfmalloc/xcf_adapter.c) maps it onto the seed's own functions,
 * nothing more; it is built once per allocator variant, so a binary links one
 * of each.
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
	void (*check)(void *pool, const void *owner, enum check_mode mode);
	void (*exit)(void);	/* module exit, between inputs */
	/* Optional: true if the pool's free blocks hold size without a new page. */
	bool (*could_serve)(void *pool, u32 size);
};

/* One variant of each is linked: the variant's adapter library defines it. */
extern const struct allocator xv_allocator;
extern const struct allocator xcf_allocator;

#endif
