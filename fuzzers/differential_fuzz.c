/*
 * differential_fuzz.c: the same operations against both allocators; each
 * keeps its own model, and a malloc that one serves and the other fails,
 * for a size both promise, is reported as "differential malloc-result".
 */
#include <stddef.h>
#include <stdint.h>
#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct allocator *const allocs[] = { &xv_allocator, &xcf_allocator };

	fuzz_input(allocs, 2, data, size);
	return 0;
}
