/* size_class.c: the example allocator's size classes (chunks per run), for the mutator's size edges. */
#include <linux/kernel.h>
#include "allocator.h"
#include "example.h"

static long ex_class(uint32_t size)
{
	if (size == 0 || size > PAGE_SIZE)
		return -1;	/* refused: a class of its own */
	return (long)DIV_ROUND_UP(size, EX_CHUNK_SIZE);
}
SIZE_CLASS_REGISTER(ex_class)
