/*
 * linux/migrate.h: non-LRU page migration.  An owner marks its pages
 * movable (__SetPageMovable(), page locked: mapping = its operations |
 * PAGE_MAPPING_MOVABLE) and releases them (__ClearPageMovable(): the
 * mapping keeps only PAGE_MAPPING_MOVABLE, so the migration core finishes
 * without calling it); without CONFIG_COMPACTION both do nothing
 * (mm/compaction.c).  Below them, the migration core's steps on one page
 * (mm/migrate.c), for the harness to drive as compaction would.
 */
#ifndef _SHIM6_LINUX_MIGRATE_H
#define _SHIM6_LINUX_MIGRATE_H

#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/version.h>

#define MIGRATEPAGE_SUCCESS	0

enum migrate_mode {
	MIGRATE_ASYNC,
	MIGRATE_SYNC_LIGHT,
	MIGRATE_SYNC,
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 10, 0)
	MIGRATE_SYNC_NO_COPY,	/* the driver must not copy the contents itself */
#endif
};

struct movable_operations {
	bool (*isolate_page)(struct page *, isolate_mode_t);
	int (*migrate_page)(struct page *dst, struct page *src, enum migrate_mode);
	void (*putback_page)(struct page *);
};

static inline const struct movable_operations *page_movable_ops(struct page *page)
{
	VM_BUG_ON(!__PageMovable(page));
	return (const struct movable_operations *)((unsigned long)page->mapping - PAGE_MAPPING_MOVABLE);
}

#ifdef CONFIG_COMPACTION
/* Movable, with its operations: asked under the page lock. */
static inline int PageMovable(struct page *page)
{
	VM_BUG_ON_PAGE(!PageLocked(page), page);
	return __PageMovable(page) && page_movable_ops(page);
}

static inline void __SetPageMovable(struct page *page, const struct movable_operations *mops)
{
	VM_BUG_ON_PAGE(!PageLocked(page), page);
	VM_BUG_ON_PAGE((unsigned long)mops & PAGE_MAPPING_MOVABLE, page);
	page->mapping = (struct address_space *)((unsigned long)mops | PAGE_MAPPING_MOVABLE);
}

static inline void __ClearPageMovable(struct page *page)
{
	VM_BUG_ON_PAGE(!PageMovable(page), page);
	page->mapping = (struct address_space *)PAGE_MAPPING_MOVABLE;
}
#else
static inline int PageMovable(struct page *page)
{
	(void)page;
	return 0;
}

static inline void __SetPageMovable(struct page *page, const struct movable_operations *mops)
{
	(void)page, (void)mops;
}

static inline void __ClearPageMovable(struct page *page)
{
	(void)page;
}
#endif

/*
 * The migration core on one page, in the kernel's order, with its page
 * locks and references (a page the owner holds has one; isolated, two).
 *
 * isolate_movable_page(): a reference, __PageMovable, the page lock by
 * trylock, PageMovable and not isolated, the owner's isolate_page, then
 * PG_isolated and unlock; the reference is kept.  0, or -EBUSY.
 */
static inline int shim6_isolate_movable_page(struct page *page, isolate_mode_t mode)
{
	const struct movable_operations *mops;

	if (!get_page_unless_zero(page))
		return -EBUSY;
	if (!__PageMovable(page))
		goto put;
	if (!trylock_page(page))
		goto put;
	if (!PageMovable(page) || PageIsolated(page))
		goto unlock;
	mops = page_movable_ops(page);
	if (!mops->isolate_page(page, mode))
		goto unlock;
	WARN_ON_ONCE(PageIsolated(page));	/* the owner must not use PG_isolated */
	SetPageIsolated(page);
	unlock_page(page);
	return 0;
unlock:
	unlock_page(page);
put:
	put_page(page);
	return -EBUSY;
}

/*
 * migrate_pages() on one isolated page, into a new page of gfp: if only
 * the core's reference is left the owner let the page go and it is freed;
 * else src is locked (ASYNC: by trylock, or -EAGAIN) and the new page, then
 * the owner's migrate_page moves it (a page released meanwhile needs no
 * owner).  On success the core drops its references to both (the owner
 * took its own of the new page): MIGRATEPAGE_SUCCESS.  On failure the new
 * page is freed and src stays isolated, to retry or put back: -ENOMEM (no
 * new page), -EAGAIN, or the owner's error.
 */
static inline int shim6_migrate_movable_page(struct page *src, gfp_t gfp, enum migrate_mode mode)
{
	const struct movable_operations *mops;
	struct page *dst;
	int rc;

	VM_BUG_ON_PAGE(!PageIsolated(src), src);
	if (page_ref_count(src) == 1) {
		put_page(src);		/* freed under us: free_pages_prepare() clears PG_isolated */
		return MIGRATEPAGE_SUCCESS;
	}
	dst = alloc_page(gfp);
	if (!dst)
		return -ENOMEM;
	if (!trylock_page(src)) {
		if (mode == MIGRATE_ASYNC) {
			put_page(dst);
			return -EAGAIN;
		}
		lock_page(src);
	}
	if (!trylock_page(dst))
		BUG();		/* nobody else knows the new page */
	if (!PageMovable(src)) {
		rc = MIGRATEPAGE_SUCCESS;
	} else {
		mops = page_movable_ops(src);
		rc = mops->migrate_page(dst, src, mode);
		WARN_ON_ONCE(rc == MIGRATEPAGE_SUCCESS && !PageIsolated(src));
	}
	if (rc == MIGRATEPAGE_SUCCESS)
		ClearPageIsolated(src);
	unlock_page(dst);
	unlock_page(src);
	put_page(dst);
	if (rc == MIGRATEPAGE_SUCCESS)
		put_page(src);
	return rc;
}

/* putback_movable_pages() on one: the owner's putback_page unless released, then the core's reference goes. */
static inline void shim6_putback_movable_page(struct page *page)
{
	VM_BUG_ON_PAGE(!PageIsolated(page), page);
	lock_page(page);
	if (PageMovable(page))
		page_movable_ops(page)->putback_page(page);
	ClearPageIsolated(page);
	unlock_page(page);
	put_page(page);
}

#endif
