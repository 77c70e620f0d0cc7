/*
 * linux/highmem.h: 6.x's kmaps.  kmap_local_page() maps a page for this
 * thread; mappings nest and are undone in reverse order (the runtime
 * reports one undone out of order).  kmap_atomic() is the same with
 * preemption off.  A page's memory is reachable only while mapped.
 */
#ifndef _SHIM6_LINUX_HIGHMEM_H
#define _SHIM6_LINUX_HIGHMEM_H

#include <linux/mm.h>

#define kmap_local_page(page)	shim_kmap_local((page), false, SHIM_SITE)
#define kunmap_local(addr)	shim_kunmap_local((addr), false, SHIM_SITE)
#define kmap_atomic(page)	shim_kmap_local((page), true, SHIM_SITE)
#define kunmap_atomic(addr)	shim_kunmap_local((addr), true, SHIM_SITE)

#endif
