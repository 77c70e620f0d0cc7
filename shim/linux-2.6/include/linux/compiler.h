/* linux/compiler.h: branch hints and attributes. */
#ifndef _SHIM_LINUX_COMPILER_H
#define _SHIM_LINUX_COMPILER_H

#include <allocfuzz/compiler.h>	/* __noreturn, __printf, SHIM_SITE */

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

#endif
