/* xcf_adapter.c: the allocator API of allocator.h on xcfmalloc, as zcache used it. */
#include <linux/errno.h>
#include <linux/gfp.h>
#include "allocator.h"
#include "callers.h"
#include "xcf_check.h"
/* <>: the variant built, from the include path, never the seed beside this file */
#include <xcfmalloc.h>
#include <xcfmalloc_int.h>

static void *xcf_create(gfp_t gfp)
{
	return xcf_create_pool(gfp);
}

static void xcf_destroy(void *pool)
{
	xcf_destroy_pool(pool);
}

static int xcf_alloc(void *pool, u32 size, gfp_t gfp, struct af_handle *h)
{
	/* The seed takes an int: sizes above INT_MAX arrive negative, as C converts them. */
	h->xcf = xcf_malloc(pool, (int)size, gfp);
	return h->xcf ? 0 : -ENOMEM;
}

static void xcf_release(void *pool, const struct af_handle *h)
{
	xcf_free(pool, h->xcf);
}

/* The seed copies the whole allocation: buf must hold exactly size bytes. */
static void xcf_write_all(const struct af_handle *h, const u8 *buf, u32 size)
{
	(void)size;
	xcf_write(h->xcf, (void *)buf);
}

static void xcf_read_all(const struct af_handle *h, u8 *buf, u32 size)
{
	(void)size;
	xcf_read(h->xcf, buf);
}

static u32 xcf_size(const struct af_handle *h)
{
	return (u32)xcf_get_alloc_size(h->xcf);
}

static u64 xcf_total(void *pool)
{
	return xcf_get_total_size_bytes(pool);
}

static void xcf_check_pool(void *pool, const void *owner, enum check_mode mode)
{
	xcf_check(pool, owner, mode);
}

static bool xcf_could_serve_pool(void *pool, u32 size)
{
	return xcf_could_serve(pool, size);
}

const struct allocator xcf_allocator = {
	.name = "xcfmalloc",
	.min_size = 0,
	.max_size = PAGE_SIZE - sizeof(struct xcf_blkhdr),	/* MAX_ALLOC_SIZE */
	.caller_gfp = ZCACHE_GFP,
	.create = xcf_create,
	.destroy = xcf_destroy,
	.malloc = xcf_alloc,
	.free = xcf_release,
	.write = xcf_write_all,
	.read = xcf_read_all,
	.get_size = xcf_size,
	.total_bytes = xcf_total,
	.check = xcf_check_pool,
	.exit = xcf_exit,
	.could_serve = xcf_could_serve_pool,
};
