/*
 * mutator.h: the structure-aware mutator both engines use (libFuzzer's
 * LLVMFuzzerCustomMutator/CrossOver in mutator_libfuzzer.c, AFL++'s custom
 * mutator library in mutator_afl.c).  It decodes an input into operations
 * (ops.h), changes them as a whole, and encodes them again in canonical
 * form, cut at an operation boundary to the engine's size limit; with some
 * probability it leaves the input to the engine's own byte mutations
 * instead, so nothing byte mutation reaches is lost.  Every output is a
 * valid input, as every byte string is.
 *
 * Switch: ALLOCFUZZ_MUTATOR=off hands every call to the engine's own
 * mutation (mutator_enabled()); on is the default.
 */
#ifndef _ALLOCFUZZ_MUTATOR_H
#define _ALLOCFUZZ_MUTATOR_H

#include <stddef.h>
#include "ops.h"

/* The kinds of change, each named once (mut_kind_name[]). */
enum mut_kind {
	MUT_INSERT,	/* a new operation anywhere */
	MUT_DELETE,	/* a run of operations goes */
	MUT_DUPLICATE,	/* a run is copied elsewhere */
	MUT_REPEAT,	/* a run is repeated in place, slots shifted or not */
	MUT_SIZE_EDGE,	/* a size moves to a neighbouring size-class edge */
	MUT_GFP,	/* a gfp mask changes */
	MUT_SLOT,	/* a slot changes */
	MUT_FAULT_ARM,	/* page/slab refusals are armed */
	MUT_FAULT_CLEAR,	/* armed faults are cleared from a point on */
	MUT_OMIT_KIND,	/* every operation of one kind goes (swarm testing) */
	MUT_BYTES,	/* the engine's own byte mutation */
	MUT_KINDS
};
extern const char *const mut_kind_name[MUT_KINDS];

/* The engine's byte mutation (libFuzzer's LLVMFuzzerMutate); NULL: a small built-in one. */
typedef size_t (*mut_bytes_fn)(u8 *data, size_t size, size_t max_size);

#define MUT_STACK	4	/* structural changes per call, at most */
/*
 * Changes that add operations stop at this many (a longer input still
 * decodes whole): 64 slots are filled and emptied several times over in
 * it, and an execution costs about its length.
 */
#define MUT_SOFT_OPS	256

struct mutator {
	u64 rng;
	mut_bytes_fn bytes;
	unsigned int bytes_per_256;	/* share of calls left to byte mutation */
	struct op a[OPS_MAX], b[OPS_MAX];	/* the decoded inputs */
	unsigned int na, nb;
	enum mut_kind last[MUT_STACK];	/* what the last call did */
	unsigned int nlast;
	unsigned long done[MUT_KINDS];	/* changes made, per kind */
};

/* True unless ALLOCFUZZ_MUTATOR=off (read once; any other value than on/off exits 2). */
bool mutator_enabled(void);
void mutator_init(struct mutator *m, u64 seed, mut_bytes_fn bytes);
/* Mutates data (size bytes, room for max_size) in place; returns the new size. */
size_t mutator_mutate(struct mutator *m, u8 *data, size_t size, size_t max_size, unsigned int seed);
/* One change of the given kind; 0 if it does not apply to this input (data unchanged). */
size_t mutator_force(struct mutator *m, enum mut_kind kind, u8 *data, size_t size, size_t max_size);
/*
 * The operations of d1 before a point, then those of d2 from a point, into
 * out (max_size bytes): both cut at operation boundaries.  Returns its size.
 */
size_t mutator_crossover(struct mutator *m, const u8 *d1, size_t s1, const u8 *d2, size_t s2,
			 u8 *out, size_t max_size, unsigned int seed);
/* Decodes data into ops (at most OPS_MAX); returns how many. */
unsigned int mutator_decode(const u8 *data, size_t size, struct op *ops);
/* Canonical bytes of ops, as many whole operations as fit in max_size. */
size_t mutator_encode(const struct op *ops, unsigned int n, u8 *out, size_t max_size);

#endif
