/* size_class.c: xvmalloc's size classes from the seed's headers, for the mutator's size edges. */
#include <linux/bitops.h>	/* BITS_PER_LONG, for xvmalloc_int.h */
#include <linux/kernel.h>
#include <linux/spinlock.h>	/* spinlock_t, for xvmalloc_int.h */
#include "xvmalloc_int.h"
#include "allocator.h"

/* The freelist a request of size bytes is served from (xv_malloc, get_index). */
static long xv_class(uint32_t size)
{
	if (size == 0 || size > XV_MAX_ALLOC_SIZE)
		return -1;	/* refused: a class of its own */
	size = ALIGN(size, XV_ALIGN);
	if (size < XV_MIN_ALLOC_SIZE)
		size = XV_MIN_ALLOC_SIZE;
	return (long)((ALIGN(size, FL_DELTA) - XV_MIN_ALLOC_SIZE) >> FL_DELTA_SHIFT);
}
SIZE_CLASS_REGISTER(xv_class)
