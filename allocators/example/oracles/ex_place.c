/*
 * ex_place.c: the example allocator's placement oracle.  Its stated search:
 * the first page of the table, and in it the first chunk, with a free run
 * of the size; a new page only when no page has one.  Checked against the
 * bitmaps as they were before the malloc, chunk by chunk.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include "check.h"
#include "ex_check.h"

static const struct invariant first_fit[] = { {
	"ex.place.first-fit", "malloc did not take the first free run that fits",
	"ex_malloc() promises first fit: the first page, then the first chunk, with room"
} };
INVARIANTS_REGISTER(first_fit)

void ex_place_before(struct ex_pool *pool, struct ex_place *st)
{
	unsigned int slot;

	for (slot = 0; slot < EX_MAX_PAGES; slot++) {
		st->present[slot] = pool->pages[slot] != NULL;
		st->used[slot] = st->present[slot] ? page_private(pool->pages[slot]) : 0;
	}
}

/* True if chunks [first, first + n) of a bitmap are all free. */
static bool free_run(unsigned long used, unsigned int first, unsigned int n)
{
	unsigned int c;

	for (c = first; c < first + n; c++)
		if (c >= EX_CHUNKS || (used >> c & 1))
			return false;
	return true;
}

void ex_place_after(struct ex_pool *pool, size_t size, unsigned long handle,
		    const struct ex_place *st)
{
	unsigned int n = DIV_ROUND_UP(size, EX_CHUNK_SIZE), slot, first;
	bool grew;

	if (!handle || !size || size > PAGE_SIZE)
		return;		/* a failure is the failure oracles' */
	grew = !st->present[EX_SLOT(handle)];
	for (slot = 0; slot < EX_MAX_PAGES; slot++) {
		for (first = 0; st->present[slot] && first < EX_CHUNKS; first++) {
			if (slot == EX_SLOT(handle) && first == EX_FIRST(handle))
				return;		/* no earlier run fits: the one it took is the first */
			if (free_run(st->used[slot], first, n))
				goto wrong;	/* an earlier run fits, or any, when it grew */
		}
	}
	if (grew)
		return;			/* no page had room */
	slot = first = 0;
wrong:
	report_invariant(first_fit, NULL, NULL,
			 "pool %p: %zu bytes (%u chunks) went to slot %lu chunk %lu%s; slot %u chunk %u was free first",
			 (void *)pool, size, n, EX_SLOT(handle), EX_FIRST(handle),
			 grew ? " of a new page" : "", slot, first);
}
