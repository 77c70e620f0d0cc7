/*
 * zs_view.h: what the oracles see of zsmalloc's own structures.  zs_pool,
 * size_class and zspage are private to mm/zsmalloc.c, so the port's
 * translation unit (zsmalloc.c) copies them out into these views
 * (zs_view_impl.h: compiled right after the kernel's file, without
 * coverage), read-only, for oracles compiled on their own.  The constants
 * are the build's, checked against zsmalloc.c's by static assertions there.
 * The zs_view_set_* calls write: they are for tests that corrupt a real pool
 * as a defect would.
 */
#ifndef _ZS_VIEW_H
#define _ZS_VIEW_H

#include <linux/types.h>

struct zs_pool;		/* <linux/zsmalloc.h>'s: this header needs no kernel tree (size_class.c) */

#define ZS_VIEW_CLASSES		255	/* ZS_SIZE_CLASSES */
#define ZS_VIEW_MIN_ALLOC_SIZE	32	/* ZS_MIN_ALLOC_SIZE */
#define ZS_VIEW_CLASS_DELTA	16	/* ZS_SIZE_CLASS_DELTA */
#define ZS_VIEW_HANDLE_SIZE	8	/* ZS_HANDLE_SIZE: an allocated object's header */
#define ZS_VIEW_MAGIC		0x58	/* ZSPAGE_MAGIC */
#define ZS_VIEW_GROUPS_MAX	12	/* fullness groups: 4 in 6.1, 12 in 6.12 */
#define ZS_VIEW_ALLOCATED_TAG	1UL	/* OBJ_ALLOCATED_TAG, in an allocated object's header */
#define ZS_VIEW_TAG_BITS	1	/* OBJ_TAG_BITS: a free link holds the next index shifted by it */

struct zs_view_pool {
	const char *name;
	const struct kmem_cache *handle_cache, *zspage_cache;
	long pages_allocated;		/* what zs_get_total_pages() reports */
	long pages_compacted;		/* zs_pool_stats()'s */
	unsigned int groups;		/* fullness groups */
	unsigned int max_pages;		/* ZS_MAX_PAGES_PER_ZSPAGE */
	unsigned int obj_index_bits;	/* OBJ_INDEX_BITS: an obj is pfn << these | index */
	unsigned int obj_shift;		/* 6.1 shifts the obj left by OBJ_TAG_BITS, 6.12 does not */
	unsigned int stat_allocated, stat_used;	/* OBJ_ALLOCATED, OBJ_USED in a class's statistics */
	size_t huge_class_size;		/* zs_huge_class_size() */
	const void *movable_ops;	/* a movable page's mapping: &zsmalloc_mops | PAGE_MAPPING_MOVABLE; NULL without COMPACTION */
	bool lock_held;			/* pool->lock (6.1) or pool->migrate_lock (6.12) */
	bool compacting;		/* compaction_in_progress */
	bool free_work_pending;		/* the deferred free is queued (COMPACTION) */
	bool shrinker_registered;
	bool map_area_locked;		/* a CPU's zs_map_area.lock is held (a mapping open) */
};

struct zs_view_class {
	const void *id;			/* the size_class itself: merged indices share one */
	unsigned int index;		/* class->index: the one index that owns it */
	int size, objs_per_zspage, pages_per_zspage;
	unsigned long stat[ZS_VIEW_GROUPS_MAX + 2];	/* per fullness group, then allocated and used */
	bool lock_held;			/* class->lock (6.12) */
};

struct zs_view_zspage {
	unsigned int huge, fullness, class_index, magic;
	unsigned int inuse, freeobj;
	struct page *first_page;
	const void *pool;
	bool has_lock;			/* zspage->lock exists (6.1 with COMPACTION, 6.12 always) */
	bool lock_held;			/* read or write held */
};

void zs_view_pool(const struct zs_pool *pool, struct zs_view_pool *v);
/* The class at index (0 .. ZS_VIEW_CLASSES - 1); its id tells merged indices apart. */
void zs_view_class(const struct zs_pool *pool, unsigned int index, struct zs_view_class *v);
/* The next index after index that owns its class (ZS_VIEW_CLASSES: none); start from -1U. */
unsigned int zs_view_next_class(const struct zs_pool *pool, unsigned int index);
/* The class's statistics in place, per group then allocated and used: cheap, for every operation. */
const unsigned long *zs_view_class_stats(const struct zs_pool *pool, unsigned int index);
int zs_view_class_size(const struct zs_pool *pool, unsigned int index);
/*
 * A fullness list of the class at index, as its zspages: the first (NULL
 * if empty), then each next (NULL after the last).  The caller bounds the
 * walk: a corrupt list may loop.
 */
const void *zs_view_zspage_first(const struct zs_pool *pool, unsigned int index, unsigned int group);
const void *zs_view_zspage_next(const struct zs_pool *pool, unsigned int index, unsigned int group,
				const void *zspage);
void zs_view_zspage(const void *zspage, struct zs_view_zspage *v);

/* The write side, for tests that corrupt a real pool. */
enum zs_view_field {
	ZS_VIEW_ZSPAGE_MAGIC,
	ZS_VIEW_ZSPAGE_INUSE,
	ZS_VIEW_ZSPAGE_FREEOBJ,
	ZS_VIEW_ZSPAGE_FULLNESS,
	ZS_VIEW_ZSPAGE_CLASS,
	ZS_VIEW_ZSPAGE_HUGE,
	ZS_VIEW_ZSPAGE_POOL,
	ZS_VIEW_ZSPAGE_FIRST_PAGE,
	ZS_VIEW_CLASS_OBJS,		/* objs_per_zspage */
	ZS_VIEW_CLASS_PAGES,		/* pages_per_zspage */
};
void zs_view_set_zspage(void *zspage, enum zs_view_field field, unsigned long value);
void zs_view_set_class(struct zs_pool *pool, unsigned int index, enum zs_view_field field,
		       unsigned long value);
/* Points index at the class of another index (pool->size_class[index]). */
void zs_view_set_class_map(struct zs_pool *pool, unsigned int index, unsigned int other);
void zs_view_set_class_stat(struct zs_pool *pool, unsigned int index, unsigned int stat,
			    unsigned long value);
void zs_view_set_pages_allocated(struct zs_pool *pool, long value);
/* Moves zspage to the head of another fullness list, statistics and fields untouched. */
void zs_view_move_zspage(struct zs_pool *pool, void *zspage, unsigned int group);

#endif
