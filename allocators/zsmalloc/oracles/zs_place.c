/*
 * zs_place.c: zsmalloc's placement oracle.  zs_malloc()'s promise: the
 * class of size + ZS_HANDLE_SIZE (get_size_class_index(), merged classes
 * followed), then find_get_zspage(): the first zspage on the list of the
 * fullest group that is not full, and its first free object (freeobj); a
 * new zspage, whose first object it takes, only when no list has one.
 */
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include "check.h"
#include "zs_check.h"

#define ZS_PLACE_INVARIANTS(X)	\
	X(CLASS, "zs.place.class", "malloc put the object in a class other than its size's",	\
	  "zs_malloc() takes the class of size + ZS_HANDLE_SIZE: a smaller one overflows, a larger one wastes")	\
	X(ZSPAGE, "zs.place.zspage", "malloc did not take the zspage and object zs_malloc() promises",	\
	  "find_get_zspage(): the first zspage of the fullest group that is not full, its first free object; a new zspage only when no list has one")	\
	X(LOOKUP, "zs.place.lookup", "zs_lookup_class_index() names a class other than the size's",	\
	  "6.12's zram recompresses into another class only if the index is the one zs_malloc() would use for the size")

#define ZS_PLACE_ENUM(name, id, what, why)	ZS_PLACE_##name,
#define ZS_PLACE_TABLE(name, id, what, why)	[ZS_PLACE_##name] = { id, what, why },
enum { ZS_PLACE_INVARIANTS(ZS_PLACE_ENUM) ZS_PLACE_COUNT };
static const struct invariant zs_place_invariants[ZS_PLACE_COUNT] = { ZS_PLACE_INVARIANTS(ZS_PLACE_TABLE) };
INVARIANTS_REGISTER(zs_place_invariants)

unsigned int zs_class_index(size_t size)
{
	size_t need = size + ZS_VIEW_HANDLE_SIZE;
	size_t idx = 0;

	if (need > ZS_VIEW_MIN_ALLOC_SIZE)
		idx = DIV_ROUND_UP(need - ZS_VIEW_MIN_ALLOC_SIZE, ZS_VIEW_CLASS_DELTA);
	return (unsigned int)min(idx, (size_t)ZS_VIEW_CLASSES - 1);
}

/* The object's page and index, from the obj its handle holds (obj_to_location()). */
static struct page *locate(struct zs_pool *pool, unsigned long handle, unsigned int *idx)
{
	unsigned long obj, mask;
	struct zs_view_pool p;

	zs_view_pool(pool, &p);
	obj = *(unsigned long *)handle >> p.obj_shift;
	mask = (1UL << p.obj_index_bits) - 1;
	*idx = (unsigned int)(obj & mask);
	return pfn_to_page(obj >> p.obj_index_bits);
}

struct page *zs_handle_page(struct zs_pool *pool, unsigned long handle, unsigned int *idx)
{
	unsigned int i;

	return locate(pool, handle, idx ? idx : &i);
}

/* The zspage zs_malloc() takes for size, or NULL: a new one. */
static const void *promised(struct zs_pool *pool, size_t size, struct zs_view_class *c)
{
	struct zs_view_pool p;
	const void *zspage;
	unsigned int g;

	zs_view_pool(pool, &p);
	zs_view_class(pool, zs_class_index(size), c);
	for (g = p.groups - 1; g-- > 0;)	/* the full group is the last: the others, fullest first */
		if ((zspage = zs_view_zspage_first(pool, c->index, g)))
			return zspage;
	return NULL;
}

void zs_place_before(struct zs_pool *pool, size_t size, struct zs_place *st)
{
	struct zs_view_zspage z;
	struct zs_view_class c;

	memset(st, 0, sizeof(*st));
	if (!size || size > PAGE_SIZE)
		return;
	st->zspage = promised(pool, size, &c);
	st->class_id = c.id;
	if (st->zspage) {
		zs_view_zspage(st->zspage, &z);
		st->freeobj = z.freeobj;
		st->inuse = z.inuse;
	}
}

bool zs_could_serve(struct zs_pool *pool, size_t size)
{
	struct zs_view_class c;

	return size && size <= PAGE_SIZE && promised(pool, size, &c);
}

void zs_place_after(struct zs_pool *pool, size_t size, unsigned long handle, const struct zs_place *st)
{
	struct zs_view_zspage z;
	struct zs_view_class c;
	struct zs_view_pool p;
	const void *zspage;
	unsigned int idx;

	if (IS_ERR_OR_NULL((void *)handle) || !st->class_id)
		return;		/* a failure is the failure oracles' */
	zs_view_pool(pool, &p);
	zspage = (const void *)page_private(locate(pool, handle, &idx));
	zs_view_zspage(zspage, &z);
	zs_view_class(pool, z.class_index, &c);
	if (c.id != st->class_id)
		report_invariant(&zs_place_invariants[ZS_PLACE_CLASS], NULL, NULL,
				 "pool %s: %zu bytes went to class %u (size %d)", p.name, size, z.class_index,
				 c.size);
	if (st->zspage ? zspage != st->zspage || idx != st->freeobj : z.inuse != 1 || idx != 0)
		report_invariant(&zs_place_invariants[ZS_PLACE_ZSPAGE], NULL, NULL,
				 "pool %s: %zu bytes went to zspage %p object %u (inuse now %u); promised %p object %u%s",
				 p.name, size, zspage, idx, z.inuse, st->zspage, st->freeobj,
				 st->zspage ? "" : " (a new zspage: its object 0)");
}

void zs_check_class_index(struct zs_pool *pool, size_t size, unsigned int index)
{
	struct zs_view_class c;
	struct zs_view_pool p;

	zs_view_pool(pool, &p);
	zs_view_class(pool, zs_class_index(size), &c);
	if (index != c.index)
		report_invariant(&zs_place_invariants[ZS_PLACE_LOOKUP], NULL, NULL,
				 "pool %s: %zu bytes: index %u, their class is index %u (size %d)", p.name, size,
				 index, c.index, c.size);
}
