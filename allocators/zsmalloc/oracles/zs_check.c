/*
 * zs_check.c: zsmalloc's invariants, each declared once with its id, fixed
 * text and the comment or code of mm/zsmalloc.c it stands on; the values go
 * on the lines after.  The walk reads the pool through zs_view.h and the
 * pages as kernel code would (kmaps, through copies), never writes.
 *   CHECK_FULL: the size classes' map (zs_create_pool() makes it once), and
 *   every zspage of every class in depth (its pages, its free chain, every
 *   object and handle).
 *   CHECK_INCREMENTAL: every class's lists, statistics and zspage fields,
 *   and in depth the zspages with a page kmapped since the last check.
 */
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <allocfuzz/shim.h>
#include "check.h"
#include "zs_check.h"

#define ZS_INVARIANTS(X)	\
	X(CLASS_MAP, "zs.class.map", "a size class index maps to a class that does not cover it",	\
	  "zs_create_pool() points each index at the class of its size, or at a larger class it merged into (same pages and objects per zspage)")	\
	X(CLASS_GEOMETRY, "zs.class.geometry", "a class's objects per zspage are not its pages' bytes over its size",	\
	  "objs_per_zspage = pages_per_zspage * PAGE_SIZE / size, with 1 to ZS_MAX_PAGES_PER_ZSPAGE pages (zs_create_pool)")	\
	X(ZSPAGE_MAGIC, "zs.zspage.magic", "a listed zspage has not ZSPAGE_MAGIC",	\
	  "get_zspage() BUGs on a zspage without it: one freed, or none at all")	\
	X(ZSPAGE_POOL, "zs.zspage.pool", "a zspage names another pool",	\
	  "zspage->pool is set at allocation: migration finds the pool through it")	\
	X(ZSPAGE_CLASS, "zs.zspage.class", "a zspage is on the list of a class it does not name",	\
	  "zspage->class indexes pool->size_class: zs_free() and zs_map_object() take that class's size")	\
	X(ZSPAGE_FULLNESS, "zs.zspage.fullness", "a zspage's fullness is not the list it is on",	\
	  "fix_fullness_group() and remove_zspage() take a zspage off the list its fullness names")	\
	X(ZSPAGE_GROUP, "zs.zspage.group", "a zspage is not in the fullness group its inuse makes",	\
	  "each zspage is on the list of its group by inuse (get_fullness_group()): allocation and compaction pick zspages by group")	\
	X(ZSPAGE_HUGE, "zs.zspage.huge", "a zspage's huge mark disagrees with its class",	\
	  "huge means one object in one page, its handle in page->index (create_page_chain(), obj_malloc())")	\
	X(PAGE_CHAIN, "zs.page.chain", "a zspage's pages are not a chain of pages_per_zspage",	\
	  "page->index links together all component pages of a zspage (the file's header comment): frees, maps and migration walk it")	\
	X(PAGE_FIRST, "zs.page.first", "PG_private is not on the zspage's first page alone",	\
	  "PG_private identifies the first component page (the file's header comment); zspage->first_page is it")	\
	X(PAGE_PRIVATE, "zs.page.private", "a component page's private does not point at its zspage",	\
	  "page->private points to zspage (the file's header comment): get_zspage() of any of its pages")	\
	X(PAGE_OFFSET, "zs.page.offset", "a subpage's first object offset is wrong",	\
	  "page->page_type locates the first object offset in a subpage (the file's header comment): migration and compaction start there")	\
	X(PAGE_STATE, "zs.page.state", "a component page is not in the state zsmalloc keeps it in",	\
	  "a zsmalloc page is live, the pool's, held once (twice while isolated), movable with zsmalloc's operations under COMPACTION, and of 6.12's zsmalloc type")	\
	X(FREE_CHAIN, "zs.obj.free-chain", "a zspage's free chain is broken",	\
	  "freeobj heads a singly linked list of free objects, each link next << OBJ_TAG_BITS, the last -1UL << OBJ_TAG_BITS (init_zspage()) or that end as an unsigned int freeobj, shifted again (obj_free())")	\
	X(PARTITION, "zs.obj.partition", "a zspage's objects are not split into allocated and free as inuse says",	\
	  "every object start is allocated (OBJ_ALLOCATED_TAG in its header, only objects that fit) or on the free chain (the one past the last object too), and inuse counts the allocated")	\
	X(HANDLE, "zs.obj.handle", "an allocated object's handle does not lead back to it",	\
	  "an allocated object's header keeps its handle, a live zs_handle object holding obj = the object's pfn << OBJ_INDEX_BITS | index (record_obj(), location_to_obj())")	\
	X(GROUP_STAT, "zs.class.group-stat", "a fullness group's statistic is not its list's length",	\
	  "insert_zspage() and remove_zspage() count each group: debugfs shows them")	\
	X(ALLOCATED_STAT, "zs.class.allocated", "OBJ_ALLOCATED is not the class's zspages times their objects",	\
	  "zs_malloc() adds a new zspage's objects, __free_zspage() takes them away: zs_can_compact() reads it")	\
	X(USED_STAT, "zs.class.used", "OBJ_USED is not the objects the class's zspages hold",	\
	  "zs_malloc() and zs_free() count each object: zs_can_compact() reads it")	\
	X(POOL_PAGES, "zs.pool.pages", "pages_allocated is not the pages of the pool's zspages",	\
	  "zs_get_total_pages() reports it: zram's mm_stat and memory limit, zswap's pool size")	\
	X(SHIM_PAGES, "zs.pool.shim-pages", "the zspages' pages are not the pages the pool holds",	\
	  "every page the pool took is in one of its zspages (or the migration core's), or it leaked")	\
	X(ZONE_STAT, "zs.pool.zone-stat", "NR_ZSPAGES is not the pool's pages",	\
	  "each page zsmalloc holds counts in its zone's NR_ZSPAGES (/proc/vmstat): one pool, all of them")	\
	X(SLAB, "zs.pool.slab", "the pool's slab objects are not its handles and zspages",	\
	  "one zs_handle object per allocated object and one zspage object per zspage, or they leak")	\
	X(COMPACTED, "zs.pool.compacted", "pages_compacted is not what compaction reported freeing",	\
	  "zs_compact() adds what it returns to the statistic zs_pool_stats() reports")	\
	X(AT_REST, "zs.lock.at-rest", "a lock is held or a page locked between operations",	\
	  "every entry point releases what it takes: the pool's, class and zspage locks, the map area, page locks; compaction ends")	\
	X(SHRINKER, "zs.pool.shrinker", "the shrinker's count is not what the classes can compact",	\
	  "zs_shrinker_count() sums zs_can_compact(): the zspages' worth of unused objects per class")

