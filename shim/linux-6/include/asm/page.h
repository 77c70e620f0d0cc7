/* asm/page.h: 4 KiB pages, as on x86. */
#ifndef _SHIM6_ASM_PAGE_H
#define _SHIM6_ASM_PAGE_H

#include <allocfuzz/runtime.h>

#define PAGE_SHIFT	SHIM_PAGE_SHIFT
#define PAGE_SIZE	SHIM_PAGE_SIZE
#define PAGE_MASK	(~(PAGE_SIZE - 1))

#endif
