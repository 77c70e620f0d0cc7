/*
 * slab.c: kmalloc and kmem_cache on top of the C allocator (so ASan sees
 * every object with red zones), with every object tracked by cache and owner.
 * For MemorySanitizer an object is uninitialised unless kzalloc,
 * kmem_cache_zalloc or __GFP_ZERO asked for zeroes (SHIM_GFP_ZERO), and
 * again once freed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

static struct kmem_cache *caches;

static void check_gfp(struct shim_gfp gfp, const char *site)
{
	/* mm/slab.c: BUG_ON(flags & GFP_SLAB_BUG_MASK) */
	if (gfp.flags & SHIM_GFP_NOT_SLAB)
		shim_check_failed("shim.slab.bad-gfp",
				  "slab allocation with invalid gfp flags", site,
				  "slab allocation with gfp 0x%x (highmem, dma32 or unknown bits)",
				  gfp.mask);
	shim_might_sleep(gfp, site);
}

/* Allocates and registers one object; NULL if the fault plan says so. */
static void *object_alloc(size_t size, struct shim_gfp gfp, enum shim_kind kind,
			  const struct kmem_cache *cache, const char *site)
{
	void *obj;

	check_gfp(gfp, site);
	shim_table_lock();
	if (shim_fault_slab(gfp)) {
		shim_stats.slab_faults_injected++;
		shim_table_unlock();
		return NULL;
	}
	obj = malloc(size ? size : 1);
	if (!obj)
		abort();
	if (gfp.flags & SHIM_GFP_ZERO) {
		memset(obj, 0, size);
	} else {
		shim_inuse_fill(obj, size);
		shim_uninit(obj, size);
	}
	shim_record_add(obj, kind, cache, size, site);
	shim_stats.objects_live++;
	shim_stats.objects_allocated++;
	shim_table_unlock();
	return obj;
}

static unsigned long releases;	/* shim_object_releases() */

unsigned long shim_object_releases(void)
{
	return __atomic_load_n(&releases, __ATOMIC_ACQUIRE);
}

/* Unregisters and frees obj; called under shim_lock. */
static void object_release(struct shim_record *rec)
{
	void *obj = (void *)rec->key;

	__atomic_fetch_add(&releases, 1, __ATOMIC_RELEASE);
	shim_debug_objects_free(obj, rec->size, rec->site);
	shim_free_fill(obj, rec->size);
	shim_uninit(obj, rec->size);
	free(obj);
	shim_record_del(rec);
	shim_stats.objects_live--;
}

void *shim_kmalloc(size_t size, struct shim_gfp gfp, const char *site)
{
	return object_alloc(size, gfp, SHIM_KMALLOC, NULL, site);
}

void shim_kfree(const void *obj, const char *site)
{
	struct shim_record *rec;

	if (!obj)
		return;
	shim_table_lock();
	rec = shim_record_find(obj, SHIM_KMALLOC);
	if (!rec)
		shim_check_failed("shim.slab.free-invalid",
				  "free of an object that is not allocated", site,
				  "kfree of an object that kmalloc did not hand out or that is already free");
	object_release(rec);
	shim_stats.objects_freed++;
	shim_table_unlock();
}

/* kmem_cache_create() takes a mutex: it may sleep. */
static const struct shim_gfp may_sleep = { SHIM_GFP_MAY_SLEEP, 0 };

struct kmem_cache *shim_kmem_cache_create(const char *name, size_t size, unsigned long flags,
					  void (*ctor)(void *), bool copy_name, const char *site)
{
	struct kmem_cache *cache;

	(void)flags;
	if (ctor)
		shim_check_failed("shim.slab.ctor",
				  "cache constructors are not emulated", site,
				  "cache constructors are not emulated");
	shim_might_sleep(may_sleep, site);
	cache = calloc(1, sizeof(*cache));
	if (!cache || (copy_name && !(cache->name_copy = strdup(name))))
		abort();
	cache->name = copy_name ? cache->name_copy : name;
	cache->size = size;
	shim_table_lock();
	cache->next = caches;
	caches = cache;
	shim_record_add(cache, SHIM_CACHE, NULL, sizeof(*cache), site);
	shim_stats.caches_live++;
	shim_table_unlock();
	return cache;
}

void shim_kmem_cache_destroy(struct kmem_cache *cache, const char *site)
{
	struct kmem_cache **pp;
	struct shim_record *rec;

	shim_table_lock();
	rec = shim_record_find(cache, SHIM_CACHE);
	if (!rec)
		shim_check_failed("shim.slab.cache-invalid",
				  "use of a cache that does not exist", site,
				  "kmem_cache_destroy of a cache that does not exist");
	if (cache->objects)
		shim_check_failed("shim.slab.cache-busy",
				  "kmem_cache_destroy of a cache with objects", site,
				  "kmem_cache_destroy: slab cache %s still has %lu objects",
				  cache->name, cache->objects);
	shim_record_del(rec);
	for (pp = &caches; *pp != cache; pp = &(*pp)->next)
		;
	*pp = cache->next;
	free(cache->name_copy);
	free(cache);
	shim_stats.caches_live--;
	shim_table_unlock();
}

