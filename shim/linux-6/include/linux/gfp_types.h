/*
 * linux/gfp_types.h: allocation flags with 6.x's values (6.1; 6.12 left
 * 0x200 unused where 6.1 had __GFP_ATOMIC, which only GFP_ATOMIC set).
 * __GFP_DIRECT_RECLAIM is "may sleep"; GFP_NOWAIT is __GFP_KSWAPD_RECLAIM,
 * not 0 as in 2.6.3x.
 */
#ifndef _SHIM6_LINUX_GFP_TYPES_H
#define _SHIM6_LINUX_GFP_TYPES_H

#define __GFP_DMA		0x01u
#define __GFP_HIGHMEM		0x02u
#define __GFP_DMA32		0x04u
#define __GFP_MOVABLE		0x08u
#define __GFP_RECLAIMABLE	0x10u
#define __GFP_HIGH		0x20u
#define __GFP_IO		0x40u
#define __GFP_FS		0x80u
#define __GFP_ZERO		0x100u
#define __GFP_ATOMIC		0x200u	/* 6.1 only */
#define __GFP_DIRECT_RECLAIM	0x400u
#define __GFP_KSWAPD_RECLAIM	0x800u
#define __GFP_WRITE		0x1000u
#define __GFP_NOWARN		0x2000u
#define __GFP_RETRY_MAYFAIL	0x4000u
#define __GFP_NOFAIL		0x8000u
#define __GFP_NORETRY		0x10000u
#define __GFP_MEMALLOC		0x20000u
#define __GFP_COMP		0x40000u
#define __GFP_NOMEMALLOC	0x80000u
#define __GFP_HARDWALL		0x100000u
#define __GFP_THISNODE		0x200000u
#define __GFP_ACCOUNT		0x400000u
#define __GFP_ZEROTAGS		0x800000u
#define __GFP_BITS_SHIFT	27	/* 6.1 without CONFIG_LOCKDEP */
#define __GFP_BITS_MASK		((gfp_t)((1u << __GFP_BITS_SHIFT) - 1))

#define __GFP_RECLAIM		(__GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM)
#define GFP_ZONEMASK		(__GFP_DMA | __GFP_HIGHMEM | __GFP_DMA32 | __GFP_MOVABLE)

#define GFP_ATOMIC		(__GFP_HIGH | __GFP_ATOMIC | __GFP_KSWAPD_RECLAIM)
#define GFP_KERNEL		(__GFP_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_KERNEL_ACCOUNT	(GFP_KERNEL | __GFP_ACCOUNT)
#define GFP_NOWAIT		(__GFP_KSWAPD_RECLAIM)
#define GFP_NOIO		(__GFP_RECLAIM)
#define GFP_NOFS		(__GFP_RECLAIM | __GFP_IO)
#define GFP_USER		(__GFP_RECLAIM | __GFP_IO | __GFP_FS | __GFP_HARDWALL)
#define GFP_DMA			__GFP_DMA
#define GFP_DMA32		__GFP_DMA32
#define GFP_HIGHUSER		(GFP_USER | __GFP_HIGHMEM)
#define GFP_HIGHUSER_MOVABLE	(GFP_HIGHUSER | __GFP_MOVABLE)

/* What kmalloc and kmem_cache_alloc warn on and refuse (mm/slab.h: GFP_SLAB_BUG_MASK). */
#define GFP_SLAB_BUG_MASK	(__GFP_DMA32 | __GFP_HIGHMEM | ~__GFP_BITS_MASK)

#endif
