/* xv_snap.c: the incremental xvmalloc checker's snapshot (xv_snap.h). */
#include <allocfuzz/shim.h>
#include "check.h"
#include "xv_snap.h"

_Static_assert(sizeof(struct freelist_entry) == sizeof(u64x2) && NUM_FREE_LISTS % 4 == 0,
	       "xv_diff_lists() compares four entries as four vectors");

_Thread_local struct xv_snap xv_snap;

bool xv_load_pages(struct ctx *c)
{
	const void *owner = c->owner;
	unsigned long n = 0, gen = shim_page_generation();
	struct page *page;
	bool same = true;

	/* no page came or went since they were loaded: the same pages, in the same order */
	if (gen == xv_snap.page_gen && owner == xv_snap.pages_owner) {
		c->npages = xv_snap.npages;
		return c->have_set = c->npages <= SET_MAX;
	}
	xv_snap.pages_owner = owner;
	xv_snap.page_gen = gen;
	for (page = shim_page_next(NULL, owner); page; page = shim_page_next(page, owner), n++) {
		if (n < SET_MAX && xv_snap.pages[n] != page) {
			xv_snap.pages[n] = page;
			same = false;
		}
	}
	same &= n == xv_snap.npages && n <= SET_MAX;
	c->npages = xv_snap.npages = n;
	c->have_set = n <= SET_MAX;
	if (!same && c->have_set) {
		memset(xv_snap.set, 0, sizeof(xv_snap.set));
		for (n = 0; n < c->npages; n++) {
			unsigned int i = set_slot(xv_snap.pages[n]);

			while (xv_snap.set[i])
				i = (i + 1) % SET_SLOTS;
			xv_snap.set[i] = xv_snap.pages[n];
		}
	}
	return same;
}

/*
 * Not sanitized, nor the other passes over all lists: they are most of an
 * incremental check, and A has read both ends of the pool through ASan.
 */
__attribute__((no_sanitize("address", "undefined")))
void xv_diff_lists(struct ctx *c, bool known)
{
	struct freelist_entry *fe = c->pool->freelist, *old = xv_snap.freelist;
	/* four entries at a time, loaded straight from both arrays (copies would spill) */
	const u64x2_unaligned *a = (const void *)fe, *b = (const void *)old;
	u32 i, k;

	for (i = 0; i < MAX_FLI; i++) {
		c->chg[i] = known ? c->pool->slbitmap[i] ^ xv_snap.slbitmap[i] : ~0UL;
		xv_snap.slbitmap[i] = c->pool->slbitmap[i];
	}
	c->chg[MAX_FLI - 1] &= SL_LAST_MASK;
	for (i = 0; i < NUM_FREE_LISTS; i += 4, a += 4, b += 4) {
		u64x2 x = (a[0] ^ b[0]) | (a[1] ^ b[1]) | (a[2] ^ b[2]) | (a[3] ^ b[3]);

		if (!(x[0] | x[1]))
			continue;
		for (k = i; k < i + 4; k++)
			if (fe[k].page != old[k].page || fe[k].offset != old[k].offset)
				c->chg[k / BITS_PER_LONG] |= BIT(k % BITS_PER_LONG);
		memcpy(&old[i], &fe[i], 4 * sizeof(*fe));
	}
}
