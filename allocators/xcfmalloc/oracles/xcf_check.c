/*
 * xcf_check.c: invariant checker for xcfmalloc pools (see xcf_check.h).
 *
 * Order: pool-wide checks, freelist heads, the reserve list, the public
 * statistics against the shim, then pages (all of them, or only the touched
 * ones), then (full mode) every freelist entry and the totals, the
 * statistics again against the walk.  Everything is validated before it is followed, so a
 * corrupted pool gives a report, never a crash or a hang.
 */
#include <stdarg.h>
#include <stdio.h>
#include <linux/highmem.h>
#include <linux/slab.h>
#include <allocfuzz/shim.h>
#include "xcf_check.h"
#include "xcf_check_int.h"

/* Every invariant: enum name, id, first-line text, why it must hold. */
#define XCF_INVARIANTS(X)	\
	X(POOL_LIVE, "xcf.pool.live",	\
	  "the pool is not a live kmalloc object",	\
	  "everything the checker does reads the pool: it must not be freed, or never made")	\
	X(POOL_LOCKED, "xcf.pool.locked",	\
	  "the pool spinlock is held between operations",	\
	  "every operation takes the lock and drops it: held between operations is a missing unlock")	\
	X(POOL_COUNTERS, "xcf.pool.counters",	\
	  "counters are negative or out of order (reserve_count, page_count, desc_count)",	\
	  "every page holds at least one block and each block one descriptor, and reserve pages are pages")	\
	X(POOL_PAGE_COUNT, "xcf.pool.page-count",	\
	  "page_count is not the number of pages the shim holds for the owner",	\
	  "a page the pool forgot is leaked; one it counts but freed is gone")	\
	X(POOL_DESC_COUNT, "xcf.pool.desc-count",	\
	  "desc_count is not the number of descriptors the shim holds for the owner",	\
	  "the shim counts what kmem_cache handed out: a drift is a leaked or lost descriptor")	\
	X(RESERVE_MAX, "xcf.reserve.max",	\
	  "more than XCF_MAX_RESERVE_PAGES wholly free pages are kept",	\
	  "xcf_decrease_pool returns surplus wholly free pages after every free")	\
	X(RESERVE_COUNT, "xcf.reserve.count",	\
	  "reserve_count is not the length of the reserve freelist or the number of wholly free pages",	\
	  "xcf_increase_pool and xcf_decrease_pool steer by reserve_count, and the reserve is exactly the wholly free pages")	\
	X(DESC_DANGLING, "xcf.desc.dangling",	\
	  "a descriptor pointer does not point to a live descriptor",	\
	  "xcf_malloc, xcf_free and the merge code follow descriptor pointers unchecked: a dead one is a use after free")	\
	X(DESC_PAGE, "xcf.desc.page",	\
	  "a descriptor names a page outside the pool or an offset outside its page",	\
	  "a block is mapped through its descriptor's page at its descriptor's offset")	\
	X(BLOCK_SENTINEL, "xcf.block.sentinel",	\
	  "block header does not carry the sentinel",	\
	  "a header without the magic was overwritten, or the block before it is sized wrong")	\
	X(BLOCK_BACKLINK, "xcf.block.backlink",	\
	  "block header's descriptor does not name this page and offset",	\
	  "a handle maps its descriptor's page at its descriptor's offset: that must be this block")	\
	X(BLOCK_PREVOFFSET, "xcf.block.prevoffset",	\
	  "block header's prevoffset is not the offset of the block before it",	\
	  "xcf_merge_free_block finds the previous block through prevoffset")	\
	X(BLOCK_FLAGS, "xcf.block.flags",	\
	  "descriptor flags are not exactly FREE or exactly USED",	\
	  "allocation, free and merging each test one flag: exactly one must be set")	\
	X(BLOCK_SIZE, "xcf.block.size",	\
	  "block size is wrong for its state (free: whole aligned blocks in the page; used: at least the header)",	\
	  "the freelist index, splitting, merging and access_allocation all size blocks by it")	\
	X(BLOCK_TILING, "xcf.block.tiling",	\
	  "block ends past the end of its page",	\
	  "the next header sits at offset + aligned size: blocks must tile the page exactly")	\
	X(BLOCK_ADJACENT_FREE, "xcf.block.adjacent-free",	\
	  "a free block follows a free block",	\
	  "xcf_free merges neighbours: two free blocks in a row are a lost merge")	\
	X(FREELIST_MISSING, "xcf.freelist.missing",	\
	  "a free block is not reachable from the head of its freelist",	\
	  "a free block that no list reaches is never reused")	\
	X(FREELIST_LINK, "xcf.freelist.link",	\
	  "freelist prev and next links do not agree both ways, or a head has a prev link",	\
	  "xcf_remove_block unlinks through prev and next: prev->next = next, next->prev = prev")	\
	X(FREELIST_WRONG_LIST, "xcf.freelist.wrong-list",	\
	  "a freelist holds a block of another size class",	\
	  "best fit trusts the index: a block in the wrong list may be too small")	\
	X(FREELIST_NOT_FREE, "xcf.freelist.not-free",	\
	  "a freelist holds a block that is not free",	\
	  "a used block on a freelist would be handed out a second time")	\
	X(FREELIST_CYCLE, "xcf.freelist.cycle",	\
	  "a freelist does not end",	\
	  "entries are distinct descriptors, so a list longer than there are descriptors loops, and a walk of it never ends")	\
	X(FREELIST_STRAY, "xcf.freelist.stray",	\
	  "a freelist entry is not the descriptor its block header names",	\
	  "an entry no header names is not a block: it would be handed out over live data")	\
	X(ALLOC_LINK, "xcf.alloc.link",	\
	  "allocation chain prev and next links do not agree both ways",	\
	  "read, write and free follow next from the first block; a one-way link means two chains share a block")	\
	X(ALLOC_MEMBER, "xcf.alloc.member",	\
	  "an allocation chain holds a block that is not used",	\
	  "a chain is made of used blocks only: a free one would be handed out while in use")	\
	X(ALLOC_LENGTH, "xcf.alloc.length",	\
	  "an allocation has more than XCF_MAX_BLOCKS_PER_ALLOC blocks",	\
	  "access_allocation and xcf_free BUG past XCF_MAX_BLOCKS_PER_ALLOC blocks")	\
	X(ALLOC_PARTIAL, "xcf.alloc.partial",	\
	  "a block other than an allocation's last is partly used",	\
	  "access_allocation copies size - header bytes of each block: only the last may be short")	\
	X(ALLOC_SIZE, "xcf.alloc.size",	\
	  "an allocation holds more than MAX_ALLOC_SIZE bytes",	\
	  "xcf_malloc refuses more, and readers size their buffers by it")	\
	X(STATS_TOTAL_BYTES, "xcf.stats.total-bytes",	\
	  "xcf_get_total_size_bytes() is not the bytes of the pool's pages outside the reserve",	\
	  "zcache reports it as the memory its pool uses: the pages the shim holds for it, less the wholly free reserve")	\
	X(STATS_DESC_COUNT, "xcf.stats.desc-count",	\
	  "xcf_get_desc_count() is not the number of the pool's descriptors outside the reserve",	\
	  "zcache reports it as its metadata: one descriptor per block, less the reserve pages' own; one counted but held by no block is leaked")

