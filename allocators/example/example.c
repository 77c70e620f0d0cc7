/*
 * example.c: the example allocator, the file a user copies to start their
 * own (allocators/README.md).  A pool hands out runs of 64-byte chunks from
 * the pages in its table: the first page, and in it the first chunk, where
 * a run of the size fits; a new page only when none does.  A page's used
 * chunks are one bit each in page->private, and a page goes back as soon as
 * its last chunk is freed.
 */
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include "example.h"

static unsigned long run_mask(unsigned int first, unsigned int n)
{
	return (n == EX_CHUNKS ? ~0UL : (1UL << n) - 1) << first;
}

/* The first page with a free run of n chunks: its slot, the run's first chunk in *first; -1 if none. */
static int find_run(struct ex_pool *pool, unsigned int n, unsigned int *first)
{
	unsigned int slot;

	for (slot = 0; slot < EX_MAX_PAGES; slot++) {
		if (!pool->pages[slot])
			continue;
		for (*first = 0; *first + n <= EX_CHUNKS; (*first)++)
			if (!(page_private(pool->pages[slot]) & run_mask(*first, n)))
				return slot;
	}
	return -1;
}

/* The pool itself is slab memory: GFP_KERNEL, whatever its pages take (no highmem in a slab). */
struct ex_pool *ex_create_pool(void)
{
	struct ex_pool *pool = kzalloc(sizeof(*pool), GFP_KERNEL);

	if (pool)
		spin_lock_init(&pool->lock);
	return pool;
}

void ex_destroy_pool(struct ex_pool *pool)
{
	unsigned int slot;

	for (slot = 0; slot < EX_MAX_PAGES; slot++)
		if (pool->pages[slot])
			__free_page(pool->pages[slot]);
	kfree(pool);
}

unsigned long ex_malloc(struct ex_pool *pool, size_t size, gfp_t gfp)
{
	unsigned int n = DIV_ROUND_UP(size, EX_CHUNK_SIZE), first = 0;
	struct page *page;
	int slot;

	if (!size || size > PAGE_SIZE)
		return 0;
	spin_lock(&pool->lock);
	slot = find_run(pool, n, &first);
	if (slot < 0) {
		spin_unlock(&pool->lock);
		page = alloc_page(gfp);	/* outside the lock: it may sleep */
		if (!page)
			return 0;
		spin_lock(&pool->lock);
		for (slot = 0; slot < EX_MAX_PAGES && pool->pages[slot]; slot++)
			;
		if (slot == EX_MAX_PAGES) {
			spin_unlock(&pool->lock);
			__free_page(page);
			return 0;
		}
		set_page_private(page, 0);
		pool->pages[slot] = page;
		pool->nr_pages++;
		first = 0;
	}
	set_page_private(pool->pages[slot], page_private(pool->pages[slot]) | run_mask(first, n));
	pool->used_chunks += n;
	spin_unlock(&pool->lock);
	return EX_HANDLE(slot, first, n);
}

void ex_free(struct ex_pool *pool, unsigned long handle)
{
	unsigned long mask = run_mask(EX_FIRST(handle), EX_NCHUNKS(handle));
	struct page *page;

	spin_lock(&pool->lock);
	page = pool->pages[EX_SLOT(handle)];
	BUG_ON(!page || (page_private(page) & mask) != mask);	/* a run it never handed out */
	set_page_private(page, page_private(page) & ~mask);
	pool->used_chunks -= EX_NCHUNKS(handle);
	if (page_private(page)) {
		spin_unlock(&pool->lock);
		return;
	}
	pool->pages[EX_SLOT(handle)] = NULL;
	pool->nr_pages--;
	spin_unlock(&pool->lock);
	__free_page(page);
}

void *ex_map(struct ex_pool *pool, unsigned long handle)
{
	u8 *base = kmap_local_page(pool->pages[EX_SLOT(handle)]);

	return base + (EX_FIRST(handle) << EX_CHUNK_SHIFT);
}

void ex_unmap(struct ex_pool *pool, unsigned long handle, void *addr)
{
	kunmap_local(addr);
}

unsigned long ex_get_total_pages(struct ex_pool *pool)
{
	return READ_ONCE(pool->nr_pages);
}
