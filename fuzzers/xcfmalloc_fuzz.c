/* xcfmalloc_fuzz.c: xcfmalloc alone, through its public API (zcache's). */
#include <stddef.h>
#include <stdint.h>
#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct allocator *const allocs[] = { &xcf_allocator };

	fuzz_input(allocs, 1, data, size);
	return 0;
}
