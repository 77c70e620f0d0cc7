/*
 * harness_test.c: the shadow model fires on a stored byte or a size that
 * changed behind the allocator's back, the placement oracles on a malloc
 * that does not search as its allocator states (only while checks are on),
 * the caller's buffers show an allocator copying past them or keeping them,
 * and the harness stays quiet on long valid runs of both fixed allocators
 * in every check mode.
 */
#include <string.h>
#include <linux/errno.h>
#include <allocfuzz/shim.h>
#include <linux/highmem.h>
#include "expect.h"
#include "harness.h"
#include <linux/bitops.h>
#include "xcfmalloc_int.h"
#include "xvmalloc_int.h"

#include "callers.h"

static struct harness h;

static void start(const struct allocator *a, gfp_t gfp)
{
	shim_reset();
	harness_start(&h, a, gfp, CHECK_INCREMENTAL);
	CHECK(harness_malloc(&h, 0, 100, gfp) == 0);
	CHECK(harness_malloc(&h, 1, 300, gfp) == 0);
	harness_write(&h, 0, 1);
	harness_write(&h, 1, 2);
}

/* Flips one stored byte of slot 1 through a kmap, as a stray write would. */
static void flip_byte_xv(void)
{
	u8 *base;

	start(&xv_allocator, RAMZSWAP_GFP);
	base = kmap_atomic(h.model.slot[1].h.page, KM_USER0);
	base[h.model.slot[1].h.offset + 7] ^= 0x40;
	kunmap_atomic(base, KM_USER0);
	harness_read(&h, 1);
}

static void flip_byte_xcf(void)
{
	struct xcf_blkdesc *desc;
	u8 *base;

	start(&xcf_allocator, ZCACHE_GFP);
	desc = h.model.slot[1].h.xcf;
	base = kmap_atomic(desc->page, KM_USER0);
	base[xcf_get_offset(desc) + sizeof(struct xcf_blkhdr) + 299] ^= 1;
	kunmap_atomic(base, KM_USER0);
	harness_read(&h, 1);
}

/* The size xvmalloc stores in the header is what get-size returns. */
static void change_size_xv(void)
{
	u8 *base;
	u16 *size;

	start(&xv_allocator, RAMZSWAP_GFP);
	base = kmap_atomic(h.model.slot[0].h.page, KM_USER0);
	size = (u16 *)(base + h.model.slot[0].h.offset - 4);
	*size -= 1;	/* still aligns to the same block: only the model can tell */
	kunmap_atomic(base, KM_USER0);
	harness_get_size(&h, 0);
}

static void change_size_xcf(void)
{
	struct xcf_blkdesc *desc;

	start(&xcf_allocator, ZCACHE_GFP);
	desc = h.model.slot[0].h.xcf;
	desc->size += 1;
	harness_get_size(&h, 0);
}

/* xvmalloc behind an adapter that fails 2000 bytes and more without asking for memory. */
static int refusing_malloc(void *pool, u32 size, gfp_t gfp, struct af_handle *h)
{
	return size >= 2000 ? -ENOMEM : xv_allocator.malloc(pool, size, gfp, h);
}

static void failed_malloc(void)
{
	static struct allocator refusing;

	refusing = xv_allocator;
	refusing.malloc = refusing_malloc;
	shim_reset();
	harness_start(&h, &refusing, RAMZSWAP_GFP, CHECK_INCREMENTAL);
	harness_malloc(&h, 0, 2000, RAMZSWAP_GFP);
}

