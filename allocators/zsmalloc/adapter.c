/*
 * adapter.c: zsmalloc on the one interface (allocators/allocator.h), as its
 * clients drive it.  The pool is zram's ("zram0"), created once the module
 * is loaded (zs_init(): its per-CPU buffers, its zpool driver).  A malloc
 * takes its gfp policy's caller's path: "zram" with zram's compression
 * stream held (a per-CPU local lock, preemption off), "zswap" through
 * zsmalloc's zpool driver (CONFIG_ZPOOL), others straight.  Maps follow the
 * same callers: zram's write holds its stream from before zs_map_object()
 * and drops it before zs_unmap_object(), its read takes it inside the
 * mapping.  The extras are the rest of the API and what the kernel does to
 * a pool around its clients: compaction, the shrinker, migration of its
 * pages, the deferred free, CPUs moving and going down.
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/local_lock.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/shrinker.h>
#include <linux/zpool.h>
#include <linux/zsmalloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <allocfuzz/shim.h>
#include "allocator.h"
#include "zs_check.h"
/* <>: the variant built, from the include path, never the seed beside this file */
#include <zpool_registry.h>
#include <zs_view.h>

#define ZRAM_POOL	"zram0"		/* zram names its pool after its disk */
#define ZSWAP_POOL	"zswap0"	/* zswap's "zswap%x" */
#define HELD_MAX	8	/* pages isolated, pages locked by "another task" */

static const gfp_t gfp_mask[GFP_POLICY_COUNT] = GFP_POLICY_MASKS;

struct zs_adapter {
	struct zs_pool *zs;
	const char *name;
	struct zpool_driver *zpool;	/* zsmalloc's zpool driver, with CONFIG_ZPOOL */
	bool zswap;			/* created by zswap, through the driver */
	struct page *isolated[HELD_MAX];	/* pages the migration core holds isolated */
	unsigned int nr_isolated;
	struct page *locked[HELD_MAX];	/* pages another task holds locked */
	unsigned int nr_locked;
	long compacted;			/* what zs_compact() and the shrinker reported freed */
	unsigned int in_flight;		/* zs_malloc()s under way: another task's runs inside one (a race) */
	bool raced;			/* another task's malloc ran inside the one under way */
	bool last_raced;		/* ... inside the last one that returned */
	unsigned long empty_drift[ZS_VIEW_CLASSES];	/* 6.1's deferred frees (ZS-1) */
};

/* zram's per-CPU compression stream: its lock is what zram holds around zs_malloc() and writes. */
struct zs_stream {
	local_lock_t lock;
};
static DEFINE_PER_CPU(struct zs_stream, zram_stream) = { .lock = INIT_LOCAL_LOCK(lock) };

/* A handle: zs_malloc()'s in the first word; the size and the gfp policy in the second. */
static unsigned long handle_of(const struct af_handle *h)
{
	return h->word[0];
}

static uint32_t size_of(const struct af_handle *h)
{
	return (uint32_t)h->word[1];
}

static enum gfp_policy policy_of(const struct af_handle *h)
{
	return (enum gfp_policy)(h->word[1] >> 32);
}

static bool via_zpool(const struct zs_adapter *a, const struct af_handle *h)
{
	return a->zpool && policy_of(h) == GFP_POLICY_ZSWAP;
}

/*
 * The pool: zram's, or zswap's through the zpool driver when the input asks
 * for the zswap policy (a recreate).  A module (Debian's 6.1 builds
 * zsmalloc as one) comes and goes with its one pool: loading it, zs_init()
 * can be refused memory, and zs_exit() runs; built in (6.12), it loads once.
 */
