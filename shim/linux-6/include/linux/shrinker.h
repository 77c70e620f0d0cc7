/*
 * linux/shrinker.h: shrinkers, in each generation's API.
 *   until 6.7: struct shrinker embedded in its owner; register_shrinker(s,
 *     fmt, ...) and unregister_shrinker(s), a no-op on one never registered
 *     (zeroed), which zs_create_pool's error path relies on.
 *   6.7 on: shrinker_alloc(flags, fmt, ...) (zeroed, DEFAULT_SEEKS; NULL
 *     when refused), shrinker_register(s), shrinker_free(s) (NULL: no-op);
 *     the owner finds itself through private_data.
 * The runtime keeps them registered by name; shim6_shrink() is reclaim's
 * do_shrink_slab() on one, for the harness.
 */
#ifndef _SHIM6_LINUX_SHRINKER_H
#define _SHIM6_LINUX_SHRINKER_H

#include <stdarg.h>
#include <linux/compiler.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/types.h>
#include <linux/version.h>
#include <allocfuzz/runtime.h>

struct mem_cgroup;

struct shrink_control {
	gfp_t gfp_mask;
	int nid;
	unsigned long nr_to_scan;
	unsigned long nr_scanned;
	struct mem_cgroup *memcg;
};

#define SHRINK_STOP	(~0UL)
#define SHRINK_EMPTY	(~0UL - 1)
#define DEFAULT_SEEKS	2
#define SHRINK_BATCH	128	/* mm/vmscan.c: a batch when the shrinker names none */

struct shrinker {
	unsigned long (*count_objects)(struct shrinker *, struct shrink_control *sc);
	unsigned long (*scan_objects)(struct shrinker *, struct shrink_control *sc);
	long batch;
	int seeks;
	unsigned int flags;
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 7, 0)
	void *private_data;
#endif
	struct shim_shrinker shim;	/* the runtime's: registered, its name */
};

#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 7, 0)
static inline __printf(3, 4) int shim6_register_shrinker(const char *site, struct shrinker *s,
							  const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	shim_shrinker_name(&s->shim, fmt, ap);
	va_end(ap);
	shim_shrinker_register(&s->shim, site);
	return 0;
}
#define register_shrinker(s, fmt, ...)	shim6_register_shrinker(SHIM_SITE, (s), fmt, ##__VA_ARGS__)
#define unregister_shrinker(s)		shim_shrinker_unregister(&(s)->shim, SHIM_SITE)
#else
static inline __printf(3, 4) struct shrinker *shim6_shrinker_alloc(const char *site, unsigned int flags,
								   const char *fmt, ...)
{
	struct shrinker *s = shim_kmalloc(sizeof(*s), shim_gfp(GFP_KERNEL | __GFP_ZERO), site);
	va_list ap;

	if (!s)
		return NULL;
	s->flags = flags;
	s->seeks = DEFAULT_SEEKS;
	va_start(ap, fmt);
	shim_shrinker_name(&s->shim, fmt, ap);
	va_end(ap);
	return s;
}

static inline void shim6_shrinker_free(struct shrinker *s, const char *site)
{
	if (!s)
		return;
	shim_shrinker_unregister(&s->shim, site);
	shim_kfree(s, site);
}
#define shrinker_alloc(flags, fmt, ...)	shim6_shrinker_alloc(SHIM_SITE, (flags), fmt, ##__VA_ARGS__)
#define shrinker_register(s)		shim_shrinker_register(&(s)->shim, SHIM_SITE)
#define shrinker_free(s)		shim6_shrinker_free((s), SHIM_SITE)
#endif

/* do_shrink_slab() at the highest reclaim priority: count, then scan in batches until STOP. */
static inline unsigned long shim6_shrink(struct shrinker *s, gfp_t gfp)
{
	struct shrink_control sc = { .gfp_mask = gfp };
	unsigned long batch = s->batch ? (unsigned long)s->batch : SHRINK_BATCH;
	unsigned long freeable, total, freed = 0, ret;

	freeable = s->count_objects(s, &sc);
	if (!freeable || freeable == SHRINK_EMPTY)
		return 0;
	total = freeable;
	while (total >= batch || total >= freeable) {
		sc.nr_to_scan = min(batch, total);
		sc.nr_scanned = sc.nr_to_scan;
		ret = s->scan_objects(s, &sc);
		if (ret == SHRINK_STOP)
			break;
		freed += ret;
		total -= min(total, sc.nr_scanned);
		if (!total)
			break;
	}
	return freed;
}

#endif
