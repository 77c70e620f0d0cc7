/*
 * allocfuzz/runtime.h: the shim's runtime as a kernel-generation profile sees
 * it (shim/linux-2.6, shim/linux-6): pages, kmaps, slab, spinlocks, BUG and
 * preemption, in the runtime's own terms.  A profile's linux headers map its
 * kernel's API and values onto these calls; allocator code never calls them
 * directly, and the runtime never includes a profile.
 */
#ifndef _ALLOCFUZZ_RUNTIME_H
#define _ALLOCFUZZ_RUNTIME_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <allocfuzz/compiler.h>

#define SHIM_PAGE_SHIFT	12
#define SHIM_PAGE_SIZE	(1UL << SHIM_PAGE_SHIFT)

/*
 * What a gfp mask asks of the runtime, whatever its generation's values: a
 * profile's shim_gfp() translates its own mask into these, and keeps the
 * mask itself for reports.
 */
#define SHIM_GFP_MAY_SLEEP	0x01u	/* 2.6.3x __GFP_WAIT, 6.x __GFP_DIRECT_RECLAIM */
#define SHIM_GFP_ZERO		0x02u
#define SHIM_GFP_NOFAIL		0x04u	/* never fails: fault injection leaves it alone */
#define SHIM_GFP_BAD_BITS	0x08u	/* bits the generation does not define */
#define SHIM_GFP_BAD_ZONE	0x10u	/* more than one zone modifier (GFP_ZONE_BAD) */
#define SHIM_GFP_NOT_SLAB	0x20u	/* what the slab allocator BUGs on (highmem, dma32, bad bits) */

struct shim_gfp {
	unsigned int flags;	/* SHIM_GFP_* */
	unsigned int mask;	/* the caller's mask, for reports */
};

/*
 * The runtime's record of a page.  A profile's struct page starts with one
 * and fits in SHIM_PAGE_BYTES; what follows it (the generation's own
 * fields) is zero when the page is handed out.
 */
struct shim_page {
	void *virtual;		/* the page's memory: SHIM_PAGE_SIZE, aligned */
	unsigned long id;	/* 1, 2, ... since the last shim_reset(): stable in reports */
	const void *owner;	/* shim_set_owner() tag at allocation time */
	const char *site;	/* file:line of the allocation */
	int map_count;		/* kmaps mapping it now */
	struct shim_page *prev, *next;			/* all live pages */
	struct shim_page *touched_prev, *touched_next;	/* kmapped since shim_touched_clear() */
	bool touched;
	unsigned long pfn;	/* its frame number while the record exists (shim_pfn_to_page) */
	unsigned long lock_owner;	/* the page lock (PG_locked): 0, a task (shim_task_id) or SHIM_TASK_OTHER */
	const char *lock_site;	/* where it was locked */
	bool free_filled;	/* freed and filled with POISON_FREE, not yet verified (page.c) */
};
#define SHIM_PAGE_BYTES	256

struct page;

static inline struct shim_page *shim_page(const struct page *page)
{
	return (struct shim_page *)page;
}

struct page *shim_alloc_page(struct shim_gfp gfp, const char *site);
void shim_free_page(struct page *page, const char *site);

/*
 * Page frame numbers, for code that packs a page into a word (zsmalloc's
 * handles): each page record has one for as long as it exists, below 2^40
 * (x86-64's MAX_POSSIBLE_PHYSMEM_BITS 52 less PAGE_SHIFT) and at the top of
 * that range, so a bit lost in an encoding decodes to no page.  Allocator
 * code decodes its own live pages only: a pfn of no page or of a free page
 * is reported (a stale or corrupt handle).
 */
#define SHIM_PFN_BITS	40
unsigned long shim_page_to_pfn(const struct page *page);
struct page *shim_pfn_to_page(unsigned long pfn, const char *site);

/* "Bad page state": a page freed or handled in a state the page allocator refuses. */
__noreturn void shim_bad_page(const struct page *page, const char *reason, const char *site);

/*
 * The page lock (PG_locked).  trylock never sleeps; lock and wait may (a
 * report in atomic context).  A lock held by this task is a deadlock to
 * wait on; one held for another task (shim_page_lock_other(), the harness
 * playing the migration core on another CPU) is released by that task
 * while this one waits, as it would be.  Unlocking an unlocked page is a BUG.
 */
#define SHIM_TASK_OTHER	(~0UL)
bool shim_page_trylock(struct page *page, const char *site);
void shim_page_lock(struct page *page, const char *site);
void shim_page_unlock(struct page *page, const char *site);
void shim_page_wait_unlocked(struct page *page, const char *site);
static inline bool shim_page_locked(const struct page *page)
{
	return __atomic_load_n(&shim_page(page)->lock_owner, __ATOMIC_ACQUIRE) != 0;
}

