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
#include <asm/page.h>
#include "xcfmalloc_int.h"
#include "xvmalloc_int.h"

static struct harness h;

#define XV	allocator_find("xvmalloc")
#define XCF	allocator_find("xcfmalloc")

/* The adapters' handles, as each adapter packs them: <page, offset>, and the first descriptor. */
#define XV_PAGE(ah)	((struct page *)(ah)->word[0])
#define XV_OFFSET(ah)	((u32)(ah)->word[1])
#define XCF_DESC(ah)	((struct xcf_blkdesc *)(ah)->word[0])

static void start(const struct allocator *a, enum gfp_policy gfp)
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

	start(XV, GFP_POLICY_RAMZSWAP);
	base = kmap_atomic(XV_PAGE(&h.model.slot[1].h), KM_USER0);
	base[XV_OFFSET(&h.model.slot[1].h) + 7] ^= 0x40;
	kunmap_atomic(base, KM_USER0);
	harness_read(&h, 1);
}

static void flip_byte_xcf(void)
{
	struct xcf_blkdesc *desc;
	u8 *base;

	start(XCF, GFP_POLICY_ZCACHE);
	desc = XCF_DESC(&h.model.slot[1].h);
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

	start(XV, GFP_POLICY_RAMZSWAP);
	base = kmap_atomic(XV_PAGE(&h.model.slot[0].h), KM_USER0);
	size = (u16 *)(base + XV_OFFSET(&h.model.slot[0].h) - 4);
	*size -= 1;	/* still aligns to the same block: only the model can tell */
	kunmap_atomic(base, KM_USER0);
	harness_get_size(&h, 0);
}

static void change_size_xcf(void)
{
	struct xcf_blkdesc *desc;

	start(XCF, GFP_POLICY_ZCACHE);
	desc = XCF_DESC(&h.model.slot[0].h);
	desc->size += 1;
	harness_get_size(&h, 0);
}

/* xvmalloc behind an adapter that fails 2000 bytes and more without asking for memory. */
static int refusing_malloc(void *pool, u32 size, enum gfp_policy gfp, struct af_handle *h)
{
	return size >= 2000 ? -ENOMEM : XV->malloc(pool, size, gfp, h);
}

static void failed_malloc(void)
{
	static struct allocator refusing;

	refusing = *XV;
	refusing.malloc = refusing_malloc;
	shim_reset();
	harness_start(&h, &refusing, GFP_POLICY_RAMZSWAP, CHECK_INCREMENTAL);
	harness_malloc(&h, 0, 2000, GFP_POLICY_RAMZSWAP);
}

static void failed_malloc_with_faults(void)
{
	struct shim_fault_plan plan = { .fail_pages = 1000, .fail_slab = 1000 };

	shim_reset();
	harness_start(&h, XV, GFP_POLICY_RAMZSWAP, CHECK_INCREMENTAL);
	shim_fault_set(&plan);
	CHECK(harness_malloc(&h, 0, 100, GFP_POLICY_RAMZSWAP) != 0);	/* refused: not reported */
	CHECK(harness_malloc(&h, 1, 0, GFP_POLICY_RAMZSWAP) != 0);	/* below min_size: not reported */
	harness_start(&h, XCF, GFP_POLICY_ZCACHE, CHECK_INCREMENTAL);
	CHECK(harness_malloc(&h, 0, 100, GFP_POLICY_ZCACHE) != 0);	/* no descriptor: not reported */
	plan.fail_slab = 0;
	XCF->exit();	/* the module's cache must go before the shim forgets it */
	shim_reset();
	shim_fault_set(&plan);
	harness_start(&h, XCF, GFP_POLICY_ZCACHE, CHECK_INCREMENTAL);
	CHECK(harness_malloc(&h, 0, 0, GFP_POLICY_ZCACHE) != 0);	/* a pool without pages serves nothing */
}

