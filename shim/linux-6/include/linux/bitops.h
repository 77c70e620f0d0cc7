/* linux/bitops.h: non-atomic bit operations on unsigned long words. */
#ifndef _SHIM6_LINUX_BITOPS_H
#define _SHIM6_LINUX_BITOPS_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <shim-common/bitops.h>

#define GENMASK(h, l)	(((~0UL) << (l)) & (~0UL >> (BITS_PER_LONG - 1 - (h))))
/* The atomic ones: page flags are set with them. */
static inline void set_bit(unsigned long nr, volatile unsigned long *addr)
{
	__atomic_fetch_or(&addr[BIT_WORD(nr)], BIT_MASK(nr), __ATOMIC_RELAXED);
}

static inline void clear_bit(unsigned long nr, volatile unsigned long *addr)
{
	__atomic_fetch_and(&addr[BIT_WORD(nr)], ~BIT_MASK(nr), __ATOMIC_RELAXED);
}

#define hweight64(w)	((unsigned int)__builtin_popcountll(w))
#define hweight_long(w)	((unsigned int)__builtin_popcountl(w))

#endif
