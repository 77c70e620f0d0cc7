/* adapter.c: xcfmalloc on the one interface (allocators/allocator.h), as zcache used it. */
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/string.h>
#include <allocfuzz/shim.h>
#include "allocator.h"
#include "xcf_check.h"
#include "xcf_place.h"
/* <>: the variant built, from the include path, never the seed beside this file */
#include <xcfmalloc.h>
#include <xcfmalloc_int.h>

static const gfp_t gfp_mask[GFP_POLICY_COUNT] = GFP_POLICY_MASKS;

/* A handle is the first block's descriptor, as xcf_malloc() returns it. */
static void *desc_of(const struct af_handle *h)
{
	return (void *)h->word[0];
}

static void *xcf_create(enum gfp_policy gfp)
{
	return xcf_create_pool(gfp_mask[gfp]);
}

static void xcf_destroy(void *pool)
{
	xcf_destroy_pool(pool);
}

static int xcf_alloc(void *pool, u32 size, enum gfp_policy gfp, struct af_handle *h)
{
	/* The seed takes an int: sizes above INT_MAX arrive negative, as C converts them. */
	void *desc = xcf_malloc(pool, (int)size, gfp_mask[gfp]);

	h->word[0] = (uintptr_t)desc;
	return desc ? 0 : -ENOMEM;
}

static void xcf_release(void *pool, const struct af_handle *h)
{
	xcf_free(pool, desc_of(h));
}

/* zcache's access path: the seed copies the whole allocation, so buf holds exactly size bytes. */
static void xcf_write_all(void *pool, const struct af_handle *h, const u8 *buf, u32 size)
{
	(void)pool, (void)size;
	xcf_write(desc_of(h), (void *)buf);
}

static void xcf_read_all(void *pool, const struct af_handle *h, u8 *buf, u32 size)
{
	(void)pool, (void)size;
	xcf_read(desc_of(h), buf);
}

static u32 xcf_size(void *pool, const struct af_handle *h)
{
	(void)pool;
	return (u32)xcf_get_alloc_size(desc_of(h));
}

static u64 xcf_total(void *pool)
{
	return xcf_get_total_size_bytes(pool);
}

static void xcf_check_pool(void *pool, const void *owner, enum check_mode mode)
{
	xcf_check(pool, owner, mode);
}

_Static_assert(sizeof(struct xcf_place) <= sizeof(struct af_place), "struct af_place is too small");

static void xcf_place_before_malloc(void *pool, u32 size, struct af_place *st)
{
	xcf_place_before(pool, size, (struct xcf_place *)st->word);
}

static void xcf_place_after_malloc(void *pool, u32 size, const struct af_handle *h, int ret,
				   const struct af_place *st)
{
	(void)ret;	/* a NULL handle is the failure */
	xcf_place_after(pool, size, desc_of(h), (const struct xcf_place *)st->word);
}

static bool xcf_could_serve_pool(void *pool, u32 size)
{
	return xcf_could_serve(pool, size);
}

static u32 xcf_blocks(const struct af_handle *h)
{
	const struct xcf_blkdesc *desc = desc_of(h);

	return desc->next ? 2 : 1;
}

/* Read without the pool lock: single-threaded, between operations. */
static unsigned long xcf_pages(void *pool, unsigned long *reserve)
{
	const struct xcf_pool *p = pool;

	*reserve = (unsigned long)p->reserve_count;
	return (unsigned long)(p->page_count - p->reserve_count);
}

static void xcf_space(void *pool, struct allocator_space *st)
{
	const struct xcf_pool *p = pool;

	memset(st, 0, sizeof(*st));
	st->pages = (unsigned long)(xcf_get_total_size_bytes(pool) >> PAGE_SHIFT);
	st->reserve_pages = (unsigned long)p->reserve_count;
	st->descs = (unsigned long)xcf_get_desc_count(pool);
	st->reserve_descs = (unsigned long)p->reserve_count;	/* one per reserve page */
	st->desc_size = sizeof(struct xcf_blkdesc);
	st->pool_bytes = sizeof(struct xcf_pool);
}

/* zcache's statistics: the descriptors, besides the bytes. */
static void xcf_read_stats(void *pool)
{
	(void)xcf_get_desc_count(pool);
}

/* The list heads and the free descriptors (slab memory, no kmap). */
static void xcf_state(void *pool, struct allocator_state *st)
{
	const struct xcf_pool *p = pool;
	const struct xcf_blkdesc *d;
	int i, steps = 0;

	memset(st, 0, sizeof(*st));
	st->has = ALLOC_STATE_RESERVE | ALLOC_STATE_FREE_BYTES | ALLOC_STATE_LARGEST_FREE |
		  ALLOC_STATE_LISTS;
	st->pages = xcf_pages(pool, &st->reserve);
	st->reserve_max = XCF_MAX_RESERVE_PAGES;
	st->lists = (unsigned int)XCF_RESERVED_INDEX;		/* the reserve's list is counted apart */
	for (i = 0; i < (int)XCF_RESERVED_INDEX; i++) {
		if (!p->freelists[i])
			continue;
		st->nonempty_lists++;
		st->largest_free = (unsigned long)(i + 1) << XCF_BLOCK_SHIFT;
		/* bounded: a broken list is the checker's to report, not a hang here */
		for (d = p->freelists[i]; d && steps < 1 << 16; d = d->next, steps++)
			st->free_bytes += (unsigned long)d->size;
	}
}

static const struct allocator xcf_allocator = {
	.name = "xcfmalloc",
	.min_size = 0,
	.max_size = PAGE_SIZE - sizeof(struct xcf_blkhdr),	/* MAX_ALLOC_SIZE */
	.caller_gfp = GFP_POLICY_ZCACHE,
	.create = xcf_create,
	.destroy = xcf_destroy,
	.malloc = xcf_alloc,
	.free = xcf_release,
	.write = xcf_write_all,
	.read = xcf_read_all,
	.get_size = xcf_size,
	.total_bytes = xcf_total,
	.read_stats = xcf_read_stats,
	.check = xcf_check_pool,
	.place_before = xcf_place_before_malloc,
	.place_after = xcf_place_after_malloc,
	.exit = xcf_exit,
	.could_serve = xcf_could_serve_pool,
	.header_bytes = sizeof(struct xcf_blkhdr),
	.blocks = xcf_blocks,
	.pages = xcf_pages,
	.space = xcf_space,
	.state = xcf_state,
};
ALLOCATOR_REGISTER(xcf_allocator)
