/* linux/gfp.h: the page allocator of 6.x over the shim's runtime. */
#ifndef _SHIM6_LINUX_GFP_H
#define _SHIM6_LINUX_GFP_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/gfp_types.h>
#include <linux/mm_types.h>
#include <allocfuzz/runtime.h>

/* What the mask asks of the runtime (allocfuzz/runtime.h), in 6.x's values. */
static inline struct shim_gfp shim_gfp(gfp_t gfp)
{
	gfp_t zone = gfp & (__GFP_DMA | __GFP_HIGHMEM | __GFP_DMA32);

	return (struct shim_gfp){
		.mask = gfp,
		.flags = (gfp & __GFP_DIRECT_RECLAIM ? SHIM_GFP_MAY_SLEEP : 0) |
			 (gfp & __GFP_ZERO ? SHIM_GFP_ZERO : 0) |
			 (gfp & __GFP_NOFAIL ? SHIM_GFP_NOFAIL : 0) |
			 (gfp & ~__GFP_BITS_MASK ? SHIM_GFP_BAD_BITS : 0) |
			 (zone & (zone - 1) ? SHIM_GFP_BAD_ZONE : 0) |
			 (gfp & GFP_SLAB_BUG_MASK ? SHIM_GFP_NOT_SLAB : 0),
	};
}

static inline bool gfpflags_allow_blocking(const gfp_t gfp_flags)
{
	return !!(gfp_flags & __GFP_DIRECT_RECLAIM);
}

/* A fresh page holds one reference and no mapping, as prep_new_page() leaves it. */
static inline struct page *shim6_alloc_page(gfp_t gfp, const char *site)
{
	struct page *page = shim_alloc_page(shim_gfp(gfp), site);

	if (page) {
		page->_refcount.counter = 1;
		page->_mapcount.counter = -1;
	}
	return page;
}

/* Drops the caller's reference; the last one frees the page. */
static inline void shim6_free_page(struct page *page, const char *site)
{
	if (!--page->_refcount.counter)
		shim_free_page(page, site);
}

#define alloc_page(gfp_mask)	shim6_alloc_page((gfp_mask), SHIM_SITE)
#define __free_page(page)	shim6_free_page((page), SHIM_SITE)

#endif
