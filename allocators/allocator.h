/*
 * allocator.h: the one interface between the harness and an allocator.  An
 * adapter (allocators/<name>/adapter.c) binds the allocator's own API and its
 * oracles to it; the harness, the shadow model, the fuzz targets and the
 * bench see nothing else of an allocator.  It is profile-free: no kernel
 * header, gfp masks as gfp_policy.h's indices, handles opaque.  Each adapter
 * is built once per variant of its allocator, so a binary links one of each.
 * What an adapter leaves NULL, the allocator does not have.
 */
#ifndef _ALLOCFUZZ_ALLOCATOR_H
#define _ALLOCFUZZ_ALLOCATOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "gfp_policy.h"

/* How much the invariant checker looks at after an operation. */
enum check_mode {
	CHECK_NONE,		/* no invariant checks */
	CHECK_INCREMENTAL,	/* pool-wide counters and lists, pages touched since the last clear */
	CHECK_FULL,		/* everything, every page */
};

/* One allocation, as the allocator named it; only its adapter reads the words. */
struct af_handle {
	uintptr_t word[2];
};

/* How a mapping is used: read-only, or written whole (its bytes before are undefined). */
enum af_access {
	AF_READ,
	AF_WRITE,
};

/*
 * An operation of the allocator's own beyond malloc and free (compaction, a
 * shrinker, migration, deferred work, statistics), declared by its adapter
 * and driven by the input format's "extra" operation: which = an index into
 * the adapter's extras, modulo their count; arg = the operand byte.
 */
#define AF_EXTRA_SLOT		1u	/* acts on one allocation: h is the slot's handle, never NULL */
#define AF_EXTRA_MAY_FAIL	2u	/* may fail (non-zero), but only when the shim refused an allocation */
#define AF_EXTRA_MOVES		4u	/* may move allocations: the model reads every live one after it */
struct af_extra {
	const char *name;
	unsigned int flags;	/* AF_EXTRA_* */
	/* 0 on success, else the allocator's failure */
	int (*run)(void *pool, const struct af_handle *h, uint8_t arg);
};

/* The pool's space, as the allocator counts it (the space bench's figures). */
struct allocator_space {
	unsigned long pages;		/* pages with allocations or free blocks (reserve excluded) */
	unsigned long reserve_pages;	/* wholly free pages kept for later (xcfmalloc) */
	unsigned long descs;		/* block descriptors, slab objects (xcfmalloc), reserve's excluded */
	unsigned long reserve_descs;	/* descriptors of the reserve pages */
	unsigned long desc_size;	/* bytes per descriptor */
	unsigned long pool_bytes;	/* the pool structure itself (kmalloc) */
};

/* What a placement oracle notes before one malloc, for its check after it. */
struct af_place {
	unsigned long word[160];
};

/*
 * A generic summary of a pool's state, for the state probe
 * (fuzzers/state_probe.c): an adapter fills what it can and says so in has.
 * pages (without the reserve) is always there.
 */
enum allocator_state_has {
	ALLOC_STATE_RESERVE = 1 << 0,		/* reserve, reserve_max */
	ALLOC_STATE_FREE_BYTES = 1 << 1,	/* free_bytes */
	ALLOC_STATE_LARGEST_FREE = 1 << 2,	/* largest_free */
	ALLOC_STATE_LISTS = 1 << 3,		/* lists, nonempty_lists */
};

struct allocator_state {
	unsigned int has;		/* ALLOC_STATE_* */
	unsigned long pages;		/* pages with allocations or free blocks */
	unsigned long reserve, reserve_max;	/* wholly free pages kept, and the most kept */
	unsigned long free_bytes;	/* bytes of the free blocks outside the reserve */
	unsigned long largest_free;	/* the size class (bytes) of the largest free block; 0: none */
	unsigned int lists, nonempty_lists;	/* freelists, and those that hold a block */
};

struct allocator {
	const char *name;
	uint32_t min_size;		/* smallest size the API promises to serve */
	uint32_t max_size;		/* largest size the API promises to serve */
	enum gfp_policy caller_gfp;	/* what the allocator's own caller passed */