static void failed_malloc_with_faults(void)
{
	struct shim_fault_plan plan = { .fail_pages = 1000, .fail_slab = 1000 };

	shim_reset();
	harness_start(&h, &xv_allocator, RAMZSWAP_GFP, CHECK_INCREMENTAL);
	shim_fault_set(&plan);
	CHECK(harness_malloc(&h, 0, 100, RAMZSWAP_GFP) != 0);	/* refused: not reported */
	CHECK(harness_malloc(&h, 1, 0, RAMZSWAP_GFP) != 0);	/* below min_size: not reported */
	harness_start(&h, &xcf_allocator, ZCACHE_GFP, CHECK_INCREMENTAL);
	CHECK(harness_malloc(&h, 0, 100, ZCACHE_GFP) != 0);	/* no descriptor: not reported */
	plan.fail_slab = 0;
	xcf_allocator.exit();	/* the module's cache must go before the shim forgets it */
	shim_reset();
	shim_fault_set(&plan);
	harness_start(&h, &xcf_allocator, ZCACHE_GFP, CHECK_INCREMENTAL);
	CHECK(harness_malloc(&h, 0, 0, ZCACHE_GFP) != 0);	/* a pool without pages serves nothing */
}

/* xvmalloc behind an adapter whose malloc does not see the free lists: it grows past a fit. */
static int blind_xv_malloc(void *pool, u32 size, gfp_t gfp, struct af_handle *h)
{
	struct xv_pool *p = pool;
	ulong lists = p->flbitmap;
	int ret;

	p->flbitmap = 0;
	ret = xv_allocator.malloc(pool, size, gfp, h);
	p->flbitmap |= lists;	/* the lists it did not see are as they were */
	return ret;
}

/* xcfmalloc behind an adapter whose malloc skips freelist 0. */
static int skipping_xcf_malloc(void *pool, u32 size, gfp_t gfp, struct af_handle *h)
{
	struct xcf_pool *p = pool;
	struct xcf_blkdesc *list0 = p->freelists[0];
	int ret;

	p->freelists[0] = NULL;
	ret = xcf_allocator.malloc(pool, size, gfp, h);
	if (!p->freelists[0])
		p->freelists[0] = list0;
	return ret;
}

static struct allocator wrong;

/* A fit listed, then the wrong malloc for it; mode decides whether the oracle looks. */
static void wrong_xv(enum check_mode mode)
{
	wrong = xv_allocator;
	wrong.malloc = blind_xv_malloc;
	shim_reset();
	harness_start(&h, &wrong, RAMZSWAP_GFP, mode);
	CHECK(harness_malloc(&h, 0, 100, RAMZSWAP_GFP) == 0);
	CHECK(harness_malloc(&h, 1, 100, RAMZSWAP_GFP) == 0);
	CHECK(shim_page_count(h.owner) == 2);
}

/* Slot 0's 10 bytes leave a 64-byte block on freelist 0 when freed; 100 bytes take it first. */
static void wrong_xcf(enum check_mode mode)
{
	wrong = xcf_allocator;
	wrong.malloc = skipping_xcf_malloc;
	shim_reset();
	harness_start(&h, &wrong, ZCACHE_GFP, mode);
	CHECK(harness_malloc(&h, 0, 10, ZCACHE_GFP) == 0);
	CHECK(harness_malloc(&h, 1, 10, ZCACHE_GFP) == 0);
	harness_free(&h, 0);
	CHECK(harness_malloc(&h, 2, 100, ZCACHE_GFP) == 0);
}

static void wrong_xv_checked(void) { wrong_xv(CHECK_INCREMENTAL); }
static void wrong_xcf_checked(void) { wrong_xcf(CHECK_FULL); }

static void wrong_unchecked(void)
{
	wrong_xv(CHECK_NONE);
	harness_stop(&h);
	wrong_xcf(CHECK_NONE);
	harness_stop(&h);
	xcf_allocator.exit();
	shim_teardown();
}

static u64 rng = 88172645463325252ull;

static u32 next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (u32)rng;
}

static void valid_run(const struct allocator *a, gfp_t gfp, enum check_mode mode)
{
	int i, slot;

	shim_reset();
	harness_start(&h, a, gfp, mode);
	for (i = 0; i < 3000; i++) {
		slot = next() % MODEL_SLOTS;
		switch (next() % 5) {
		case 0:
		case 1:
			if (!harness_malloc(&h, slot, 1 + next() % (a->max_size - 8), gfp))
				harness_write(&h, slot, next());
			break;
		case 2:
			harness_read(&h, slot);
			harness_get_size(&h, slot);
			break;
		default:
			harness_free(&h, slot);
		}
	}
	CHECK(h.stats.mallocs > 1000 && h.stats.frees > 500);
	harness_stop(&h);
	a->exit();
	shim_teardown();
}

