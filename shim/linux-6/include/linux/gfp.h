/*
 * linux/gfp.h: the page allocator of 6.x over the shim's runtime.  A fresh
 * page holds one reference, no mapping and no type, as prep_new_page()
 * leaves it; dropping the last reference (__free_page(), put_page()) frees
 * it after free_pages_prepare()'s checks: a mapcount or page type left
 * set, a mapping other than a flagged one, or a flag the allocator refuses
 * is "Bad page state".
 */
#ifndef _SHIM6_LINUX_GFP_H
#define _SHIM6_LINUX_GFP_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/gfp_types.h>
#include <linux/mm_types.h>
#include <linux/mmzone.h>
#include <linux/page-flags.h>
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

static inline struct page *shim6_alloc_page(gfp_t gfp, const char *site)
{
	struct page *page = shim_alloc_page(shim_gfp(gfp), site);

	if (page) {
		page->flags = (unsigned long)gfp_zone(gfp) << ZONES_PGSHIFT;
		page->_refcount.counter = 1;
		page->_mapcount.counter = -1;
	}
	return page;
}

/* free_pages_prepare(): the state a page must be freed in, then what the allocator clears. */
static inline void shim6_free_pages_prepare(struct page *page, const char *site)
{
	if (page->_mapcount.counter != -1)
		shim_bad_page(page, "nonzero mapcount", site);
	if (PageMappingFlags(page))
		page->mapping = NULL;	/* a released movable page keeps PAGE_MAPPING_MOVABLE */
	if (page->mapping)
		shim_bad_page(page, "non-NULL mapping", site);
	if ((page->flags & PAGE_FLAGS_CHECK_AT_FREE) || PageLocked(page))
		shim_bad_page(page, "PAGE_FLAGS_CHECK_AT_FREE flag(s) set", site);
	page->flags &= ~PAGE_FLAGS_CHECK_AT_PREP;
}

/* put_page_testzero(): the last reference frees the page. */
static inline void shim6_put_page(struct page *page, const char *site)
{
	if (page->_refcount.counter <= 0)
		shim_bad_page(page, "put_page of a page with no reference", site);
	if (--page->_refcount.counter)
		return;
	shim6_free_pages_prepare(page, site);
	shim_free_page(page, site);
}

#define alloc_page(gfp_mask)	shim6_alloc_page((gfp_mask), SHIM_SITE)
#define __free_page(page)	shim6_put_page((page), SHIM_SITE)

#endif