	/* The API.  create fails (NULL), and malloc fails, only when the shim refused an allocation. */
	void *(*create)(enum gfp_policy gfp);
	void (*destroy)(void *pool);
	/* 0 on success, else the allocator's failure (-ENOMEM) */
	int (*malloc)(void *pool, uint32_t size, enum gfp_policy gfp, struct af_handle *h);
	void (*free)(void *pool, const struct af_handle *h);
	/*
	 * The bytes of an allocation of size bytes, through the allocator's own
	 * access path: a map/unmap pair where it has one (af_copy_in() copies
	 * inside it), else copies of the whole allocation in and out.
	 */
	void *(*map)(void *pool, const struct af_handle *h, uint32_t size, enum af_access how);
	void (*unmap)(void *pool, const struct af_handle *h, void *addr, enum af_access how);
	void (*write)(void *pool, const struct af_handle *h, const uint8_t *buf, uint32_t size);
	void (*read)(void *pool, const struct af_handle *h, uint8_t *buf, uint32_t size);
	uint32_t (*get_size)(void *pool, const struct af_handle *h);
	uint64_t (*total_bytes)(void *pool);
	/* The other public statistics, read as a client reads them. */
	void (*read_stats)(void *pool);
	const struct af_extra *extras;
	unsigned int extra_count;
	void (*exit)(void);	/* module exit, between inputs */

	/* The allocator's oracles (allocators/<name>/oracles/). */
	void (*check)(void *pool, const void *owner, enum check_mode mode);
	/*
	 * The placement oracle, around every malloc while checks are on: before
	 * notes what the allocator's stated search promises for size, after
	 * checks the malloc's ret and h against it; a violation is reported and
	 * aborts.  st is the caller's, per call.
	 */
	void (*place_before)(void *pool, uint32_t size, struct af_place *st);
	void (*place_after)(void *pool, uint32_t size, const struct af_handle *h, int ret,
			    const struct af_place *st);
	/* True if the pool's free blocks hold size without a new page: a malloc must not fail then. */
	bool (*could_serve)(void *pool, uint32_t size);

	/* For the state probe and the space bench, off the checks' path. */
	uint32_t header_bytes;	/* bytes of header per block, inside the pages */
	/* Blocks h spans: 1, or 2 for an xcfmalloc scatter-gather allocation. */
	uint32_t (*blocks)(const struct af_handle *h);
	/* Cheap, for peaks after every operation: pages and reserve pages. */
	unsigned long (*pages)(void *pool, unsigned long *reserve);
	void (*space)(void *pool, struct allocator_space *st);
	/* Cheap, after every operation for the state probe: the summary above. */
	void (*state)(void *pool, struct allocator_state *st);
};

/*
 * The registry: every adapter linked into a binary registers itself from a
 * constructor (ALLOCATOR_REGISTER), so a fuzz target runs the allocators it
 * was linked with and names none.  rank: the allocator's place in
 * allocators/allocators.bzl (the build passes it as ALLOCATOR_RANK).
 */
#define ALLOCATORS_MAX	8
void allocator_register(const struct allocator *a, int rank);
/* The allocators linked in, in rank order; returns how many. */
unsigned int allocators_linked(const struct allocator *const **list);
/* The linked allocator called name (or a build of it, "name-<build>"), or NULL. */
const struct allocator *allocator_find(const char *name);

#define ALLOCATOR_REGISTER(a)						\
	__attribute__((constructor)) static void register_##a(void)	\
	{								\
		allocator_register(&(a), ALLOCATOR_RANK);		\
	}

/*
 * Size classes, for the mutator's size edges (fuzzers/size_edges.c): an
 * allocator's size_class.c registers the class a request of size bytes
 * falls in (-1: refused), from its headers alone, so the mutator links no
 * allocator code.
 */
void size_class_register(long (*class_of)(uint32_t size));
unsigned int size_classes_linked(long (*const **list)(uint32_t size));

#define SIZE_CLASS_REGISTER(fn)						\
	__attribute__((constructor)) static void register_##fn(void)	\
	{								\
		size_class_register(fn);				\
	}

/* Copies size bytes of buf into the allocation h, through the allocator's access path. */
static inline void af_copy_in(const struct allocator *a, void *pool, const struct af_handle *h,
			      const uint8_t *buf, uint32_t size)
{
	void *p;

	if (!a->map) {
		a->write(pool, h, buf, size);
		return;
	}
	p = a->map(pool, h, size, AF_WRITE);
	memcpy(p, buf, size);
	a->unmap(pool, h, p, AF_WRITE);
}

/* Copies the allocation h's size bytes out into buf. */
static inline void af_copy_out(const struct allocator *a, void *pool, const struct af_handle *h,
			       uint8_t *buf, uint32_t size)
{
	void *p;

	if (!a->map) {
		a->read(pool, h, buf, size);
		return;
	}
	p = a->map(pool, h, size, AF_READ);
	memcpy(buf, p, size);
	a->unmap(pool, h, p, AF_READ);
}

#endif