#define ZS_ENUM(name, id, what, why)	ZS_##name,
#define ZS_TABLE(name, id, what, why)	[ZS_##name] = { id, what, why },
enum { ZS_INVARIANTS(ZS_ENUM) ZS_INVARIANT_COUNT };
static const struct invariant zs_invariants[ZS_INVARIANT_COUNT] = { ZS_INVARIANTS(ZS_TABLE) };
INVARIANTS_REGISTER(zs_invariants)

#define REPORT(inv, fmt, ...)	\
	report_invariant(&zs_invariants[ZS_##inv], NULL, NULL, fmt, ##__VA_ARGS__)

/*
 * The free chain's end: init_zspage() writes LINK_END, which obj_malloc()
 * reads into the unsigned int freeobj as FREE_END; obj_free() links a freed
 * object to that freeobj shifted in 32 bits, which reads back as FREE_END_32.
 */
#define LINK_END	(-1UL << ZS_VIEW_TAG_BITS)
#define FREE_END	((unsigned int)(LINK_END >> ZS_VIEW_TAG_BITS))
#define FREE_END_32	((FREE_END << ZS_VIEW_TAG_BITS) >> ZS_VIEW_TAG_BITS)

static bool free_end(unsigned int idx)
{
	return idx == FREE_END || idx == FREE_END_32;
}
#define STARTS_MAX	(16 * PAGE_SIZE / ZS_VIEW_MIN_ALLOC_SIZE)	/* object starts in a zspage of CHAIN_SIZE 16 */
#define TOUCHED_MAX	64

/*
 * What the last check found of each class, for the incremental check: a
 * class whose statistics are as they were, none of whose zspages was
 * touched, was walked then and is counted as then.
 */
static struct memo {
	const struct zs_pool *pool;
	bool valid[ZS_VIEW_CLASSES];
	unsigned long stat[ZS_VIEW_CLASSES][ZS_VIEW_GROUPS_MAX + 2];
	unsigned long zspages[ZS_VIEW_CLASSES], inuse[ZS_VIEW_CLASSES], pages[ZS_VIEW_CLASSES];
} memo;

struct walk {
	struct zs_pool *pool;
	const void *owner;
	enum check_mode mode;
	const struct zs_check_ctx *ctx;
	struct zs_view_pool p;
	const void *touched[TOUCHED_MAX];	/* zspages of pages kmapped since the last check */
	unsigned int nr_touched;
	bool all_touched;			/* more than fit: walk all in depth */
	bool class_touched[ZS_VIEW_CLASSES];	/* a class with a touched zspage */
	unsigned long zspages, pages, inuse;	/* over all classes */
};

/* The fullness group of a zspage by its inuse: the rule above get_fullness_group(). */
static unsigned int group_of(const struct zs_view_pool *p, unsigned int inuse, unsigned int objs)
{
	if (inuse == 0)
		return 0;				/* ZS_EMPTY / ZS_INUSE_RATIO_0 */
	if (inuse == objs)
		return p->groups - 1;			/* ZS_FULL / ZS_INUSE_RATIO_100 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
	/* "INUSE_RATIO_10 means that the ratio of used objects is > 0% and <= 10%" */
	return 100 * inuse / objs / 10 + 1;
#else
	/*
	 * ALMOST_EMPTY up to 3/4 of the objects: the code's threshold
	 * (3 * objs / fullness_threshold_frac), not the comment's N / f.
	 */
	return inuse <= 3 * objs / 4 ? 1 : 2;
#endif
}

static bool in_list(struct page *const *list, unsigned int n, const struct page *page)
{
	unsigned int i;

	for (i = 0; list && i < n; i++)
		if (list[i] == page)
			return true;
	return false;
}

static bool isolated_by_core(const struct walk *w, const struct page *page)
{
	return w->ctx && in_list(w->ctx->isolated, w->ctx->nr_isolated, page);
}

static bool locked_by_other(const struct walk *w, const struct page *page)
{
	return w->ctx && in_list(w->ctx->locked, w->ctx->nr_locked, page);
}

/* The first object offset in subpage k of a zspage of objects of size: init_zspage()'s off. */
static unsigned int first_offset(unsigned int k, unsigned int size)
{
	unsigned long start = (unsigned long)k * PAGE_SIZE;

	return (unsigned int)(DIV_ROUND_UP(start, size) * size - start);
}

static unsigned int page_offset_field(const struct page *page)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
	return page->page_type & 0xffffff;	/* FIRST_OBJ_PAGE_TYPE_MASK */
#else
	return page->page_type;
#endif
}

/* One component page's own state: private, first mark, references, mapping, type, lock. */
static void check_page(const struct walk *w, const void *zspage, struct page *page, unsigned int k,
		       unsigned int size)
{
	unsigned long id;
	int want_refs;

	if (!shim_page_is_live(page) || shim_page_owner(page) != w->owner)
		REPORT(PAGE_STATE, "zspage %p page %u: %s", zspage, k,
		       shim_page_is_live(page) ? "allocated for another owner" : "not a live page");
	id = shim_page_id(page);
	if (page_private(page) != (unsigned long)zspage)
		REPORT(PAGE_PRIVATE, "zspage %p page %u (#%lu): private 0x%lx", zspage, k, id,
		       page_private(page));
	if (!!PagePrivate(page) != (k == 0))
		REPORT(PAGE_FIRST, "zspage %p page %u (#%lu): PG_private %s", zspage, k, id,
		       PagePrivate(page) ? "set" : "clear");
	want_refs = PageIsolated(page) ? 2 : 1;
	if (PageIsolated(page) && !isolated_by_core(w, page))
		REPORT(PAGE_STATE, "zspage %p page %u (#%lu): PG_isolated, and the migration core holds no such page",
		       zspage, k, id);
	if (page_ref_count(page) != want_refs)
		REPORT(PAGE_STATE, "zspage %p page %u (#%lu): %d references, not %d", zspage, k, id,
		       page_ref_count(page), want_refs);
	if ((const void *)page->mapping != w->p.movable_ops)
		REPORT(PAGE_STATE, "zspage %p page %u (#%lu): mapping %p, not %p", zspage, k, id,
		       (void *)page->mapping, w->p.movable_ops);
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
	if (!PageZsmalloc(page))
		REPORT(PAGE_STATE, "zspage %p page %u (#%lu): page_type 0x%x is not PGTY_zsmalloc's", zspage, k,
		       id, page->page_type);
#endif
	if (PageLocked(page) && !locked_by_other(w, page))
		REPORT(AT_REST, "zspage %p page %u (#%lu) is locked", zspage, k, id);
	if (page_offset_field(page) != first_offset(k, size))
		REPORT(PAGE_OFFSET, "zspage %p page %u (#%lu) of class size %u: offset %u, not %u", zspage, k,
		       id, size, page_offset_field(page), first_offset(k, size));
}

/* A handle's obj: the pfn and index it names; false if 6.1's tag room is not clear. */
static bool decode(const struct zs_view_pool *p, unsigned long obj, unsigned long *pfn, unsigned int *idx)
{
	if (obj & ((1UL << p->obj_shift) - 1))
		return false;
	obj >>= p->obj_shift;
	*pfn = obj >> p->obj_index_bits;
	*idx = (unsigned int)(obj & ((1UL << p->obj_index_bits) - 1));
	return true;
}

/* An allocated object's handle leads back to it: object idx, starting in pages[k]. */
static void check_handle(const struct walk *w, const void *zspage, unsigned long handle,
			 struct page *start_page, unsigned int idx)
{
	unsigned long obj, pfn;
	unsigned int got;

	if (!handle || !shim_object_is_live((void *)handle, w->p.handle_cache))
		REPORT(HANDLE, "zspage %p object %u: handle 0x%lx is no live zs_handle object", zspage, idx,
		       handle);
	obj = *(unsigned long *)handle;
	if (!decode(&w->p, obj, &pfn, &got))
		REPORT(HANDLE, "zspage %p object %u: handle 0x%lx holds obj 0x%lx with the tag's bits set", zspage,
		       idx, handle, obj);
	if (pfn != page_to_pfn(start_page) || got != idx)
		REPORT(HANDLE, "zspage %p object %u on pfn 0x%lx: handle 0x%lx holds obj 0x%lx: pfn 0x%lx, object %u",
		       zspage, idx, page_to_pfn(start_page), handle, obj, pfn, got);
}

/* The bytes of a zspage's pages, copied through kmaps as the kernel reads them. */
static void copy_zspage(struct page **pages, unsigned int n, u8 *buf)
{
	unsigned int k;
	void *addr;

	for (k = 0; k < n; k++) {
		addr = kmap_local_page(pages[k]);
		shim_snapshot(buf + (size_t)k * PAGE_SIZE, addr, PAGE_SIZE);
		kunmap_local(addr);
	}
}

static unsigned long word_at(const u8 *buf, unsigned long off)
{
	unsigned long v;

	memcpy(&v, buf + off, sizeof(v));
	return v;
}

/*
 * A huge zspage: one object, its handle in the first page's index, no
 * links.  Allocated, its freeobj is whatever obj_malloc() read at offset 0:
 * the end, or (a zspage taken again while its deferred free waited) the
 * previous object's bytes; full, nobody reads it.
 */
static void check_huge_objects(const struct walk *w, const void *zspage, const struct zs_view_zspage *z)
{
	struct page *page = z->first_page;

	if (z->inuse == 1) {
		if (!(page->index & ZS_VIEW_ALLOCATED_TAG))
			REPORT(PARTITION, "huge zspage %p: inuse 1, page->index 0x%lx", zspage, page->index);
		check_handle(w, zspage, page->index & ~ZS_VIEW_ALLOCATED_TAG, page, 0);
	} else if (page->index || z->freeobj) {
		REPORT(PARTITION, "huge zspage %p: inuse %u, page->index 0x%lx, freeobj %u", zspage, z->inuse,
		       page->index, z->freeobj);
	}
}

/* Every object start: on the free chain, or allocated with its handle; counted against inuse. */
static void check_objects(const struct walk *w, const void *zspage, const struct zs_view_zspage *z,
			  const struct zs_view_class *c, struct page **pages)
{
	static u8 buf[16 * PAGE_SIZE];
	static u8 state[STARTS_MAX];	/* 0 unseen, 1 free, 2 allocated */
	unsigned int size = c->size, n = c->pages_per_zspage, starts, idx, nfree = 0, nalloc = 0;
	unsigned long link, off;

	starts = (unsigned int)DIV_ROUND_UP((unsigned long)n * PAGE_SIZE, size);
	copy_zspage(pages, n, buf);
	memset(state, 0, starts);
	for (idx = z->freeobj; !free_end(idx); idx = (unsigned int)(link >> ZS_VIEW_TAG_BITS)) {
		if (idx >= starts)
			REPORT(FREE_CHAIN, "zspage %p of class size %u: link to object %u of %u", zspage, size, idx,
			       starts);
		if (state[idx])
			REPORT(FREE_CHAIN, "zspage %p of class size %u: object %u twice on the chain", zspage, size,
			       idx);
		state[idx] = 1;
		nfree++;
		off = (unsigned long)idx * size;
		link = word_at(buf, off);
		if (link & ZS_VIEW_ALLOCATED_TAG)
			REPORT(FREE_CHAIN, "zspage %p of class size %u: object %u on the free chain is tagged allocated (0x%lx)",
			       zspage, size, idx, link);
		if (link == LINK_END)
			break;
		if (link >> ZS_VIEW_TAG_BITS > FREE_END)
			REPORT(FREE_CHAIN, "zspage %p of class size %u: object %u links to 0x%lx", zspage, size,
			       idx, link);
	}
	for (idx = 0; idx < starts; idx++) {
		if (state[idx])
			continue;
		off = (unsigned long)idx * size;
		link = word_at(buf, off);
		if (!(link & ZS_VIEW_ALLOCATED_TAG))
			REPORT(PARTITION, "zspage %p of class size %u: object %u is neither on the free chain nor tagged allocated (0x%lx)",
			       zspage, size, idx, link);
		if (idx >= (unsigned int)c->objs_per_zspage)
			REPORT(PARTITION, "zspage %p of class size %u: object %u is allocated, and only %d fit",
			       zspage, size, idx, c->objs_per_zspage);
		state[idx] = 2;
		nalloc++;
		check_handle(w, zspage, link & ~ZS_VIEW_ALLOCATED_TAG, pages[off / PAGE_SIZE], idx);
	}
	if (nalloc != z->inuse || nfree != starts - z->inuse)
		REPORT(PARTITION, "zspage %p of class size %u: inuse %u, %u allocated, %u free of %u starts",
		       zspage, size, z->inuse, nalloc, nfree, starts);
}

/* A zspage in depth: its page chain and pages, then its objects. */
static void check_zspage_deep(const struct walk *w, const void *zspage, const struct zs_view_zspage *z,
			      const struct zs_view_class *c)
{
	struct page *pages[16], *page = z->first_page, *next;
	unsigned int k, n = (unsigned int)c->pages_per_zspage, j;

	for (k = 0; k < n; k++) {
		if (!page)
			REPORT(PAGE_CHAIN, "zspage %p: %u pages, not %u", zspage, k, n);
		for (j = 0; j < k; j++)
			if (pages[j] == page)
				REPORT(PAGE_CHAIN, "zspage %p: page %u is page %u again", zspage, k, j);
		pages[k] = page;
		check_page(w, zspage, page, k, (unsigned int)c->size);
		next = z->huge ? NULL : (struct page *)page->index;
		if (k + 1 == n && next)
			REPORT(PAGE_CHAIN, "zspage %p: its last page (%u) links to another (#%lu)", zspage, k,
			       shim_page_is_live(next) ? shim_page_id(next) : 0);
		page = next;
	}
	if (z->huge)
		check_huge_objects(w, zspage, z);
	else
		check_objects(w, zspage, z, c, pages);
}

static bool touched(const struct walk *w, const void *zspage)
{
	unsigned int i;

	if (w->mode == CHECK_FULL || w->all_touched)
		return true;
	for (i = 0; i < w->nr_touched; i++)
		if (w->touched[i] == zspage)
			return true;
	return false;
}

/* One class that owns its index: its lists, each zspage on them, its statistics. */
static void check_class(struct walk *w, unsigned int index, const struct zs_view_class *c)
{
	unsigned long listed[ZS_VIEW_GROUPS_MAX] = { 0 }, zspages = 0, inuse = 0, drift;
	unsigned long limit = (unsigned long)w->p.pages_allocated + 1;
	unsigned int g, want;
	struct zs_view_zspage z;
	const void *zspage;

	for (g = 0; g < w->p.groups; g++) {
		for (zspage = zs_view_zspage_first(w->pool, index, g); zspage;
		     zspage = zs_view_zspage_next(w->pool, index, g, zspage)) {
			if (++zspages > limit)
				REPORT(POOL_PAGES, "class size %d: more zspages on its lists than the pool's %ld pages",
				       c->size, w->p.pages_allocated);
			listed[g]++;
			zs_view_zspage(zspage, &z);
			if (z.magic != ZS_VIEW_MAGIC)
				REPORT(ZSPAGE_MAGIC, "zspage %p in class size %d group %u: magic 0x%x", zspage,
				       c->size, g, z.magic);
			if (z.pool != w->pool)
				REPORT(ZSPAGE_POOL, "zspage %p in class size %d: pool %p, not %p", zspage, c->size,
				       z.pool, (void *)w->pool);
			if (z.class_index != index)
				REPORT(ZSPAGE_CLASS, "zspage %p on the list of class %u (size %d) names class %u",
				       zspage, index, c->size, z.class_index);
			if (z.fullness != g)
				REPORT(ZSPAGE_FULLNESS, "zspage %p in class size %d: fullness %u, on list %u",
				       zspage, c->size, z.fullness, g);
			if (z.inuse > (unsigned int)c->objs_per_zspage)
				REPORT(PARTITION, "zspage %p in class size %d: inuse %u of %d objects", zspage,
				       c->size, z.inuse, c->objs_per_zspage);
			want = group_of(&w->p, z.inuse, (unsigned int)c->objs_per_zspage);
			if (want != g)
				REPORT(ZSPAGE_GROUP, "zspage %p in class size %d: inuse %u of %d makes group %u, on list %u",
				       zspage, c->size, z.inuse, c->objs_per_zspage, want, g);
			if (z.huge != (c->objs_per_zspage == 1 && c->pages_per_zspage == 1))
				REPORT(ZSPAGE_HUGE, "zspage %p in class size %d (%d pages, %d objects): huge %u",
				       zspage, c->size, c->pages_per_zspage, c->objs_per_zspage, z.huge);
			if (z.lock_held)
				REPORT(AT_REST, "zspage %p in class size %d: its lock is held", zspage, c->size);
			if (touched(w, zspage))
				check_zspage_deep(w, zspage, &z, c);
			inuse += z.inuse;
		}
	}
	for (g = 0; g < w->p.groups; g++) {
		drift = g == 0 && w->ctx && w->ctx->empty_drift ? w->ctx->empty_drift[index] : 0;
		if (c->stat[g] != listed[g] + drift)
			REPORT(GROUP_STAT, "class size %d group %u: statistic %lu, list %lu%s", c->size, g, c->stat[g],
			       listed[g], drift ? " (plus 6.1's deferred frees, ZS-1)" : "");
	}
	if (c->stat[w->p.stat_allocated] != zspages * (unsigned long)c->objs_per_zspage)
		REPORT(ALLOCATED_STAT, "class size %d: OBJ_ALLOCATED %lu, %lu zspages of %d objects", c->size,
		       c->stat[w->p.stat_allocated], zspages, c->objs_per_zspage);
	if (c->stat[w->p.stat_used] != inuse)
		REPORT(USED_STAT, "class size %d: OBJ_USED %lu, its zspages hold %lu", c->size,
		       c->stat[w->p.stat_used], inuse);
	if (c->lock_held)
		REPORT(AT_REST, "class size %d: its lock is held", c->size);
	memo.valid[index] = true;
	memcpy(memo.stat[index], c->stat, sizeof(memo.stat[index]));
	memo.zspages[index] = zspages;
	memo.inuse[index] = inuse;
	memo.pages[index] = zspages * (unsigned long)c->pages_per_zspage;
}

/* A class as the last check found it: same statistics, no zspage touched since. */
static bool unchanged(const struct walk *w, unsigned int index)
{
	return w->mode == CHECK_INCREMENTAL && !w->all_touched && !w->class_touched[index] &&
	       memo.valid[index] &&
	       !memcmp(memo.stat[index], zs_view_class_stats(w->pool, index),
		       (w->p.groups + 2) * sizeof(unsigned long));
}

/* The size an index stands for (zs_create_pool()). */
static int index_size(unsigned int index)
{
	return (int)min(ZS_VIEW_MIN_ALLOC_SIZE + index * ZS_VIEW_CLASS_DELTA, PAGE_SIZE);
}

/* Every index's class: its own, or a larger one it merged into, with the right geometry. */
static void check_class_map(const struct walk *w, unsigned int index, const struct zs_view_class *c)
{
	struct zs_view_class owner;

	if (c->index < index || c->index >= ZS_VIEW_CLASSES)
		REPORT(CLASS_MAP, "index %u maps to the class of index %u", index, c->index);
	if (c->index != index) {
		zs_view_class(w->pool, c->index, &owner);
		if (owner.id != c->id)
			REPORT(CLASS_MAP, "index %u maps to a class of index %u that index %u does not have", index,
			       c->index, c->index);
		return;
	}
	if (c->size != index_size(index))
		REPORT(CLASS_MAP, "index %u: class size %d, not %d", index, c->size, index_size(index));
	if (c->pages_per_zspage < 1 || (unsigned int)c->pages_per_zspage > w->p.max_pages ||
	    c->objs_per_zspage != c->pages_per_zspage * (int)PAGE_SIZE / c->size)
		REPORT(CLASS_GEOMETRY, "class size %d: %d pages, %d objects", c->size, c->pages_per_zspage,
		       c->objs_per_zspage);
}

/* The zspages the pages kmapped since the last check belong to. */
static void collect_touched(struct walk *w)
{
	struct zs_view_zspage z;
	struct page *page;
	const void *zspage;
	unsigned int i;

	for (page = shim_touched_next(NULL, w->owner); page; page = shim_touched_next(page, w->owner)) {
		zspage = (const void *)page_private(page);
		if (!zspage)
			continue;
		for (i = 0; i < w->nr_touched && w->touched[i] != zspage; i++)
			;
		if (i < w->nr_touched)
			continue;
		if (w->nr_touched == TOUCHED_MAX) {
			w->all_touched = true;
			return;
		}
		w->touched[w->nr_touched++] = zspage;
		zs_view_zspage(zspage, &z);
		if (z.class_index < ZS_VIEW_CLASSES)
			w->class_touched[z.class_index] = true;
		else
			w->all_touched = true;	/* a class no index has: walk them all */
	}
}

/* Pages with the migration core that zsmalloc let go: still the pool's owner's, in no zspage. */
static unsigned long released_pages(const struct walk *w)
{
	unsigned long n = 0;
	unsigned int i;

	for (i = 0; w->ctx && i < w->ctx->nr_isolated; i++)
		if (!page_private(w->ctx->isolated[i]))
			n++;
	return n;
}

static void check_pool(struct walk *w)
{
	unsigned long shim_pages = shim_page_count(w->owner) - released_pages(w), handles, descs;
	unsigned long in_flight = w->ctx ? w->ctx->in_flight : 0, building;
	struct page *page;
	long zone_pages = 0;
	unsigned int z;

	if ((unsigned long)w->p.pages_allocated != w->pages)
		REPORT(POOL_PAGES, "pool %s: pages_allocated %ld, its zspages have %lu", w->p.name,
		       w->p.pages_allocated, w->pages);
	for (z = 0; z < __MAX_NR_ZONES; z++)
		zone_pages += shim_vmstat_read(z, NR_ZSPAGES);
	/* the pages of zspages a malloc in flight is putting together (alloc_zspage()) */
	building = (unsigned long)zone_pages - w->pages;
	if (zone_pages < (long)w->pages || building > in_flight * (w->p.max_pages - 1))
		REPORT(ZONE_STAT, "pool %s: NR_ZSPAGES %ld, its zspages have %lu pages (%lu mallocs in flight)",
		       w->p.name, zone_pages, w->pages, in_flight);
	if (shim_pages != w->pages + building)
		REPORT(SHIM_PAGES, "pool %s: its zspages have %lu pages (%lu more being built), the shim gave it %lu",
		       w->p.name, w->pages, building, shim_pages);
	handles = shim_object_count(w->p.handle_cache, NULL);
	descs = shim_object_count(w->p.zspage_cache, NULL);
	if (handles != w->inuse + in_flight || descs != w->zspages + in_flight)
		REPORT(SLAB, "pool %s: %lu zs_handle and %lu zspage objects for %lu objects in %lu zspages (%lu mallocs in flight)",
		       w->p.name, handles, descs, w->inuse, w->zspages, in_flight);
	if (w->ctx && w->p.pages_compacted != w->ctx->pages_compacted)
		REPORT(COMPACTED, "pool %s: pages_compacted %ld, compaction reported %ld", w->p.name,
		       w->p.pages_compacted, w->ctx->pages_compacted);
	if (w->p.lock_held || w->p.map_area_locked || w->p.compacting || shim_locks_held() ||
	    shim_preempt_count() || shim_pagefault_disabled())
		REPORT(AT_REST, "pool %s: pool lock %d, map area %d, compacting %d, %u locks held, preempt %d, pagefault-disable %d",
		       w->p.name, w->p.lock_held, w->p.map_area_locked, w->p.compacting, shim_locks_held(),
		       shim_preempt_count(), shim_pagefault_disabled());
	for (page = shim_page_next(NULL, w->owner); page; page = shim_page_next(page, w->owner))
		if (PageLocked(page) && !locked_by_other(w, page))
			REPORT(AT_REST, "pool %s: page #%lu is locked", w->p.name, shim_page_id(page));
}

void zs_check(struct zs_pool *pool, const void *owner, enum check_mode mode,
	      const struct zs_check_ctx *ctx)
{
	struct walk w = { .pool = pool, .owner = owner, .mode = mode, .ctx = ctx };
	struct zs_view_class c;
	unsigned int index;

	if (mode == CHECK_NONE)
		return;
	zs_view_pool(pool, &w.p);
	if (mode == CHECK_INCREMENTAL)
		collect_touched(&w);
	if (mode == CHECK_FULL || memo.pool != pool) {
		memset(&memo, 0, sizeof(memo));
		memo.pool = pool;
	}
	if (mode == CHECK_FULL)	/* the map is made once, by zs_create_pool() */
		for (index = 0; index < ZS_VIEW_CLASSES; index++) {
			zs_view_class(pool, index, &c);
			check_class_map(&w, index, &c);
		}
	for (index = zs_view_next_class(pool, -1U); index < ZS_VIEW_CLASSES;
	     index = zs_view_next_class(pool, index)) {
		if (!unchanged(&w, index)) {
			zs_view_class(pool, index, &c);
			check_class(&w, index, &c);
		}
		w.zspages += memo.zspages[index];
		w.pages += memo.pages[index];
		w.inuse += memo.inuse[index];
	}
	check_pool(&w);
}

void zs_check_note_deferred_free(struct zs_pool *pool, unsigned long drift[ZS_VIEW_CLASSES])
{
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 12, 0)
	unsigned int index;
	const void *zspage;

	/* async_free_zspage() frees every zspage on the empty lists and leaves each counted there */
	for (index = 0; index < ZS_VIEW_CLASSES; index++)
		for (zspage = zs_view_zspage_first(pool, index, 0); zspage;
		     zspage = zs_view_zspage_next(pool, index, 0, zspage))
			drift[index]++;
#else
	(void)pool, (void)drift;
#endif
}

