/* space_pool_xv.c: the space benchmark's pool on xvmalloc, as ramzswap used it. */
#include <string.h>
#include <linux/bitops.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <allocfuzz/report.h>
#include <allocfuzz/shim.h>
#include "callers.h"
#include "xv_check.h"
#include "xvmalloc.h"
#include "xvmalloc_int.h"
#include "space_pool.h"

const char space_pool_name[] = "xvmalloc";
const gfp_t space_pool_gfp = RAMZSWAP_GFP;
const u32 space_pool_header = XV_ALIGN;			/* the block header */

void *space_pool_create(void)
{
	return xv_create_pool();
}

void space_pool_destroy(void *pool)
{
	xv_destroy_pool(pool);
}

int space_pool_malloc(void *pool, u32 size, struct space_handle *h)
{
	return xv_malloc(pool, size, &h->page, &h->offset, space_pool_gfp);
}

void space_pool_free(void *pool, const struct space_handle *h)
{
	xv_free(pool, h->page, h->offset);
}

void space_pool_write(const struct space_handle *h, const u8 *buf, u32 size)
{
	u8 *base = kmap_atomic(h->page, KM_USER0);

	memcpy(base + h->offset, buf, size);
	kunmap_atomic(base, KM_USER0);
}

void space_pool_read(const struct space_handle *h, u8 *buf, u32 size)
{
	u8 *base = kmap_atomic(h->page, KM_USER0);

	memcpy(buf, base + h->offset, size);
	kunmap_atomic(base, KM_USER0);
}

u32 space_pool_size(const struct space_handle *h)
{
	u8 *base = kmap_atomic(h->page, KM_USER0);
	u32 size = xv_get_object_size(base + h->offset);

	kunmap_atomic(base, KM_USER0);
	return size;
}

u32 space_pool_blocks(const struct space_handle *h)
{
	(void)h;
	return 1;
}

unsigned long space_pool_pages(void *pool, unsigned long *reserve)
{
	*reserve = 0;	/* xvmalloc frees a page as soon as it is empty */
	return (unsigned long)(xv_get_total_size_bytes(pool) >> PAGE_SHIFT);
}

void space_pool_stats(void *pool, const void *owner, struct space_pool_stats *st)
{
	memset(st, 0, sizeof(*st));
	st->pages = space_pool_pages(pool, &st->reserve_pages);
	/* xv_create_pool() kzallocs the structure rounded up to whole pages */
	st->pool_bytes = roundup(sizeof(struct xv_pool), PAGE_SIZE);
	if (st->pages != shim_page_count(owner)) {
		report_begin("space.accounting: xv_get_total_size_bytes is not the pages the pool holds");
		report_line("xvmalloc says %lu pages, the shim %lu", st->pages,
			    shim_page_count(owner));
		report_end();
	}
}

void space_pool_check(void *pool, const void *owner)
{
	xv_check(pool, owner, CHECK_FULL);
}

void space_pool_exit(void)
{
}