void *shim_kmem_cache_alloc(struct kmem_cache *cache, struct shim_gfp gfp, const char *site)
{
	bool exists;
	void *obj;

	shim_table_lock();
	exists = !shim_checks_on() || shim_record_find(cache, SHIM_CACHE) != NULL;
	shim_table_unlock();
	if (!exists)
		shim_check_failed("shim.slab.cache-invalid",
				  "use of a cache that does not exist", site,
				  "kmem_cache_alloc from a cache that does not exist");
	obj = object_alloc(cache->size, gfp, SHIM_CACHE_OBJ, cache, site);
	if (obj)
		__atomic_add_fetch(&cache->objects, 1, __ATOMIC_RELAXED);
	return obj;
}

void shim_kmem_cache_free(struct kmem_cache *cache, void *obj, const char *site)
{
	struct shim_record *rec;

	shim_table_lock();
	rec = shim_record_find(obj, SHIM_CACHE_OBJ);
	if (!rec)
		shim_check_failed("shim.slab.free-invalid",
				  "free of an object that is not allocated", site,
				  "kmem_cache_free of an object that is not allocated (double free?)");
	if (rec->cache != cache)
		shim_check_failed("shim.slab.cache-mismatch",
				  "kmem_cache_free to the wrong cache", site,
				  "kmem_cache_free to %s of an object of another cache",
				  cache->name);
	object_release(rec);
	cache->objects--;
	shim_stats.objects_freed++;
	shim_table_unlock();
}

bool shim_object_is_live(const void *obj, const struct kmem_cache *cache)
{
	struct shim_record *rec;

	shim_table_lock();
	rec = shim_record_find(obj, cache ? SHIM_CACHE_OBJ : SHIM_KMALLOC);
	shim_table_unlock();
	return rec && rec->cache == cache;
}

struct count_arg {
	const struct kmem_cache *cache;
	const void *owner;
	unsigned long n;
};

static void count_one(struct shim_record *rec, void *arg)
{
	struct count_arg *c = arg;

	if (rec->kind != (c->cache ? SHIM_CACHE_OBJ : SHIM_KMALLOC))
		return;
	if (rec->cache == c->cache && (!c->owner || rec->owner == c->owner))
		c->n++;
}

unsigned long shim_object_count(const struct kmem_cache *cache, const void *owner)
{
	struct count_arg c = { cache, owner, 0 };
	long n;

	shim_table_lock();
	n = shim_record_count(cache ? SHIM_CACHE_OBJ : SHIM_KMALLOC, cache, owner);
	if (n >= 0) {
		shim_table_unlock();
		return n;
	}
	shim_record_for_each(count_one, &c);
	shim_table_unlock();
	return c.n;
}

static void release_any(struct shim_record *rec, void *arg)
{
	(void)arg;
	if (rec->kind == SHIM_KMALLOC || rec->kind == SHIM_CACHE_OBJ)
		object_release(rec);
}

static void release_cache(struct shim_record *rec, void *arg)
{
	(void)arg;
	if (rec->kind == SHIM_CACHE) {
		free(((struct kmem_cache *)rec->key)->name_copy);
		free((void *)rec->key);
		shim_record_del(rec);
	}
}

void shim_slab_reset(void)
{
	shim_record_for_each(release_any, NULL);
	shim_record_for_each(release_cache, NULL);
	caches = NULL;
}

static void print_leak(struct shim_record *rec, void *arg)
{
	(void)arg;
	if (rec->kind == SHIM_KMALLOC)
		report_line("kmalloc object of %zu bytes allocated at %s", rec->size, rec->site);
	else if (rec->kind == SHIM_CACHE_OBJ)
		report_line("%s object allocated at %s", rec->cache->name, rec->site);
	else if (rec->kind == SHIM_CACHE)
		report_line("cache %s created at %s", ((const struct kmem_cache *)rec->key)->name,
			    rec->site);
}

void shim_slab_teardown(void)
{
	if (!shim_stats.objects_live && !shim_stats.caches_live)
		return;
	report_begin("BUG: shim.leak.slab: slab objects or caches still allocated at teardown");
	report_line("%lu object(s) and %lu cache(s):", shim_stats.objects_live,
		    shim_stats.caches_live);
	shim_record_for_each(print_leak, NULL);
	report_end();
}

struct kmem_cache *shim_cache_find(const char *name)
{
	struct kmem_cache *cache;

	shim_table_lock();
	for (cache = caches; cache && strcmp(cache->name, name); cache = cache->next)
		;
	shim_table_unlock();
	return cache;
}

char *shim_kvasprintf(struct shim_gfp gfp, const char *site, const char *fmt, va_list ap)
{
	va_list again;
	char *s;
	int n;

	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	if (n < 0 || !(s = shim_kmalloc((size_t)n + 1, gfp, site)))
		return NULL;
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

char *shim_kstrdup(const char *str, struct shim_gfp gfp, const char *site)
{
	size_t n;
	char *s;

	if (!str)
		return NULL;
	n = strlen(str) + 1;
	if ((s = shim_kmalloc(n, gfp, site)))
		memcpy(s, str, n);
	return s;
}