static void xv_none(void) { valid_run(&xv_allocator, RAMZSWAP_GFP, CHECK_NONE); }
static void xv_incremental(void) { valid_run(&xv_allocator, RAMZSWAP_GFP, CHECK_INCREMENTAL); }
static void xv_full(void) { valid_run(&xv_allocator, RAMZSWAP_GFP, CHECK_FULL); }
static void xcf_none(void) { valid_run(&xcf_allocator, ZCACHE_GFP, CHECK_NONE); }
static void xcf_incremental(void) { valid_run(&xcf_allocator, ZCACHE_GFP, CHECK_INCREMENTAL); }
static void xcf_full(void) { valid_run(&xcf_allocator, ZCACHE_GFP, CHECK_FULL); }

/*
 * race: the other task's malloc runs inside the next malloc's page
 * allocation (so it holds the first page), skips the running malloc's slot,
 * and runs after an operation that allocates no page.
 */
static void race(void)
{
	shim_reset();
	harness_start(&h, &xv_allocator, RAMZSWAP_GFP, CHECK_INCREMENTAL);
	harness_race(&h, 1, 200, RAMZSWAP_GFP);
	harness_race_arm(&h);
	CHECK(harness_malloc(&h, 0, 100, RAMZSWAP_GFP) == 0);
	harness_race_settle(&h);
	CHECK(h.model.slot[0].live && h.model.slot[1].live);
	CHECK(h.stats.mallocs == 2);
	CHECK(shim_page_count(h.owner) == 2);	/* each task uses the page it added (XV-5) */
	harness_race(&h, 2, 300, RAMZSWAP_GFP);	/* the busy slot: nothing */
	harness_race_arm(&h);
	CHECK(harness_malloc(&h, 2, 4000, RAMZSWAP_GFP) == 0);
	harness_race_settle(&h);
	CHECK(h.model.slot[2].size == 4000 && h.stats.mallocs == 3);
	harness_race(&h, 3, 50, RAMZSWAP_GFP);	/* no page allocation: runs after */
	harness_race_arm(&h);
	harness_free(&h, 0);
	CHECK(!h.model.slot[3].live);
	harness_race_settle(&h);
	CHECK(h.model.slot[3].live && h.model.slot[3].size == 50);
	harness_stop(&h);
	xv_allocator.exit();
	shim_teardown();
}

/*
 * The caller's buffers (model_buffer): a copy past the end is an overflow at
 * the access, one before the start meets poison, and they are poisoned
 * between operations and once freed, so an access through a pointer the
 * allocator kept is reported at the access.
 */
static const u8 *kept;
static u32 size0 = 100;	/* slot 0's size; 100 leaves a partial ASan granule */

static void write_one_more(const struct af_handle *ah, const u8 *buf, u32 size)
{
	xv_allocator.write(ah, buf, size);
	kept = buf;
	(void)*(volatile const u8 *)(buf + size);
}

static void read_one_more(const struct af_handle *ah, u8 *buf, u32 size)
{
	xv_allocator.read(ah, buf, size);
	*(volatile u8 *)(buf + size) = 0;
}

static void read_one_before(const struct af_handle *ah, u8 *buf, u32 size)
{
	xv_allocator.read(ah, buf, size);
	*(volatile u8 *)(buf - 1) = 0;
}

static void write_through_kept(const struct af_handle *ah, const u8 *buf, u32 size)
{
	if (kept)
		(void)*(volatile const u8 *)kept;	/* slot 0's buffer, from its write */
	kept = buf;
	xv_allocator.write(ah, buf, size);
}