static void *zs_create(enum gfp_policy gfp)
{
	struct zs_adapter *a;

	if (!shim_module_loaded("zsmalloc") && shim_module_load("zsmalloc"))
		return NULL;
	if (!(a = calloc(1, sizeof(*a))))
		abort();
	a->zpool = zpool_driver_find("zsmalloc");
	a->zswap = a->zpool && gfp == GFP_POLICY_ZSWAP;
	a->name = a->zswap ? ZSWAP_POOL : ZRAM_POOL;
	if (!a->zswap)
		a->zs = zs_create_pool(a->name);	/* GFP_KERNEL inside: it takes no mask */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 12, 0)
	else	/* zswap's mask, which zsmalloc's driver ignores */
		a->zs = a->zpool->create(a->name, gfp_mask[gfp], NULL, NULL);
#else
	else
		a->zs = a->zpool->create(a->name, gfp_mask[gfp]);
#endif
	if (!a->zs) {
		free(a);
		return NULL;
	}
	return a;
}

static void release_locked(struct zs_adapter *a);
static void putback_all(struct zs_adapter *a);

static void zs_destroy(void *pool)
{
	struct zs_adapter *a = pool;

	release_locked(a);
	putback_all(a);
	if (a->zswap)
		a->zpool->destroy(a->zs);
	else
		zs_destroy_pool(a->zs);
	free(a);
#ifdef CONFIG_ZSMALLOC_MODULE
	shim_module_unload("zsmalloc");
#endif
}

static void zs_exit_module(void)
{
	shim_module_unload("zsmalloc");
}

static int zs_alloc(void *pool, uint32_t size, enum gfp_policy gfp, struct af_handle *h)
{
	struct zs_adapter *a = pool;
	unsigned long handle;
	int ret;

	a->raced |= a->in_flight++ > 0;
	if (gfp == GFP_POLICY_ZRAM) {
		local_lock(&zram_stream.lock);
		handle = zs_malloc(a->zs, size, gfp_mask[gfp]);
		local_unlock(&zram_stream.lock);
	} else if (gfp == GFP_POLICY_ZSWAP && a->zpool) {
		ret = a->zpool->malloc(a->zs, size, gfp_mask[gfp], &handle);
		if (ret)
			handle = (unsigned long)ERR_PTR(ret);
	} else {
		handle = zs_malloc(a->zs, size, gfp_mask[gfp]);
	}
	if (!--a->in_flight) {
		a->last_raced = a->raced;
		a->raced = false;
	}
	if (IS_ERR_VALUE(handle))
		return (int)PTR_ERR((void *)handle);
	h->word[0] = handle;
	h->word[1] = size | (uintptr_t)gfp << 32;
	return 0;
}

static void zs_release(void *pool, const struct af_handle *h)
{
	struct zs_adapter *a = pool;

	if (via_zpool(a, h))
		a->zpool->free(a->zs, handle_of(h));
	else
		zs_free(a->zs, handle_of(h));
}

static void *zs_map_run(void *pool, const struct af_handle *h, uint32_t size, enum af_access how)
{
	struct zs_adapter *a = pool;
	void *addr;

	(void)size;
	if (via_zpool(a, h))
		return a->zpool->map(a->zs, handle_of(h), how == AF_WRITE ? ZPOOL_MM_WO : ZPOOL_MM_RO);
	if (policy_of(h) == GFP_POLICY_ZRAM && how == AF_WRITE)
		local_lock(&zram_stream.lock);
	addr = zs_map_object(a->zs, handle_of(h), how == AF_WRITE ? ZS_MM_WO : ZS_MM_RO);
	if (policy_of(h) == GFP_POLICY_ZRAM && how == AF_READ)
		local_lock(&zram_stream.lock);
	return addr;
}

static void zs_unmap_run(void *pool, const struct af_handle *h, void *addr, enum af_access how)
{
	struct zs_adapter *a = pool;

	(void)addr, (void)how;
	if (via_zpool(a, h)) {
		a->zpool->unmap(a->zs, handle_of(h));
		return;
	}
	if (policy_of(h) == GFP_POLICY_ZRAM)
		local_unlock(&zram_stream.lock);	/* before zs_unmap_object(), as zram does */
	zs_unmap_object(a->zs, handle_of(h));
}

