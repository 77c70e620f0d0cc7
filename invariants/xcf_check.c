/*
 * xcf_check.c: invariant checker for xcfmalloc pools (see check.h).
 *
 * Invariant ids, the "<id>" of "allocfuzz: invariant <id> violated: ...":
 *
 *   xcf.pool.live            the pool is a live kmalloc object
 *   xcf.pool.locked          the pool lock is free between operations
 *   xcf.pool.counters        counters are >= 0 and reserve_count <= page_count <= desc_count
 *   xcf.pool.page-count      page_count == pages the shim holds for the owner
 *   xcf.pool.desc-count      desc_count == the owner's live xcf_desc_cache objects
 *   xcf.reserve.max          at most XCF_MAX_RESERVE_PAGES wholly free pages are kept
 *   xcf.reserve.count        reserve_count == reserve freelist length == wholly free pages
 *   xcf.desc.dangling        every descriptor pointer points to a live descriptor
 *   xcf.desc.page            a listed or chained descriptor names an owner's page, an offset in it
 *   xcf.block.sentinel       every block header carries the sentinel
 *   xcf.block.backlink       a header's descriptor names this page and offset
 *   xcf.block.prevoffset     a header's prevoffset is the previous block's offset (first: 0)
 *   xcf.block.flags          a descriptor is exactly FREE or exactly USED
 *   xcf.block.size           free: a positive multiple of XCF_BLOCK_ALIGN; used: >= the header
 *   xcf.block.tiling         every block ends inside its page, so blocks tile it exactly
 *   xcf.block.adjacent-free  no free block follows a free block
 *   xcf.freelist.missing     every free block is reachable from the head of its freelist
 *   xcf.freelist.link        freelist prev/next agree both ways; a head has no prev
 *   xcf.freelist.wrong-list  freelist i holds only blocks with xcf_size_to_flindex(size) == i
 *   xcf.freelist.not-free    freelists hold only free blocks
 *   xcf.freelist.cycle       every freelist ends
 *   xcf.freelist.stray       every freelist entry is the descriptor its block header names
 *   xcf.alloc.link           allocation chain prev/next agree both ways
 *   xcf.alloc.member         allocation chains hold only used blocks
 *   xcf.alloc.length         at most XCF_MAX_BLOCKS_PER_ALLOC blocks per allocation
 *   xcf.alloc.partial        only the last block of an allocation is partly used
 *   xcf.alloc.size           an allocation holds at most MAX_ALLOC_SIZE bytes
 *   xcf.stats.mismatch       xcf_get_total_size_bytes/xcf_get_desc_count agree with the walk
 *
 * Order: pool-wide checks, freelist heads, the reserve list, then pages (all
 * of them, or only the touched ones), then (full mode) every freelist entry
 * and the totals.  Everything is validated before it is followed, so a
 * corrupted pool gives a report, never a crash or a hang.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <linux/highmem.h>
#include <linux/slab.h>
#include <allocfuzz/report.h>
#include <allocfuzz/shim.h>

#include "xcfmalloc.h"
#include "xcfmalloc_int.h"
#include "xcf_check.h"

#define XCF_PAGE	((int)PAGE_SIZE)
#define XCF_HDR		((int)sizeof(struct xcf_blkhdr))
#define XCF_LISTS	((int)XCF_NUM_FREELISTS)
#define XCF_RESERVE	((int)XCF_RESERVED_INDEX)

struct xcf_walk {
	struct xcf_pool *pool;
	bool pool_ok;			/* pool may be dereferenced */
	const void *owner;
	struct kmem_cache *cache;	/* "xcf_desc_cache", or NULL */
	enum check_mode mode;
	struct page *page;		/* page KM_USER0 maps now, or NULL */
	char *map;
	/* full mode: what the page walk found */
	int pages, blocks, free_pages;
	int free_blocks[XCF_NUM_FREELISTS];
};

static bool desc_live(const struct xcf_walk *w, const struct xcf_blkdesc *d)
{
	return w->cache && shim_object_is_live(d, w->cache);
}

static bool page_ours(const struct xcf_walk *w, const struct page *page)
{
	return shim_page_is_live(page) && page->owner == w->owner;
}

static int desc_flags(const struct xcf_blkdesc *d)
{
	return d->offxcf_set_flags & XCF_FLAG_MASK;
}

static int desc_offset(const struct xcf_blkdesc *d)
{
	return d->offxcf_set_flags & XCF_OFFSET_MASK;
}

