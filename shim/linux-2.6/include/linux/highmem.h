/*
 * linux/highmem.h: atomic kmaps as in 2.6.3x.  A page's memory is reachable
 * only while a slot maps it; kmap_atomic also disables preemption, so the
 * code between map and unmap is atomic context.
 */
#ifndef _SHIM_LINUX_HIGHMEM_H
#define _SHIM_LINUX_HIGHMEM_H

#include <linux/types.h>
#include <linux/gfp.h>

/* The per-CPU slots the seeds use. */
enum km_type {
	KM_USER0,
	KM_USER1,
	KM_TYPE_NR
};

static inline const char *shim_km_name(enum km_type type)
{
	return type == KM_USER0 ? "KM_USER0" : type == KM_USER1 ? "KM_USER1" : "KM_?";
}

#define kmap_atomic(page, type)	\
	shim_kmap_slot((page), (type), KM_TYPE_NR, shim_km_name(type), SHIM_SITE)
#define kunmap_atomic(kvaddr, type)	\
	shim_kunmap_slot((kvaddr), (type), KM_TYPE_NR, shim_km_name(type), SHIM_SITE)

#endif