static uint64_t zs_total_bytes(void *pool)
{
	return (uint64_t)zs_get_total_pages(((struct zs_adapter *)pool)->zs) << PAGE_SHIFT;
}

/* What zram's mm_stat reads. */
static void zs_read_stats(void *pool)
{
	struct zs_adapter *a = pool;
	struct zs_pool_stats stats;

	zs_pool_stats(a->zs, &stats);
	(void)zs_get_total_pages(a->zs);
	(void)zs_huge_class_size(a->zs);
}

/* The extras. */

/* A read-write mapping that writes back what it read: RW's copy back, the bytes unchanged. */
static int zs_map_rw(void *pool, const struct af_handle *h, uint8_t arg)
{
	struct zs_adapter *a = pool;
	uint32_t size = size_of(h);
	uint8_t *buf = malloc(size ? size : 1);
	void *addr;

	(void)arg;
	if (!buf)
		abort();
	if (via_zpool(a, h)) {
		addr = a->zpool->map(a->zs, handle_of(h), ZPOOL_MM_RW);
		memcpy(buf, addr, size);
		memcpy(addr, buf, size);
		a->zpool->unmap(a->zs, handle_of(h));
	} else {
		addr = zs_map_object(a->zs, handle_of(h), ZS_MM_RW);
		memcpy(buf, addr, size);
		memcpy(addr, buf, size);
		zs_unmap_object(a->zs, handle_of(h));
	}
	free(buf);
	return 0;
}

/* zs_compact(), zram's compact attribute; arg: the answers of the lock contention checks. */
static int zs_compact_run(void *pool, const struct af_handle *h, uint8_t arg)
{
	struct zs_adapter *a = pool;

	(void)h;
	shim_contention_set(arg, 8);
	a->compacted += (long)zs_compact(a->zs);
	shim_contention_set(0, 0);
	return 0;
}

static struct shrinker *pool_shrinker(const struct zs_adapter *a)
{
	char name[64];
	struct shim_shrinker *s;

	snprintf(name, sizeof(name), "mm-zspool:%s", a->name);
	s = shim_shrinker_find(name);

	return s ? container_of(s, struct shrinker, shim) : NULL;
}

/* Reclaim asks the shrinker how much it could free: what zs_can_compact() says. */
static int zs_shrinker_count_run(void *pool, const struct af_handle *h, uint8_t arg)
{
	struct zs_adapter *a = pool;
	struct shrink_control sc = { .gfp_mask = GFP_KERNEL };
	struct shrinker *s = pool_shrinker(a);

	(void)h, (void)arg;
	if (s)
		zs_check_shrinker_count(a->zs, s->count_objects(s, &sc));
	return 0;
}

/* Reclaim runs the shrinker (do_shrink_slab()): zs_compact() for what it counted. */
static int zs_shrinker_scan_run(void *pool, const struct af_handle *h, uint8_t arg)
{
	struct zs_adapter *a = pool;
	struct shrinker *s = pool_shrinker(a);

	(void)h;
	if (!s)
		return 0;
	shim_contention_set(arg, 8);
	a->compacted += (long)shim6_shrink(s, GFP_KERNEL);
	shim_contention_set(0, 0);
	return 0;
}

/* The statistics and size queries a client reads (zram's mm_stat, its huge class, 6.12's recompression). */
static int zs_stats_run(void *pool, const struct af_handle *h, uint8_t arg)
{
	struct zs_adapter *a = pool;
	struct zs_pool_stats stats;

	(void)h;
	zs_pool_stats(a->zs, &stats);
	(void)zs_get_total_pages(a->zs);
	(void)zs_huge_class_size(a->zs);
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 12, 0)
	if (a->zpool)	/* zswap's pool size */
		(void)a->zpool->total_size(a->zs);
#else
	if (a->zpool)
		(void)a->zpool->total_pages(a->zs);