/* The freelist a free block of this size belongs in, or -1 if none. */
static int size_class(int size)
{
	if (size <= 0 || size > XCF_PAGE)
		return -1;
	return xcf_size_to_flindex(size);
}

static const char *flag_name(int flags)
{
	switch (flags) {
	case 0:
		return "none";
	case XCF_BLOCK_FREE:
		return "FREE";
	case XCF_BLOCK_USED:
		return "USED";
	case XCF_BLOCK_FREE | XCF_BLOCK_USED:
		return "FREE|USED";
	default:
		return "bad";
	}
}

/* ---- report ---------------------------------------------------------- */

/* Upper bound on any list or chain walk made while reporting. */
static int dump_bound(const struct xcf_walk *w)
{
	return (int)(w->cache ? shim_object_count(w->cache, NULL) : 0) + 1;
}

/* Follows list i (bounded) looking for d; -1 if the list breaks first. */
static int list_contains(const struct xcf_walk *w, int i, const struct xcf_blkdesc *d)
{
	struct xcf_blkdesc *e;
	int n = 0, bound = dump_bound(w);

	for (e = w->pool->freelists[i]; e; e = e->next) {
		if (e == d)
			return 1;
		if (!desc_live(w, e) || ++n > bound)
			return -1;
	}
	return 0;
}

static void describe_free(const struct xcf_walk *w, struct xcf_blkdesc *d,
			  char *buf, size_t len)
{
	int i = size_class(d->size), found;

	if (i < 0) {
		snprintf(buf, len, "free, size fits no freelist");
		return;
	}
	found = list_contains(w, i, d);
	snprintf(buf, len, "free: freelist %d, %s", i, found > 0 ? "found there" :
		 found < 0 ? "list breaks before reaching it" : "NOT found there");
}

static void describe_used(const struct xcf_walk *w, struct xcf_blkdesc *d,
			  char *buf, size_t len)
{
	struct xcf_blkdesc *first = d, *e;
	int k = 1, n = 0;

	while (first->prev && k <= XCF_MAX_BLOCKS_PER_ALLOC + 1) {
		if (!desc_live(w, first->prev)) {
			snprintf(buf, len, "used, chain back to its first block is broken");
			return;
		}
		first = first->prev;
		k++;
	}
	for (e = first; e && n <= XCF_MAX_BLOCKS_PER_ALLOC + 1; e = e->next) {
		n++;
		if (e != first && !desc_live(w, e))
			break;
	}
	snprintf(buf, len, "used: allocation %p, block %d of %d%s, %lld data bytes",
		 (void *)first, k, n, n > XCF_MAX_BLOCKS_PER_ALLOC ? "+" : "",
		 (long long)d->size - XCF_HDR);
}

/* One line per block of page, walked as leniently as the data allows. */
static void dump_page(struct xcf_walk *w, struct page *page, int mark)
{
	enum km_type slot = w->page ? KM_USER1 : KM_USER0;
	char *map = NULL, note[160];
	int off = 0, n = 0;
	bool marked = false;

	if (!shim_page_is_live(page)) {
		report_line("(that page is not a live page: nothing to dump)");
		return;
	}
	if (page == w->page)
		map = w->map;
	else
		map = kmap_atomic(page, slot);
	report_line("blocks of page #%lu (%s), '>>' marks the reported block:", page->id,
		    page->owner == w->owner ? "owned by this pool" : "owned by ANOTHER owner");
	report_line("  off: offset in page; size: descriptor size (free: block bytes,"
		    " used: %d-byte header + data);", XCF_HDR);
	report_line("  state: descriptor flags; prevoff: header's offset of the previous block;"
		    " magic: header sentinel ok?");
	report_line("   %5s %5s %-9s %7s %-5s %-16s %s", "off", "size", "state", "prevoff",
		    "magic", "descriptor", "notes");
	while (off < XCF_PAGE && n++ < XCF_LISTS) {
		struct xcf_blkhdr *hdr = (struct xcf_blkhdr *)(map + off);
		struct xcf_blkdesc *d = hdr->desc;
		const char *magic = "-";
		int size = 0, flags = 0;
		char sizestr[16] = "?";
		bool ok = false;

#ifdef XCFM_DEBUG
		magic = (unsigned int)hdr->sentinel == SENTINEL ? "ok" : "BAD";
#endif
		if (!desc_live(w, d)) {
			snprintf(note, sizeof(note), "header's descriptor is not live: walk stops");
		} else if (d->page != page || desc_offset(d) != off) {
			snprintf(note, sizeof(note), "descriptor names %s offset %d: walk stops",
				 d->page == page ? "this page at" : "another page at", desc_offset(d));
		} else {
			size = d->size;
			flags = desc_flags(d);
			snprintf(sizestr, sizeof(sizestr), "%d", size);
			ok = size > 0 && size <= XCF_PAGE - off;
			if (flags == XCF_BLOCK_FREE)
				describe_free(w, d, note, sizeof(note));
			else if (flags == XCF_BLOCK_USED)
				describe_used(w, d, note, sizeof(note));
			else
				snprintf(note, sizeof(note), "neither free nor used");
			if (!ok)
				snprintf(note + strlen(note), sizeof(note) - strlen(note),
					 "; size leaves the page: walk stops");
		}
		marked |= off == mark;
		report_line("%s %5d %5s %-9s %7d %-5s %-16p %s", off == mark ? ">>" : "  ",
			    off, sizestr, desc_live(w, d) ? flag_name(desc_flags(d)) : "?",
			    hdr->prevoffset, magic, (void *)d, note);
		if (!ok)
			break;
		off += xcf_align_to_block(size);
	}
	if (!marked && mark >= 0)
		report_line(">> offset %d is not on the walk from offset 0", mark);
	if (page != w->page)
		kunmap_atomic(map, slot);
}

