/*
 * stats_test.c: the statistics invariants, one per public statistics
 * function of each allocator, quiet on real pools and firing when the
 * function disagrees with the shim and the walk.
 *
 * Every counter a statistic is made of is checked against the shim before
 * the statistic (xv.pool.total-pages, xcf.pool.page-count, ...), so a
 * corrupted counter names its own invariant (xv_check_test, xcf_check_test).
 * What is left to the statistics invariants is the function itself: this
 * binary is linked with --wrap for the three functions, and a case skews the
 * result on a real pool, as a wrong shift or sign in the function would.
 */
#include <stdlib.h>
#include <allocfuzz/shim.h>
#include <linux/gfp.h>
#include "gfp_policy.h"
#include "expect.h"
#include "xcfmalloc.h"
#include "xvmalloc.h"
#include "xcf_check.h"
#include "xv_check.h"

static const char xv_owner, xcf_owner;	/* each checker counts its own pool's pages */
static u64 skew_xv_bytes, skew_xcf_bytes;
static int skew_xcf_descs;

u64 __real_xv_get_total_size_bytes(struct xv_pool *pool);
u64 __real_xcf_get_total_size_bytes(struct xcf_pool *pool);
int __real_xcf_get_desc_count(struct xcf_pool *pool);
u64 __wrap_xv_get_total_size_bytes(struct xv_pool *pool);
u64 __wrap_xcf_get_total_size_bytes(struct xcf_pool *pool);
int __wrap_xcf_get_desc_count(struct xcf_pool *pool);

u64 __wrap_xv_get_total_size_bytes(struct xv_pool *pool)
{
	return __real_xv_get_total_size_bytes(pool) + skew_xv_bytes;
}

u64 __wrap_xcf_get_total_size_bytes(struct xcf_pool *pool)
{
	return __real_xcf_get_total_size_bytes(pool) + skew_xcf_bytes;
}

int __wrap_xcf_get_desc_count(struct xcf_pool *pool)
{
	return __real_xcf_get_desc_count(pool) + skew_xcf_descs;
}

static struct xv_pool *xv;
static struct xcf_pool *xcf;
static struct page *xv_page[3];
static u32 xv_off[3];
static void *xcf_h[3];

/* Real pools, each with a freed allocation: xvmalloc on two pages or one, xcfmalloc on two and its reserve. */
static void build(void)
{
	static const u32 xv_sizes[3] = { 3000, 3000, 100 };
	static const int xcf_sizes[3] = { 100, 2000, 4000 };
	int i;

	shim_reset();
	shim_set_owner(&xv_owner);
	xv = xv_create_pool();
	CHECK(xv);
	for (i = 0; i < 3; i++)
		CHECK(!xv_malloc(xv, xv_sizes[i], &xv_page[i], &xv_off[i], GFP_NOIO));
	xv_free(xv, xv_page[1], xv_off[1]);
	shim_set_owner(&xcf_owner);
	xcf = xcf_create_pool(ZCACHE_GFP);
	CHECK(xcf);
	for (i = 0; i < 3; i++)
		CHECK((xcf_h[i] = xcf_malloc(xcf, xcf_sizes[i], ZCACHE_GFP)));
	xcf_free(xcf, xcf_h[1]);
	CHECK(__real_xv_get_total_size_bytes(xv) >= PAGE_SIZE);
	CHECK(__real_xcf_get_total_size_bytes(xcf) == 2 * PAGE_SIZE);
}

static void check_both(enum check_mode mode)
{
	xv_check(xv, &xv_owner, mode);
	xcf_check(xcf, &xcf_owner, mode);
	shim_touched_clear();
}

static void stats_clean(void)
{
	build();
	check_both(CHECK_INCREMENTAL);
	check_both(CHECK_FULL);
	shim_set_owner(&xv_owner);
	xv_free(xv, xv_page[0], xv_off[0]);
	xv_free(xv, xv_page[2], xv_off[2]);
	shim_set_owner(&xcf_owner);
	xcf_free(xcf, xcf_h[0]);
	xcf_free(xcf, xcf_h[2]);
	check_both(CHECK_FULL);
	CHECK(!__real_xv_get_total_size_bytes(xv) && !__real_xcf_get_desc_count(xcf));
	xv_destroy_pool(xv);
	xcf_destroy_pool(xcf);
	xcf_exit();
	shim_teardown();
}

static void xv_bytes_incremental(void)
{
	build();
	skew_xv_bytes = PAGE_SIZE;
	xv_check(xv, &xv_owner, CHECK_INCREMENTAL);
	exit(0);
}

static void xv_bytes_full(void)
{
	build();
	skew_xv_bytes = -(u64)PAGE_SIZE;
	xv_check(xv, &xv_owner, CHECK_FULL);
	exit(0);
}

static void xcf_bytes_incremental(void)
{
	build();
	skew_xcf_bytes = PAGE_SIZE;
	xcf_check(xcf, &xcf_owner, CHECK_INCREMENTAL);
	exit(0);
}

static void xcf_bytes_full(void)
{
	build();
	skew_xcf_bytes = -(u64)PAGE_SIZE;
	xcf_check(xcf, &xcf_owner, CHECK_FULL);
	exit(0);
}

static void xcf_descs_incremental(void)
{
	build();
	skew_xcf_descs = 1;
	xcf_check(xcf, &xcf_owner, CHECK_INCREMENTAL);
	exit(0);
}

static void xcf_descs_full(void)
{
	build();
	skew_xcf_descs = -1;
	xcf_check(xcf, &xcf_owner, CHECK_FULL);
	exit(0);
}

#define DEAD(fn, id)	expect_report(#fn, fn, "invariant " id " violated")

int main(void)
{
	expect_clean("stats_clean", stats_clean);
	DEAD(xv_bytes_incremental, "xv.stats.total-bytes");
	DEAD(xv_bytes_full, "xv.stats.total-bytes");
	DEAD(xcf_bytes_incremental, "xcf.stats.total-bytes");
	DEAD(xcf_bytes_full, "xcf.stats.total-bytes");
	DEAD(xcf_descs_incremental, "xcf.stats.desc-count");
	DEAD(xcf_descs_full, "xcf.stats.desc-count");
	return expect_summary();
}
