/*
 * space_compress.c: compresses the workload's pages with Debian's liblzo2 and
 * liblz4.  Incompressible pages come out larger than a page; callers'
 * policies decide what to do with them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lz4.h>
#include <lzo/lzo1x.h>
#include "space_compress.h"

/* lzo1x worst case for one page (LZO's documented bound), and LZ4's. */
#define LZO_PAGE_BOUND	(SPACE_PAGE_SIZE + SPACE_PAGE_SIZE / 16 + 64 + 3)
#define LZ4_PAGE_BOUND	LZ4_COMPRESSBOUND(SPACE_PAGE_SIZE)
#define PAGE_BOUND	(LZO_PAGE_BOUND > LZ4_PAGE_BOUND ? LZO_PAGE_BOUND : LZ4_PAGE_BOUND)

const char *space_comp_name(enum space_comp comp)
{
	static const char *const names[SPACE_NCOMP] = { "lzo", "lz4" };

	return comp < SPACE_NCOMP ? names[comp] : "?";
}

/* Compressed length of src into dst (PAGE_BOUND bytes), or 0 on failure. */
static uint32_t compress_page(enum space_comp comp, const uint8_t *src, uint8_t *dst, void *wrkmem)
{
	lzo_uint len = 0;
	int n;

	if (comp == SPACE_LZO)
		return lzo1x_1_compress(src, SPACE_PAGE_SIZE, dst, &len, wrkmem) == LZO_E_OK ?
			(uint32_t)len : 0;
	n = LZ4_compress_default((const char *)src, (char *)dst, SPACE_PAGE_SIZE, PAGE_BOUND);
	return n > 0 ? (uint32_t)n : 0;
}

static bool round_trip(enum space_comp comp, const uint8_t *src, const uint8_t *z, uint32_t zlen)
{
	uint8_t out[SPACE_PAGE_SIZE];
	lzo_uint len = SPACE_PAGE_SIZE;

	if (comp == SPACE_LZO)
		return lzo1x_decompress_safe(z, zlen, out, &len, NULL) == LZO_E_OK &&
			len == SPACE_PAGE_SIZE && !memcmp(out, src, SPACE_PAGE_SIZE);
	return LZ4_decompress_safe((const char *)z, (char *)out, (int)zlen, SPACE_PAGE_SIZE) ==
		SPACE_PAGE_SIZE && !memcmp(out, src, SPACE_PAGE_SIZE);
}

static bool lzo_ready(void)
{
	static int ok = -1;

	if (ok < 0)
		ok = lzo_init() == LZO_E_OK;
	if (!ok)
		fprintf(stderr, "space: lzo_init failed (liblzo2 built for another ABI?)\n");
	return ok;
}

uint32_t space_lzo_size(const uint8_t *page)
{
	static uint8_t out[PAGE_BOUND];
	static void *wrkmem;

	if (!wrkmem && !(wrkmem = malloc(LZO1X_1_MEM_COMPRESS)))
		abort();
	return lzo_ready() ? compress_page(SPACE_LZO, page, out, wrkmem) : 0;
}

int space_compress_all(struct space_compressed *c, const struct space_workload *w,
		       enum space_comp comp)
{
	void *wrkmem;
	unsigned int i;
	size_t used = 0;

	if (comp == SPACE_LZO && !lzo_ready())
		return -1;
	memset(c, 0, sizeof(*c));
	c->comp = comp;
	c->n = w->n;
	c->len = calloc(w->n ? w->n : 1, sizeof(*c->len));
	c->off = calloc(w->n ? w->n : 1, sizeof(*c->off));
	/* Room for the worst case of every page; the tail stays unused. */
	c->data = malloc((size_t)(w->n ? w->n : 1) * PAGE_BOUND);
	wrkmem = malloc(LZO1X_1_MEM_COMPRESS);
	if (!c->len || !c->off || !c->data || !wrkmem)
		abort();
	for (i = 0; i < w->n; i++) {
		c->off[i] = used;
		c->len[i] = compress_page(comp, space_page_data(w, i), c->data + used, wrkmem);
		if (!c->len[i] || !round_trip(comp, space_page_data(w, i), c->data + used,
					      c->len[i])) {
			fprintf(stderr, "space: %s failed on workload page %u\n",
				space_comp_name(comp), i);
			free(wrkmem);
			space_compressed_free(c);
			return -1;
		}
		used += c->len[i];
	}
	free(wrkmem);
	return 0;
}

void space_compressed_free(struct space_compressed *c)
{
	free(c->len);
	free(c->off);
	free(c->data);
	memset(c, 0, sizeof(*c));
}
