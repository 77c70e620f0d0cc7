/*
 * guard_test.c: the memory checks of a page in every build.  With ASan its
 * redzones and poison report an access off a page's ends and a write to a
 * freed page; without it (the fast lane, MSan) the guard pages
 * (allocfuzz/guard.h) fault at an access off either end, and a write to a
 * freed page is found in the fill __free_page left, at the input's
 * shim_teardown() or when the page is handed out again.
 */
#include <stddef.h>
#include <string.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <asm/page.h>
#include <allocfuzz/guard.h>
#include <allocfuzz/shim.h>
#include "expect.h"

static volatile char *mapped(struct page **p)
{
	shim_reset();
	*p = alloc_page(GFP_NOIO);
	return kmap_atomic(*p, KM_USER0);
}

static void past_end(void)
{
	struct page *p;
	volatile char *v = mapped(&p);

	v[PAGE_SIZE] = 1;
}

static void read_past_end(void)
{
	struct page *p;
	volatile char *v = mapped(&p);

	(void)v[PAGE_SIZE + 100];
}

static void before_start(void)
{
	struct page *p;
	volatile char *v = mapped(&p);

	v[-1] = 1;
}

/* A page's whole memory, first and last bytes included, on many pages at once. */
static void whole_pages(void)
{
	struct page *p[64];
	volatile char *v;
	int i;

	shim_reset();
	for (i = 0; i < 64; i++) {
		p[i] = alloc_page(GFP_NOIO);
		v = kmap_atomic(p[i], KM_USER0);
		v[0] = v[PAGE_SIZE - 1] = (char)i;
		memset((char *)v, i, PAGE_SIZE);
		kunmap_atomic((void *)v, KM_USER0);
	}
	for (i = 0; i < 64; i++)
		__free_page(p[i]);
	shim_teardown();
}

/* A pointer kept past __free_page writes through it; the page waits in the quarantine. */
static void write_after_free(void)
{
	struct page *p;
	volatile char *v = mapped(&p);

	kunmap_atomic((void *)v, KM_USER0);
	__free_page(p);
	v[123] = 0;
	shim_teardown();
}

/* Freed pages read but never written: the teardown's verification is quiet. */
static void read_after_free_fill(void)
{
	struct page *p[8];
	volatile char *v;
	int i;

	shim_reset();
	for (i = 0; i < 8; i++) {
		p[i] = alloc_page(GFP_NOIO);
		v = kmap_atomic(p[i], KM_USER0);
		memset((char *)v, 0, PAGE_SIZE);
		kunmap_atomic((void *)v, KM_USER0);
	}
	for (i = 0; i < 8; i++)
		__free_page(p[i]);
	shim_teardown();
	/* and again in a second input, with the pages of the first reused or waiting */
	shim_reset();
	for (i = 0; i < 8; i++)
		p[i] = alloc_page(GFP_NOIO);
	for (i = 0; i < 8; i++)
		__free_page(p[i]);
	shim_teardown();
}

/* The report of each build: ASan's, or the guard's where ASan is not built in. */
static void expect_memory(const char *name, void (*fn)(void), const char *asan, const char *guard)
{
	if (expect_sanitizers() & EXPECT_ASAN)
		expect_report(name, fn, asan);
	else
		expect_report(name, fn, guard);
}

int main(void)
{
	expect_memory("guard: a store one byte past a page's end", past_end,
		      "AddressSanitizer: heap-buffer-overflow", "BUG: shim.guard.page-overflow");
	expect_memory("guard: a load past a page's end", read_past_end,
		      "AddressSanitizer: heap-buffer-overflow", "BUG: shim.guard.page-overflow");
	expect_memory("guard: a store one byte before a page's start", before_start,
		      "AddressSanitizer: heap-buffer-overflow", "BUG: shim.guard.page-underflow");
	expect_clean("guard: every byte of 64 pages, first and last, is the page's", whole_pages);
	/* MSan: the freed bytes are uninitialised, and their fill is not verified */
	if (expect_sanitizers() & (EXPECT_ASAN | EXPECT_MSAN))
		expect_report_needs(EXPECT_ASAN, "guard: a write to a freed page", write_after_free,
				    "AddressSanitizer: use-after-poison");
	else
		expect_report("guard: a write to a freed page", write_after_free,
			      "BUG: shim.page.poison");
	expect_clean("guard: freed pages that nobody wrote pass the verification", read_after_free_fill);
	return expect_summary();
}
