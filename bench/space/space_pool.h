/*
 * space_pool.h: the one allocator a space benchmark binary links (xvmalloc
 * or xcfmalloc, seed or fixed), through the public API its caller used, plus
 * what the benchmark reads of its state to count pages and metadata.
 * Implemented by space_pool_xv.c and space_pool_xcf.c.
 */
#ifndef _SPACE_POOL_H
#define _SPACE_POOL_H

#include <linux/types.h>

/* One allocation: <page, offset> for xvmalloc, a handle for xcfmalloc. */
struct space_handle {
	struct page *page;
	u32 offset;
	void *xcf;
};

/* The pool's space, as the allocator and the shim count it. */
struct space_pool_stats {
	unsigned long pages;		/* pages with allocations or free blocks (reserve excluded) */
	unsigned long reserve_pages;	/* wholly free pages kept for later (xcfmalloc) */
	unsigned long descs;		/* block descriptors, slab objects (xcfmalloc), reserve's excluded */
	unsigned long reserve_descs;	/* descriptors of the reserve pages */
	unsigned long desc_size;	/* bytes per descriptor */
	unsigned long pool_bytes;	/* the pool structure itself (kmalloc) */
};

extern const char space_pool_name[];	/* "xvmalloc", "xcfmalloc" */
extern const gfp_t space_pool_gfp;	/* what the allocator's own caller passed */
extern const u32 space_pool_header;	/* bytes of header per block, inside the pages */

void *space_pool_create(void);
void space_pool_destroy(void *pool);
/* 0 on success, else the allocator's failure. */
int space_pool_malloc(void *pool, u32 size, struct space_handle *h);
void space_pool_free(void *pool, const struct space_handle *h);
void space_pool_write(const struct space_handle *h, const u8 *buf, u32 size);
void space_pool_read(const struct space_handle *h, u8 *buf, u32 size);
/* The size the allocator reports for h (its get-size function). */
u32 space_pool_size(const struct space_handle *h);
/* Blocks h spans: 1, or 2 for an xcfmalloc scatter-gather allocation. */
u32 space_pool_blocks(const struct space_handle *h);
/* Cheap: pages and reserve pages, for the peaks tracked after every operation. */
unsigned long space_pool_pages(void *pool, unsigned long *reserve);
/*
 * Everything, with the shim's own counts of owner's pages and descriptors
 * checked against the allocator's; a disagreement is reported and aborts.
 */
void space_pool_stats(void *pool, const void *owner, struct space_pool_stats *st);
/* The invariant checker, in full (reports and aborts on a violation). */
void space_pool_check(void *pool, const void *owner);
/* Module exit: after the pool is destroyed, before the shim is reset. */
void space_pool_exit(void);

#endif