#endif
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
	zs_check_class_index(a->zs, (size_t)arg * 16 + 1,
			     zs_lookup_class_index(a->zs, (unsigned int)arg * 16 + 1));
#else
	(void)arg;
#endif
	return 0;
}

/* The task moves to CPU arg % NR_CPUS, if online: mappings use that CPU's area. */
static int zs_cpu_move(void *pool, const struct af_handle *h, uint8_t arg)
{
	(void)pool, (void)h;
	if (shim_cpu_online(arg % SHIM_NR_CPUS))
		shim_cpu_set(arg % SHIM_NR_CPUS);
	return 0;
}

/* CPU arg % NR_CPUS goes down and up: zs_cpu_dead() and zs_cpu_prepare() (which may be refused memory). */
static int zs_cpu_hotplug(void *pool, const struct af_handle *h, uint8_t arg)
{
	(void)pool, (void)h;
	shim_cpu_down(arg % SHIM_NR_CPUS);
	return shim_cpu_up(arg % SHIM_NR_CPUS);
}

#ifdef CONFIG_COMPACTION
/* The page of h's object the arg names: its own (0), its zspage's first (1), the next (2), the last (3). */
static struct page *object_page(struct zs_adapter *a, const struct af_handle *h, uint8_t arg)
{
	struct page *page = zs_handle_page(a->zs, handle_of(h), NULL), *next;
	struct zs_view_zspage z;

	zs_view_zspage((const void *)page_private(page), &z);
	switch (arg & 3) {
	case 1:
		return z.first_page;
	case 2:
		return !z.huge && page->index ? (struct page *)page->index : page;
	case 3:
		for (page = z.first_page; !z.huge && (next = (struct page *)page->index); page = next)
			;
		return page;
	default:
		return page;
	}
}

/* The migration mode arg >> 2 names, among the build's. */
static enum migrate_mode mode_of(uint8_t arg)
{
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 10, 0)
	return (enum migrate_mode)((arg >> 2) % (MIGRATE_SYNC_NO_COPY + 1));
#else
	return (enum migrate_mode)((arg >> 2) % (MIGRATE_SYNC + 1));
#endif
}

/* Where the new page comes from: compaction's own zone, or another (bit 4). */
static gfp_t target_gfp(uint8_t arg)
{
	return arg & 16 ? GFP_USER | __GFP_MOVABLE | __GFP_DMA32 : GFP_HIGHUSER_MOVABLE;
}

static void forget(struct page **list, unsigned int *n, unsigned int i)
{
	list[i] = list[--*n];
}

/*
 * migrate_pages() on an isolated page, retried as it retries -EAGAIN; on
 * failure the page stays isolated.  Only a refused new page is an error.
 */
static int migrate_isolated(struct zs_adapter *a, unsigned int i, uint8_t arg)
{
	int pass, rc = -EAGAIN;

	for (pass = 0; pass < 3 && rc == -EAGAIN; pass++)
		rc = shim6_migrate_movable_page(a->isolated[i], target_gfp(arg), mode_of(arg));
	if (rc == MIGRATEPAGE_SUCCESS)
		forget(a->isolated, &a->nr_isolated, i);
	return rc == -ENOMEM ? rc : 0;
}

/* Isolates the page (compaction's isolate_migratepages_block()); false if it cannot be now. */
static bool isolate(struct zs_adapter *a, struct page *page)
{
	if (a->nr_isolated == HELD_MAX || shim6_isolate_movable_page(page, 0))
		return false;
	a->isolated[a->nr_isolated++] = page;
	return true;
}

/* Compaction on the page of a slot's object: isolate, migrate, put back what would not move. */
static int zs_migrate(void *pool, const struct af_handle *h, uint8_t arg)
{
	struct zs_adapter *a = pool;
	struct page *page = object_page(a, h, arg);
	unsigned int i = a->nr_isolated;
	int ret;

	if (!isolate(a, page))
		return 0;
	ret = migrate_isolated(a, i, arg);
	if (i < a->nr_isolated && a->isolated[i] == page) {	/* it would not move */
		shim6_putback_movable_page(page);
		forget(a->isolated, &a->nr_isolated, i);
	}
	return ret;
}

