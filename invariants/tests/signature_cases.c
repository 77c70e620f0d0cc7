/*
 * signature_cases.c: one real corruption per run, for signature_test.sh,
 * which runs each case with two values and compares the crash signatures.
 * Run: signature_cases CASE VALUE   (dies with the case's report)
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/errno.h>
#include <linux/highmem.h>
#include <allocfuzz/shim.h>
#include "gfp_policy.h"
#include "harness.h"
#include "xcfmalloc_int.h"

static struct harness h;

#define XV	allocator_find("xvmalloc")
#define XCF	allocator_find("xcfmalloc")

/* Two allocations, written, on a fresh pool of a. */
static void start(const struct allocator *a, enum gfp_policy gfp)
{
	shim_reset();
	harness_start(&h, a, gfp, CHECK_INCREMENTAL);
	if (harness_malloc(&h, 0, 100, gfp) || harness_malloc(&h, 1, 300, gfp))
		abort();
	harness_write(&h, 0, 1);
	harness_write(&h, 1, 2);
}

/* Stores val at byte at of slot's xvmalloc allocation (its header before it), as a stray write would. */
static void xv_put(int slot, int at, const void *val, size_t len)
{
	const struct af_handle *ah = &h.model.slot[slot].h;
	u8 *p = h.a->map(h.pool, ah, h.model.slot[slot].size, AF_WRITE);

	memcpy(p + at, val, len);
	h.a->unmap(h.pool, ah, p, AF_WRITE);
}

/* xv.block.prev-offset: slot 1's header {u16 size; u16 prev} gets prev v. */
static void xv_prev_offset(int v)
{
	u16 prev = v;

	start(XV, GFP_POLICY_RAMZSWAP);
	xv_put(1, -2, &prev, sizeof(prev));
	harness_check(&h, CHECK_FULL);
}

/* Stores val at byte at of slot's xcfmalloc block (its header first). */
static void xcf_put(int slot, int at, const void *val, size_t len)
{
	struct xcf_blkdesc *desc = (struct xcf_blkdesc *)h.model.slot[slot].h.word[0];	/* the adapter's handle */
	u8 *base = kmap_atomic(desc->page, KM_USER0);

	memcpy(base + xcf_get_offset(desc) + at, val, len);
	kunmap_atomic(base, KM_USER0);
}

/* xcf.block.prevoffset: slot 1's block header gets prevoffset v. */
static void xcf_prevoffset(int v)
{
	start(XCF, GFP_POLICY_ZCACHE);
	xcf_put(1, offsetof(struct xcf_blkhdr, prevoffset), &v, sizeof(v));
	harness_check(&h, CHECK_FULL);
}

/* model.bytes: byte v of slot 1's data flipped. */
static void model_bytes_xv(int v)
{
	u8 byte;

	start(XV, GFP_POLICY_RAMZSWAP);
	byte = ~model_byte(&h.model, 1, v);
	xv_put(1, v, &byte, 1);
	harness_read(&h, 1);
}

static void model_bytes_xcf(int v)
{
	u8 byte;

	start(XCF, GFP_POLICY_ZCACHE);
	byte = ~model_byte(&h.model, 1, v);
	xcf_put(1, sizeof(struct xcf_blkhdr) + v, &byte, 1);
	harness_read(&h, 1);
}

/* model.size: slot 0's stored size less v, still aligning to the same block. */
static void model_size_xv(int v)
{
	u16 size = 100 - v;

	start(XV, GFP_POLICY_RAMZSWAP);
	xv_put(0, -4, &size, sizeof(size));
	harness_get_size(&h, 0);
}

/* xvmalloc behind an adapter that fails 1000 bytes and more without asking for memory. */
static int refusing_malloc(void *pool, u32 size, enum gfp_policy gfp, struct af_handle *ah)
{
	return size >= 1000 ? -ENOMEM : XV->malloc(pool, size, gfp, ah);
}

/* model.malloc-failed: a malloc of v bytes fails with nothing refused. */
static void model_malloc_failed(int v)
{
	static struct allocator refusing;

	refusing = *XV;
	refusing.malloc = refusing_malloc;
	shim_reset();
	harness_start(&h, &refusing, GFP_POLICY_RAMZSWAP, CHECK_INCREMENTAL);
	harness_malloc(&h, 0, v, GFP_POLICY_RAMZSWAP);
}

static const struct {
	const char *name;
	void (*run)(int v);
} cases[] = {
	{ "xv_prev_offset", xv_prev_offset },
	{ "xcf_prevoffset", xcf_prevoffset },
	{ "model_bytes_xv", model_bytes_xv },
	{ "model_bytes_xcf", model_bytes_xcf },
	{ "model_size_xv", model_size_xv },
	{ "model_malloc_failed", model_malloc_failed },
};

int main(int argc, char **argv)
{
	size_t i;

	for (i = 0; argc == 3 && i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (!strcmp(argv[1], cases[i].name)) {
			cases[i].run(atoi(argv[2]));
			fprintf(stderr, "signature_cases: %s %s gave no report\n", argv[1], argv[2]);
			return 1;
		}
	}
	fprintf(stderr, "usage: signature_cases CASE VALUE\n");
	return 2;
}
