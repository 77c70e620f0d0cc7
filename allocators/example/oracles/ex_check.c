/*
 * ex_check.c: the example allocator's invariants, each declared once with its
 * id, fixed text and reason (check.h); the values go on the lines after.
 */
#include <linux/bitops.h>
#include <linux/mm.h>
#include <allocfuzz/shim.h>
#include "check.h"
#include "ex_check.h"

#define EX_INVARIANTS(X)	\
	X(PAGE_COUNT, "ex.pool.page-count", "nr_pages is not the number of pages in the table",	\
	  "ex_get_total_pages() reports it: a drift is a page leaked or lost")	\
	X(SHIM_PAGES, "ex.pool.shim-pages", "the table's pages are not the pages the pool holds",	\
	  "every page the pool took must be in its table, or it is leaked")	\
	X(DEAD_PAGE, "ex.page.dead", "a table slot names a page that is not the pool's",	\
	  "ex_map() would map a freed page, or another pool's")	\
	X(EMPTY_PAGE, "ex.page.empty", "a page in the table has no used chunk",	\
	  "ex_free() returns a page as soon as its last chunk is freed")	\
	X(USED_CHUNKS, "ex.pool.used-chunks", "used_chunks is not the chunks the pages' bitmaps hold",	\
	  "the count is what the pool says it stores; the bitmaps are what it does")

#define EX_ENUM(name, id, what, why)	EX_##name,
#define EX_TABLE(name, id, what, why)	[EX_##name] = { id, what, why },
enum { EX_INVARIANTS(EX_ENUM) EX_INVARIANT_COUNT };
static const struct invariant ex_invariants[EX_INVARIANT_COUNT] = { EX_INVARIANTS(EX_TABLE) };
INVARIANTS_REGISTER(ex_invariants)

/* Every invariant is pool-wide and cheap: the incremental check is the full one. */
void ex_check(struct ex_pool *pool, const void *owner, enum check_mode mode)
{
	unsigned long pages = 0, chunks = 0;
	unsigned int slot;
	struct page *page;

	if (mode == CHECK_NONE)
		return;
	for (slot = 0; slot < EX_MAX_PAGES; slot++) {
		page = pool->pages[slot];
		if (!page)
			continue;
		if (!shim_page_is_live(page) || shim_page_owner(page) != owner)
			report_invariant(&ex_invariants[EX_DEAD_PAGE], NULL, NULL,
					 "pool %p slot %u", (void *)pool, slot);
		if (!page_private(page))
			report_invariant(&ex_invariants[EX_EMPTY_PAGE], NULL, NULL,
					 "pool %p slot %u: page #%lu", (void *)pool, slot, shim_page_id(page));
		pages++;
		chunks += hweight_long(page_private(page));
	}
	if (pool->nr_pages != pages)
		report_invariant(&ex_invariants[EX_PAGE_COUNT], NULL, NULL,
				 "pool %p: nr_pages %lu, the table holds %lu", (void *)pool, pool->nr_pages, pages);
	if (pages != shim_page_count(owner))
		report_invariant(&ex_invariants[EX_SHIM_PAGES], NULL, NULL,
				 "pool %p: the table holds %lu pages, the shim gave it %lu", (void *)pool, pages,
				 shim_page_count(owner));
	if (pool->used_chunks != chunks)
		report_invariant(&ex_invariants[EX_USED_CHUNKS], NULL, NULL,
				 "pool %p: used_chunks %lu, the bitmaps hold %lu", (void *)pool,
				 pool->used_chunks, chunks);
}