void zs_check_shrinker_count(struct zs_pool *pool, unsigned long count)
{
	unsigned long want = 0, wasted;
	struct zs_view_pool p;
	struct zs_view_class c;
	unsigned int index;

	zs_view_pool(pool, &p);
	for (index = 0; index < ZS_VIEW_CLASSES; index++) {
		zs_view_class(pool, index, &c);
		if (c.index != index || c.stat[p.stat_allocated] <= c.stat[p.stat_used])
			continue;
		wasted = (c.stat[p.stat_allocated] - c.stat[p.stat_used]) / (unsigned long)c.objs_per_zspage;
		want += wasted * (unsigned long)c.pages_per_zspage;
	}
	if (count != want)
		REPORT(SHRINKER, "pool %s: count_objects %lu, the classes' unused zspages are %lu pages", p.name,
		       count, want);
}

void zs_state(struct zs_pool *pool, struct allocator_state *st)
{
	const unsigned long *stat;
	struct zs_view_pool p;
	unsigned int index, g;

	zs_view_pool(pool, &p);
	memset(st, 0, sizeof(*st));
	st->has = ALLOC_STATE_FREE_BYTES | ALLOC_STATE_LISTS;
	st->pages = (unsigned long)p.pages_allocated;
	for (index = zs_view_next_class(pool, -1U); index < ZS_VIEW_CLASSES;
	     index = zs_view_next_class(pool, index)) {
		stat = zs_view_class_stats(pool, index);
		if (stat[p.stat_allocated] > stat[p.stat_used])
			st->free_bytes += (stat[p.stat_allocated] - stat[p.stat_used]) *
					  (unsigned long)zs_view_class_size(pool, index);
		for (g = 0; g < p.groups; g++) {
			st->lists++;
			st->nonempty_lists += stat[g] != 0;
		}
	}
}