/* Stores the data rotated by shift bytes: the pattern must differ by position. */
static u32 shift;
static u8 stored[PAGE_SIZE], last[PAGE_SIZE];
static u32 last_size;

static void write_rotated(const struct af_handle *ah, const u8 *buf, u32 size)
{
	u32 k;

	for (k = 0; k < size; k++)
		stored[k] = buf[(k + shift) % size];
	xv_allocator.write(ah, stored, size);
}

/* Stores the previous write's bytes over the start: the pattern must differ by seed. */
static void write_mixed(const struct af_handle *ah, const u8 *buf, u32 size)
{
	memcpy(stored, buf, size);
	memcpy(stored, last, last_size < size ? last_size : size);
	memcpy(last, buf, size);
	last_size = size;
	xv_allocator.write(ah, stored, size);
}

static struct allocator careless;

static void careless_run(void (*write)(const struct af_handle *, const u8 *, u32),
			 void (*read)(const struct af_handle *, u8 *, u32))
{
	careless = xv_allocator;
	careless.write = write ? write : xv_allocator.write;
	careless.read = read ? read : xv_allocator.read;
	kept = NULL;
	shim_reset();
	harness_start(&h, &careless, RAMZSWAP_GFP, CHECK_INCREMENTAL);
	CHECK(harness_malloc(&h, 0, size0, RAMZSWAP_GFP) == 0);
	CHECK(harness_malloc(&h, 1, 300, RAMZSWAP_GFP) == 0);
	harness_write(&h, 0, 1);
	harness_write(&h, 1, 2);
	harness_read(&h, 0);
	harness_stop(&h);
}

/* Slot 0 is freed before slot 1's write, which reads through slot 0's old buffer. */
static void buffer_kept_after_free(void)
{
	careless = xv_allocator;
	careless.write = write_through_kept;
	kept = NULL;
	shim_reset();
	harness_start(&h, &careless, RAMZSWAP_GFP, CHECK_INCREMENTAL);
	CHECK(harness_malloc(&h, 0, 100, RAMZSWAP_GFP) == 0);
	CHECK(harness_malloc(&h, 1, 300, RAMZSWAP_GFP) == 0);
	harness_write(&h, 0, 1);
	harness_free(&h, 0);
	harness_write(&h, 1, 2);
	harness_stop(&h);
}

/* A freed buffer comes back only after MODEL_BUFFER_QUARANTINE others were freed. */
static void buffer_quarantined(void)
{
	const u8 *seen[MODEL_BUFFER_QUARANTINE + 1];
	int n, k;

	shim_reset();
	harness_start(&h, &xv_allocator, RAMZSWAP_GFP, CHECK_INCREMENTAL);
	for (n = 0; n <= MODEL_BUFFER_QUARANTINE; n++) {
		CHECK(harness_malloc(&h, 0, 100 + n, RAMZSWAP_GFP) == 0);
		harness_write(&h, 0, n);
		seen[n] = h.model.slot[0].buf;
		for (k = 0; k < n; k++)
			CHECK(seen[k] != seen[n]);
		harness_free(&h, 0);
	}
	harness_stop(&h);
	xv_allocator.exit();
	shim_teardown();
}

static void buffer_write_overflow(void) { careless_run(write_one_more, NULL); }
static void buffer_read_overflow(void) { careless_run(NULL, read_one_more); }
static void buffer_read_overflow_whole(void) { size0 = 96; careless_run(NULL, read_one_more); }
static void buffer_read_underflow(void) { careless_run(NULL, read_one_before); }
static void buffer_kept(void) { careless_run(write_through_kept, NULL); }
static void shifted_byte(void) { shift = 1; careless_run(write_rotated, NULL); }
static void shifted_word(void) { shift = 8; careless_run(write_rotated, NULL); }
static void other_seed(void) { last_size = 0; careless_run(write_mixed, NULL); }
static void buffer_exact(void)
{
	careless_run(NULL, NULL);
	shim_teardown();
}

