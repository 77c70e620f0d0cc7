/* slab_test.c: kmalloc and kmem_cache tracking, misuse checks and leaks. */
#include <pthread.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/slab.h>
#include <asm/page.h>
#include <allocfuzz/shim.h>
#include "expect.h"

static const char owner;

static void slab_ok(void)
{
	struct kmem_cache *c;
	unsigned char *k, b;
	void *o1, *o2;

	shim_reset();
	shim_set_owner(&owner);
	c = kmem_cache_create("test", 24, 0, 0, NULL);
	o1 = kmem_cache_zalloc(c, GFP_NOWAIT);
	o2 = kmem_cache_alloc(c, GFP_KERNEL);
	k = kmalloc(8, GFP_KERNEL);
	CHECK(c && o1 && o2 && k);
	CHECK(shim_cache_find("test") == c && !shim_cache_find("other"));
	shim_snapshot(&b, o2, 1);	/* not zeroed: poison (unwritten for MSan) */
	CHECK(((unsigned char *)o1)[23] == 0 && b == 0x5a);
	CHECK(shim_object_count(c, &owner) == 2 && shim_object_count(c, NULL) == 2);
	CHECK(shim_object_count(NULL, NULL) == 1);
	CHECK(shim_object_is_live(o1, c) && !shim_object_is_live(o1, NULL));
	CHECK(!shim_object_is_live(k, c) && shim_object_is_live(k, NULL));
	kmem_cache_free(c, o1);
	CHECK(!shim_object_is_live(o1, c) && shim_object_count(c, NULL) == 1);
	kmem_cache_free(c, o2);
	kfree(k);
	kfree(NULL);
	kmem_cache_destroy(c);
	shim_teardown();
}

static void kfree_twice(void)
{
	void *p;

	shim_reset();
	p = kzalloc(16, GFP_KERNEL);
	kfree(p);
	kfree(p);
}

static void kfree_foreign(void)
{
	static char not_ours[16];

	shim_reset();
	kfree(not_ours);
}

static void cache_free_twice(void)
{
	struct kmem_cache *c;
	void *o;

	shim_reset();
	c = kmem_cache_create("test", 24, 0, 0, NULL);
	o = kmem_cache_zalloc(c, GFP_NOWAIT);
	kmem_cache_free(c, o);
	kmem_cache_free(c, o);
}

static void cache_mismatch(void)
{
	struct kmem_cache *c1, *c2;

	shim_reset();
	c1 = kmem_cache_create("one", 24, 0, 0, NULL);
	c2 = kmem_cache_create("two", 24, 0, 0, NULL);
	kmem_cache_free(c2, kmem_cache_zalloc(c1, GFP_NOWAIT));
}

static void cache_busy(void)
{
	struct kmem_cache *c;

	shim_reset();
	c = kmem_cache_create("test", 24, 0, 0, NULL);
	kmem_cache_zalloc(c, GFP_NOWAIT);
	kmem_cache_destroy(c);
}

static void cache_destroyed(void)
{
	struct kmem_cache *c;

	shim_reset();
	c = kmem_cache_create("test", 24, 0, 0, NULL);
	kmem_cache_destroy(c);
	kmem_cache_zalloc(c, GFP_NOWAIT);
}

static void ctor(void *obj)
{
	(void)obj;
}

static void cache_ctor(void)
{
	shim_reset();
	kmem_cache_create("test", 24, 0, 0, ctor);
}

static void slab_highmem(void)
{
	shim_reset();
	kmalloc(8, GFP_KERNEL | __GFP_HIGHMEM);
}

static void object_leak(void)
{
	shim_reset();
	kzalloc(8, GFP_KERNEL);
	shim_teardown();
}

static void cache_leak(void)
{
	shim_reset();
	kmem_cache_create("test", 24, 0, 0, NULL);
	shim_teardown();
}

static void object_overflow(void)
{
	volatile char *p;

	shim_reset();
	p = kmalloc(8, GFP_KERNEL);
	p[8] = 1;
}

static void object_use_after_free(void)
{
	struct kmem_cache *c;
	volatile char *o;

	shim_reset();
	c = kmem_cache_create("test", 24, 0, 0, NULL);
	o = kmem_cache_zalloc(c, GFP_NOWAIT);
	kmem_cache_free(c, (void *)o);
	(void)o[0];
}

int main(void)
{
	expect_clean("slab: alloc, zero and poison fill, counts, free, destroy", slab_ok);
	expect_report("slab: kfree twice", kfree_twice, "BUG: shim.slab.free-invalid");
	expect_report("slab: kfree of a pointer kmalloc never gave", kfree_foreign,
		      "BUG: shim.slab.free-invalid");
	expect_report("slab: kmem_cache_free twice", cache_free_twice,
		      "BUG: shim.slab.free-invalid");
	expect_report("slab: free to the wrong cache", cache_mismatch,
		      "BUG: shim.slab.cache-mismatch");
	expect_report("slab: destroy a cache with objects", cache_busy,
		      "BUG: shim.slab.cache-busy");
	expect_report("slab: allocate from a destroyed cache", cache_destroyed,
		      "BUG: shim.slab.cache-invalid");
	expect_report("slab: cache constructor", cache_ctor, "BUG: shim.slab.ctor");
	expect_report("slab: __GFP_HIGHMEM for kmalloc", slab_highmem, "BUG: shim.slab.bad-gfp");
	expect_report("slab: object leak at teardown", object_leak, "BUG: shim.leak.slab");
	expect_report("slab: cache leak at teardown", cache_leak, "BUG: shim.leak.slab");
	expect_report_needs(EXPECT_ASAN, "slab: overflow of an object", object_overflow,
			    "AddressSanitizer: heap-buffer-overflow");
	expect_report_needs(EXPECT_ASAN, "slab: use after kmem_cache_free", object_use_after_free,
			    "AddressSanitizer: heap-use-after-free");
	return expect_summary();
}
