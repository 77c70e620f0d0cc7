/* adapter.c: xvmalloc on the one interface (allocators/allocator.h), as ramzswap used it. */
#include <linux/bitops.h>	/* BITS_PER_LONG, for xvmalloc_int.h */
#include <linux/errno.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <allocfuzz/shim.h>
#include "allocator.h"
#include "xv_check.h"
#include "xv_place.h"
/* <>: the variant built, from the include path, never the seed beside this file */
#include <xvmalloc.h>
#include <xvmalloc_int.h>

static const gfp_t gfp_mask[GFP_POLICY_COUNT] = GFP_POLICY_MASKS;

/* A handle is <page, offset>, as xv_malloc() returns it. */
static struct page *page_of(const struct af_handle *h)
{
	return (struct page *)h->word[0];
}

static u32 offset_of(const struct af_handle *h)
{
	return (u32)h->word[1];
}

static void *xv_create(enum gfp_policy gfp)
{
	(void)gfp;	/* xv_create_pool takes no flags */
	return xv_create_pool();
}

static void xv_destroy(void *pool)
{
	xv_destroy_pool(pool);
}

static int xv_alloc(void *pool, u32 size, enum gfp_policy gfp, struct af_handle *h)
{
	struct page *page = NULL;
	u32 offset = 0;
	int ret = xv_malloc(pool, size, &page, &offset, gfp_mask[gfp]);

	h->word[0] = (uintptr_t)page;
	h->word[1] = offset;
	return ret;
}

static void xv_release(void *pool, const struct af_handle *h)
{
	xv_free(pool, page_of(h), offset_of(h));
}

/* ramzswap's access path: the page kmapped in KM_USER0 around the copy. */
static void *xv_map(void *pool, const struct af_handle *h, u32 size, enum af_access how)
{
	(void)pool, (void)size, (void)how;
	return (u8 *)kmap_atomic(page_of(h), KM_USER0) + offset_of(h);
}

static void xv_unmap(void *pool, const struct af_handle *h, void *addr, enum af_access how)
{
	(void)pool, (void)h, (void)how;
	kunmap_atomic(addr, KM_USER0);	/* 2.6.3x masks the address to its page */
}

static u32 xv_size(void *pool, const struct af_handle *h)
{
	u8 *base = kmap_atomic(page_of(h), KM_USER0);
	u32 size = xv_get_object_size(base + offset_of(h));

	(void)pool;
	kunmap_atomic(base, KM_USER0);
	return size;
}

static u64 xv_total(void *pool)
{
	return xv_get_total_size_bytes(pool);
}

static void xv_exit(void)
{
}

static void xv_check_pool(void *pool, const void *owner, enum check_mode mode)
{
	xv_check(pool, owner, mode);
}

_Static_assert(sizeof(struct xv_place) <= sizeof(struct af_place), "struct af_place is too small");

static void xv_place_before_malloc(void *pool, u32 size, struct af_place *st)
{
	xv_place_before(pool, size, (struct xv_place *)st->word);
}

static void xv_place_after_malloc(void *pool, u32 size, const struct af_handle *h, int ret,
				  const struct af_place *st)
{
	xv_place_after(pool, size, ret, page_of(h), offset_of(h), (const struct xv_place *)st->word);
}

static u32 xv_blocks(const struct af_handle *h)
{
	(void)h;
	return 1;
}

static unsigned long xv_pages(void *pool, unsigned long *reserve)
{
	*reserve = 0;	/* xvmalloc frees a page as soon as it is empty */
	return (unsigned long)(xv_get_total_size_bytes(pool) >> PAGE_SHIFT);
}

static void xv_space(void *pool, struct allocator_space *st)
{
	memset(st, 0, sizeof(*st));
	st->pages = xv_pages(pool, &st->reserve_pages);
	/* xv_create_pool() kzallocs the structure rounded up to whole pages */
	st->pool_bytes = roundup(sizeof(struct xv_pool), PAGE_SIZE);
}

/* From the bitmaps alone: a set second-level bit is a non-empty freelist. */
static void xv_state(void *pool, struct allocator_state *st)
{
	const struct xv_pool *p = pool;
	unsigned int i, top = 0;
	bool any = false;

	memset(st, 0, sizeof(*st));
	st->has = ALLOC_STATE_LARGEST_FREE | ALLOC_STATE_LISTS;
	st->pages = xv_pages(pool, &st->reserve);
	st->lists = NUM_FREE_LISTS;
	for (i = 0; i < MAX_FLI; i++) {
		if (!p->slbitmap[i])
			continue;
		st->nonempty_lists += (unsigned int)__builtin_popcountl(p->slbitmap[i]);
		top = i * BITS_PER_LONG + (BITS_PER_LONG - 1 - (unsigned int)__builtin_clzl(p->slbitmap[i]));
		any = true;
	}
	/* list i holds blocks of XV_MIN_ALLOC_SIZE + i * FL_DELTA bytes and more */
	st->largest_free = any ? XV_MIN_ALLOC_SIZE + top * FL_DELTA : 0;
}

static const struct allocator xv_allocator = {
	.name = "xvmalloc",
	.min_size = 1,			/* xv_malloc refuses 0 */
	.max_size = PAGE_SIZE - 4,	/* XV_MAX_ALLOC_SIZE */
	.caller_gfp = GFP_POLICY_RAMZSWAP,
	.create = xv_create,
	.destroy = xv_destroy,
	.malloc = xv_alloc,
	.free = xv_release,
	.map = xv_map,
	.unmap = xv_unmap,
	.get_size = xv_size,
	.total_bytes = xv_total,
	.check = xv_check_pool,
	.place_before = xv_place_before_malloc,
	.place_after = xv_place_after_malloc,
	.exit = xv_exit,
	.header_bytes = XV_ALIGN,	/* the block header */
	.blocks = xv_blocks,
	.pages = xv_pages,
	.space = xv_space,
	.state = xv_state,
};
ALLOCATOR_REGISTER(xv_allocator)
