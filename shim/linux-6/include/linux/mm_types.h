/*
 * linux/mm_types.h: struct page as 6.x code sees it: the runtime's record
 * first (allocfuzz/runtime.h), then the fields the generation's code reads
 * and writes, zero when a page is handed out but for what alloc_page()
 * sets.  page_type shares its word with _mapcount (-1: no type, mapped by
 * no page table): 6.1's zsmalloc keeps its first object offset there raw,
 * 6.12's under PGTY_zsmalloc in the top byte.
 */
#ifndef _SHIM6_LINUX_MM_TYPES_H
#define _SHIM6_LINUX_MM_TYPES_H

#include <linux/types.h>
#include <allocfuzz/runtime.h>

struct address_space;

struct page {
	struct shim_page shim;		/* the runtime's record: the allocator never touches it */
	unsigned long flags;		/* PG_* bits, the zone in the top bits */
	struct list_head lru;		/* the migration core's, while isolated */
	struct address_space *mapping;	/* a movable page: its movable_operations | PAGE_MAPPING_MOVABLE */
	pgoff_t index;
	unsigned long private;
	union {
		atomic_t _mapcount;
		unsigned int page_type;
	};
	atomic_t _refcount;
};
_Static_assert(sizeof(struct page) <= SHIM_PAGE_BYTES, "struct page outgrows the runtime's record");

#endif
