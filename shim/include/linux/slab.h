/* linux/slab.h: kmalloc and kmem_cache, tracked per object by the shim. */
#ifndef _SHIM_LINUX_SLAB_H
#define _SHIM_LINUX_SLAB_H

#include <linux/types.h>
#include <linux/gfp.h>

struct kmem_cache;

void *shim_kmalloc(size_t size, gfp_t flags, bool zero, const char *site);
void shim_kfree(const void *obj, const char *site);
struct kmem_cache *shim_kmem_cache_create(const char *name, size_t size,
					  size_t align, unsigned long flags,
					  void (*ctor)(void *), const char *site);
void shim_kmem_cache_destroy(struct kmem_cache *cache, const char *site);
void *shim_kmem_cache_alloc(struct kmem_cache *cache, gfp_t flags, bool zero,
			    const char *site);
void shim_kmem_cache_free(struct kmem_cache *cache, void *obj, const char *site);

#define kmalloc(size, flags)	shim_kmalloc((size), (flags), false, SHIM_SITE)
#define kzalloc(size, flags)	shim_kmalloc((size), (flags), true, SHIM_SITE)
#define kfree(obj)		shim_kfree((obj), SHIM_SITE)
#define kmem_cache_create(name, size, align, flags, ctor) \
	shim_kmem_cache_create((name), (size), (align), (flags), (ctor), SHIM_SITE)
#define kmem_cache_destroy(cache)	shim_kmem_cache_destroy((cache), SHIM_SITE)
#define kmem_cache_alloc(cache, flags) \
	shim_kmem_cache_alloc((cache), (flags), false, SHIM_SITE)
#define kmem_cache_zalloc(cache, flags) \
	shim_kmem_cache_alloc((cache), (flags), true, SHIM_SITE)
#define kmem_cache_free(cache, obj)	shim_kmem_cache_free((cache), (obj), SHIM_SITE)

#endif