/* Isolates the page of a slot's object and keeps it isolated across operations. */
static int zs_isolate(void *pool, const struct af_handle *h, uint8_t arg)
{
	struct zs_adapter *a = pool;

	isolate(a, object_page(a, h, arg));
	return 0;
}

/* Migrates isolated page arg % n (the mode and target from arg's other bits). */
static int zs_migrate_isolated(void *pool, const struct af_handle *h, uint8_t arg)
{
	struct zs_adapter *a = pool;

	(void)h;
	if (!a->nr_isolated)
		return 0;
	return migrate_isolated(a, (arg & 7) % a->nr_isolated, (uint8_t)(arg >> 3 << 2));
}

/* Puts isolated page arg % n back (putback_movable_pages()). */
static int zs_putback(void *pool, const struct af_handle *h, uint8_t arg)
{
	struct zs_adapter *a = pool;
	unsigned int i;

	(void)h;
	if (!a->nr_isolated)
		return 0;
	i = arg % a->nr_isolated;
	shim6_putback_movable_page(a->isolated[i]);
	forget(a->isolated, &a->nr_isolated, i);
	return 0;
}

static void putback_all(struct zs_adapter *a)
{
	while (a->nr_isolated)
		zs_putback(a, NULL, 0);
}

/* Another task (the migration core on another CPU) locks the page of a slot's object, and holds it. */
static int zs_lock_page(void *pool, const struct af_handle *h, uint8_t arg)
{
	struct zs_adapter *a = pool;
	struct page *page = object_page(a, h, arg);

	if (a->nr_locked < HELD_MAX && shim_page_lock_other(page))
		a->locked[a->nr_locked++] = page;
	return 0;
}

/* Drops the pages the other task no longer holds (a wait on one let it go). */
static void prune_locked(struct zs_adapter *a)
{
	unsigned int i;

	for (i = a->nr_locked; i-- > 0;)
		if (shim_page(a->locked[i])->lock_owner != SHIM_TASK_OTHER)
			forget(a->locked, &a->nr_locked, i);
}

static void release_locked(struct zs_adapter *a)
{
	prune_locked(a);
	while (a->nr_locked) {
		shim_page_unlock_other(a->locked[0]);
		forget(a->locked, &a->nr_locked, 0);
	}
}

static int zs_unlock_pages(void *pool, const struct af_handle *h, uint8_t arg)
{
	(void)h, (void)arg;
	release_locked(pool);
	return 0;
}

/* The kworker runs the deferred free (async_free_zspage()) queued when a zspage could not be locked. */
static int zs_run_works(void *pool, const struct af_handle *h, uint8_t arg)
{
	struct zs_adapter *a = pool;

	(void)h, (void)arg;
	if (shim_works_pending())
		zs_check_note_deferred_free(a->zs, a->empty_drift);
	shim_works_run();
	prune_locked(a);
	return 0;
}
#else
static void release_locked(struct zs_adapter *a)
{
	(void)a;
}

static void putback_all(struct zs_adapter *a)
{
	(void)a;
}
#endif

static const struct af_extra zs_extras[] = {
	{ "zs_map_object_rw", AF_EXTRA_SLOT, zs_map_rw },
	{ "zs_compact", AF_EXTRA_MOVES, zs_compact_run },
	{ "shrinker_count", 0, zs_shrinker_count_run },
	{ "shrinker_scan", AF_EXTRA_MOVES, zs_shrinker_scan_run },
	{ "zs_pool_stats", 0, zs_stats_run },
	{ "cpu_move", 0, zs_cpu_move },
	{ "cpu_hotplug", AF_EXTRA_MAY_FAIL, zs_cpu_hotplug },
#ifdef CONFIG_COMPACTION
	{ "migrate_page", AF_EXTRA_SLOT | AF_EXTRA_MOVES | AF_EXTRA_MAY_FAIL, zs_migrate },
	{ "isolate_page", AF_EXTRA_SLOT, zs_isolate },
	{ "migrate_isolated", AF_EXTRA_MOVES | AF_EXTRA_MAY_FAIL, zs_migrate_isolated },
	{ "putback_isolated", 0, zs_putback },
	{ "lock_page_other", AF_EXTRA_SLOT, zs_lock_page },
	{ "unlock_pages_other", 0, zs_unlock_pages },
	{ "run_deferred_work", 0, zs_run_works },
#endif
};

