/*
 * harness.h: drives one pool of one allocator through its public API with
 * every oracle on: the shim's checks, the shadow model, and the invariant
 * checker after each operation (per the check mode) and in full at the end.
 * Fuzz targets, the smoke run and tests all go through it.
 */
#ifndef _ALLOCFUZZ_HARNESS_H
#define _ALLOCFUZZ_HARNESS_H

#include "allocator.h"
#include "model.h"

struct harness_stats {
	unsigned long mallocs, malloc_failures, frees, writes, reads, sizes, checks;
	u64 peak_bytes;		/* highest total_bytes seen */
};

/* A malloc that another task makes while this one is in the allocator. */
struct harness_race {
	bool pending;
	int slot;
	u32 size;
	enum gfp_policy gfp;
};

struct harness {
	const struct allocator *a;
	void *pool;
	enum gfp_policy pool_gfp;
	enum check_mode mode;	/* after each operation */
	struct model model;
	struct harness_stats stats;
	const void *owner;	/* tags this pool's pages and objects */
	char tag;		/* owner's storage for a pool of its own */
	bool shared;		/* another harness's pool: no checks, no destroy */
	int busy_slot;		/* the slot a malloc in progress will fill, or -1 */
	struct harness_race race;
};

/*
 * Creates the pool (shim_reset() is the caller's, once per input).  A
 * creation may fail only when the shim refused an allocation during it.
 */
void harness_start(struct harness *h, const struct allocator *a, enum gfp_policy pool_gfp,
		   enum check_mode mode);
/*
 * Drives the pool of main from another thread, with slots and a model of its
 * own. The checker is not thread-safe: such harnesses run no invariant
 * checks; main checks in full once the threads are done.
 */
void harness_share(struct harness *h, const struct harness *main);
/* Allocates into slot (freeing what it held); returns the allocator's result. */
int harness_malloc(struct harness *h, int slot, u32 size, enum gfp_policy gfp);
/* Writes a pattern derived from seed into the slot's allocation, then reads it back. */
void harness_write(struct harness *h, int slot, u32 seed);
void harness_read(struct harness *h, int slot);
void harness_get_size(struct harness *h, int slot);
void harness_free(struct harness *h, int slot);
/*
 * Runs the allocator's extra which (modulo its count; none: nothing) with
 * arg, on slot's allocation if it acts on one; returns its result.
 */
int harness_extra(struct harness *h, int slot, unsigned int which, u8 arg);
/*
 * Queues a malloc into slot that runs as another task would, during the next
 * operation: harness_race_arm() before it, harness_race_settle() after it.
 */
void harness_race(struct harness *h, int slot, u32 size, enum gfp_policy gfp);
/* Runs the queued race at the next page allocation made outside any lock. */
void harness_race_arm(struct harness *h);
/* Disarms the race and runs it now if the operation gave it no chance. */
void harness_race_settle(struct harness *h);
/* Runs the invariant checker and the model in the given mode now. */
void harness_check(struct harness *h, enum check_mode mode);
/* Frees everything, checks in full, destroys the pool. */
void harness_stop(struct harness *h);
/* Frees everything, destroys the pool and creates a fresh one. */
void harness_recreate(struct harness *h);

/* CHECK_* from "none", "incremental" or "full"; -1 otherwise. */
int check_mode_parse(const char *s);

#endif
