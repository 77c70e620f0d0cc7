/* linux/compiler.h: branch hints and attributes. */
#ifndef _SHIM_LINUX_COMPILER_H
#define _SHIM_LINUX_COMPILER_H

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)
#define __noreturn	__attribute__((noreturn))
#define __printf(a, b)	__attribute__((format(printf, a, b)))

/* "file:line" of the calling kernel code, recorded by the shim's checks. */
#define SHIM_STR2(x)	#x
#define SHIM_STR(x)	SHIM_STR2(x)
#define SHIM_SITE	__FILE__ ":" SHIM_STR(__LINE__)

#endif
