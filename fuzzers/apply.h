/*
 * apply.h: what one operation of the input (ops.h) does to one harness, the
 * same for every target.
 */
#ifndef _ALLOCFUZZ_APPLY_H
#define _ALLOCFUZZ_APPLY_H

#include "harness.h"
#include "ops.h"

/*
 * Runs op on h, with the race an earlier op queued running inside it (or
 * right after it); returns the allocator's result for a malloc, else 0.
 * Faults are the shim's, not a pool's: the caller sets them.
 */
int harness_apply(struct harness *h, const struct op *op);

#endif
