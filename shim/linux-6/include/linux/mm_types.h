/*
 * linux/mm_types.h: struct page as 6.x allocator code sees it: the
 * runtime's record first (allocfuzz/runtime.h), then the fields the
 * generation's code reads and writes, zero when a page is handed out
 * but for the counts alloc_page() sets.
 */
#ifndef _SHIM6_LINUX_MM_TYPES_H
#define _SHIM6_LINUX_MM_TYPES_H

#include <linux/types.h>
#include <allocfuzz/runtime.h>

struct address_space;

struct page {
	struct shim_page shim;		/* the runtime's record: the allocator never touches it */
	unsigned long flags;		/* PG_* bits */
	struct list_head lru;
	struct address_space *mapping;
	pgoff_t index;
	unsigned long private;
	union {
		atomic_t _mapcount;	/* -1: mapped by no page table */
		unsigned int page_type;	/* PAGE_TYPE_BASE when none */
	};
	atomic_t _refcount;
};
_Static_assert(sizeof(struct page) <= SHIM_PAGE_BYTES, "struct page outgrows the runtime's record");

#endif
