/* adapter.c: the example allocator on the one interface (allocators/allocator.h). */
#include <linux/bitops.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <allocfuzz/shim.h>
#include "allocator.h"
#include "ex_check.h"
/* <>: the variant built, from the include path, never the seed beside this file */
#include <example.h>

static const gfp_t gfp_mask[GFP_POLICY_COUNT] = GFP_POLICY_MASKS;

/* A handle is ex_malloc()'s, in the first word. */
static unsigned long handle_of(const struct af_handle *h)
{
	return h->word[0];
}

static void *ex_create(enum gfp_policy gfp)
{
	(void)gfp;	/* ex_create_pool takes no flags */
	return ex_create_pool();
}

static void ex_destroy(void *pool)
{
	ex_destroy_pool(pool);
}

static int ex_alloc(void *pool, uint32_t size, enum gfp_policy gfp, struct af_handle *h)
{
	h->word[0] = ex_malloc(pool, size, gfp_mask[gfp]);
	return h->word[0] ? 0 : -ENOMEM;
}

static void ex_release(void *pool, const struct af_handle *h)
{
	ex_free(pool, handle_of(h));
}

static void *ex_map_run(void *pool, const struct af_handle *h, uint32_t size, enum af_access how)
{
	(void)size, (void)how;
	return ex_map(pool, handle_of(h));
}

static void ex_unmap_run(void *pool, const struct af_handle *h, void *addr, enum af_access how)
{
	(void)how;
	ex_unmap(pool, handle_of(h), addr);
}

static uint64_t ex_total_bytes(void *pool)
{
	return (uint64_t)ex_get_total_pages(pool) << PAGE_SHIFT;
}

/* An extra: the statistic a client would read, as an operation an input can order. */
static int ex_read_total(void *pool, const struct af_handle *h, uint8_t arg)
{
	(void)h, (void)arg;
	(void)ex_get_total_pages(pool);
	return 0;
}

static const struct af_extra ex_extras[] = {
	{ "ex_get_total_pages", 0, ex_read_total },
};

static void ex_check_pool(void *pool, const void *owner, enum check_mode mode)
{
	ex_check(pool, owner, mode);
}

_Static_assert(sizeof(struct ex_place) <= sizeof(struct af_place), "struct af_place is too small");

static void ex_place_before_malloc(void *pool, uint32_t size, struct af_place *st)
{
	(void)size;
	ex_place_before(pool, (struct ex_place *)st->word);
}

static void ex_place_after_malloc(void *pool, uint32_t size, const struct af_handle *h, int ret,
				  const struct af_place *st)
{
	ex_place_after(pool, size, ret ? 0 : handle_of(h), (const struct ex_place *)st->word);
}

static unsigned long ex_pages(void *pool, unsigned long *reserve)
{
	*reserve = 0;	/* a page goes back as soon as it is empty */
	return ex_get_total_pages(pool);
}

static void ex_space(void *pool, struct allocator_space *st)
{
	memset(st, 0, sizeof(*st));
	st->pages = ex_pages(pool, &st->reserve_pages);
	st->pool_bytes = sizeof(struct ex_pool);
}

static void ex_state(void *pool, struct allocator_state *st)
{
	const struct ex_pool *p = pool;
	unsigned int slot;

	memset(st, 0, sizeof(*st));
	st->has = ALLOC_STATE_FREE_BYTES;
	st->pages = p->nr_pages;
	for (slot = 0; slot < EX_MAX_PAGES; slot++)
		if (p->pages[slot])
			st->free_bytes += (EX_CHUNKS - hweight_long(page_private(p->pages[slot]))) *
					  EX_CHUNK_SIZE;
}

static uint32_t ex_blocks(const struct af_handle *h)
{
	(void)h;
	return 1;
}

static const struct allocator ex_allocator = {
	.name = "example",
	.min_size = 1,
	.max_size = PAGE_SIZE,
	.caller_gfp = GFP_POLICY_KERNEL,
	.create = ex_create,
	.destroy = ex_destroy,
	.malloc = ex_alloc,
	.free = ex_release,
	.map = ex_map_run,
	.unmap = ex_unmap_run,
	.total_bytes = ex_total_bytes,
	.extras = ex_extras,
	.extra_count = ARRAY_SIZE(ex_extras),
	.check = ex_check_pool,
	.place_before = ex_place_before_malloc,
	.place_after = ex_place_after_malloc,
	.header_bytes = 0,
	.blocks = ex_blocks,
	.pages = ex_pages,
	.space = ex_space,
	.state = ex_state,
};
ALLOCATOR_REGISTER(ex_allocator)
