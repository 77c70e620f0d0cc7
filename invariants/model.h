/*
 * model.h: the shadow model.  It holds the exact bytes last written to every
 * live allocation and the size asked for, and checks both against what the
 * allocator's public read and get-size functions return.
 */
#ifndef _ALLOCFUZZ_MODEL_H
#define _ALLOCFUZZ_MODEL_H

#include "allocator.h"

/* The model's invariants; the harness reports failed mallocs under the last two. */
enum model_inv { MODEL_SIZE, MODEL_BYTES, MODEL_MALLOC_FAILED, MODEL_MALLOC_COULD_SERVE };
extern const struct invariant model_invariants[];

#define MODEL_SLOTS	64	/* live handles per pool */

struct model_slot {
	bool live;
	struct af_handle h;
	u32 size;
	u8 *bytes;		/* NULL until the first write */
};

struct model {
	const struct allocator *a;
	struct model_slot slot[MODEL_SLOTS];
};

void model_init(struct model *m, const struct allocator *a);
void model_add(struct model *m, int i, const struct af_handle *h, u32 size);
void model_write(struct model *m, int i, const u8 *buf);
void model_remove(struct model *m, int i);
/* Checks one live slot's get-size; reports and aborts on a mismatch. */
void model_check_size(const struct model *m, int i);
/* Checks one live slot's get-size and bytes; reports and aborts on a mismatch. */
void model_check(const struct model *m, int i);
void model_check_all(const struct model *m);

#endif
