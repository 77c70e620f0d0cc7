/* allocfuzz/compiler.h: the attributes and the call-site string the runtime and every profile use. */
#ifndef _ALLOCFUZZ_COMPILER_H
#define _ALLOCFUZZ_COMPILER_H

#define __noreturn	__attribute__((noreturn))
#define __printf(a, b)	__attribute__((format(printf, a, b)))

/* "file:line" of the calling kernel code, recorded by the shim's checks. */
#define SHIM_STR2(x)	#x
#define SHIM_STR(x)	SHIM_STR2(x)
#define SHIM_SITE	__FILE__ ":" SHIM_STR(__LINE__)

#endif
