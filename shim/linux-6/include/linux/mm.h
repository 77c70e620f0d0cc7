/*
 * linux/mm.h: page references, pfns, page->private, zone statistics and
 * the helpers 6.x's mm.h has.  pfn_to_page() decodes only live pages: a
 * pfn of none is a stale or corrupt handle (the runtime reports it).
 */
#ifndef _SHIM6_LINUX_MM_H
#define _SHIM6_LINUX_MM_H

#include <linux/atomic.h>
#include <linux/string.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mm_types.h>
#include <linux/mmzone.h>
#include <linux/page-flags.h>
#include <linux/vmstat.h>
#include <linux/workqueue.h>	/* the kernel's mm.h pulls it in through mmzone.h */

#define offset_in_page(p)	((unsigned long)(p) & ~PAGE_MASK)

static inline unsigned long page_private(const struct page *page)
{
	return page->private;
}

static inline void set_page_private(struct page *page, unsigned long private)
{
	page->private = private;
}

static inline int page_ref_count(const struct page *page)
{
	return atomic_read(&page->_refcount);
}

/* get_page() on a page with no reference left is a BUG (page_ref_zero_or_close_to_overflow). */
static inline void shim6_get_page(struct page *page, const char *site)
{
	if (page->_refcount.counter <= 0)
		shim_bad_page(page, "get_page of a page with no reference", site);
	page->_refcount.counter++;
}

static inline bool get_page_unless_zero(struct page *page)
{
	if (!page->_refcount.counter)
		return false;
	page->_refcount.counter++;
	return true;
}

#define get_page(page)	shim6_get_page((page), SHIM_SITE)
#define put_page(page)	shim6_put_page((page), SHIM_SITE)

#define page_to_pfn(page)	shim_page_to_pfn(page)
#define pfn_to_page(pfn)	shim_pfn_to_page((pfn), SHIM_SITE)

#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 12, 0)
/* 6.1: a page's type or its owner's word over _mapcount goes back to "none". */
static inline void page_mapcount_reset(struct page *page)
{
	atomic_set(&page->_mapcount, -1);
}
#endif

/* asm/page.h's copy_page(): one whole page. */
static inline void copy_page(void *to, const void *from)
{
	memcpy(to, from, PAGE_SIZE);
}

#endif
