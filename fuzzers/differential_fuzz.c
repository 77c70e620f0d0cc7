/*
 * differential_fuzz.c: the same operations against every allocator the
 * registry marks compare (allocators/allocators.bzl), in its order; each
 * keeps its own model, and a malloc that one serves and another fails, for
 * a size all promise, is reported as "differential malloc-result".
 */
#include <stddef.h>
#include <stdint.h>
#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_input(data, size);
	return 0;
}
