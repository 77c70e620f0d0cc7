/*
 * linux/pgtable.h: x86-64's MAX_POSSIBLE_PHYSMEM_BITS (asm/pgtable_64_types.h,
 * five-level paging possible): the bits of a physical address, so a pfn has
 * 52 - PAGE_SHIFT = 40 of them, the runtime's SHIM_PFN_BITS.
 */
#ifndef _SHIM6_LINUX_PGTABLE_H
#define _SHIM6_LINUX_PGTABLE_H

#include <asm/page.h>

#define MAX_POSSIBLE_PHYSMEM_BITS	52
_Static_assert(MAX_POSSIBLE_PHYSMEM_BITS - PAGE_SHIFT == SHIM_PFN_BITS,
	       "the runtime's pfns have the bits x86-64's do");

#endif
