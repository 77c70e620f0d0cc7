/* linux/slab.h: kmalloc and kmem_cache, tracked per object by the shim; a 6.x cache copies its name. */
#ifndef _SHIM6_LINUX_SLAB_H
#define _SHIM6_LINUX_SLAB_H

#include <linux/types.h>
#include <linux/gfp.h>

struct kmem_cache;

#define kmalloc(size, flags)	shim_kmalloc((size), shim_gfp(flags), SHIM_SITE)
#define kzalloc(size, flags)	shim_kmalloc((size), shim_gfp((flags) | __GFP_ZERO), SHIM_SITE)
#define kfree(obj)		shim_kfree((obj), SHIM_SITE)
#define kmem_cache_create(name, size, align, flags, ctor) \
	((void)(align), shim_kmem_cache_create((name), (size), (flags), (ctor), true, SHIM_SITE))
#define kmem_cache_destroy(cache)	shim_kmem_cache_destroy((cache), SHIM_SITE)
#define kmem_cache_alloc(cache, flags)	shim_kmem_cache_alloc((cache), shim_gfp(flags), SHIM_SITE)
#define kmem_cache_zalloc(cache, flags) \
	shim_kmem_cache_alloc((cache), shim_gfp((flags) | __GFP_ZERO), SHIM_SITE)
#define kmem_cache_free(cache, obj)	shim_kmem_cache_free((cache), (obj), SHIM_SITE)

#endif
