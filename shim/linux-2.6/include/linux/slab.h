/* linux/slab.h: kmalloc and kmem_cache, tracked per object by the shim; 2.6.3x keeps a cache's name pointer. */
#ifndef _SHIM_LINUX_SLAB_H
#define _SHIM_LINUX_SLAB_H

#include <linux/types.h>
#include <linux/gfp.h>

#define SHIM_SLAB_COPIES_NAME	false
#include <shim-common/slab.h>

#endif
