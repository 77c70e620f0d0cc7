/*
 * linux/gfp_types.h: allocation flags with 6.x's values, as Debian
 * configures its kernels (no LOCKDEP, no KASAN_HW_TAGS; 6.12 with
 * SLAB_OBJ_EXT).  6.3 dropped __GFP_ATOMIC (0x200 stays unused), which only
 * GFP_ATOMIC set; 6.12's GFP_NOWAIT adds __GFP_NOWARN.  __GFP_DIRECT_RECLAIM
 * is "may sleep"; GFP_NOWAIT is __GFP_KSWAPD_RECLAIM, not 0 as in 2.6.3x.
 */
#ifndef _SHIM6_LINUX_GFP_TYPES_H
#define _SHIM6_LINUX_GFP_TYPES_H

#include <linux/version.h>

#define __GFP_DMA		0x01u
#define __GFP_HIGHMEM		0x02u
#define __GFP_DMA32		0x04u
#define __GFP_MOVABLE		0x08u
#define __GFP_RECLAIMABLE	0x10u
#define __GFP_HIGH		0x20u
#define __GFP_IO		0x40u
#define __GFP_FS		0x80u
#define __GFP_ZERO		0x100u
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 3, 0)
#define __GFP_ATOMIC		0x200u
#endif
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
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
#define __GFP_NO_OBJ_EXT	0x1000000u	/* CONFIG_SLAB_OBJ_EXT */
#define __GFP_BITS_SHIFT	25
#else
#define __GFP_BITS_SHIFT	27	/* the KASAN bits' room, without CONFIG_LOCKDEP */
#endif
#define __GFP_BITS_MASK		((gfp_t)((1u << __GFP_BITS_SHIFT) - 1))

#define __GFP_RECLAIM		(__GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM)
#define GFP_ZONEMASK		(__GFP_DMA | __GFP_HIGHMEM | __GFP_DMA32 | __GFP_MOVABLE)

#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 3, 0)
#define GFP_ATOMIC		(__GFP_HIGH | __GFP_ATOMIC | __GFP_KSWAPD_RECLAIM)
#else
#define GFP_ATOMIC		(__GFP_HIGH | __GFP_KSWAPD_RECLAIM)
#endif
#define GFP_KERNEL		(__GFP_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_KERNEL_ACCOUNT	(GFP_KERNEL | __GFP_ACCOUNT)
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
#define GFP_NOWAIT		(__GFP_KSWAPD_RECLAIM | __GFP_NOWARN)
#else
#define GFP_NOWAIT		(__GFP_KSWAPD_RECLAIM)
#endif
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
