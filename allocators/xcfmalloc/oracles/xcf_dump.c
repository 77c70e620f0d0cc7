/* xcf_dump.c: what the xcfmalloc checker's reports dump: the pool and one page. */
#include <stdio.h>
#include <string.h>
#include <linux/highmem.h>
#include <linux/slab.h>
#include <allocfuzz/report.h>
#include "xcf_check_int.h"

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
	report_line("blocks of page #%lu (%s), '>>' marks the reported block:", shim_page_id(page),
		    shim_page_owner(page) == w->owner ? "owned by this pool" : "owned by ANOTHER owner");
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

void xcf_dump(void *arg)
{
	const struct xcf_dump_at *at = arg;
	struct xcf_walk *w = at->w;

	dump_pool(w);
	if (at->page && w->pool_ok)
		dump_page(w, at->page, at->offset);
	/* The dump hooks that report_end runs may kmap: leave the slots free. */
	if (w->page)
		kunmap_atomic(w->map, KM_USER0);
	w->page = NULL;
}
