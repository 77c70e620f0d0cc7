/*
 * zs_check.h: zsmalloc's invariant checker, placement oracle and state
 * summary, over the views of its private structures (zs_view.h).
 * zs_check() reads a pool between operations and reports (and aborts on)
 * the first violated invariant; owner is the tag its pages and objects were
 * allocated under.  zs_place_before()/zs_place_after() bracket one
 * zs_malloc(): the object must come from the zspage zs_malloc() promises.
 */
#ifndef _ZS_CHECK_H
#define _ZS_CHECK_H

#include <linux/types.h>
#include "allocator.h"
#include "zs_view.h"

/*
 * What the harness holds of the pool's pages, as the kernel's other tasks
 * would (the adapter's extras), so the checker expects it: pages the
 * migration core holds isolated (a reference more; once zsmalloc released
 * one, it is the core's alone), pages another task holds locked, and what
 * zs_compact() reported freed.
 */
struct zs_check_ctx {
	struct page *const *isolated;
	unsigned int nr_isolated;
	struct page *const *locked;
	unsigned int nr_locked;
	long pages_compacted;
	/*
	 * zs_malloc()s in flight: the check runs inside one when another
	 * task's malloc ran at its page allocation (the input's race), which
	 * holds its handle, its zspage and some of its pages, counted in
	 * NR_ZSPAGES, not yet in the pool.
	 */
	unsigned int in_flight;
	/* 6.1's deferred frees per class index (finding ZS-1: its ZS_EMPTY statistic keeps them) */
	const unsigned long *empty_drift;
};

void zs_check(struct zs_pool *pool, const void *owner, enum check_mode mode,
	      const struct zs_check_ctx *ctx);
/* Before the deferred free runs: what it will leave in 6.1's statistics (ZS-1), into drift[]. */
void zs_check_note_deferred_free(struct zs_pool *pool, unsigned long drift[ZS_VIEW_CLASSES]);
/* The shrinker's count against the classes' statistics: what zs_can_compact() promises. */
void zs_check_shrinker_count(struct zs_pool *pool, unsigned long count);

struct zs_place {
	const void *class_id;		/* the class the size maps to */
	const void *zspage;		/* the zspage zs_malloc() must take, NULL: a new one */
	unsigned int freeobj;		/* that zspage's first free object */
	unsigned int inuse;
};

void zs_place_before(struct zs_pool *pool, size_t size, struct zs_place *st);
/* handle: what zs_malloc() returned (an error value when it failed). */
void zs_place_after(struct zs_pool *pool, size_t size, unsigned long handle, const struct zs_place *st);
/* What 6.12's zs_lookup_class_index() returned for size, against the class zs_malloc() takes. */
void zs_check_class_index(struct zs_pool *pool, size_t size, unsigned int index);
/* A zspage of the size's class has a free object: a malloc needs no new page. */
bool zs_could_serve(struct zs_pool *pool, size_t size);

/* The page holding the start of handle's object, and (idx not NULL) its index, decoded as zsmalloc does. */
struct page *zs_handle_page(struct zs_pool *pool, unsigned long handle, unsigned int *idx);
/* The size class index of a request (get_size_class_index() of size + its header), from the rule. */
unsigned int zs_class_index(size_t size);
void zs_state(struct zs_pool *pool, struct allocator_state *st);

#endif