/* Per-zone page statistics (/proc/vmstat's zone counters): item indices are the profile's. */
#define SHIM_NR_ZONES	4
#define SHIM_NR_VMSTAT	8
void shim_vmstat_mod(unsigned int zone, unsigned int item, long delta);
/* A zone's identity, as page_zone() compares it: a distinct address per zone. */
const void *shim_zone(unsigned int zone);

/*
 * kmaps.  A page's memory is poisoned for AddressSanitizer unless some kmap
 * maps it; every kmap joins the page to the touched set.
 *   slots (2.6.3x kmap_atomic): nr named per-thread slots, one page each;
 *   local (6.x kmap_local_page): a per-thread stack, unmapped in reverse
 *   order; atomic additionally disables preemption (kmap_atomic on 6.x).
 * 2.6.3x atomic slots disable preemption too.
 */
void *shim_kmap_slot(struct page *page, unsigned int slot, unsigned int nr, const char *name,
		     const char *site);
void shim_kunmap_slot(const void *addr, unsigned int slot, unsigned int nr, const char *name,
		      const char *site);
#define SHIM_KMAP_LOCAL_MAX	16	/* KM_MAX_IDX: the stack's depth */
void *shim_kmap_local(struct page *page, bool atomic, const char *site);
void shim_kunmap_local(const void *addr, bool atomic, const char *site);

/* Slab: kmalloc and caches, each object a C heap object ASan guards. */
struct kmem_cache;
void *shim_kmalloc(size_t size, struct shim_gfp gfp, const char *site);
void shim_kfree(const void *obj, const char *site);
/* copy_name: the cache keeps its own copy of name (SLUB since 3.x), else the caller's pointer. */
struct kmem_cache *shim_kmem_cache_create(const char *name, size_t size, unsigned long flags,
					  void (*ctor)(void *), bool copy_name, const char *site);
void shim_kmem_cache_destroy(struct kmem_cache *cache, const char *site);
void *shim_kmem_cache_alloc(struct kmem_cache *cache, struct shim_gfp gfp, const char *site);
void shim_kmem_cache_free(struct kmem_cache *cache, void *obj, const char *site);

/*
 * Spinlocks with CONFIG_DEBUG_SPINLOCK's checks (a lock never initialised,
 * recursion, unlock of an unlocked lock, unlock by another owner); holding
 * one raises the preempt count.
 */
#define SHIM_SPINLOCK_MAGIC	0xdead4ead
struct shim_spinlock {
	unsigned int magic;		/* SHIM_SPINLOCK_MAGIC once initialised */
	int locked;			/* accessed with __atomic builtins */
	unsigned long owner;		/* shim thread id of the holder, 0 if none */
	const char *site;		/* where the holder took it, NULL if unlocked */
};
void shim_spin_lock_init(struct shim_spinlock *lock);
void shim_spin_lock(struct shim_spinlock *lock, const char *site);
void shim_spin_unlock(struct shim_spinlock *lock, const char *site);

/* Preemption, per thread as it is per CPU in the kernel. */
void shim_preempt_inc(void);
void shim_preempt_dec(void);
/* "sleeping function called from invalid context" if gfp may sleep here. */
void shim_might_sleep(struct shim_gfp gfp, const char *site);
/* A task that may sleep here (cond_resched(), lock_page(), a work): the same check. */
void shim_sleep_point(const char *site);
/* migrate_disable(): the task stays on its CPU, yet stays preemptible. */
void shim_migrate_disable(void);
void shim_migrate_enable(const char *site);
/* pagefault_disable(): a count of its own; unbalanced enables are a BUG. */
void shim_pagefault_disable(void);
void shim_pagefault_enable(const char *site);
/* This thread's task id: 1, 2, ... (lock owners). */
unsigned long shim_task_id(void);

/*
 * CPUs: SHIM_NR_CPUS possible CPUs, each thread runs on one (CPU 0 at
 * first; the harness moves it, only while it is preemptible).  The checked
 * form is smp_processor_id() under CONFIG_DEBUG_PREEMPT: asked while the
 * task could be preempted and moved, it is a BUG.
 */
#define SHIM_NR_CPUS	2
unsigned int shim_cpu_raw(void);
unsigned int shim_cpu_checked(const char *site);
bool shim_cpu_online(unsigned int cpu);

/*
 * Per-CPU variables: each one registers its template (the variable the
 * source defines) and gets a separate heap copy per CPU, made from the
 * template at each shim_reset(), so AddressSanitizer sees an overflow out
 * of one variable; shim_percpu_ptr() maps a pointer into a template (the
 * variable or one of its members) to that CPU's copy.
 */
void shim_percpu_register(void *tmpl, size_t size, const char *name);
void *shim_percpu_ptr(const void *ptr, unsigned int cpu, const char *site);

