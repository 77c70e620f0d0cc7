/*
 * zs_view_impl.h: zs_view.h's calls, compiled in zsmalloc.c's translation
 * unit right after the kernel's file, where zs_pool, size_class and zspage
 * are complete.  Each only copies fields out (or, zs_view_set_*, in); where
 * 6.1 and 6.12 name a thing differently, this file says which is which.
 * Included only by the port's zsmalloc.c.
 */
#include "zs_view.h"

_Static_assert(ZS_VIEW_CLASSES == ZS_SIZE_CLASSES, "zs_view.h's class count");
_Static_assert(ZS_VIEW_MIN_ALLOC_SIZE == ZS_MIN_ALLOC_SIZE, "zs_view.h's smallest class");
_Static_assert(ZS_VIEW_CLASS_DELTA == ZS_SIZE_CLASS_DELTA, "zs_view.h's class step");
_Static_assert(ZS_VIEW_HANDLE_SIZE == ZS_HANDLE_SIZE, "zs_view.h's header size");
_Static_assert(ZS_VIEW_MAGIC == ZSPAGE_MAGIC, "zs_view.h's magic");
_Static_assert(ZS_VIEW_ALLOCATED_TAG == OBJ_ALLOCATED_TAG, "zs_view.h's tag");
_Static_assert(ZS_VIEW_TAG_BITS == OBJ_TAG_BITS, "zs_view.h's tag bits");

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
#define ZS_VIEW_GROUPS		NR_FULLNESS_GROUPS
#define ZS_VIEW_STAT_ALLOCATED	ZS_OBJS_ALLOCATED
#define ZS_VIEW_STAT_USED	ZS_OBJS_INUSE
#define ZS_VIEW_OBJ_SHIFT	0	/* location_to_obj() does not shift */
#define zs_view_pool_lock_held(pool)	shim_rwlock_held(&(pool)->migrate_lock)
#define zs_view_class_lock_held(class)	spin_is_locked(&(class)->lock)
#define zs_view_shrinker_registered(pool)	((pool)->shrinker && (pool)->shrinker->shim.registered)
#else
#define ZS_VIEW_GROUPS		NR_ZS_FULLNESS
#define ZS_VIEW_STAT_ALLOCATED	OBJ_ALLOCATED
#define ZS_VIEW_STAT_USED	OBJ_USED
#define ZS_VIEW_OBJ_SHIFT	OBJ_TAG_BITS	/* location_to_obj() shifts the tag's room in */
#define zs_view_pool_lock_held(pool)	spin_is_locked(&(pool)->lock)
#define zs_view_class_lock_held(class)	false
#define zs_view_shrinker_registered(pool)	((pool)->shrinker.shim.registered)
#endif
_Static_assert(ZS_VIEW_GROUPS <= ZS_VIEW_GROUPS_MAX, "zs_view.h's room for fullness groups");
_Static_assert(ZS_VIEW_STAT_ALLOCATED == ZS_VIEW_GROUPS && ZS_VIEW_STAT_USED == ZS_VIEW_GROUPS + 1,
	       "a class's statistics: its groups, then allocated and used");

/* zspage->lock: 6.1 has it with CONFIG_COMPACTION only, 6.12 always. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0) || defined(CONFIG_COMPACTION)
#define ZS_VIEW_ZSPAGE_LOCK	1
#endif

void zs_view_pool(const struct zs_pool *pool, struct zs_view_pool *v)
{
	unsigned int cpu;

	memset(v, 0, sizeof(*v));
	v->name = pool->name;
	v->handle_cache = pool->handle_cachep;
	v->zspage_cache = pool->zspage_cachep;
	v->pages_allocated = atomic_long_read(&pool->pages_allocated);
	v->pages_compacted = atomic_long_read(&pool->stats.pages_compacted);
	v->groups = ZS_VIEW_GROUPS;
	v->max_pages = ZS_MAX_PAGES_PER_ZSPAGE;
	v->obj_index_bits = OBJ_INDEX_BITS;
	v->obj_shift = ZS_VIEW_OBJ_SHIFT;
	v->stat_allocated = ZS_VIEW_STAT_ALLOCATED;
	v->stat_used = ZS_VIEW_STAT_USED;
	v->huge_class_size = huge_class_size;
#ifdef CONFIG_COMPACTION
	v->movable_ops = (const void *)((unsigned long)&zsmalloc_mops | PAGE_MAPPING_MOVABLE);
	v->free_work_pending = pool->free_work.shim.pending;
#endif
	v->lock_held = zs_view_pool_lock_held(pool);
	v->compacting = atomic_read(&pool->compaction_in_progress);
	v->shrinker_registered = zs_view_shrinker_registered(pool);
	for (cpu = 0; cpu < SHIM_NR_CPUS; cpu++)
		v->map_area_locked |= per_cpu(zs_map_area, cpu).lock.owner != 0;
}

/* Field by field, not a memset first: the checker asks for every class after every operation. */
void zs_view_class(const struct zs_pool *pool, unsigned int index, struct zs_view_class *v)
{
	const struct size_class *class = pool->size_class[index];
	unsigned int i;

	v->id = class;
	v->index = class->index;
	v->size = class->size;
	v->objs_per_zspage = class->objs_per_zspage;
	v->pages_per_zspage = class->pages_per_zspage;
	for (i = 0; i <= ZS_VIEW_STAT_USED; i++)
		v->stat[i] = class->stats.objs[i];
	v->lock_held = zs_view_class_lock_held(class);
}