static void zs_check_pool(void *pool, const void *owner, enum check_mode mode)
{
	struct zs_adapter *a = pool;
	struct zs_check_ctx ctx = {
		.isolated = a->isolated,
		.nr_isolated = a->nr_isolated,
		.locked = a->locked,
		.pages_compacted = a->compacted,
		.in_flight = a->in_flight,
		.empty_drift = a->empty_drift,
	};

#ifdef CONFIG_COMPACTION
	prune_locked(a);
#endif
	ctx.nr_locked = a->nr_locked;
	zs_check(a->zs, owner, mode, &ctx);
}

_Static_assert(sizeof(struct zs_place) <= sizeof(struct af_place), "struct af_place is too small");

static void zs_place_before_malloc(void *pool, uint32_t size, struct af_place *st)
{
	zs_place_before(((struct zs_adapter *)pool)->zs, size, (struct zs_place *)st->word);
}

static void zs_place_after_malloc(void *pool, uint32_t size, const struct af_handle *h, int ret,
				  const struct af_place *st)
{
	if (!ret)
		zs_place_after(((struct zs_adapter *)pool)->zs, size, handle_of(h),
			       (const struct zs_place *)st->word);
}

/*
 * Asked after a malloc failed.  When another task's malloc ran inside it,
 * the room may be that one's, made after zs_malloc() looked and went for a
 * page of its own (it does not look again when the page is refused).
 */
static bool zs_could_serve_size(void *pool, uint32_t size)
{
	struct zs_adapter *a = pool;

	return !a->last_raced && zs_could_serve(a->zs, size);
}

static unsigned long zs_pages(void *pool, unsigned long *reserve)
{
	*reserve = 0;	/* an empty zspage goes back at once (or when the deferred free runs) */
	return zs_get_total_pages(((struct zs_adapter *)pool)->zs);
}

static void zs_space(void *pool, struct allocator_space *st)
{
	memset(st, 0, sizeof(*st));
	st->pages = zs_pages(pool, &st->reserve_pages);
}

static void zs_state_of(void *pool, struct allocator_state *st)
{
	zs_state(((struct zs_adapter *)pool)->zs, st);
}

static uint32_t zs_blocks(const struct af_handle *h)
{
	(void)h;
	return 1;
}

static const struct allocator zs_allocator = {
	.name = ALLOCATOR_BUILD,
	.min_size = 1,
	.max_size = PAGE_SIZE,
	.caller_gfp = GFP_POLICY_ZRAM,
	.create = zs_create,
	.destroy = zs_destroy,
	.malloc = zs_alloc,
	.free = zs_release,
	.map = zs_map_run,
	.unmap = zs_unmap_run,
	.total_bytes = zs_total_bytes,
	.read_stats = zs_read_stats,
	.extras = zs_extras,
	.extra_count = ARRAY_SIZE(zs_extras),
	.exit = zs_exit_module,
	.check = zs_check_pool,
	.place_before = zs_place_before_malloc,
	.place_after = zs_place_after_malloc,
	.could_serve = zs_could_serve_size,
	.header_bytes = ZS_VIEW_HANDLE_SIZE,
	.blocks = zs_blocks,
	.pages = zs_pages,
	.space = zs_space,
	.state = zs_state_of,
};
ALLOCATOR_REGISTER(zs_allocator)
