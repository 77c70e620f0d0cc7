/* internal.h: state shared by the shim's source files; not for allocator code. */
#ifndef _SHIM_INTERNAL_H
#define _SHIM_INTERNAL_H

#include <pthread.h>
#include <allocfuzz/report.h>
#include <allocfuzz/sanitizer.h>
#include <allocfuzz/shim.h>

extern unsigned int shim_off;		/* SHIM_OFF_*: the bench's cost table only */

#define shim_poison(addr, size)		\
	((shim_off & SHIM_OFF_POISON) ? (void)0 : san_poison((addr), (size)))
#define shim_unpoison(addr, size)	\
	((shim_off & SHIM_OFF_POISON) ? (void)0 : san_unpoison((addr), (size)))

/*
 * MemorySanitizer: shim_uninit(addr, size) marks bytes as never written, as
 * the kernel leaves them: a page from alloc_page() without __GFP_ZERO, an
 * object from kmalloc() or kmem_cache_alloc(), and memory once it is freed.
 * The poison bytes stay (the pattern is for builds without MSan); under MSan
 * a branch, index or pointer that depends on them is then reported, with
 * the stack of the shim call that left them so (the allocation or the free)
 * as origin. shim_written(addr, size) marks bytes as written: only for the
 * copies shim_snapshot() makes. Without MSan both do nothing.
 */
#define shim_uninit(addr, size)		san_uninit((addr), (size))
#define shim_written(addr, size)	san_written((addr), (size))

/* SLAB's poison bytes: fresh memory that was not zeroed, and freed memory. */
#define POISON_INUSE	0x5a
#define POISON_FREE	0x6b

/* Fresh memory that was not zeroed gets POISON_INUSE, as SLAB_POISON would. */
#define shim_inuse_fill(addr, size)	\
	((shim_off & SHIM_OFF_CHECKS) ? (void)0 : (void)memset((addr), POISON_INUSE, (size)))
/* A lookup that only checks (the operation does not need its record). */
#define shim_checks_on()		(!(shim_off & SHIM_OFF_CHECKS))

/*
 * Freed memory gets POISON_FREE where a stale read could see it; under ASan
 * any access to it is a report at the access, so nobody sees the bytes and
 * the fill is skipped (it was a third of xcfmalloc's input setup).
 */
#ifdef SAN_ASAN
#define shim_free_fill(addr, size)	((void)(addr), (void)(size))
#else
#define shim_free_fill(addr, size)	\
	((shim_off & SHIM_OFF_CHECKS) ? (void)0 : (void)memset((addr), POISON_FREE, (size)))
#endif

/* Everything the shim hands out is a record in one table keyed by address. */
enum shim_kind {
	SHIM_PAGE,		/* key: struct page * */
	SHIM_KMALLOC,		/* key: object */
	SHIM_CACHE_OBJ,		/* key: object */
	SHIM_CACHE,		/* key: struct kmem_cache * */
};

struct shim_record {
	const void *key;
	enum shim_kind kind;
	const struct kmem_cache *cache;	/* SHIM_CACHE_OBJ only */
	const void *owner;
	const char *site;
	size_t size;
	struct shim_record *next;	/* hash chain */
	struct shim_record *all_prev, *all_next;	/* every live record */
};

struct kmem_cache {
	const char *name;
	char *name_copy;		/* name, when the profile's slab copies it */
	size_t size;
	unsigned long objects;		/* live objects */
	struct kmem_cache *next;	/* live caches, for lookup by name */
};

extern pthread_mutex_t shim_lock;	/* guards the table, page lists, counters */

/*
 * shim_lock is taken only once a target said it drives the shim from several
 * threads (shim_set_threaded(), one way, before its threads start): an
 * uncontended lock was 6% of an input.  Until then the first thread to use
 * the shim owns it, and another thread using it is a BUG, never a quiet race.
 */
extern bool shim_threaded;
extern _Thread_local bool shim_table_owner;
void shim_claim_table(void);

static inline void shim_table_lock(void)
{
	if (shim_threaded)
		pthread_mutex_lock(&shim_lock);
	else if (!shim_table_owner)
		shim_claim_table();
}

static inline void shim_table_unlock(void)
{
	if (shim_threaded)
		pthread_mutex_unlock(&shim_lock);
}
extern struct shim_stats shim_stats;

struct shim_record *shim_record_add(const void *key, enum shim_kind kind,
				    const struct kmem_cache *cache, size_t size,
				    const char *site);
struct shim_record *shim_record_find(const void *key, enum shim_kind kind);
void shim_record_del(struct shim_record *rec);
/* Calls fn on every record (under shim_lock); fn may delete the record. */
void shim_record_for_each(void (*fn)(struct shim_record *rec, void *arg), void *arg);
/*
 * Live records per (kind, cache, owner), kept as they come and go, so the
 * checkers' counts cost O(1); -1 if the small table overflowed (then walk).
 */
long shim_record_count(enum shim_kind kind, const struct kmem_cache *cache,
		       const void *owner);
void shim_records_reset(void);

const void *shim_current_owner(void);
/* "sleeping function called from invalid context" if gfp may sleep here. */
void shim_preemption_point(void);	/* runs the preempt hook if armed and allowed */
/* True if this allocation must fail by the fault plan. */
bool shim_fault_page(struct shim_gfp gfp);
bool shim_fault_slab(struct shim_gfp gfp);
void shim_fault_reset(void);

/* The locks this task holds (lock.c), for the at-rest count and teardown. */
void shim_held_add(const void *lock, const char *site);
void shim_held_del(const void *lock);
/* debugobjects: a BUG if [obj, obj + size) holds a pending work or a registered shrinker. */
void shim_debug_objects_free(const void *obj, size_t size, const char *site);

void shim_cpu_reset(void);
void shim_sched_reset(void);
void shim_locks_reset(void);
/* Where this task took the oldest lock it holds, or NULL. */
const char *shim_held_first_site(void);
void shim_contention_reset(void);
void shim_works_reset(void);
void shim_works_teardown(void);
void shim_modules_reset(void);
void shim_vmstat_reset(void);
void shim_page_locks_teardown(void);
void shim_pages_reset(void);
void shim_pages_teardown(void);
void shim_slab_reset(void);
void shim_slab_teardown(void);
void shim_kmap_teardown(void);

#endif
