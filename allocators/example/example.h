/* example.h: the example allocator's API and pool (allocators/README.md's worked example). */
#ifndef _EXAMPLE_H
#define _EXAMPLE_H

#include <linux/spinlock.h>
#include <linux/types.h>
#include <asm/page.h>

#define EX_CHUNK_SHIFT	6
#define EX_CHUNK_SIZE	(1UL << EX_CHUNK_SHIFT)
#define EX_CHUNKS	(PAGE_SIZE >> EX_CHUNK_SHIFT)	/* 64: one bit each in page->private */
#define EX_MAX_PAGES	64

/* A handle: (slot << 12 | first chunk << 6 | chunks - 1) + 1, never 0. */
#define EX_HANDLE(slot, first, n)	((((unsigned long)(slot) << 12) | ((first) << 6) | ((n) - 1)) + 1)
#define EX_SLOT(h)	(((h) - 1) >> 12)
#define EX_FIRST(h)	((((h) - 1) >> 6) & 63)
#define EX_NCHUNKS(h)	((((h) - 1) & 63) + 1)

struct ex_pool {
	spinlock_t lock;
	struct page *pages[EX_MAX_PAGES];	/* a slot holds a page or NULL */
	unsigned long nr_pages;
	unsigned long used_chunks;
};

struct ex_pool *ex_create_pool(void);
void ex_destroy_pool(struct ex_pool *pool);
/* A run of size bytes (1 to PAGE_SIZE): its handle, or 0 when out of memory. */
unsigned long ex_malloc(struct ex_pool *pool, size_t size, gfp_t gfp);
void ex_free(struct ex_pool *pool, unsigned long handle);
/* The run's bytes, mapped for this task until ex_unmap(). */
void *ex_map(struct ex_pool *pool, unsigned long handle);
void ex_unmap(struct ex_pool *pool, unsigned long handle, void *addr);
unsigned long ex_get_total_pages(struct ex_pool *pool);

#endif
