/*
 * fuzz_input.h: runs one fuzz input (ops.h) against one allocator, or against
 * two at once for the differential target, from a fresh shim each time.
 */
#ifndef _ALLOCFUZZ_FUZZ_INPUT_H
#define _ALLOCFUZZ_FUZZ_INPUT_H

#include <stddef.h>
#include "allocator.h"

/*
 * Check mode after each operation, from ALLOCFUZZ_CHECK=none|incremental|full
 * (default incremental); an invalid value is an error naming the variable.
 */
enum check_mode fuzz_check_mode(void);

/* One input from a fresh state; n is 1, or 2 to compare both allocators on it. */
void fuzz_input(const struct allocator *const *allocs, int n, const u8 *data, size_t size);

#endif
