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

void *shim_kmap_atomic(struct page *page, enum km_type type, const char *site);
void shim_kunmap_atomic(void *kvaddr, enum km_type type, const char *site);

#define kmap_atomic(page, type)		shim_kmap_atomic((page), (type), SHIM_SITE)
#define kunmap_atomic(kvaddr, type)	shim_kunmap_atomic((kvaddr), (type), SHIM_SITE)

#endif
