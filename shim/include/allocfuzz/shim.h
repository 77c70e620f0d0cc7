/*
 * allocfuzz/shim.h: the harness's view of the kernel shim: reset and
 * teardown (with leak reports), ownership and iteration for the invariant
 * checkers, pages touched since a point, counters and fault injection.
 */
#ifndef _ALLOCFUZZ_SHIM_H
#define _ALLOCFUZZ_SHIM_H

#include <stdint.h>
#include <allocfuzz/runtime.h>

/* Counters, as /proc/vmstat and slabinfo would show them. */
struct shim_stats {
	unsigned long pages_live;
	unsigned long pages_allocated;	/* successful alloc_page calls */
	unsigned long pages_freed;
	unsigned long page_faults_injected;
	unsigned long objects_live;	/* kmalloc + kmem_cache objects */
	unsigned long objects_allocated;
	unsigned long objects_freed;
	unsigned long slab_faults_injected;
	unsigned long caches_live;
	unsigned long kmaps;
};

/*
 * Fault injection: the next fail_pages page allocations fail, the next
 * fail_slab kmalloc/kmem_cache allocations fail, and after those each
 * allocation fails with probability per_65536 / 65536, drawn from a PRNG
 * seeded with seed.  __GFP_NOFAIL allocations never fail.
 */
struct shim_fault_plan {
	unsigned int fail_pages;
	unsigned int fail_slab;
	unsigned int per_65536;
	uint64_t seed;
};

/* Frees everything without reports and zeroes all state and counters. */
void shim_reset(void);
/*
 * Reports (and aborts on) what is still live: pages, objects, caches, mapped
 * kmap slots, a raised preempt, pagefault or migrate-disable count, a lock
 * held, a page locked, a work pending, a shrinker registered.  Returns
 * quietly when all is clean.
 */
void shim_teardown(void);

/*
 * Call before a second thread uses the shim (one way): from then on its
 * bookkeeping takes a lock.  Without it, a second thread's use is a BUG.
 */
void shim_set_threaded(void);

/*
 * For the bench's cost table only, never for fuzzing: oracles switched off,
 * once, before the shim's first use.  SHIM_OFF_POISON: page memory is never
 * poisoned for ASan (a stale kmap or freed-page access goes unseen);
 * SHIM_OFF_CHECKS: no poison fills of fresh memory and no lookups that only
 * check (a page's liveness at kmap and free, a cache's at allocation).
 */
#define SHIM_OFF_POISON	1u
#define SHIM_OFF_CHECKS	2u
void shim_set_off(unsigned int off);

/* Tag recorded as the owner of allocations made from now on (per thread). */
void shim_set_owner(const void *owner);

void shim_fault_set(const struct shim_fault_plan *plan);
void shim_get_stats(struct shim_stats *stats);

/* Iteration over live pages of one owner (NULL: all); start with prev NULL. */
struct page *shim_page_next(struct page *prev, const void *owner);
unsigned long shim_page_count(const void *owner);
/* Counts page allocations and frees, never reset: equal values, no page came or went. */
unsigned long shim_page_generation(void);
/* True if page is a live page (safe on any pointer value). */
bool shim_page_is_live(const struct page *page);
/* A live page's number in reports, and the owner tag it was allocated under. */
static inline unsigned long shim_page_id(const struct page *page)
{
	return shim_page(page)->id;
}

static inline const void *shim_page_owner(const struct page *page)
{
	return shim_page(page)->owner;
}

/* Pages kmapped since the last shim_touched_clear() (freed ones drop out). */
struct page *shim_touched_next(struct page *prev, const void *owner);
void shim_touched_clear(void);

/* True if obj is a live object of cache (safe on any pointer value). */
bool shim_object_is_live(const void *obj, const struct kmem_cache *cache);
/*
 * Changes whenever a slab object stops being live (never reset): while it
 * stays the same, an object shim_object_is_live() found live still is.
 */
unsigned long shim_object_releases(void);
/* Live objects of cache (NULL: kmalloc objects) made under owner (NULL: any). */
unsigned long shim_object_count(const struct kmem_cache *cache,
				const void *owner);

/* The live cache created with this name, or NULL. */
struct kmem_cache *shim_cache_find(const char *name);

/*
 * Copies n bytes of memory the allocator owns as they are, written or not,
 * for a checker's snapshot or a test of the poison bytes: only the copy is
 * marked initialised for MemorySanitizer, src keeps its state, so the
 * allocator's own uses of bytes it never wrote are still reported.
 */
void shim_snapshot(void *dst, const void *src, size_t n);

/* Current preempt count of this thread (spinlocks held + kmaps). */
int shim_preempt_count(void);
/* This thread's pagefault_disable() and migrate_disable() depths. */
int shim_pagefault_disabled(void);
int shim_migrate_disabled(void);

/* The machine the 6.x profile's code runs on: CPUs, hotplug, contention, deferred work. */

/* Moves this thread to cpu (online); a BUG unless the thread is preemptible. */
void shim_cpu_set(unsigned int cpu);
/*
 * CPU hotplug, as the harness drives it: down runs every hotplug state's
 * teardown for cpu, up every startup (an error rolls back and leaves the
 * CPU down).  The last online CPU stays up; a thread on a CPU going down
 * moves to another.  0 or the failing callback's error.
 */
int shim_cpu_down(unsigned int cpu);
int shim_cpu_up(unsigned int cpu);

/* The next nbits answers of spin_is_contended()/rwlock_is_contended(), lowest bit first; then "no". */
void shim_contention_set(unsigned long bits, unsigned int nbits);

/* Runs the pending works, oldest first, in process context; returns how many ran. */
unsigned int shim_works_run(void);
unsigned int shim_works_pending(void);

/* The registered shrinker called name, or NULL. */
struct shim_shrinker *shim_shrinker_find(const char *name);

/* Loads a module (runs its init; its error, or 0), unloads it (runs its exit). */
int shim_module_load(const char *name);
void shim_module_unload(const char *name);
bool shim_module_loaded(const char *name);

/*
 * Page locks another task holds (the migration core on another CPU): the
 * allocator's trylock fails on them, and a wait on one lets that task
 * finish and unlock.  false if the page was locked already.
 */
bool shim_page_lock_other(struct page *page);
void shim_page_unlock_other(struct page *page);

/* A zone's page statistic (the profile's item index). */
long shim_vmstat_read(unsigned int zone, unsigned int item);

/*
 * Runs fn(arg) once, at this thread's next page allocation made with no
 * spinlock held and nothing kmapped: where another task could run before the
 * allocation returns.  NULL disarms it.
 */
void shim_set_preempt_hook(void (*fn)(void *), void *arg);

#endif
