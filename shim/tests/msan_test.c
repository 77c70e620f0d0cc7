/*
 * msan_test.c: the shim's memory as MemorySanitizer sees it, as the kernel
 * would leave it: a use of bytes from alloc_page() without __GFP_ZERO, from
 * kmalloc() or kmem_cache_alloc(), or of memory freed and handed out again
 * is reported; zeroed allocations (__GFP_ZERO, kzalloc, kmem_cache_zalloc)
 * and bytes written are not. The reporting cases need MSan (ci/tests/msan.sh
 * runs this under --config=msan); other builds skip them and run the quiet ones.
 */
#include <string.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/slab.h>
#include <asm/page.h>
#include <allocfuzz/shim.h>
#include "expect.h"

#define MSAN_REPORT	"WARNING: MemorySanitizer: use-of-uninitialized-value"

static volatile int sink;

/* A use MSan checks: a branch on the byte. */
static void use(const void *p)
{
	if (*(const volatile unsigned char *)p == 0x42)
		sink++;
}

static void page_fresh(void)
{
	struct page *p;
	char *v;

	shim_reset();
	p = alloc_page(GFP_NOIO | __GFP_HIGHMEM);
	v = kmap_atomic(p, KM_USER0);
	use(v + 100);
}

static void kmalloc_fresh(void)
{
	char *k;

	shim_reset();
	k = kmalloc(64, GFP_KERNEL);
	use(k + 63);
}

static void cache_fresh(void)
{
	struct kmem_cache *c;
	char *o;

	shim_reset();
	c = kmem_cache_create("msan", 24, 0, 0, NULL);
	o = kmem_cache_alloc(c, GFP_NOWAIT);
	use(o);
}

/* A field the caller sets in one object and never in the next it gets. */
static void kmalloc_reused(void)
{
	char *k;

	shim_reset();
	k = kmalloc(32, GFP_KERNEL);
	memset(k, 1, 32);
	kfree(k);
	k = kmalloc(32, GFP_KERNEL);
	use(k + 8);
}

static void cache_reused(void)
{
	struct kmem_cache *c;
	char *o;

	shim_reset();
	c = kmem_cache_create("msan", 24, 0, 0, NULL);
	o = kmem_cache_zalloc(c, GFP_NOWAIT);
	kmem_cache_free(c, o);
	o = kmem_cache_alloc(c, GFP_NOWAIT);
	use(o + 4);
}

/* Past the quarantine, so the page's own memory comes back, written before. */
static void page_reused(void)
{
	struct page *p;
	char *v;
	int i;

	shim_reset();
	for (i = 0; i < 300; i++) {
		p = alloc_page(__GFP_ZERO);
		v = kmap_atomic(p, KM_USER0);
		memset(v, 7, PAGE_SIZE);
		kunmap_atomic(v, KM_USER0);
		__free_page(p);
	}
	p = alloc_page(GFP_NOIO);
	v = kmap_atomic(p, KM_USER0);
	use(v + PAGE_SIZE - 1);
}

/* The value of a freed object, kept in a copy made before the free was noticed. */
static void kmalloc_freed(void)
{
	unsigned char copy;
	char *k;

	shim_reset();
	k = kzalloc(16, GFP_KERNEL);
	kfree(k);
	memcpy(&copy, k, 1);	/* MSan only: ASan reports the read itself */
	use(&copy);
}

static void zeroed_and_written(void)
{
	struct kmem_cache *c;
	struct page *p, *q;
	char *v, *k, *z, *o;

	shim_reset();
	p = alloc_page(GFP_NOIO | __GFP_HIGHMEM | __GFP_ZERO);
	v = kmap_atomic(p, KM_USER0);
	use(v);
	use(v + PAGE_SIZE - 1);
	kunmap_atomic(v, KM_USER0);
	q = alloc_page(GFP_NOIO);
	v = kmap_atomic(q, KM_USER0);
	v[5] = 1;	/* written bytes of an unzeroed page */
	use(v + 5);
	kunmap_atomic(v, KM_USER0);
	k = kzalloc(40, GFP_KERNEL);
	use(k + 39);
	z = kmalloc(40, GFP_KERNEL | __GFP_ZERO);
	use(z);
	kfree(z);
	z = kmalloc(40, GFP_KERNEL);
	memset(z, 3, 40);
	use(z + 20);
	c = kmem_cache_create("msan", 24, 0, 0, NULL);
	o = kmem_cache_zalloc(c, GFP_NOWAIT);
	use(o + 23);
	kmem_cache_free(c, o);
	__free_page(p);
	__free_page(q);
	kfree(k);
	kfree(z);
	kmem_cache_destroy(c);
	shim_teardown();
}

/* A checker's copy of never-written bytes may be read; the original still reports. */
static void snapshot_copy(void)
{
	unsigned char copy[64];
	struct page *p;
	char *v;

	shim_reset();
	p = alloc_page(GFP_NOIO);
	v = kmap_atomic(p, KM_USER0);
	shim_snapshot(copy, v, sizeof(copy));
	use(copy);
	use(copy + 63);
	kunmap_atomic(v, KM_USER0);
	__free_page(p);
	shim_teardown();
}

static void snapshot_leaves_source(void)
{
	unsigned char copy[8];
	char *k;

	shim_reset();
	k = kmalloc(8, GFP_KERNEL);
	shim_snapshot(copy, k, sizeof(copy));
	use(k + 7);
}

int main(void)
{
	expect_report_needs(EXPECT_MSAN, "msan: use of an alloc_page page without __GFP_ZERO",
			    page_fresh, MSAN_REPORT);
	expect_report_needs(EXPECT_MSAN, "msan: use of a kmalloc object", kmalloc_fresh,
			    MSAN_REPORT);
	expect_report_needs(EXPECT_MSAN, "msan: use of a kmem_cache_alloc object", cache_fresh,
			    MSAN_REPORT);
	expect_report_needs(EXPECT_MSAN, "msan: a kmalloc object freed and allocated again",
			    kmalloc_reused, MSAN_REPORT);
	expect_report_needs(EXPECT_MSAN, "msan: a cache object freed and allocated again",
			    cache_reused, MSAN_REPORT);
	expect_report_needs(EXPECT_MSAN, "msan: a page freed and allocated again (past the quarantine)",
			    page_reused, MSAN_REPORT);
	expect_report_needs(EXPECT_MSAN, "msan: a value read from a freed object", kmalloc_freed,
			    MSAN_REPORT);
	expect_report_needs(EXPECT_MSAN, "msan: shim_snapshot leaves its source uninitialised",
			    snapshot_leaves_source, MSAN_REPORT);
	expect_clean("msan: __GFP_ZERO, kzalloc, kmem_cache_zalloc and written bytes are quiet",
		     zeroed_and_written);
	expect_clean("msan: a checker's shim_snapshot copy is initialised", snapshot_copy);
	return expect_summary();
}