unsigned int zs_view_next_class(const struct zs_pool *pool, unsigned int index)
{
	while (++index < ZS_VIEW_CLASSES && pool->size_class[index]->index != index)
		;
	return index;
}

const unsigned long *zs_view_class_stats(const struct zs_pool *pool, unsigned int index)
{
	return pool->size_class[index]->stats.objs;
}

int zs_view_class_size(const struct zs_pool *pool, unsigned int index)
{
	return pool->size_class[index]->size;
}

const void *zs_view_zspage_first(const struct zs_pool *pool, unsigned int index, unsigned int group)
{
	const struct list_head *head = &pool->size_class[index]->fullness_list[group];

	return head->next == head ? NULL : list_entry(head->next, struct zspage, list);
}

const void *zs_view_zspage_next(const struct zs_pool *pool, unsigned int index, unsigned int group,
				const void *zspage)
{
	const struct list_head *head = &pool->size_class[index]->fullness_list[group];
	const struct list_head *next = ((const struct zspage *)zspage)->list.next;

	return next == head ? NULL : list_entry(next, struct zspage, list);
}

void zs_view_zspage(const void *p, struct zs_view_zspage *v)
{
	const struct zspage *zspage = p;

	memset(v, 0, sizeof(*v));
	v->huge = zspage->huge;
	v->fullness = zspage->fullness;
	v->class_index = zspage->class;
	v->magic = zspage->magic;
	v->inuse = zspage->inuse;
	v->freeobj = zspage->freeobj;
	v->first_page = zspage->first_page;
	v->pool = zspage->pool;
#ifdef ZS_VIEW_ZSPAGE_LOCK
	v->has_lock = true;
	v->lock_held = shim_rwlock_held(&zspage->lock);
#endif
}

void zs_view_set_zspage(void *p, enum zs_view_field field, unsigned long value)
{
	struct zspage *zspage = p;

	switch (field) {
	case ZS_VIEW_ZSPAGE_MAGIC:
		zspage->magic = value;
		break;
	case ZS_VIEW_ZSPAGE_INUSE:
		zspage->inuse = value;
		break;
	case ZS_VIEW_ZSPAGE_FREEOBJ:
		zspage->freeobj = value;
		break;
	case ZS_VIEW_ZSPAGE_FULLNESS:
		zspage->fullness = value;
		break;
	case ZS_VIEW_ZSPAGE_CLASS:
		zspage->class = value;
		break;
	case ZS_VIEW_ZSPAGE_HUGE:
		zspage->huge = value;
		break;
	case ZS_VIEW_ZSPAGE_POOL:
		zspage->pool = (struct zs_pool *)value;
		break;
	case ZS_VIEW_ZSPAGE_FIRST_PAGE:
		zspage->first_page = (struct page *)value;
		break;
	default:
		BUG();
	}
}

void zs_view_set_class(struct zs_pool *pool, unsigned int index, enum zs_view_field field,
		       unsigned long value)
{
	struct size_class *class = pool->size_class[index];

	switch (field) {
	case ZS_VIEW_CLASS_OBJS:
		class->objs_per_zspage = (int)value;
		break;
	case ZS_VIEW_CLASS_PAGES:
		class->pages_per_zspage = (int)value;
		break;
	default:
		BUG();
	}
}

void zs_view_set_class_map(struct zs_pool *pool, unsigned int index, unsigned int other)
{
	pool->size_class[index] = pool->size_class[other];
}

void zs_view_set_class_stat(struct zs_pool *pool, unsigned int index, unsigned int stat,
			    unsigned long value)
{
	pool->size_class[index]->stats.objs[stat] = value;
}

void zs_view_set_pages_allocated(struct zs_pool *pool, long value)
{
	atomic_long_set(&pool->pages_allocated, value);
}

void zs_view_move_zspage(struct zs_pool *pool, void *p, unsigned int group)
{
	struct zspage *zspage = p;

	list_del_init(&zspage->list);
	list_add(&zspage->list, &pool->size_class[zspage->class]->fullness_list[group]);
}
