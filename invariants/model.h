/*
 * model.h: the shadow model.  It holds the exact bytes last written to every
 * live allocation and the size asked for, and checks both against what the
 * allocator's public read and get-size functions return.
 */
#ifndef _ALLOCFUZZ_MODEL_H
#define _ALLOCFUZZ_MODEL_H

#include <allocfuzz/types.h>
#include "allocator.h"
#include "check.h"

/* The model's invariants; the harness reports an entry point's failures under the last four. */
enum model_inv {
	MODEL_SIZE, MODEL_BYTES, MODEL_MALLOC_FAILED, MODEL_MALLOC_COULD_SERVE,
	MODEL_CREATE_FAILED, MODEL_EXTRA_FAILED,
};
extern const struct invariant model_invariants[];

#define MODEL_SLOTS	64	/* live handles per pool */

struct model_slot {
	bool live;
	bool written;		/* false until the first write */
	struct af_handle h;
	u32 size;
	u32 seed;		/* what the last write wrote: model_pattern(seed) */
	u8 *buf;		/* the caller's buffer of model_buffer(), or NULL */
	bool multi;		/* the allocation spans two blocks (allocator's blocks()) */
};

struct model {
	const struct allocator *a;
	void *pool;		/* the allocator's pool: the harness keeps it current */
	struct model_slot slot[MODEL_SLOTS];
	/* the live slots' totals, kept as they come and go: the state probe's, per operation */
	unsigned int live, multi;
	unsigned long live_bytes;
};

/* For the bench's cost table only: no get-size or read-back checked. */
extern bool model_off;

void model_init(struct model *m, const struct allocator *a);
/* The bytes a write with this seed stores: they differ by position and seed, so a shifted copy shows. */
void model_pattern(u8 *buf, u32 size, u32 seed);
/* Byte k of what slot i holds, as the model knows it (slot written). */
u8 model_byte(const struct model *m, int i, u32 k);
/*
 * Slot i's buffer for the caller's side of a write or a read-back: the
 * slot's size, ending at the C heap's redzone, so ASan reports a copy past
 * its end; model_buffer_done() poisons it until the next use, so an access
 * through a pointer the allocator kept is reported too.  Without ASan it
 * ends at a guard page (allocfuzz/guard.h) and model_buffer_done() verifies
 * canary bytes before its start.  A freed slot's buffer is handed out again
 * only after this many others were freed.
 */
#define MODEL_BUFFER_QUARANTINE	64
u8 *model_buffer(struct model *m, int i);
void model_buffer_done(struct model *m, int i);
void model_add(struct model *m, int i, const struct af_handle *h, u32 size);
void model_write(struct model *m, int i, u32 seed);
void model_remove(struct model *m, int i);
/* Checks one live slot's get-size; reports and aborts on a mismatch. */
void model_check_size(const struct model *m, int i);
/* Checks one live slot's get-size and bytes; reports and aborts on a mismatch. */
void model_check(struct model *m, int i);
void model_check_all(struct model *m);

#endif
