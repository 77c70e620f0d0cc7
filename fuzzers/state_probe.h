/*
 * state_probe.h: allocator-state feedback for both engines.  After each
 * operation, state_probe_after() reads a generic summary of the pool (the
 * adapter's state(), allocator.h, and what the harness knows: live
 * allocations, blocks they span, failures, faults), buckets each value, and
 * calls state_probe_hit() once per input for each (feature, bucket) first
 * seen, and for "max" features (IJON's max) only when the bucket grows.
 * state_probe_hit() is the only code here with coverage instrumentation (in
 * AFL++'s allowlist too): one edge per (feature, bucket), so reaching a new
 * state is new coverage for libFuzzer and AFL++ alike.  No feature names a
 * size or a state of a known finding: they are the pool's generic shape.
 *
 * Switch: ALLOCFUZZ_STATE=off (read once; libFuzzer binaries read it at start) skips the probe altogether.
 */
#ifndef _ALLOCFUZZ_STATE_PROBE_H
#define _ALLOCFUZZ_STATE_PROBE_H

#include "allocator.h"
#include "model.h"

/* The features, each named once (state_feature_name[]); the bucket counts are state_probe.c's. */
enum state_feature {
	SF_PAGES,		/* pages held, log2 */
	SF_RESERVE,		/* the reserve's fill, in eighths of its most */
	SF_FREE_BYTES,		/* free bytes outside the reserve, log2 of 64-byte units */
	SF_SLACK,		/* pages' bytes less the live bytes asked for, log2 of 64-byte units */
	SF_LARGEST_FREE,	/* the largest free block's class, in eighths of a page */
	SF_NONEMPTY_LISTS,	/* freelists that hold a block, log2 */
	SF_LIVE,		/* live allocations, log2 */
	SF_MULTI_BLOCK,		/* live allocations that span two blocks, log2 */
	SF_FAULTS_PAGES,	/* faults armed (0/1) x pages bucket */
	SF_FAULTS_LARGEST,	/* faults armed x largest free block's eighth */
	SF_RESERVE_LISTS,	/* the reserve's quarter x non-empty lists bucket */
	SF_MAX_PAGES,		/* most pages so far in this input (max) */
	SF_MAX_MULTI,		/* most two-block allocations so far (max) */
	SF_MAX_FAILURES,	/* failed mallocs so far (max) */
	SF_MAX_REFUSED,		/* page and slab allocations the shim refused so far (max) */
	SF_COUNT
};
extern const char *const state_feature_name[SF_COUNT];
#define SF_BUCKETS	64	/* buckets per feature, at most */

struct state_probe {
	u64 seen[SF_COUNT];	/* buckets seen in this input (not max features) */
	unsigned int max[SF_COUNT];	/* 1 + the highest bucket so far (max features) */
};

/* True unless ALLOCFUZZ_STATE=off (on/off only; anything else exits 2). */
bool state_probe_enabled(void);
void state_probe_begin(struct state_probe *p);
/* After an operation on pool; failures: the harness's failed mallocs so far. */
void state_probe_after(struct state_probe *p, const struct allocator *a, void *pool,
		       const struct model *model, unsigned long failures, bool faults_armed);
/* The instrumented branches (state_probe.c). */
void state_probe_hit(unsigned int feature, unsigned int bucket);

#endif
