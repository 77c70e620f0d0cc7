/* linux/compiler.h: branch hints, attributes and the once-only accesses of 6.x. */
#ifndef _SHIM6_LINUX_COMPILER_H
#define _SHIM6_LINUX_COMPILER_H

#include <allocfuzz/compiler.h>	/* __noreturn, __printf, SHIM_SITE */

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)
#define __must_check	__attribute__((warn_unused_result))
#ifndef __always_inline	/* glibc's sys/cdefs.h has it */
#define __always_inline	inline __attribute__((always_inline))
#endif
#define __maybe_unused	__attribute__((unused))
#define barrier()	__asm__ __volatile__("" : : : "memory")
/* sparse's lock annotations: nothing to a compiler. */
#define __acquires(x)
#define __releases(x)
#define __same_type(a, b)	__builtin_types_compatible_p(__typeof__(a), __typeof__(b))
#define ___PASTE(a, b)	a##b
#define __PASTE(a, b)	___PASTE(a, b)

#define READ_ONCE(x)		(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val)	(*(volatile __typeof__(x) *)&(x) = (val))

#endif
