/*
 * gfp_policy.h: the gfp masks an input can pass, written once: what the
 * allocators' own callers passed, then the other legal masks.  Each mask is
 * a kernel expression that an adapter evaluates in its own profile's values
 * (GFP_POLICY_MASKS below); the harness and the input format know only the
 * index and the name.  A new policy goes at the end: an input's gfp byte
 * names a policy by its index.
 */
#ifndef _ALLOCFUZZ_GFP_POLICY_H
#define _ALLOCFUZZ_GFP_POLICY_H

/* ramzswap_write(): xv_malloc() and the page it kept for incompressible data */
#define RAMZSWAP_GFP	(GFP_NOIO | __GFP_HIGHMEM)
/* zcache's ZCACHE_GFP_MASK, passed to xcf_create_pool() and xcf_malloc() */
#define ZCACHE_GFP	(__GFP_FS | __GFP_NORETRY | __GFP_NOWARN | __GFP_NOMEMALLOC)
/* zram_write_page()'s zs_malloc(), its compression stream held: no direct reclaim (6.1, 6.12) */
#define ZRAM_GFP	(__GFP_KSWAPD_RECLAIM | __GFP_NOWARN | __GFP_HIGHMEM | __GFP_MOVABLE)
/* zram's second try, the stream dropped */
#define ZRAM_SLOW_GFP	(GFP_NOIO | __GFP_HIGHMEM | __GFP_MOVABLE)
/* zswap's zpool_malloc(): its pool's mask, highmem and movable as zsmalloc's driver allows */
#define ZSWAP_GFP	(__GFP_NORETRY | __GFP_NOWARN | __GFP_KSWAPD_RECLAIM | __GFP_HIGHMEM | __GFP_MOVABLE)

/* X(ID, name, mask): index GFP_POLICY_<ID> */
#define GFP_POLICIES(X)				\
	X(RAMZSWAP, "ramzswap", RAMZSWAP_GFP)	\
	X(ZCACHE, "zcache", ZCACHE_GFP)		\
	X(NOWAIT, "nowait", GFP_NOWAIT)		\
	X(ATOMIC, "atomic", GFP_ATOMIC)		\
	X(NOIO, "noio", GFP_NOIO)		\
	X(NOFS, "nofs", GFP_NOFS)		\
	X(KERNEL, "kernel", GFP_KERNEL)		\
	X(HIGHUSER, "highuser", GFP_HIGHUSER)	\
	X(ZRAM, "zram", ZRAM_GFP)		\
	X(ZRAM_SLOW, "zram_slow", ZRAM_SLOW_GFP)	\
	X(ZSWAP, "zswap", ZSWAP_GFP)

#define GFP_POLICY_ENUM(id, name, mask)	GFP_POLICY_##id,
enum gfp_policy { GFP_POLICIES(GFP_POLICY_ENUM) GFP_POLICY_COUNT };

/* Each policy's name, as the text form of an input writes it. */
extern const char *const gfp_policy_name[GFP_POLICY_COUNT];

/* In an adapter, after its profile's <linux/gfp.h>: gfp_t masks[GFP_POLICY_COUNT] = GFP_POLICY_MASKS; */
#define GFP_POLICY_MASK(id, name, mask)	[GFP_POLICY_##id] = (mask),
#define GFP_POLICY_MASKS		{ GFP_POLICIES(GFP_POLICY_MASK) }

#endif
