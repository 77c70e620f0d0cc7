/*
 * linux/gfp.h: allocation flags with the values of 2.6.31/2.6.32, the headers
 * both seeds were written against, and the page allocator.
 *
 * Differences from today's kernels that matter here: __GFP_WAIT (0x10) is the
 * "may sleep" bit (today __GFP_DIRECT_RECLAIM), and GFP_NOWAIT is 0 (today it
 * is __GFP_KSWAPD_RECLAIM), so "flags & GFP_NOWAIT" is always false.
 */
#ifndef _SHIM_LINUX_GFP_H
#define _SHIM_LINUX_GFP_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/spinlock.h>	/* as mmzone.h pulled it into 2.6.3x gfp.h */
#include <allocfuzz/runtime.h>

/* Zone modifiers: at most one of DMA, HIGHMEM, DMA32 (else GFP_ZONE_BAD). */
#define __GFP_DMA		0x01u
#define __GFP_HIGHMEM		0x02u
#define __GFP_DMA32		0x04u
#define __GFP_MOVABLE		0x08u
#define GFP_ZONEMASK		(__GFP_DMA | __GFP_HIGHMEM | __GFP_DMA32 | __GFP_MOVABLE)

/* Action modifiers. */
#define __GFP_WAIT		0x10u	/* can wait and reschedule */
#define __GFP_HIGH		0x20u	/* may use emergency pools */
#define __GFP_IO		0x40u	/* can start physical IO */
#define __GFP_FS		0x80u	/* can call down to the filesystem */
#define __GFP_COLD		0x100u
#define __GFP_NOWARN		0x200u
#define __GFP_REPEAT		0x400u
#define __GFP_NOFAIL		0x800u	/* never fails: the shim honours it */
#define __GFP_NORETRY		0x1000u
#define __GFP_COMP		0x4000u
#define __GFP_ZERO		0x8000u
#define __GFP_NOMEMALLOC	0x10000u
#define __GFP_HARDWALL		0x20000u
#define __GFP_THISNODE		0x40000u
#define __GFP_RECLAIMABLE	0x80000u
#define __GFP_NOTRACK		0x200000u
/* 6.x's "wake kswapd", which 2.6.3x did on every allocation: 0, so 6.x callers' masks evaluate here. */
#define __GFP_KSWAPD_RECLAIM	0u

#define __GFP_BITS_SHIFT	22
#define __GFP_BITS_MASK		((gfp_t)((1 << __GFP_BITS_SHIFT) - 1))

/* Flags that kmalloc and kmem_cache_alloc BUG on (mm/slab.c: GFP_SLAB_BUG_MASK). */
#define GFP_SLAB_BUG_MASK	(__GFP_DMA32 | __GFP_HIGHMEM | ~__GFP_BITS_MASK)

#define GFP_ATOMIC		(__GFP_HIGH)
#define GFP_NOWAIT		(GFP_ATOMIC & ~__GFP_HIGH)	/* == 0 in 2.6.3x */
#define GFP_NOIO		(__GFP_WAIT)
#define GFP_NOFS		(__GFP_WAIT | __GFP_IO)
#define GFP_KERNEL		(__GFP_WAIT | __GFP_IO | __GFP_FS)
#define GFP_TEMPORARY		(__GFP_WAIT | __GFP_IO | __GFP_FS | __GFP_RECLAIMABLE)
#define GFP_USER		(__GFP_WAIT | __GFP_IO | __GFP_FS | __GFP_HARDWALL)
#define GFP_HIGHUSER		(GFP_USER | __GFP_HIGHMEM)
#define GFP_HIGHUSER_MOVABLE	(GFP_HIGHUSER | __GFP_MOVABLE)
#define GFP_DMA			__GFP_DMA
#define GFP_DMA32		__GFP_DMA32

/*
 * struct page owns PAGE_SIZE bytes of PAGE_SIZE-aligned memory, poisoned for
 * AddressSanitizer except while some kmap slot maps it.  2.6.3x code never
 * reads a page's fields: the runtime's record is all there is.
 */
struct page {
	struct shim_page shim;
};

/* What the mask asks of the runtime (allocfuzz/runtime.h), in 2.6.3x's values. */
static inline struct shim_gfp shim_gfp(gfp_t gfp)
{
	gfp_t zone = gfp & (__GFP_DMA | __GFP_HIGHMEM | __GFP_DMA32);

	return (struct shim_gfp){
		.mask = gfp,
		.flags = (gfp & __GFP_WAIT ? SHIM_GFP_MAY_SLEEP : 0) |
			 (gfp & __GFP_ZERO ? SHIM_GFP_ZERO : 0) |
			 (gfp & __GFP_NOFAIL ? SHIM_GFP_NOFAIL : 0) |
			 (gfp & ~__GFP_BITS_MASK ? SHIM_GFP_BAD_BITS : 0) |
			 (zone & (zone - 1) ? SHIM_GFP_BAD_ZONE : 0) |
			 (gfp & GFP_SLAB_BUG_MASK ? SHIM_GFP_NOT_SLAB : 0),
	};
}

#define alloc_page(gfp_mask)	shim_alloc_page(shim_gfp(gfp_mask), SHIM_SITE)
#define __free_page(page)	shim_free_page((page), SHIM_SITE)

#endif
