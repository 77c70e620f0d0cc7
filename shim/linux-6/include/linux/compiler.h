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

#define READ_ONCE(x)		(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val)	(*(volatile __typeof__(x) *)&(x) = (val))

#endif
