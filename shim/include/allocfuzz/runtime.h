/*
 * allocfuzz/runtime.h: the shim's runtime as a kernel-generation profile sees
 * it (shim/linux-2.6, shim/linux-6): pages, kmaps, slab, spinlocks, BUG and
 * preemption, in the runtime's own terms.  A profile's linux headers map its
 * kernel's API and values onto these calls; allocator code never calls them
 * directly, and the runtime never includes a profile.
 */
#ifndef _ALLOCFUZZ_RUNTIME_H
#define _ALLOCFUZZ_RUNTIME_H

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

/* BUG()/BUG_ON(), and __ffs(0), which the kernel leaves undefined. */
__noreturn void shim_bug(const char *file, int line, const char *cond);
__noreturn void shim_ffs_zero(const char *file, int line);

#endif