static void dump_pool(const struct xcf_walk *w)
{
	struct xcf_pool *pool = w->pool;
	char line[600];
	int i, len = 0, bound;

	if (!w->pool_ok)
		return;
	bound = dump_bound(w);
	report_line("counters: page_count %d, reserve_count %d, desc_count %d;"
		    " shim: %lu pages, %lu descriptors of this owner",
		    pool->page_count, pool->reserve_count, pool->desc_count,
		    shim_page_count(w->owner),
		    w->cache ? shim_object_count(w->cache, w->owner) : 0UL);
	line[0] = '\0';
	for (i = 0; i < XCF_LISTS && len < (int)sizeof(line) - 32; i++) {
		struct xcf_blkdesc *d;
		const char *end = "";
		int n = 0;

		for (d = pool->freelists[i]; d; d = d->next) {
			if (!desc_live(w, d)) {
				end = "+dead";
				break;
			}
			if (++n > bound) {
				end = "+loops";
				break;
			}
		}
		if (n || *end)
			len += snprintf(line + len, sizeof(line) - len, " %d:%d%s", i, n, end);
	}
	report_line("freelists (index:entries; +dead: then a dead pointer, +loops: never ends):%s",
		    len ? line : " all empty");
}

/*
 * Reports the violation of invariant id at page/offset (page NULL: pool
 * wide) and aborts.  detail must hold no pointers: line one deduplicates.
 */
