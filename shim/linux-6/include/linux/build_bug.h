/* linux/build_bug.h: BUILD_BUG_ON() as a C11 static assertion. */
#ifndef _SHIM6_LINUX_BUILD_BUG_H
#define _SHIM6_LINUX_BUILD_BUG_H

#define BUILD_BUG_ON(cond)	_Static_assert(!(cond), "BUILD_BUG_ON(" #cond ")")

#endif
