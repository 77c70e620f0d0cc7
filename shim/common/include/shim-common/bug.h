/* shim-common/bug.h: BUG()/BUG_ON() print a kernel-style report and abort, in every generation. */
#ifndef _SHIM_COMMON_BUG_H
#define _SHIM_COMMON_BUG_H

#include <allocfuzz/runtime.h>

#define BUG()		shim_bug(__FILE__, __LINE__, "BUG()")
#define BUG_ON(cond)	do {						\
		if (__builtin_expect(!!(cond), 0))			\
			shim_bug(__FILE__, __LINE__, "BUG_ON(" #cond ")"); \
	} while (0)

#endif