/* xvmalloc behind an adapter whose create fails without asking for memory. */
static void *failing_create(enum gfp_policy gfp)
{
	(void)gfp;
	return NULL;
}

static void failed_create(void)
{
	static struct allocator failing;

	failing = *XV;
	failing.create = failing_create;
	shim_reset();
	harness_start(&h, &failing, GFP_POLICY_RAMZSWAP, CHECK_INCREMENTAL);
}

/* A recreate goes through the same oracle. */
static void failed_recreate(void)
{
	static struct allocator failing;

	failing = *XV;
	shim_reset();
	harness_start(&h, &failing, GFP_POLICY_RAMZSWAP, CHECK_INCREMENTAL);
	CHECK(h.pool != NULL);
	failing.create = failing_create;
	harness_recreate(&h);
}

/* A creation the shim refused memory to is no report; nor is one with checks off. */
static void failed_create_refused(void)
{
	struct shim_fault_plan plan = { .fail_pages = 1000, .fail_slab = 1000 };
	static struct allocator failing;

	shim_reset();
	shim_fault_set(&plan);
	harness_start(&h, XCF, GFP_POLICY_ZCACHE, CHECK_INCREMENTAL);
	CHECK(h.pool == NULL);
	failing = *XV;
	failing.create = failing_create;
	harness_start(&h, &failing, GFP_POLICY_RAMZSWAP, CHECK_NONE);
	CHECK(h.pool == NULL);
	XCF->exit();
	shim_reset();
	shim_teardown();
}

/* Extras: one that fails where it may not, one that may fail only when refused, one that scribbles. */
static int extra_fails(void *pool, const struct af_handle *ah, u8 arg)
{
	(void)pool, (void)ah, (void)arg;
	return -EINVAL;
}

static int extra_takes_page(void *pool, const struct af_handle *ah, u8 arg)
{
	struct page *page = alloc_page(GFP_NOIO);

	(void)pool, (void)ah, (void)arg;
	if (!page)
		return -ENOMEM;
	__free_page(page);
	return 0;
}

static int extra_says_nomem(void *pool, const struct af_handle *ah, u8 arg)
{
	(void)pool, (void)ah, (void)arg;
	return -ENOMEM;
}

static int extra_scribbles(void *pool, const struct af_handle *ah, u8 arg)
{
	u8 *base = kmap_atomic(XV_PAGE(ah), KM_USER0);

	(void)pool;
	base[XV_OFFSET(ah) + arg % 100] ^= 1;	/* as a compaction that moved a byte wrong would */
	kunmap_atomic(base, KM_USER0);
	return 0;
}

static const struct af_extra extras[] = {
	{ "fails", 0, extra_fails },
	{ "takes-page", AF_EXTRA_MAY_FAIL, extra_takes_page },
	{ "says-nomem", AF_EXTRA_MAY_FAIL, extra_says_nomem },
	{ "scribbles", AF_EXTRA_SLOT | AF_EXTRA_MOVES, extra_scribbles },
};

static struct allocator with_extras;

static void start_extras(void)
{
	with_extras = *XV;
	with_extras.extras = extras;
	with_extras.extra_count = sizeof(extras) / sizeof(extras[0]);
	start(&with_extras, GFP_POLICY_RAMZSWAP);
}

static void extra_failed(void)
{
	start_extras();
	harness_extra(&h, 0, 0, 0);
}

static void extra_failed_unrefused(void)
{
	start_extras();
	harness_extra(&h, 0, 2 + 4 * 7, 0);	/* which is taken modulo the count */
}

static void extra_moved_wrong(void)
{
	start_extras();
	harness_extra(&h, 1, 3, 5);
}

static void extras_quiet(void)
{
	struct shim_fault_plan plan = { .fail_pages = 1 };

	start_extras();
	CHECK(harness_extra(&h, 0, 1, 0) == 0);
	shim_fault_set(&plan);
	CHECK(harness_extra(&h, 0, 1, 0) != 0);	/* refused: its failure is allowed */
	CHECK(harness_extra(&h, 5, 3, 0) == 0);	/* an empty slot: not run */
	harness_free(&h, 0);
	harness_free(&h, 1);
	harness_stop(&h);
	shim_teardown();
}