enum xcf_inv {
#define X(e, id, what, why) XCF_##e,
	XCF_INVARIANTS(X)
#undef X
};

static const struct invariant invs[] = {
#define X(e, id, what, why) [XCF_##e] = { id, what, why },
	XCF_INVARIANTS(X)
#undef X
};
INVARIANTS_REGISTER(invs)

/* Reports inv violated at page/offset (page NULL: pool wide) and aborts. */
static __noreturn __printf(5, 6) void fail(struct xcf_walk *w, enum xcf_inv inv,
					   struct page *page, int offset,
					   const char *fmt, ...)
{
	struct xcf_dump_at at = { w, page, offset };
	char detail[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(detail, sizeof(detail), fmt, ap);
	va_end(ap);
	if (page && shim_page_is_live(page))
		report_invariant(&invs[inv], xcf_dump, &at, "%s\npool %p, page #%lu, offset %d",
				 detail, (void *)w->pool, shim_page_id(page), offset);
	report_invariant(&invs[inv], xcf_dump, &at, "%s\npool %p (pool-wide check, no single page)",
			 detail, (void *)w->pool);
}

/* ---- descriptors in freelists ---------------------------------------- */

/* Entry d of freelist i, after prev (NULL for the head). */
static void check_list_entry(struct xcf_walk *w, struct xcf_blkdesc *d, int i,
			     struct xcf_blkdesc *prev)
{
	int off, size;

	if (!desc_live(w, d))
		fail(w, XCF_DESC_DANGLING, NULL, -1,
		     "freelist %d holds a pointer that is not a live descriptor", i);
	off = desc_offset(d);
	if (!page_ours(w, d->page) || off < 0 || off >= XCF_PAGE)
		fail(w, XCF_DESC_PAGE, NULL, -1,
		     "freelist %d entry names %s, offset %d", i,
		     !shim_page_is_live(d->page) ? "a page that is not live" :
		     shim_page_owner(d->page) != w->owner ? "a page of another owner" : "this pool's page",
		     off);
	size = d->size;
	if (desc_flags(d) != XCF_BLOCK_FREE)
		fail(w, XCF_FREELIST_NOT_FREE, d->page, off,
		     "freelist %d holds a block whose flags are %s", i, flag_name(desc_flags(d)));
	/* splitting and merging assume whole aligned blocks inside the page */
	if (size < XCF_BLOCK_ALIGN || size % XCF_BLOCK_ALIGN || size > XCF_PAGE - off)
		fail(w, XCF_BLOCK_SIZE, d->page, off,
		     "free block in freelist %d has size %d", i, size);
	if (size_class(size) != i)
		fail(w, XCF_FREELIST_WRONG_LIST, d->page, off,
		     "freelist %d holds a free block of size %d, which belongs in freelist %d",
		     i, size, size_class(size));
	/* xcf_remove_block unlinks through prev */
	if (d->prev != prev)
		fail(w, XCF_FREELIST_LINK, d->page, off, prev ?
		     "entry of freelist %d does not point back to the entry before it" :
		     "head of freelist %d has a prev pointer", i);
}

/*
 * The reserve list as the last check of this thread proved it: its entries
 * in order, each a live descriptor then.  While no slab object has been
 * released since (shim_object_releases()), those entries are live still and
 * need no lookup; any other entry is looked up.  The reserve is walked after
 * every operation and rarely changes.
 */
#define PROVED_MAX	(XCF_MAX_RESERVE_PAGES + 1)
static _Thread_local struct {
	const struct xcf_pool *pool;
	const struct kmem_cache *cache;
	unsigned long releases;
	int n;
	const struct xcf_blkdesc *d[PROVED_MAX];
} proved;

/* Length of freelist i; a list longer than bound must loop. */
static int list_length(struct xcf_walk *w, int i, int bound)
{
	unsigned long releases = shim_object_releases();
	bool reserve = i == XCF_RESERVE, known;
	struct xcf_blkdesc *d;
	int n = 0;

	known = reserve && w->mode != CHECK_FULL && proved.pool == w->pool &&
		proved.cache == w->cache && proved.releases == releases;
	for (d = w->pool->freelists[i]; d; d = d->next) {
		/* entries are distinct descriptors, so more than bound means a loop */
		if (n++ >= bound)
			fail(w, XCF_FREELIST_CYCLE, NULL, -1,
			     "freelist %d does not end within %d entries", i, bound);
		/* d->next is read next: d must be live */
		if (known && n <= proved.n && proved.d[n - 1] == d)
			continue;
		known = false;
		if (!desc_live(w, d))
			fail(w, XCF_DESC_DANGLING, NULL, -1,
			     "entry %d of freelist %d is not a live descriptor", n - 1, i);
		if (reserve && n <= PROVED_MAX)
			proved.d[n - 1] = d;
	}
	if (reserve) {
		proved.pool = w->pool;
		proved.cache = w->cache;
		proved.releases = releases;
		proved.n = n < PROVED_MAX ? n : PROVED_MAX;
	}
	return n;
}

/* Full mode: every entry of list i is a real free block of its class. */
static void check_list(struct xcf_walk *w, int i)
{
	struct xcf_blkdesc *d, *prev = NULL;
	struct xcf_blkhdr *hdr;
	int n = 0, off;

	for (d = w->pool->freelists[i]; d; prev = d, d = d->next, n++) {
		check_list_entry(w, d, i, prev);
		off = desc_offset(d);
		w->map = kmap_atomic(d->page, KM_USER0);
		w->page = d->page;
		hdr = (struct xcf_blkhdr *)(w->map + off);
		if (hdr->desc != d)
			fail(w, XCF_FREELIST_STRAY, d->page, off,
			     "entry %d of freelist %d is not the descriptor its block's header names",
			     n, i);
		kunmap_atomic(w->map, KM_USER0);
		w->page = NULL;
	}
	if (n != w->free_blocks[i])
		fail(w, XCF_FREELIST_MISSING, NULL, -1,
		     "freelist %d has %d entries, the pages hold %d free blocks of its size",
		     i, n, w->free_blocks[i]);
}

/* ---- blocks ---------------------------------------------------------- */

/* Free block d at page/off: linked into the list its size names. */
static void check_free_links(struct xcf_walk *w, struct xcf_blkdesc *d,
			     struct page *page, int off)
{
	struct xcf_blkdesc *prev = d->prev, *next = d->next;
	int i = size_class(d->size);

	if (w->mode == CHECK_FULL)
		w->free_blocks[i]++;
	if (!prev) {
		/* without a predecessor it must be the head, or no search finds it */
		if (w->pool->freelists[i] != d)
			fail(w, XCF_FREELIST_MISSING, page, off,
			     "free block of size %d has no freelist prev but is not the head of freelist %d",
			     d->size, i);
	} else {
		/* prev is dereferenced by xcf_remove_block */
		if (!desc_live(w, prev))
			fail(w, XCF_DESC_DANGLING, page, off,
			     "free block's freelist prev is not a live descriptor");
		/* removal sets prev->next = next: prev must point back */
		if (prev->next != d)
			fail(w, XCF_FREELIST_LINK, page, off,
			     "free block's freelist prev does not point back to it");
		/* a list neighbour is in the same list, so it is free ... */
		if (desc_flags(prev) != XCF_BLOCK_FREE)
			fail(w, XCF_FREELIST_NOT_FREE, page, off,
			     "the entry before this free block in freelist %d is %s",
			     i, flag_name(desc_flags(prev)));
		/* ... and of the same size class */
		if (size_class(prev->size) != i)
			fail(w, XCF_FREELIST_WRONG_LIST, page, off,
			     "the entry before this free block in freelist %d has size %d",
			     i, prev->size);
	}
	if (next) {
		/* next is dereferenced by xcf_remove_block */
		if (!desc_live(w, next))
			fail(w, XCF_DESC_DANGLING, page, off,
			     "free block's freelist next is not a live descriptor");
		/* removal sets next->prev = prev: next must point back */
		if (next->prev != d)
			fail(w, XCF_FREELIST_LINK, page, off,
			     "free block's freelist next does not point back to it");
	}
}

/* Used block d at page/off: part of one short, consistent allocation chain. */
static void check_used(struct xcf_walk *w, struct xcf_blkdesc *d,
		       struct page *page, int off)
{
	struct xcf_blkdesc *cur, *p;
	int n = 1, data;

	/* a later block: walk back to the first, which checks the whole chain */
	for (cur = d; (p = cur->prev); cur = p) {
		/* xcf_malloc links blocks through prev while building the chain */
		if (!desc_live(w, p))
			fail(w, XCF_DESC_DANGLING, page, off,
			     "allocation chain prev is not a live descriptor");
		if (desc_flags(p) != XCF_BLOCK_USED)
			fail(w, XCF_ALLOC_MEMBER, page, off,
			     "the block before this one in its allocation is %s, not USED",
			     flag_name(desc_flags(p)));
		if (p->next != cur)
			fail(w, XCF_ALLOC_LINK, page, off,
			     "allocation chain prev does not point forward to the block after it");
		/* access_allocation stops after XCF_MAX_BLOCKS_PER_ALLOC blocks */
		if (++n > XCF_MAX_BLOCKS_PER_ALLOC)
			fail(w, XCF_ALLOC_LENGTH, page, off,
			     "allocation has more than %d blocks (walking back from this one)",
			     XCF_MAX_BLOCKS_PER_ALLOC);
	}
	if (cur != d)
		return;
	data = d->size - XCF_HDR;
	for (n = 1; (p = cur->next); cur = p) {
		if (++n > XCF_MAX_BLOCKS_PER_ALLOC)
			fail(w, XCF_ALLOC_LENGTH, page, off,
			     "allocation has more than %d blocks", XCF_MAX_BLOCKS_PER_ALLOC);
		if (!desc_live(w, p))
			fail(w, XCF_DESC_DANGLING, page, off,
			     "block %d of this allocation is not a live descriptor", n);
		if (!page_ours(w, p->page) || desc_offset(p) < 0 || desc_offset(p) >= XCF_PAGE)
			fail(w, XCF_DESC_PAGE, page, off,
			     "block %d of this allocation names a page or offset outside this pool",
			     n);
		if (desc_flags(p) != XCF_BLOCK_USED)
			fail(w, XCF_ALLOC_MEMBER, page, off,
			     "block %d of this allocation is %s, not USED", n,
			     flag_name(desc_flags(p)));
		if (p->prev != cur)
			fail(w, XCF_ALLOC_LINK, page, off,
			     "block %d of this allocation does not point back to block %d", n, n - 1);
		if (cur->size % XCF_BLOCK_ALIGN)
			fail(w, XCF_ALLOC_PARTIAL, page, off,
			     "block %d of this allocation is partly used (size %d) but is not the last",
			     n - 1, cur->size);
		/* its own page walk reports a bad size; here it must not break the sum */
		if (p->size < XCF_HDR || p->size > XCF_PAGE - desc_offset(p))
			fail(w, XCF_BLOCK_SIZE, p->page, desc_offset(p),
			     "block %d of an allocation has size %d", n, p->size);
		data += p->size - XCF_HDR;
	}
	if (data > (int)MAX_ALLOC_SIZE)
		fail(w, XCF_ALLOC_SIZE, page, off, "allocation holds %d bytes, more than %d",
		     data, (int)MAX_ALLOC_SIZE);
}

/* Walks the blocks of one page of the pool, from offset 0 to PAGE_SIZE. */
static void check_page(struct xcf_walk *w, struct page *page)
{
	struct xcf_blkhdr *hdr;
	struct xcf_blkdesc *d;
	int off = 0, prevoff = 0, n = 0, size, flags;
	bool is_free = false, prev_free = false;

	w->map = kmap_atomic(page, KM_USER0);
	w->page = page;
	while (off < XCF_PAGE) {
		hdr = (struct xcf_blkhdr *)(w->map + off);
#ifdef XCFM_DEBUG
		if ((unsigned int)hdr->sentinel != SENTINEL)
			fail(w, XCF_BLOCK_SENTINEL, page, off,
			     "block header sentinel is 0x%08x", (unsigned int)hdr->sentinel);
#endif
		d = hdr->desc;
		if (!desc_live(w, d))
			fail(w, XCF_DESC_DANGLING, page, off,
			     "block header points to something that is not a live descriptor");
		if (d->page != page || desc_offset(d) != off)
			fail(w, XCF_BLOCK_BACKLINK, page, off,
			     "block header's descriptor names %s offset %d",
			     d->page == page ? "this page at" : "another page at", desc_offset(d));
		if (hdr->prevoffset != prevoff)
			fail(w, XCF_BLOCK_PREVOFFSET, page, off,
			     "prevoffset is %d, the previous block starts at %d",
			     hdr->prevoffset, prevoff);
		flags = desc_flags(d);
		if (flags != XCF_BLOCK_FREE && flags != XCF_BLOCK_USED)
			fail(w, XCF_BLOCK_FLAGS, page, off, "descriptor flags are %s (0x%x)",
			     flag_name(flags), flags);
		is_free = flags == XCF_BLOCK_FREE;
		size = d->size;
		/* a free size is whole blocks: the freelist index and splitting rely on it */
		if (is_free && (size < XCF_BLOCK_ALIGN || size % XCF_BLOCK_ALIGN))
			fail(w, XCF_BLOCK_SIZE, page, off,
			     "free block size %d is not a positive multiple of %d",
			     size, XCF_BLOCK_ALIGN);
		/* a used size counts the header */
		if (!is_free && size < XCF_HDR)
			fail(w, XCF_BLOCK_SIZE, page, off,
			     "used block size %d is smaller than the %d-byte header", size, XCF_HDR);
		/* the next header sits at off + aligned size: it must not leave the page */
		if (size > XCF_PAGE - off)
			fail(w, XCF_BLOCK_TILING, page, off,
			     "block of size %d at offset %d ends past the page end",
			     size, off);
		if (is_free) {
			if (prev_free)
				fail(w, XCF_BLOCK_ADJACENT_FREE, page, off,
				     "free block follows the free block at offset %d", prevoff);
			check_free_links(w, d, page, off);
		} else {
			check_used(w, d, page, off);
		}
		prev_free = is_free;
		prevoff = off;
		off += xcf_align_to_block(size);
		n++;
	}
	if (w->mode == CHECK_FULL) {
		w->pages++;
		w->blocks += n;
		if (n == 1 && is_free)
			w->free_pages++;
	}
	kunmap_atomic(w->map, KM_USER0);
	w->page = NULL;
}

/* ---- pool ------------------------------------------------------------ */

/* The public statistics against the pages and descriptors outside the reserve that by counts. */
static void check_stats(struct xcf_walk *w, int pages, int descs, const char *by)
{
	u64 bytes = xcf_get_total_size_bytes(w->pool);
	int n = xcf_get_desc_count(w->pool);

	if (bytes != (u64)pages << PAGE_SHIFT)
		fail(w, XCF_STATS_TOTAL_BYTES, NULL, -1,
		     "xcf_get_total_size_bytes() is %llu, %s is %d pages",
		     (unsigned long long)bytes, by, pages);
	if (n != descs)
		fail(w, XCF_STATS_DESC_COUNT, NULL, -1,
		     "xcf_get_desc_count() is %d, %s is %d descriptors", n, by, descs);
}

static void check_pool(struct xcf_walk *w)
{
	struct xcf_pool *pool = w->pool;
	unsigned long shim_pages, shim_descs;
	int i, n;

	if (__atomic_load_n(&pool->lock.locked, __ATOMIC_RELAXED))
		fail(w, XCF_POOL_LOCKED, NULL, -1, "the pool spinlock is held between operations");
	if (pool->reserve_count < 0 || pool->reserve_count > pool->page_count ||
	    pool->page_count > pool->desc_count)
		fail(w, XCF_POOL_COUNTERS, NULL, -1,
		     "counters out of order: reserve_count %d, page_count %d, desc_count %d",
		     pool->reserve_count, pool->page_count, pool->desc_count);
	shim_pages = shim_page_count(w->owner);
	if ((unsigned long)pool->page_count != shim_pages)
		fail(w, XCF_POOL_PAGE_COUNT, NULL, -1,
		     "page_count is %d, the shim holds %lu pages for this owner",
		     pool->page_count, shim_pages);
	shim_descs = w->cache ? shim_object_count(w->cache, w->owner) : 0;
	if ((unsigned long)pool->desc_count != shim_descs)
		fail(w, XCF_POOL_DESC_COUNT, NULL, -1,
		     "desc_count is %d, the shim holds %lu descriptors for this owner",
		     pool->desc_count, shim_descs);
	if (pool->reserve_count > XCF_MAX_RESERVE_PAGES)
		fail(w, XCF_RESERVE_MAX, NULL, -1, "reserve_count %d exceeds %d",
		     pool->reserve_count, XCF_MAX_RESERVE_PAGES);
	for (i = 0; i < XCF_LISTS; i++)
		if (pool->freelists[i])
			check_list_entry(w, pool->freelists[i], i, NULL);
	/* in full mode every list must end before anything follows its links */
	if (w->mode == CHECK_FULL)
		for (i = 0; i < XCF_RESERVE; i++)
			list_length(w, i, pool->desc_count);
	/* a page holds at most one whole-page block: the reserve list is at most page_count long */
	n = list_length(w, XCF_RESERVE, pool->page_count);
	if (n != pool->reserve_count)
		fail(w, XCF_RESERVE_COUNT, NULL, -1,
		     "reserve_count is %d, the reserve freelist has %d pages",
		     pool->reserve_count, n);
	check_stats(w, (int)shim_pages - n, (int)shim_descs - n, "the shim's count less the reserve");
}

static void check_totals(struct xcf_walk *w)
{
	struct xcf_pool *pool = w->pool;
	int i;

	for (i = 0; i < XCF_LISTS; i++)
		check_list(w, i);
	if (w->free_pages != pool->reserve_count)
		fail(w, XCF_RESERVE_COUNT, NULL, -1,
		     "%d pages are wholly free, reserve_count is %d",
		     w->free_pages, pool->reserve_count);
	check_stats(w, w->pages - w->free_pages, w->blocks - w->free_pages,
		    "the walk's pages and blocks outside the reserve");
}

void xcf_check(struct xcf_pool *pool, const void *owner, enum check_mode mode)
{
	struct xcf_walk w = { .pool = pool, .owner = owner, .mode = mode };
	struct page *page;

	if (mode == CHECK_NONE)
		return;
	if (!pool || !shim_object_is_live(pool, NULL))
		fail(&w, XCF_POOL_LIVE, NULL, -1, "the pool is not a live kmalloc object");
	w.pool_ok = true;
	w.cache = shim_cache_find("xcf_desc_cache");
	check_pool(&w);
	if (mode == CHECK_FULL) {
		for (page = shim_page_next(NULL, owner); page; page = shim_page_next(page, owner))
			check_page(&w, page);
		check_totals(&w);
	} else {
		for (page = shim_touched_next(NULL, owner); page;
		     page = shim_touched_next(page, owner))
			check_page(&w, page);
	}
}

bool xcf_could_serve(struct xcf_pool *pool, u32 size)
{
	int need = xcf_align_to_block(size + sizeof(struct xcf_blkhdr)), i, n = 0;
	int cap[XCF_MAX_BLOCKS_PER_ALLOC] = { 0 };
	struct xcf_blkdesc *d;

	if (size > MAX_ALLOC_SIZE)
		return false;
	/* Lists hold one block size each: the two largest free blocks are in the top lists. */
	for (i = XCF_NUM_FREELISTS - 1; i >= 0 && n < XCF_MAX_BLOCKS_PER_ALLOC; i--)
		for (d = pool->freelists[i]; d && n < XCF_MAX_BLOCKS_PER_ALLOC; d = d->next) {
			if (d->size >= need)
				return true;
			cap[n++] = d->size - (int)sizeof(struct xcf_blkhdr);
		}
	return n == XCF_MAX_BLOCKS_PER_ALLOC && cap[0] + cap[1] >= (int)size;
}
