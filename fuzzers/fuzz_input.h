/*
 * fuzz_input.h: runs one fuzz input (ops.h) against the allocators linked
 * into the binary (allocator.h's registry): one for <name>_fuzz, several at
 * once for differential_fuzz, from a fresh shim each time.
 */
#ifndef _ALLOCFUZZ_FUZZ_INPUT_H
#define _ALLOCFUZZ_FUZZ_INPUT_H

#include <stddef.h>
#include <allocfuzz/types.h>
#include "allocator.h"

/*
 * Check mode after each operation, from ALLOCFUZZ_CHECK=none|incremental|full
 * (default incremental); an invalid value is an error naming the variable.
 */
enum check_mode fuzz_check_mode(void);

/*
 * One input from a fresh state on every linked allocator; with several, a
 * malloc one serves and another fails, of a size all promise, is reported.
 */
void fuzz_input(const u8 *data, size_t size);
/* The same on the n (at most ALLOCATORS_MAX) allocators given, for tests. */
void fuzz_input_on(const struct allocator *const *allocs, unsigned int n, const u8 *data,
		   size_t size);

#endif
