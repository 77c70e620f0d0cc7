/* space_pool_xcf.c: the space benchmark's pool on xcfmalloc, as zcache used it. */
#include <string.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <allocfuzz/report.h>
#include <allocfuzz/shim.h>
#include "callers.h"
#include "xcf_check.h"
#include "xcfmalloc.h"
#include "xcfmalloc_int.h"
#include "space_pool.h"

const char space_pool_name[] = "xcfmalloc";
const gfp_t space_pool_gfp = ZCACHE_GFP;
const u32 space_pool_header = sizeof(struct xcf_blkhdr);

void *space_pool_create(void)
{
	return xcf_create_pool(space_pool_gfp);
}

void space_pool_destroy(void *pool)
{
	xcf_destroy_pool(pool);
}

int space_pool_malloc(void *pool, u32 size, struct space_handle *h)
{
	h->xcf = xcf_malloc(pool, (int)size, space_pool_gfp);
	return h->xcf ? 0 : -ENOMEM;
}

void space_pool_free(void *pool, const struct space_handle *h)
{
	xcf_free(pool, h->xcf);
}

/* xcf_write and xcf_read copy the whole allocation: buf holds exactly its size. */
void space_pool_write(const struct space_handle *h, const u8 *buf, u32 size)
{
	(void)size;
	xcf_write(h->xcf, (void *)buf);
}

void space_pool_read(const struct space_handle *h, u8 *buf, u32 size)
{
	(void)size;
	xcf_read(h->xcf, buf);
}

u32 space_pool_size(const struct space_handle *h)
{
	return (u32)xcf_get_alloc_size(h->xcf);
}

u32 space_pool_blocks(const struct space_handle *h)
{
	const struct xcf_blkdesc *desc = h->xcf;

	return desc->next ? 2 : 1;
}

/* Read without the pool lock: single-threaded, between operations. */
unsigned long space_pool_pages(void *pool, unsigned long *reserve)
{
	const struct xcf_pool *p = pool;

	*reserve = (unsigned long)p->reserve_count;
	return (unsigned long)(p->page_count - p->reserve_count);
}

void space_pool_stats(void *pool, const void *owner, struct space_pool_stats *st)
{
	struct kmem_cache *cache = shim_cache_find("xcf_desc_cache");
	const struct xcf_pool *p = pool;
	unsigned long shim_descs = cache ? shim_object_count(cache, owner) : 0;

	memset(st, 0, sizeof(*st));
	st->pages = (unsigned long)(xcf_get_total_size_bytes(pool) >> PAGE_SHIFT);
	st->reserve_pages = (unsigned long)p->reserve_count;
	st->descs = (unsigned long)xcf_get_desc_count(pool);
	st->reserve_descs = (unsigned long)p->reserve_count;	/* one per reserve page */
	st->desc_size = sizeof(struct xcf_blkdesc);
	st->pool_bytes = sizeof(struct xcf_pool);
	if (st->pages + st->reserve_pages != shim_page_count(owner) ||
	    st->descs + st->reserve_descs != shim_descs) {
		report_begin("space.accounting: xcfmalloc's page or descriptor counts are not the shim's");
		report_line("xcfmalloc: %lu pages + %lu reserve, %lu descriptors + %lu reserve",
			    st->pages, st->reserve_pages, st->descs, st->reserve_descs);
		report_line("shim: %lu pages, %lu xcf_desc_cache objects of this pool",
			    shim_page_count(owner), shim_descs);
		report_end();
	}
}

void space_pool_check(void *pool, const void *owner)
{
	xcf_check(pool, owner, CHECK_FULL);
}

void space_pool_exit(void)
{
	xcf_exit();
}
