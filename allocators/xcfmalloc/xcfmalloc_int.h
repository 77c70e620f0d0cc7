/* xcfmalloc_int.h: allocfuzz port: internal definitions moved out of xcfmalloc.c so the invariant checker can read them */

#ifndef _XCFMALLOC_INT_H_
#define _XCFMALLOC_INT_H_

#include <linux/kernel.h>
#include <linux/types.h>
#include <linux/bitops.h>
#include <linux/spinlock.h>

#include "xcfmalloc.h"

/* turn debugging on */
#define XCFM_DEBUG

/* tunables */
#define XCF_BLOCK_SHIFT 6
#define XCF_MAX_RESERVE_PAGES 32
#define XCF_MAX_BLOCKS_PER_ALLOC 2

#define XCF_BLOCK_ALIGN (1 << XCF_BLOCK_SHIFT)
#define XCF_NUM_FREELISTS (PAGE_SIZE >> XCF_BLOCK_SHIFT)
#define XCF_RESERVED_INDEX (XCF_NUM_FREELISTS - 1)

static inline int xcf_align_to_block(int size)
{
	return ALIGN(size, XCF_BLOCK_ALIGN);
}

static inline int xcf_size_to_flindex(int size)
{

	return (xcf_align_to_block(size) >> XCF_BLOCK_SHIFT) - 1;
}

/* pool structure */
struct xcf_pool {
	struct xcf_blkdesc *freelists[XCF_NUM_FREELISTS];
	spinlock_t lock;
	gfp_t flags; /* flags used for page allocations */
	int reserve_count; /* number of reserved (completely unused) pages */
	int page_count; /* number of pages used and reserved */
	int desc_count; /* number of block descriptors */
};

/* block descriptor structure and helper functions */
struct xcf_blkdesc {
	struct page *page;
	struct xcf_blkdesc *next;
	struct xcf_blkdesc *prev;
	int offxcf_set_flags;
#define XCF_FLAG_MASK (XCF_BLOCK_ALIGN - 1)
#define XCF_OFFSET_MASK (~XCF_FLAG_MASK)
#define XCF_BLOCK_FREE (1<<0)
#define XCF_BLOCK_USED (1<<1)
	/* size means different things depending on whether the block is
	 * in use or not. If the block is free, the size is the aligned size
	 * of the block and the block can contain an allocation of up to
	 * (size - sizeof(struct xcf_blkhdr)). If the block is in use,
	 * size is the actual number of bytes used by the allocation plus
	 * sizeof(struct xcf_blkhdr) */
	int size;
};

static inline void xcf_set_offset(struct xcf_blkdesc *desc, int offset)
{
	BUG_ON(offset != (offset & XCF_OFFSET_MASK));
	desc->offxcf_set_flags = offset |
		(desc->offxcf_set_flags & XCF_FLAG_MASK);
}

static inline int xcf_get_offset(struct xcf_blkdesc *desc)
{
	return desc->offxcf_set_flags & XCF_OFFSET_MASK;
}

static inline void xcf_set_flags(struct xcf_blkdesc *desc, int flags)
{
	BUG_ON(flags != (flags & XCF_FLAG_MASK));
	desc->offxcf_set_flags = flags |
		(desc->offxcf_set_flags & XCF_OFFSET_MASK);
}

static inline bool xcf_is_free(struct xcf_blkdesc *desc)
{
	return desc->offxcf_set_flags & XCF_BLOCK_FREE;
}

static inline bool xcf_is_used(struct xcf_blkdesc *desc)
{
	return desc->offxcf_set_flags & XCF_BLOCK_USED;
}

/* block header structure and helper functions */
#ifdef XCFM_DEBUG
#define DECL_SENTINEL int sentinel
#define SENTINEL 0xdeadbeef
#define SET_SENTINEL(_obj) ((_obj)->sentinel = SENTINEL)
#define ASSERT_SENTINEL(_obj) BUG_ON((_obj)->sentinel != SENTINEL)
#define CLEAR_SENTINEL(_obj) ((_obj)->sentinel = 0)
#else
#define DECL_SENTINEL
#define SET_SENTINEL(_obj) do { } while (0)
#define ASSERT_SENTINEL(_obj) do { } while (0)
#define CLEAR_SENTINEL(_obj) do { } while (0)
#endif

struct xcf_blkhdr {
	struct xcf_blkdesc *desc;
	int prevoffset;
	DECL_SENTINEL;
};

#define MAX_ALLOC_SIZE (PAGE_SIZE - sizeof(struct xcf_blkhdr))

void xcf_exit(void); /* allocfuzz: port only */

#endif /* _XCFMALLOC_INT_H_ */