static void modes(void)
{
	CHECK(check_mode_parse("none") == CHECK_NONE);
	CHECK(check_mode_parse("incremental") == CHECK_INCREMENTAL);
	CHECK(check_mode_parse("full") == CHECK_FULL);
	CHECK(check_mode_parse("fast") == -1);
}

int main(void)
{
	expect_report_detail("model: xvmalloc stored byte flipped", flip_byte_xv,
		      "invariant model.bytes violated", "xvmalloc handle");
	expect_report_detail("model: xcfmalloc stored byte flipped", flip_byte_xcf,
		      "invariant model.bytes violated", "xcfmalloc handle");
	expect_report_detail("model: xvmalloc stored size changed", change_size_xv,
		      "invariant model.size violated", "xvmalloc handle");
	expect_report_detail("model: xcfmalloc descriptor size changed", change_size_xcf,
		      "invariant model.size violated", "xcfmalloc handle");
	expect_report_detail("model: data stored one byte shifted", shifted_byte,
		      "invariant model.bytes violated", "first difference at byte 0");
	expect_report_detail("model: data stored one word shifted", shifted_word,
		      "invariant model.bytes violated", "first difference at byte 0");
	expect_report_detail("model: another write's data stored", other_seed,
		      "invariant model.bytes violated", "xvmalloc handle 1 of 300 bytes");
	expect_report_detail("model: a promised size fails with nothing refused", failed_malloc,
		      "invariant model.malloc-failed violated", "xvmalloc malloc of");
	expect_clean("model: failures under injected faults are not reported",
		     failed_malloc_with_faults);
	expect_report("placement: xvmalloc grows past a listed fit", wrong_xv_checked,
		      "invariant xv.place.grew-with-fit violated");
	expect_report("placement: xcfmalloc skips freelist 0", wrong_xcf_checked,
		      "invariant xcf.place.smallest-list violated");
	expect_clean("placement: not looked at without checks", wrong_unchecked);
	expect_clean("harness: xvmalloc fixed, 3000 ops, no checks", xv_none);
	expect_clean("harness: xvmalloc fixed, 3000 ops, incremental checks", xv_incremental);
	expect_clean("harness: xvmalloc fixed, 3000 ops, full checks", xv_full);
	expect_clean("harness: xcfmalloc fixed, 3000 ops, no checks", xcf_none);
	expect_clean("harness: xcfmalloc fixed, 3000 ops, incremental checks", xcf_incremental);
	expect_clean("harness: xcfmalloc fixed, 3000 ops, full checks", xcf_full);
	expect_clean("harness: race runs inside the page allocation, else after", race);
	expect_clean("harness: check modes parse", modes);
	expect_clean("buffers: writes and read-backs through exact buffers run clean",
		     buffer_exact);
	expect_report_needs(EXPECT_ASAN, "buffers: a write that reads one byte past the source",
			    buffer_write_overflow, "AddressSanitizer: heap-buffer-overflow");
	expect_report_needs(EXPECT_ASAN, "buffers: a read that stores one byte past the destination",
			    buffer_read_overflow, "AddressSanitizer: heap-buffer-overflow");
	expect_report_needs(EXPECT_ASAN, "buffers: a read that stores one byte past a destination of whole granules",
			    buffer_read_overflow_whole, "AddressSanitizer: heap-buffer-overflow");
	expect_report_needs(EXPECT_ASAN, "buffers: a read that stores one byte before the destination",
			    buffer_read_underflow, "AddressSanitizer: use-after-poison");
	expect_report_needs(EXPECT_ASAN, "buffers: an access through a source pointer kept from an earlier write",
			    buffer_kept, "AddressSanitizer: use-after-poison");
	expect_report_needs(EXPECT_ASAN, "buffers: an access through a pointer kept from a freed allocation",
			    buffer_kept_after_free, "AddressSanitizer: use-after-poison");
	expect_clean("buffers: a freed buffer is not handed out again soon", buffer_quarantined);
	return expect_summary();
}