/*
 * CPU hotplug states (cpuhp_setup_state): startup runs for every online
 * CPU, in process context; if one fails, teardown runs on those done, the
 * state is forgotten and the error returned.  Removing a state runs
 * teardown on every online CPU.
 */
int shim_cpuhp_setup(int state, const char *name, int (*startup)(unsigned int cpu),
		     int (*teardown)(unsigned int cpu), const char *site);
void shim_cpuhp_remove(int state, const char *site);

/*
 * rwlock_t with the checks a debug kernel makes: never initialised, unlock
 * of a lock not held so, and (one task alone could never get past it) a
 * write lock wanted by a task that holds it, or a read lock wanted by its
 * writer.  Each hold raises the preempt count.
 */
#define SHIM_RWLOCK_MAGIC	0xdeaf1eed
struct shim_rwlock {
	unsigned int magic;
	int readers;			/* __atomic builtins */
	unsigned long writer;		/* task id of the writer, 0 if none */
	const char *site;		/* where the last holder took it */
};
void shim_rwlock_init(struct shim_rwlock *lock);
void shim_read_lock(struct shim_rwlock *lock, const char *site);
void shim_read_unlock(struct shim_rwlock *lock, const char *site);
void shim_write_lock(struct shim_rwlock *lock, const char *site);
void shim_write_unlock(struct shim_rwlock *lock, const char *site);
bool shim_rwlock_held(const struct shim_rwlock *lock);

/*
 * local_lock_t (!PREEMPT_RT, CONFIG_DEBUG_LOCK_ALLOC): the caller disabled
 * preemption; taking this CPU's instance again before releasing it is
 * recursion, releasing one another task holds is a BUG.
 */
struct shim_local_lock {
	unsigned long owner;		/* task id, 0 if free */
	const char *site;
};
void shim_local_lock_acquire(struct shim_local_lock *lock, const char *site);
void shim_local_lock_release(struct shim_local_lock *lock, const char *site);

/* Locks this task holds now (spinlocks, rwlocks, local locks), for the checkers' "at rest". */
unsigned int shim_locks_held(void);

/*
 * spin_is_contended() and rwlock_is_contended(): whether another CPU waits.
 * One task alone never makes it true, so the harness says (shim.h's
 * shim_contention_set()); each question takes the next answer.
 */
bool shim_lock_contended(const char *site);

/*
 * Deferred work (workqueue.h): a work is queued once (queueing a pending
 * one does nothing and returns false), runs later in process context when
 * the harness says (shim.h's shim_works_run()) or when flushed, and is
 * marked not pending before it runs.  Freeing memory that holds a pending
 * work is a BUG (debugobjects).
 */
struct shim_work {
	struct shim_work *next;		/* pending works, oldest first */
	void (*run)(struct shim_work *work);	/* the profile's trampoline to its callback */
	const char *site;		/* where it was queued */
	bool pending;
};
void shim_work_init(struct shim_work *work, void (*run)(struct shim_work *work));
bool shim_work_queue(struct shim_work *work, const char *site);
bool shim_work_flush(struct shim_work *work, const char *site);

/*
 * Shrinkers: named, registered once, unregistered once (unregistering one
 * never registered, a zeroed one, does nothing, as vmscan.c checks; it
 * drops the name either way); freeing memory that holds a registered one
 * is a BUG.  The harness reaches them by name (shim.h); calling them is the
 * profile's (its struct shrinker).
 */
struct shim_shrinker {
	struct shim_shrinker *next;	/* registered ones */
	char *name;			/* CONFIG_SHRINKER_DEBUG's name, the runtime's copy */
	bool registered;
};
__printf(2, 0) void shim_shrinker_name(struct shim_shrinker *s, const char *fmt, va_list ap);
void shim_shrinker_register(struct shim_shrinker *s, const char *site);
void shim_shrinker_unregister(struct shim_shrinker *s, const char *site);

/*
 * Modules: module_init()/module_exit() register their functions at start-up;
 * the harness loads (init) and unloads (exit) a module by name, as modprobe
 * or the built-in initcalls would (shim.h).
 */
void shim_module_register(const char *name, int (*init)(void), void (*exit)(void));

/* printk with its level's prefix; kasprintf and kstrdup on kmalloc. */
__printf(2, 3) void shim_printk(const char *level, const char *fmt, ...);
__printf(3, 0) char *shim_kvasprintf(struct shim_gfp gfp, const char *site, const char *fmt,
				     va_list ap);
char *shim_kstrdup(const char *s, struct shim_gfp gfp, const char *site);

/* BUG()/BUG_ON(), and __ffs(0), which the kernel leaves undefined. */
__noreturn void shim_bug(const char *file, int line, const char *cond);
__noreturn void shim_ffs_zero(const char *file, int line);

#endif
