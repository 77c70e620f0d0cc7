/*
 * linux/bug.h: BUG()/BUG_ON() print a kernel-style report and abort.  A
 * WARN is a report too: fuzzing kernels run with panic_on_warn, and a
 * warning the allocator raises is a defect it saw in itself.
 */
#ifndef _SHIM6_LINUX_BUG_H
#define _SHIM6_LINUX_BUG_H

#include <linux/compiler.h>
#include <shim-common/bug.h>
#define WARN_ON(cond)	({						\
		int __ret = !!(cond);					\
		if (unlikely(__ret))					\
			shim_bug(__FILE__, __LINE__, "WARN_ON(" #cond ")"); \
		__ret;							\
	})
#define WARN_ON_ONCE(cond)	WARN_ON(cond)
/* CONFIG_DEBUG_VM: evaluated, as a debug kernel would (Debian's compiles them out). */
#define VM_BUG_ON(cond)		BUG_ON(cond)
#define VM_BUG_ON_PAGE(cond, page)	BUG_ON(cond)
#define VM_WARN_ON_ONCE(cond)	((void)WARN_ON(cond))

#endif