/* xvmalloc behind an adapter whose malloc does not see the free lists: it grows past a fit. */
static int blind_xv_malloc(void *pool, u32 size, enum gfp_policy gfp, struct af_handle *h)
{
	struct xv_pool *p = pool;
	ulong lists = p->flbitmap;
	int ret;

	p->flbitmap = 0;
	ret = XV->malloc(pool, size, gfp, h);
	p->flbitmap |= lists;	/* the lists it did not see are as they were */
	return ret;
}

/* xcfmalloc behind an adapter whose malloc skips freelist 0. */
static int skipping_xcf_malloc(void *pool, u32 size, enum gfp_policy gfp, struct af_handle *h)
{
	struct xcf_pool *p = pool;
	struct xcf_blkdesc *list0 = p->freelists[0];
	int ret;

	p->freelists[0] = NULL;
	ret = XCF->malloc(pool, size, gfp, h);
	if (!p->freelists[0])
		p->freelists[0] = list0;
	return ret;
}

static struct allocator wrong;

/* A fit listed, then the wrong malloc for it; mode decides whether the oracle looks. */
static void wrong_xv(enum check_mode mode)
{
	wrong = *XV;
	wrong.malloc = blind_xv_malloc;
	shim_reset();
	harness_start(&h, &wrong, GFP_POLICY_RAMZSWAP, mode);
	CHECK(harness_malloc(&h, 0, 100, GFP_POLICY_RAMZSWAP) == 0);
	CHECK(harness_malloc(&h, 1, 100, GFP_POLICY_RAMZSWAP) == 0);
	CHECK(shim_page_count(h.owner) == 2);
}

/* Slot 0's 10 bytes leave a 64-byte block on freelist 0 when freed; 100 bytes take it first. */
static void wrong_xcf(enum check_mode mode)
{
	wrong = *XCF;
	wrong.malloc = skipping_xcf_malloc;
	shim_reset();
	harness_start(&h, &wrong, GFP_POLICY_ZCACHE, mode);
	CHECK(harness_malloc(&h, 0, 10, GFP_POLICY_ZCACHE) == 0);
	CHECK(harness_malloc(&h, 1, 10, GFP_POLICY_ZCACHE) == 0);
	harness_free(&h, 0);
	CHECK(harness_malloc(&h, 2, 100, GFP_POLICY_ZCACHE) == 0);
}

static void wrong_xv_checked(void) { wrong_xv(CHECK_INCREMENTAL); }
static void wrong_xcf_checked(void) { wrong_xcf(CHECK_FULL); }

