/*
 * linux/highmem.h: 6.x's kmaps, as with CONFIG_HIGHMEM (mm/highmem.c):
 * kmap_local_page() maps a page for this task; mappings nest, at most
 * KM_MAX_IDX deep, and are undone newest first (kunmap takes any address in
 * the page).  kmap_atomic() is the same with preemption and page faults
 * off.  A page's memory is reachable only while mapped, which Debian's
 * amd64 kernels (no HIGHMEM) never check.
 */
#ifndef _SHIM6_LINUX_HIGHMEM_H
#define _SHIM6_LINUX_HIGHMEM_H

#include <linux/mm.h>
#include <linux/preempt.h>
#include <linux/uaccess.h>
#include <linux/kmsan.h>

#define KM_MAX_IDX	SHIM_KMAP_LOCAL_MAX

#define kmap_local_page(page)	shim_kmap_local((page), false, SHIM_SITE)
#define kunmap_local(addr)	shim_kunmap_local((addr), false, SHIM_SITE)
#define kmap_atomic(page)	({					\
		void *addr__ = shim_kmap_local((page), true, SHIM_SITE); \
		pagefault_disable();					\
		addr__; })
#define kunmap_atomic(addr)	do {					\
		_Static_assert(!__same_type((addr), struct page *),	\
			       "kunmap_atomic takes the address, not the page"); \
		pagefault_enable();					\
		shim_kunmap_local((addr), true, SHIM_SITE);		\
	} while (0)

#endif
