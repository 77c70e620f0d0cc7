/*
 * allocator_fuzz.c: one allocator alone, through its public API as its own
 * caller used it: <name>_fuzz for every allocator of allocators/allocators.bzl,
 * each linked with that allocator's adapter only.
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
