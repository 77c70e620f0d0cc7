/*
 * differential_test.c: the differential oracle fires when one allocator
 * fails a size both promise, and stays quiet when both serve it, when the
 * size is beyond one of them, and after faults were injected.
 */
#include <stdlib.h>
#include <linux/errno.h>
#include "expect.h"
#include "fuzz_input.h"
#include "ops.h"

/* xvmalloc behind an adapter that refuses 2000 bytes and more. */
static int refusing_malloc(void *pool, u32 size, enum gfp_policy gfp, struct af_handle *h)
{
	return size >= 2000 ? -ENOMEM : allocator_find("xvmalloc")->malloc(pool, size, gfp, h);
}

static struct allocator refusing;

static size_t program(u8 *buf, const struct op *ops, int n)
{
	size_t len = 0;
	int i;

	for (i = 0; i < n; i++)
		len += op_encode(&ops[i], buf + len);
	return len;
}

static void run(const struct allocator *first, const struct op *ops, int n)
{
	const struct allocator *allocs[2] = { first, allocator_find("xcfmalloc") };
	u8 buf[256];

	fuzz_input_on(allocs, 2, buf, program(buf, ops, n));
}

static const struct op malloc_2000[] = {
	{ .kind = OP_MALLOC, .slot = 0, .size = 100, .gfp = 1 },
	{ .kind = OP_MALLOC, .slot = 1, .size = 2000, .gfp = 1 },
};

static void fires(void)
{
	run(&refusing, malloc_2000, 2);
}

static void quiet_same_result(void)
{
	run(allocator_find("xvmalloc"), malloc_2000, 2);
}

static void quiet_beyond_one_maximum(void)
{
	/* 4090 bytes: xvmalloc's maximum is 4092, xcfmalloc's 4080. */
	static const struct op ops[] = {
		{ .kind = OP_MALLOC, .slot = 0, .size = 4090, .gfp = 1 },
		{ .kind = OP_MALLOC, .slot = 1, .size = 0, .gfp = 1 },
	};

	run(allocator_find("xvmalloc"), ops, 2);
}

static void quiet_after_faults(void)
{
	static const struct op ops[] = {
		{ .kind = OP_FAULT, .fail_pages = 15 },
		{ .kind = OP_MALLOC, .slot = 1, .size = 2000, .gfp = 1 },
	};

	run(&refusing, ops, 2);
}

int main(void)
{
	/* Checks off: the per-allocator failed-malloc oracle would speak first. */
	setenv("ALLOCFUZZ_CHECK", "none", 1);
	refusing = *allocator_find("xvmalloc");
	refusing.malloc = refusing_malloc;
	expect_report("differential: one allocator fails a size both promise", fires,
		      "allocfuzz: differential malloc-result: xvmalloc failed a size that xcfmalloc served");
	expect_clean("differential: both serve the same sizes", quiet_same_result);
	expect_clean("differential: sizes beyond one maximum are not compared",
		     quiet_beyond_one_maximum);
	expect_clean("differential: no comparison once faults were injected", quiet_after_faults);
	return expect_summary();
}
