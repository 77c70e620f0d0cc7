/*
 * xv_check_int.h: the xvmalloc checker's view of a pool, shared by its
 * checks (xv_check.c), its snapshot (xv_snap.c) and its page dump (xv_dump.c).
 */
#ifndef _ALLOCFUZZ_XV_CHECK_INT_H
#define _ALLOCFUZZ_XV_CHECK_INT_H

#include <stddef.h>
#include <string.h>
#include <linux/bitops.h>
#include <linux/highmem.h>
#include "xvmalloc.h"
#include "xvmalloc_int.h"

#define SL_LAST_BITS	(NUM_FREE_LISTS - (MAX_FLI - 1) * BITS_PER_LONG)
#define SL_LAST_MASK	(SL_LAST_BITS == BITS_PER_LONG ? ~0UL : BIT(SL_LAST_BITS % BITS_PER_LONG) - 1)
#define MAX_BLOCKS	(PAGE_SIZE / XV_ALIGN)
/* Touched pages that pick_heads() compares heads with; more make it pick all. */
#define TOUCHED_MAX	8

struct hdr {
	u16 size;
	u16 prev;	/* previous header's offset | flags */
};

struct probe {
	struct hdr h;
	struct link_free link;
	bool start;	/* off is a block header of its page */
};

struct ctx {
	struct xv_pool *pool;
	const void *owner;
	bool full;
	unsigned long npages;		/* pages the shim says owner holds */
	unsigned long nfree;		/* listable free blocks seen (full mode) */
	struct page *first;		/* touched set at entry (incremental) */
	unsigned int ntouched;		/* its first pages, in touched[] */
	struct page *touched[TOUCHED_MAX];
	ulong chg[MAX_FLI];		/* lists whose bit or head differ from xv_snap */
	bool same_pages;		/* owner pages as at the last check of xv_snap */
	struct page *cur;		/* page mapped in KM_USER0, or NULL */
	u8 *base;			/* cur's mapping */
	bool have_starts;		/* starts[] describes cur */
	ulong starts[MAX_BLOCKS / BITS_PER_LONG];
	bool have_set;			/* xv_snap.set holds all owner pages */
};

static inline struct hdr hdr_at(const u8 *base, u32 off)
{
	struct hdr h;

	memcpy(&h.size, base + off + offsetof(struct block_header, size), sizeof(h.size));
	memcpy(&h.prev, base + off + offsetof(struct block_header, prev), sizeof(h.prev));
	return h;
}

static inline struct link_free link_at(const u8 *base, u32 off)
{
	struct link_free l;

	memcpy(&l, base + off + offsetof(struct block_header, link), sizeof(l));
	return l;
}

static inline bool is_free(struct hdr h)
{
	return h.prev & BIT(BLOCK_FREE);
}

static inline u32 blockprev(struct hdr h)
{
	return h.prev & PREV_MASK;
}

static inline bool is_listed(struct hdr h)
{
	return is_free(h) && h.size >= XV_MIN_ALLOC_SIZE;
}

/* Bytes from the end of the header to the next one (xv_free() aligns used sizes). */
static inline u32 span(struct hdr h)
{
	return is_free(h) ? h.size : ALIGN(h.size, XV_ALIGN);
}

/* get_index_for_insert() of xvmalloc.c: the list a free block of size belongs to. */
static inline u32 list_index(u32 size)
{
	if (size > XV_MAX_ALLOC_SIZE)
		size = XV_MAX_ALLOC_SIZE;
	size &= ~FL_DELTA_MASK;
	return (size - XV_MIN_ALLOC_SIZE) >> FL_DELTA_SHIFT;
}

/* A listed block's offset: aligned, with room for a minimal block. */
static inline bool offset_ok(u32 off)
{
	return !(off & XV_ALIGN_MASK) && off + XV_ALIGN + XV_MIN_ALLOC_SIZE <= PAGE_SIZE;
}

static inline void unmap_cur(struct ctx *c)
{
	if (!c->cur)
		return;
	kunmap_atomic(c->base, KM_USER0);
	c->cur = NULL;
}

/* Maps page in KM_USER0, unless it is mapped already. */
static inline void map_cur(struct ctx *c, struct page *page)
{
	if (c->cur == page)
		return;
	unmap_cur(c);
	c->base = kmap_atomic(page, KM_USER0);
	c->cur = page;
	c->have_starts = false;
}

/*
 * Position of <page, off> in freelist[idx] counting from 0, -1 if the list
 * ends without it, -2 if the list is unreadable first.  Never reports.
 */
long xv_find_in_list(struct ctx *c, u32 idx, struct page *page, u32 off);

/* What a report dumps: the page of the violation, the offset it marks. */
struct xv_dump_at {
	struct ctx *c;
	struct page *page;
	u32 off;
};

/* Prints the blocks of at's page, one per line (a report_invariant() dump). */
void xv_dump_page(void *at);

#endif