static void wrong_unchecked(void)
{
	wrong_xv(CHECK_NONE);
	harness_stop(&h);
	wrong_xcf(CHECK_NONE);
	harness_stop(&h);
	XCF->exit();
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

static void valid_run(const struct allocator *a, enum gfp_policy gfp, enum check_mode mode)
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

static void xv_none(void) { valid_run(XV, GFP_POLICY_RAMZSWAP, CHECK_NONE); }
static void xv_incremental(void) { valid_run(XV, GFP_POLICY_RAMZSWAP, CHECK_INCREMENTAL); }
static void xv_full(void) { valid_run(XV, GFP_POLICY_RAMZSWAP, CHECK_FULL); }
static void xcf_none(void) { valid_run(XCF, GFP_POLICY_ZCACHE, CHECK_NONE); }
static void xcf_incremental(void) { valid_run(XCF, GFP_POLICY_ZCACHE, CHECK_INCREMENTAL); }
static void xcf_full(void) { valid_run(XCF, GFP_POLICY_ZCACHE, CHECK_FULL); }

/*
 * race: the other task's malloc runs inside the next malloc's page
 * allocation (so it holds the first page), skips the running malloc's slot,
 * and runs after an operation that allocates no page.
 */
static void race(void)
{
	shim_reset();
	harness_start(&h, XV, GFP_POLICY_RAMZSWAP, CHECK_INCREMENTAL);
	harness_race(&h, 1, 200, GFP_POLICY_RAMZSWAP);
	harness_race_arm(&h);
	CHECK(harness_malloc(&h, 0, 100, GFP_POLICY_RAMZSWAP) == 0);
	harness_race_settle(&h);
	CHECK(h.model.slot[0].live && h.model.slot[1].live);
	CHECK(h.stats.mallocs == 2);
	CHECK(shim_page_count(h.owner) == 2);	/* each task uses the page it added (XV-5) */
	harness_race(&h, 2, 300, GFP_POLICY_RAMZSWAP);	/* the busy slot: nothing */
	harness_race_arm(&h);
	CHECK(harness_malloc(&h, 2, 4000, GFP_POLICY_RAMZSWAP) == 0);
	harness_race_settle(&h);
	CHECK(h.model.slot[2].size == 4000 && h.stats.mallocs == 3);
	harness_race(&h, 3, 50, GFP_POLICY_RAMZSWAP);	/* no page allocation: runs after */
	harness_race_arm(&h);
	harness_free(&h, 0);
	CHECK(!h.model.slot[3].live);
	harness_race_settle(&h);
	CHECK(h.model.slot[3].live && h.model.slot[3].size == 50);
	harness_stop(&h);
	XV->exit();
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

/* xvmalloc's own copies, through its map path (af_copy_in/out). */
static void xv_write(void *pool, const struct af_handle *ah, const u8 *buf, u32 size)
{
	af_copy_in(XV, pool, ah, buf, size);
}

static void xv_read(void *pool, const struct af_handle *ah, u8 *buf, u32 size)
{
	af_copy_out(XV, pool, ah, buf, size);
}

static void write_one_more(void *pool, const struct af_handle *ah, const u8 *buf, u32 size)
{
	xv_write(pool, ah, buf, size);
	kept = buf;
	(void)*(volatile const u8 *)(buf + size);
}

static void read_one_more(void *pool, const struct af_handle *ah, u8 *buf, u32 size)
{
	xv_read(pool, ah, buf, size);
	*(volatile u8 *)(buf + size) = 0;
}

static void read_one_before(void *pool, const struct af_handle *ah, u8 *buf, u32 size)
{
	xv_read(pool, ah, buf, size);
	*(volatile u8 *)(buf - 1) = 0;
}

static void write_through_kept(void *pool, const struct af_handle *ah, const u8 *buf, u32 size)
{
	if (kept)
		(void)*(volatile const u8 *)kept;	/* slot 0's buffer, from its write */
	kept = buf;
	xv_write(pool, ah, buf, size);
}

/* Stores the data rotated by shift bytes: the pattern must differ by position. */
static u32 shift;
static u8 stored[PAGE_SIZE], last[PAGE_SIZE];
static u32 last_size;

static void write_rotated(void *pool, const struct af_handle *ah, const u8 *buf, u32 size)
{
	u32 k;

	for (k = 0; k < size; k++)
		stored[k] = buf[(k + shift) % size];
	xv_write(pool, ah, stored, size);
}

/* Stores the previous write's bytes over the start: the pattern must differ by seed. */
static void write_mixed(void *pool, const struct af_handle *ah, const u8 *buf, u32 size)
{
	memcpy(stored, buf, size);
	memcpy(stored, last, last_size < size ? last_size : size);
	memcpy(last, buf, size);
	last_size = size;
	xv_write(pool, ah, stored, size);
}

static struct allocator careless;

/* xvmalloc with copies in place of its map path: write and read as given, else its own. */
static void careless_run(void (*write)(void *, const struct af_handle *, const u8 *, u32),
			 void (*read)(void *, const struct af_handle *, u8 *, u32))
{
	careless = *XV;
	careless.map = NULL;
	careless.unmap = NULL;
	careless.write = write ? write : xv_write;
	careless.read = read ? read : xv_read;
	kept = NULL;
	shim_reset();
	harness_start(&h, &careless, GFP_POLICY_RAMZSWAP, CHECK_INCREMENTAL);
	CHECK(harness_malloc(&h, 0, size0, GFP_POLICY_RAMZSWAP) == 0);
	CHECK(harness_malloc(&h, 1, 300, GFP_POLICY_RAMZSWAP) == 0);
	harness_write(&h, 0, 1);
	harness_write(&h, 1, 2);
	harness_read(&h, 0);
	harness_stop(&h);
}

/* Slot 0 is freed before slot 1's write, which reads through slot 0's old buffer. */
static void buffer_kept_after_free(void)
{
	careless = *XV;
	careless.map = NULL;
	careless.unmap = NULL;
	careless.write = write_through_kept;
	careless.read = xv_read;
	kept = NULL;
	shim_reset();
	harness_start(&h, &careless, GFP_POLICY_RAMZSWAP, CHECK_INCREMENTAL);
	CHECK(harness_malloc(&h, 0, 100, GFP_POLICY_RAMZSWAP) == 0);
	CHECK(harness_malloc(&h, 1, 300, GFP_POLICY_RAMZSWAP) == 0);
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
	harness_start(&h, XV, GFP_POLICY_RAMZSWAP, CHECK_INCREMENTAL);
	for (n = 0; n <= MODEL_BUFFER_QUARANTINE; n++) {
		CHECK(harness_malloc(&h, 0, 100 + n, GFP_POLICY_RAMZSWAP) == 0);
		harness_write(&h, 0, n);
		seen[n] = h.model.slot[0].buf;
		for (k = 0; k < n; k++)
			CHECK(seen[k] != seen[n]);
		harness_free(&h, 0);
	}
	harness_stop(&h);
	XV->exit();
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
	expect_report_detail("model: a pool creation fails with nothing refused", failed_create,
			     "invariant model.create-failed violated", "xvmalloc pool creation");
	expect_report_detail("model: a recreate fails with nothing refused", failed_recreate,
			     "invariant model.create-failed violated", "xvmalloc pool creation");
	expect_clean("model: creations refused memory, or unchecked, are not reported",
		     failed_create_refused);
	expect_report_detail("model: an extra that may not fail fails", extra_failed,
			     "invariant model.extra-failed violated", "fails(arg 0) returned");
	expect_report_detail("model: an extra fails with nothing refused", extra_failed_unrefused,
			     "invariant model.extra-failed violated", "says-nomem(arg 0) returned");
	expect_report_detail("model: an extra that moves allocations changes a byte", extra_moved_wrong,
			     "invariant model.bytes violated", "xvmalloc handle 1");
	expect_clean("model: extras that succeed, fail when refused, or find an empty slot",
		     extras_quiet);
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
	/* without ASan: a guard page after every buffer and canary bytes before it (allocfuzz/guard.h) */
	if (!(expect_sanitizers() & EXPECT_ASAN)) {
		expect_report("buffers: without ASan, a write that reads one byte past the source",
			      buffer_write_overflow, "BUG: shim.guard.buffer-overflow");
		expect_report("buffers: without ASan, a read that stores one byte past the destination",
			      buffer_read_overflow, "BUG: shim.guard.buffer-overflow");
		expect_report("buffers: without ASan, a read that stores one byte past a destination of whole granules",
			      buffer_read_overflow_whole, "BUG: shim.guard.buffer-overflow");
		expect_report("buffers: without ASan, a read that stores one byte before the destination",
			      buffer_read_underflow, "BUG: shim.guard.buffer-underflow");
	}
	expect_clean("buffers: a freed buffer is not handed out again soon", buffer_quarantined);
	return expect_summary();
}
