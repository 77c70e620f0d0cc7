/*
 * space_compress.h: every page of the workload compressed once with LZO
 * (lzo1x_1_compress, what ramzswap and zcache called) or LZ4
 * (LZ4_compress_default), each checked by decompressing it again.
 */
#ifndef _SPACE_COMPRESS_H
#define _SPACE_COMPRESS_H

#include <stdbool.h>
#include <stdint.h>
#include "space_workload.h"

enum space_comp {
	SPACE_LZO,
	SPACE_LZ4,
	SPACE_NCOMP,
};

/* Compressed pages, back to back. */
struct space_compressed {
	enum space_comp comp;
	unsigned int n;
	uint32_t *len;
	size_t *off;
	uint8_t *data;
};

const char *space_comp_name(enum space_comp comp);
/* 0, or -1 after an error naming the page that did not survive the round trip. */
int space_compress_all(struct space_compressed *c, const struct space_workload *w,
		       enum space_comp comp);
/* LZO size of one page (0 if liblzo2 failed), for picking pages by size. */
uint32_t space_lzo_size(const uint8_t *page);
void space_compressed_free(struct space_compressed *c);

static inline const uint8_t *space_compressed_data(const struct space_compressed *c,
					      unsigned int i)
{
	return c->data + c->off[i];
}

#endif
