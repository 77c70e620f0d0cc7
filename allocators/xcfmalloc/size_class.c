/* size_class.c: xcfmalloc's size classes from the seed's headers, for the mutator's size edges. */
#include <linux/kernel.h>
#include "xcfmalloc_int.h"
#include "allocator.h"

/* The freelist of the block that holds size bytes and a header. */
static long xcf_class(uint32_t size)
{
	if (size > MAX_ALLOC_SIZE)
		return -1;
	return xcf_size_to_flindex((int)(size + sizeof(struct xcf_blkhdr)));
}
SIZE_CLASS_REGISTER(xcf_class)