static __noreturn __printf(5, 6) void fail(struct xcf_walk *w, const char *id,
					   struct page *page, int offset,
					   const char *fmt, ...)
{
	char detail[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(detail, sizeof(detail), fmt, ap);
	va_end(ap);
	report_begin("invariant %s violated: %s", id, detail);
	if (page && shim_page_is_live(page))
		report_line("pool %p, page #%lu, offset %d", (void *)w->pool, page->id, offset);
	else
		report_line("pool %p (pool-wide check, no single page)", (void *)w->pool);
	dump_pool(w);
	if (page && w->pool_ok)
		dump_page(w, page, offset);
	/* The dump hooks that report_end runs may kmap: leave the slots free. */
	if (w->page)
		kunmap_atomic(w->map, KM_USER0);
	w->page = NULL;
	report_end();
}

/* ---- descriptors in freelists ---------------------------------------- */

/* Entry d of freelist i, after prev (NULL for the head). */
static void check_list_entry(struct xcf_walk *w, struct xcf_blkdesc *d, int i,
			     struct xcf_blkdesc *prev)
{
	int off, size;

	/* xcf_malloc takes list entries as they are: a dead one is a use after free */
	if (!desc_live(w, d))
		fail(w, "xcf.desc.dangling", NULL, -1,
		     "freelist %d holds a pointer that is not a live descriptor", i);
	off = desc_offset(d);
	/* the block is mapped through desc->page at desc's offset */
	if (!page_ours(w, d->page) || off < 0 || off >= XCF_PAGE)
		fail(w, "xcf.desc.page", NULL, -1,
		     "freelist %d entry names %s, offset %d", i,
		     !shim_page_is_live(d->page) ? "a page that is not live" :
		     d->page->owner != w->owner ? "a page of another owner" : "this pool's page",
		     off);
	size = d->size;
	/* a used block on a freelist would be handed out a second time */
	if (desc_flags(d) != XCF_BLOCK_FREE)
		fail(w, "xcf.freelist.not-free", d->page, off,
		     "freelist %d holds a block whose flags are %s", i, flag_name(desc_flags(d)));
	/* splitting and merging assume whole aligned blocks inside the page */
	if (size < XCF_BLOCK_ALIGN || size % XCF_BLOCK_ALIGN || size > XCF_PAGE - off)
		fail(w, "xcf.block.size", d->page, off,
		     "free block in freelist %d has size %d", i, size);
	/* best fit trusts the index: a block in the wrong list may be too small */
	if (size_class(size) != i)
		fail(w, "xcf.freelist.wrong-list", d->page, off,
		     "freelist %d holds a free block of size %d, which belongs in freelist %d",
		     i, size, size_class(size));
	/* xcf_remove_block unlinks through prev */
	if (d->prev != prev)
		fail(w, "xcf.freelist.link", d->page, off, prev ?
		     "entry of freelist %d does not point back to the entry before it" :
		     "head of freelist %d has a prev pointer", i);
}

/* Length of freelist i; a list longer than bound must loop. */
static int list_length(struct xcf_walk *w, int i, int bound)
{
	struct xcf_blkdesc *d;
	int n = 0;

	for (d = w->pool->freelists[i]; d; d = d->next) {
		/* entries are distinct descriptors, so more than bound means a loop */
		if (n++ >= bound)
			fail(w, "xcf.freelist.cycle", NULL, -1,
			     "freelist %d does not end within %d entries", i, bound);
		/* d->next is read next: d must be live */
		if (!desc_live(w, d))
			fail(w, "xcf.desc.dangling", NULL, -1,
			     "entry %d of freelist %d is not a live descriptor", n - 1, i);
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
		/* an entry no header names is not a block: it would be handed out over live data */
		if (hdr->desc != d)
			fail(w, "xcf.freelist.stray", d->page, off,
			     "entry %d of freelist %d is not the descriptor its block's header names",
			     n, i);
		kunmap_atomic(w->map, KM_USER0);
		w->page = NULL;
	}
	/* a free block that no list reaches is never reused */
	if (n != w->free_blocks[i])
		fail(w, "xcf.freelist.missing", NULL, -1,
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
			fail(w, "xcf.freelist.missing", page, off,
			     "free block of size %d has no freelist prev but is not the head of freelist %d",
			     d->size, i);
	} else {
		/* prev is dereferenced by xcf_remove_block */
		if (!desc_live(w, prev))
			fail(w, "xcf.desc.dangling", page, off,
			     "free block's freelist prev is not a live descriptor");
		/* removal sets prev->next = next: prev must point back */
		if (prev->next != d)
			fail(w, "xcf.freelist.link", page, off,
			     "free block's freelist prev does not point back to it");
		/* a list neighbour is in the same list, so it is free ... */
		if (desc_flags(prev) != XCF_BLOCK_FREE)
			fail(w, "xcf.freelist.not-free", page, off,
			     "the entry before this free block in freelist %d is %s",
			     i, flag_name(desc_flags(prev)));
		/* ... and of the same size class */
		if (size_class(prev->size) != i)
			fail(w, "xcf.freelist.wrong-list", page, off,
			     "the entry before this free block in freelist %d has size %d",
			     i, prev->size);
	}
	if (next) {
		/* next is dereferenced by xcf_remove_block */
		if (!desc_live(w, next))
			fail(w, "xcf.desc.dangling", page, off,
			     "free block's freelist next is not a live descriptor");
		/* removal sets next->prev = prev: next must point back */
		if (next->prev != d)
			fail(w, "xcf.freelist.link", page, off,
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
			fail(w, "xcf.desc.dangling", page, off,
			     "allocation chain prev is not a live descriptor");
		/* a chain is made of used blocks only */
		if (desc_flags(p) != XCF_BLOCK_USED)
			fail(w, "xcf.alloc.member", page, off,
			     "the block before this one in its allocation is %s, not USED",
			     flag_name(desc_flags(p)));
		/* read, write and free follow next from the first block */
		if (p->next != cur)
			fail(w, "xcf.alloc.link", page, off,
			     "allocation chain prev does not point forward to the block after it");
		/* access_allocation stops after XCF_MAX_BLOCKS_PER_ALLOC blocks */
		if (++n > XCF_MAX_BLOCKS_PER_ALLOC)
			fail(w, "xcf.alloc.length", page, off,
			     "allocation has more than %d blocks (walking back from this one)",
			     XCF_MAX_BLOCKS_PER_ALLOC);
	}
	if (cur != d)
		return;
	data = d->size - XCF_HDR;
	for (n = 1; (p = cur->next); cur = p) {
		/* access_allocation and xcf_free BUG past XCF_MAX_BLOCKS_PER_ALLOC */
		if (++n > XCF_MAX_BLOCKS_PER_ALLOC)
			fail(w, "xcf.alloc.length", page, off,
			     "allocation has more than %d blocks", XCF_MAX_BLOCKS_PER_ALLOC);
		/* read, write and free follow next */
		if (!desc_live(w, p))
			fail(w, "xcf.desc.dangling", page, off,
			     "block %d of this allocation is not a live descriptor", n);
		/* the block is mapped through its page */
		if (!page_ours(w, p->page) || desc_offset(p) < 0 || desc_offset(p) >= XCF_PAGE)
			fail(w, "xcf.desc.page", page, off,
			     "block %d of this allocation names a page or offset outside this pool",
			     n);
		/* a chain is made of used blocks only */
		if (desc_flags(p) != XCF_BLOCK_USED)
			fail(w, "xcf.alloc.member", page, off,
			     "block %d of this allocation is %s, not USED", n,
			     flag_name(desc_flags(p)));
		/* xcf_malloc links both ways; a one-way link means two chains share a block */
		if (p->prev != cur)
			fail(w, "xcf.alloc.link", page, off,
			     "block %d of this allocation does not point back to block %d", n, n - 1);
		/* access_allocation copies size - header bytes: only the last may be short */
		if (cur->size % XCF_BLOCK_ALIGN)
			fail(w, "xcf.alloc.partial", page, off,
			     "block %d of this allocation is partly used (size %d) but is not the last",
			     n - 1, cur->size);
		/* its own page walk reports a bad size; here it must not break the sum */
		if (p->size < XCF_HDR || p->size > XCF_PAGE - desc_offset(p))
			fail(w, "xcf.block.size", p->page, desc_offset(p),
			     "block %d of an allocation has size %d", n, p->size);
		data += p->size - XCF_HDR;
	}
	/* xcf_malloc refuses more, and readers size their buffers by it */
	if (data > (int)MAX_ALLOC_SIZE)
		fail(w, "xcf.alloc.size", page, off, "allocation holds %d bytes, more than %d",
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
		/* a header without the magic was overwritten, or the block before is sized wrong */
		if ((unsigned int)hdr->sentinel != SENTINEL)
			fail(w, "xcf.block.sentinel", page, off,
			     "block header sentinel is 0x%08x", (unsigned int)hdr->sentinel);
#endif
		d = hdr->desc;
		/* xcf_free and the merge code follow the header's descriptor */
		if (!desc_live(w, d))
			fail(w, "xcf.desc.dangling", page, off,
			     "block header points to something that is not a live descriptor");
		/* a handle maps desc->page at desc's offset: it must be this block */
		if (d->page != page || desc_offset(d) != off)
			fail(w, "xcf.block.backlink", page, off,
			     "block header's descriptor names %s offset %d",
			     d->page == page ? "this page at" : "another page at", desc_offset(d));
		/* xcf_merge_free_block finds the previous block through prevoffset */
		if (hdr->prevoffset != prevoff)
			fail(w, "xcf.block.prevoffset", page, off,
			     "prevoffset is %d, the previous block starts at %d",
			     hdr->prevoffset, prevoff);
		flags = desc_flags(d);
		/* allocation, free and merging each test one flag: exactly one is set */
		if (flags != XCF_BLOCK_FREE && flags != XCF_BLOCK_USED)
			fail(w, "xcf.block.flags", page, off, "descriptor flags are %s (0x%x)",
			     flag_name(flags), flags);
		is_free = flags == XCF_BLOCK_FREE;
		size = d->size;
		/* a free size is whole blocks: the freelist index and splitting rely on it */
		if (is_free && (size < XCF_BLOCK_ALIGN || size % XCF_BLOCK_ALIGN))
			fail(w, "xcf.block.size", page, off,
			     "free block size %d is not a positive multiple of %d",
			     size, XCF_BLOCK_ALIGN);
		/* a used size counts the header */
		if (!is_free && size < XCF_HDR)
			fail(w, "xcf.block.size", page, off,
			     "used block size %d is smaller than the %d-byte header", size, XCF_HDR);
		/* the next header sits at off + aligned size: it must not leave the page */
		if (size > XCF_PAGE - off)
			fail(w, "xcf.block.tiling", page, off,
			     "block of size %d at offset %d ends past the page end",
			     size, off);
		if (is_free) {
			/* xcf_free merges neighbours: two free blocks in a row are a lost merge */
			if (prev_free)
				fail(w, "xcf.block.adjacent-free", page, off,
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

static void check_pool(struct xcf_walk *w)
{
	struct xcf_pool *pool = w->pool;
	unsigned long shim_pages, shim_descs;
	int i, n;

	/* the harness checks between operations: a held lock is a missing unlock */
	if (__atomic_load_n(&pool->lock.locked, __ATOMIC_RELAXED))
		fail(w, "xcf.pool.locked", NULL, -1, "the pool spinlock is held between operations");
	/* every page holds at least one block, and each block one descriptor */
	if (pool->reserve_count < 0 || pool->reserve_count > pool->page_count ||
	    pool->page_count > pool->desc_count)
		fail(w, "xcf.pool.counters", NULL, -1,
		     "counters out of order: reserve_count %d, page_count %d, desc_count %d",
		     pool->reserve_count, pool->page_count, pool->desc_count);
	/* a page the pool forgot is leaked; one it counts but freed is gone */
	shim_pages = shim_page_count(w->owner);
	if ((unsigned long)pool->page_count != shim_pages)
		fail(w, "xcf.pool.page-count", NULL, -1,
		     "page_count is %d, the shim holds %lu pages for this owner",
		     pool->page_count, shim_pages);
	/* same for descriptors: the shim counts what kmem_cache handed out */
	shim_descs = w->cache ? shim_object_count(w->cache, w->owner) : 0;
	if ((unsigned long)pool->desc_count != shim_descs)
		fail(w, "xcf.pool.desc-count", NULL, -1,
		     "desc_count is %d, the shim holds %lu descriptors for this owner",
		     pool->desc_count, shim_descs);
	/* xcf_decrease_pool returns surplus wholly free pages after every free */
	if (pool->reserve_count > XCF_MAX_RESERVE_PAGES)
		fail(w, "xcf.reserve.max", NULL, -1, "reserve_count %d exceeds %d",
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
	/* xcf_increase_pool and xcf_decrease_pool steer by reserve_count */
	if (n != pool->reserve_count)
		fail(w, "xcf.reserve.count", NULL, -1,
		     "reserve_count is %d, the reserve freelist has %d pages",
		     pool->reserve_count, n);
}

static void check_totals(struct xcf_walk *w)
{
	struct xcf_pool *pool = w->pool;
	u64 bytes, want_bytes;
	int i, descs, want_descs;

	for (i = 0; i < XCF_LISTS; i++)
		check_list(w, i);
	/* the reserve is exactly the wholly free pages */
	if (w->free_pages != pool->reserve_count)
		fail(w, "xcf.reserve.count", NULL, -1,
		     "%d pages are wholly free, reserve_count is %d",
		     w->free_pages, pool->reserve_count);
	/* zcache reports these numbers; they must describe the pages as walked */
	bytes = xcf_get_total_size_bytes(pool);
	want_bytes = (u64)(w->pages - w->free_pages) << PAGE_SHIFT;
	if (bytes != want_bytes)
		fail(w, "xcf.stats.mismatch", NULL, -1,
		     "xcf_get_total_size_bytes() is %llu, the walk found %d pages in use",
		     (unsigned long long)bytes, w->pages - w->free_pages);
	/* ... and a descriptor counted but held by no block is leaked */
	descs = xcf_get_desc_count(pool);
	want_descs = w->blocks - w->free_pages;
	if (descs != want_descs)
		fail(w, "xcf.stats.mismatch", NULL, -1,
		     "xcf_get_desc_count() is %d, the walk found %d blocks outside the reserve",
		     descs, want_descs);
}

void xcf_check(struct xcf_pool *pool, const void *owner, enum check_mode mode)
{
	struct xcf_walk w = { .pool = pool, .owner = owner, .mode = mode };
	struct page *page;

	if (mode == CHECK_NONE)
		return;
	/* everything below reads the pool: it must not be freed (or never made) */
	if (!pool || !shim_object_is_live(pool, NULL))
		fail(&w, "xcf.pool.live", NULL, -1, "the pool is not a live kmalloc object");
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
