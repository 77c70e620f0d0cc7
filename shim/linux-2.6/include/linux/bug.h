/* linux/bug.h: BUG()/BUG_ON() print a kernel-style report and abort. */
#ifndef _SHIM_LINUX_BUG_H
#define _SHIM_LINUX_BUG_H

#include <linux/compiler.h>
#include <allocfuzz/runtime.h>

#define BUG()		shim_bug(__FILE__, __LINE__, "BUG()")
#define BUG_ON(cond)	do {						\
		if (unlikely(cond))					\
			shim_bug(__FILE__, __LINE__, "BUG_ON(" #cond ")"); \
	} while (0)

#endif
