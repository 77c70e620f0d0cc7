/*
 * shim-common/slab.h: kmalloc and kmem_cache over the runtime, the same API
 * in every generation.  The profile's linux/slab.h defines
 * SHIM_SLAB_COPIES_NAME first (SLUB copies a cache's name since 3.x; 2.6.3x
 * kept the pointer), and SHIM_SLAB_DESTROY_NULL_OK where destroying no
 * cache is a no-op; its shim_gfp() comes from its linux/gfp.h.
 */
#ifndef _SHIM_COMMON_SLAB_H
#define _SHIM_COMMON_SLAB_H

#include <allocfuzz/runtime.h>

#define kmalloc(size, flags)	shim_kmalloc((size), shim_gfp(flags), SHIM_SITE)
#define kzalloc(size, flags)	shim_kmalloc((size), shim_gfp((flags) | __GFP_ZERO), SHIM_SITE)
#define kfree(obj)		shim_kfree((obj), SHIM_SITE)
#define kmem_cache_create(name, size, align, flags, ctor)	\
	((void)(align), shim_kmem_cache_create((name), (size), (flags), (ctor),	\
					       SHIM_SLAB_COPIES_NAME, SHIM_SITE))
#ifdef SHIM_SLAB_DESTROY_NULL_OK	/* kmem_cache_destroy(NULL) does nothing (slab_common.c, since 4.x) */
#define kmem_cache_destroy(cache) do {					\
		struct kmem_cache *cache__ = (cache);			\
		if (cache__)						\
			shim_kmem_cache_destroy(cache__, SHIM_SITE);	\
	} while (0)
#else
#define kmem_cache_destroy(cache)	shim_kmem_cache_destroy((cache), SHIM_SITE)
#endif
#define kmem_cache_alloc(cache, flags)	shim_kmem_cache_alloc((cache), shim_gfp(flags), SHIM_SITE)
#define kmem_cache_zalloc(cache, flags) \
	shim_kmem_cache_alloc((cache), shim_gfp((flags) | __GFP_ZERO), SHIM_SITE)
#define kmem_cache_free(cache, obj)	shim_kmem_cache_free((cache), (obj), SHIM_SITE)

#endif
