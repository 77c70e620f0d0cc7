/* size_class.c: zsmalloc's size classes (before merging), for the mutator's size edges. */
#include <linux/kernel.h>
#include "allocator.h"
#include "zs_view.h"

/* get_size_class_index() of the size and its header; sizes it refuses are a class of their own. */
static long zs_class(uint32_t size)
{
	uint32_t need = size + ZS_VIEW_HANDLE_SIZE;

	if (size == 0 || size > PAGE_SIZE)
		return -1;
	if (need <= ZS_VIEW_MIN_ALLOC_SIZE)
		return 0;
	return min((long)DIV_ROUND_UP(need - ZS_VIEW_MIN_ALLOC_SIZE, ZS_VIEW_CLASS_DELTA),
		   (long)ZS_VIEW_CLASSES - 1);
}
SIZE_CLASS_REGISTER(zs_class)
