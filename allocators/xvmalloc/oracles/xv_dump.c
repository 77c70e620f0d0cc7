/* xv_dump.c: the xvmalloc checker's page dump, the last part of its reports. */
#include <stdio.h>
#include <allocfuzz/report.h>
#include <allocfuzz/shim.h>
#include "xv_check_int.h"

static void fmt_ref(char *buf, size_t len, struct page *page, u32 off)
{
	if (!page)
		snprintf(buf, len, off ? "none/%u" : "none", off);
	else if (shim_page_is_live(page))
		snprintf(buf, len, "#%lu/%u", shim_page_id(page), off);
	else
		snprintf(buf, len, "%p(no such page)/%u", (void *)page, off);
}

void xv_dump_page(void *arg)
{
	const struct xv_dump_at *at = arg;
	struct ctx *c = at->c;
	struct page *page = at->page;
	u32 mark = at->off;
	u32 off;
	struct hdr h;

	map_cur(c, page);
	report_line("page #%lu block by block; a block is a %u-byte header {size, prev} and data:",
		    shim_page_id(page), XV_ALIGN);
	report_line("  off: header offset; size: as stored (a used block keeps the caller's size);");
	report_line("  span: size rounded up to %u, the next header is at off + %u + span;",
		    XV_ALIGN, XV_ALIGN);
	report_line("  prev: previous header's offset; FREE: block free; PREV_FREE: previous one free;");
	report_line("  free blocks of >= %u bytes are in freelist[((size & ~%u) - %u) / %u],",
		    XV_MIN_ALLOC_SIZE, FL_DELTA_MASK, XV_MIN_ALLOC_SIZE, FL_DELTA);
	report_line("  doubly linked by <page #/offset> prev and next links");
	for (off = 0; off < PAGE_SIZE; off += XV_ALIGN + span(h)) {
		char list[160] = "", prev[48], next[48], line[256];
		int n;

		h = hdr_at(c->base, off);
		if (is_listed(h) && offset_ok(off)) {
			struct link_free l = link_at(c->base, off);
			u32 idx = list_index(h.size);
			long pos = xv_find_in_list(c, idx, page, off);

			fmt_ref(prev, sizeof(prev), l.prev_page, l.prev_offset);
			fmt_ref(next, sizeof(next), l.next_page, l.next_offset);
			snprintf(list, sizeof(list), "freelist[%u] prev %s next %s: %s", idx, prev, next,
				 pos >= 0 ? "in its list" : pos == -1 ? "NOT in its list" :
				 "its list is unreadable");
		} else if (is_free(h)) {
			snprintf(list, sizeof(list), "too small for a freelist");
		}
		n = snprintf(line, sizeof(line), "%s off %4u size %5u span %5u prev %4u %-4s %-9s %s",
			     off == mark ? "=>" : "  ", off, h.size, span(h), blockprev(h),
			     is_free(h) ? "FREE" : "used", h.prev & BIT(PREV_FREE) ? "PREV_FREE" : "",
			     list);
		while (n > 0 && line[n - 1] == ' ')
			line[--n] = '\0';
		report_line("%s", line);
		if (is_free(h) && (h.size & XV_ALIGN_MASK)) {
			report_line("   (unaligned free size: the walk stops here)");
			break;
		}
		if (off + XV_ALIGN + span(h) > PAGE_SIZE) {
			report_line("   (runs past the page end: the walk stops here)");
			break;
		}
	}
	unmap_cur(c);
}
