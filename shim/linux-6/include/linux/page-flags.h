/*
 * linux/page-flags.h: the page flags and page types 6.x code uses.  The
 * page lock (PG_locked) is the runtime's: PageLocked() asks it.
 * PG_isolated is PG_reclaim's bit, as in the kernel.
 */
#ifndef _SHIM6_LINUX_PAGE_FLAGS_H
#define _SHIM6_LINUX_PAGE_FLAGS_H

#include <linux/bitops.h>
#include <linux/bug.h>
#include <linux/limits.h>
#include <linux/mm_types.h>
#include <linux/version.h>

enum pageflags {
	PG_locked,
	PG_writeback,
	PG_referenced,
	PG_uptodate,
	PG_dirty,
	PG_lru,
	PG_head,
	PG_waiters,
	PG_active,
	PG_workingset,
	PG_owner_priv_1,
	PG_arch_1,
	PG_reserved,
	PG_private,
	PG_private_2,
	PG_reclaim,
	PG_swapbacked,
	PG_unevictable,
	PG_mlocked,
	__NR_PAGEFLAGS,
	PG_isolated = PG_reclaim,	/* a non-LRU movable page isolated for migration */
};

/* What the page allocator refuses to see on a page freed (PG_slab aside), and clears. */
#define PAGE_FLAGS_CHECK_AT_FREE					\
	(1UL << PG_lru | 1UL << PG_locked | 1UL << PG_private |		\
	 1UL << PG_private_2 | 1UL << PG_writeback | 1UL << PG_reserved | \
	 1UL << PG_active | 1UL << PG_unevictable | 1UL << PG_mlocked)
#define PAGE_FLAGS_CHECK_AT_PREP	((1UL << __NR_PAGEFLAGS) - 1)

static __always_inline bool PageLocked(const struct page *page)
{
	return shim_page_locked(page);
}

#define SHIM6_PAGEFLAG(uname, lname)					\
static __always_inline bool Page##uname(const struct page *page)	\
{ return test_bit(PG_##lname, &page->flags); }				\
static __always_inline void SetPage##uname(struct page *page)		\
{ set_bit(PG_##lname, &page->flags); }					\
static __always_inline void ClearPage##uname(struct page *page)	\
{ clear_bit(PG_##lname, &page->flags); }

SHIM6_PAGEFLAG(Private, private)
SHIM6_PAGEFLAG(Isolated, isolated)

/* page->mapping's low bits: what kind of mapping it is. */
#define PAGE_MAPPING_ANON	0x1
#define PAGE_MAPPING_MOVABLE	0x2
#define PAGE_MAPPING_KSM	(PAGE_MAPPING_ANON | PAGE_MAPPING_MOVABLE)
#define PAGE_MAPPING_FLAGS	(PAGE_MAPPING_ANON | PAGE_MAPPING_MOVABLE)

static __always_inline bool PageMappingFlags(const struct page *page)
{
	return ((unsigned long)page->mapping & PAGE_MAPPING_FLAGS) != 0;
}

/* Has the type of a non-LRU movable page (its operations may be gone: released). */
static __always_inline bool __PageMovable(const struct page *page)
{
	return ((unsigned long)page->mapping & PAGE_MAPPING_FLAGS) == PAGE_MAPPING_MOVABLE;
}

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
/* 6.12's page types: the top byte of page_type; the low 24 bits are the owner's. */
enum pagetype {
	PGTY_zsmalloc = 0xf6,
};

static __always_inline int PageZsmalloc(const struct page *page)
{
	return page->page_type >> 24 == PGTY_zsmalloc;
}

static __always_inline void __SetPageZsmalloc(struct page *page)
{
	if (PageZsmalloc(page))
		return;
	VM_BUG_ON_PAGE(page->page_type != UINT_MAX, page);
	page->page_type = (unsigned int)PGTY_zsmalloc << 24;
}

static __always_inline void __ClearPageZsmalloc(struct page *page)
{
	if (page->page_type == UINT_MAX)
		return;
	VM_BUG_ON_PAGE(!PageZsmalloc(page), page);
	page->page_type = UINT_MAX;
}
#endif

#endif
