/*
 * xcf_check_int.h: the xcfmalloc checker's view of a pool, shared by its
 * checks (xcf_check.c) and its report dump (xcf_dump.c).
 */
#ifndef _ALLOCFUZZ_XCF_CHECK_INT_H
#define _ALLOCFUZZ_XCF_CHECK_INT_H

#include <allocfuzz/shim.h>
#include "check.h"
#include "xcfmalloc.h"
#include "xcfmalloc_int.h"

#define XCF_PAGE	((int)PAGE_SIZE)
#define XCF_HDR		((int)sizeof(struct xcf_blkhdr))
#define XCF_LISTS	((int)XCF_NUM_FREELISTS)
#define XCF_RESERVE	((int)XCF_RESERVED_INDEX)

struct xcf_walk {
	struct xcf_pool *pool;
	bool pool_ok;			/* pool may be dereferenced */
	const void *owner;
	struct kmem_cache *cache;	/* "xcf_desc_cache", or NULL */
	enum check_mode mode;
	struct page *page;		/* page KM_USER0 maps now, or NULL */
	char *map;
	/* full mode: what the page walk found */
	int pages, blocks, free_pages;
	int free_blocks[XCF_NUM_FREELISTS];
};

static inline bool desc_live(const struct xcf_walk *w, const struct xcf_blkdesc *d)
{
	return w->cache && shim_object_is_live(d, w->cache);
}

static inline bool page_ours(const struct xcf_walk *w, const struct page *page)
{
	return shim_page_is_live(page) && shim_page_owner(page) == w->owner;
}

static inline int desc_flags(const struct xcf_blkdesc *d)
{
	return d->offxcf_set_flags & XCF_FLAG_MASK;
}

static inline int desc_offset(const struct xcf_blkdesc *d)
{
	return d->offxcf_set_flags & XCF_OFFSET_MASK;
}

/* The freelist a free block of this size belongs in, or -1 if none. */
static inline int size_class(int size)
{
	if (size <= 0 || size > XCF_PAGE)
		return -1;
	return xcf_size_to_flindex(size);
}

static inline const char *flag_name(int flags)
{
	switch (flags) {
	case 0:
		return "none";
	case XCF_BLOCK_FREE:
		return "FREE";
	case XCF_BLOCK_USED:
		return "USED";
	case XCF_BLOCK_FREE | XCF_BLOCK_USED:
		return "FREE|USED";
	default:
		return "bad";
	}
}

/* What a report dumps: the pool, and the page of the violation with offset marked. */
struct xcf_dump_at {
	struct xcf_walk *w;
	struct page *page;	/* NULL: a pool-wide check */
	int offset;		/* -1: none */
};

/* Prints the pool's counters and lists and at's page, then unmaps the walk's page (a report_invariant() dump). */
void xcf_dump(void *at);

#endif
