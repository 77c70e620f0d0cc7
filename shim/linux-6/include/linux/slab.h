/* linux/slab.h: kmalloc and kmem_cache, tracked per object by the shim; a 6.x cache copies its name (kstrdup_const). */
#ifndef _SHIM6_LINUX_SLAB_H
#define _SHIM6_LINUX_SLAB_H

#include <linux/types.h>
#include <linux/gfp.h>

#define SHIM_SLAB_COPIES_NAME	true
#define SHIM_SLAB_DESTROY_NULL_OK	/* zs_create_pool()'s error path destroys caches it never made */
#include <shim-common/slab.h>

#endif
