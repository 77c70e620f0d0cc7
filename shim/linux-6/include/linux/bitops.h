/* linux/bitops.h: non-atomic bit operations on unsigned long words. */
#ifndef _SHIM6_LINUX_BITOPS_H
#define _SHIM6_LINUX_BITOPS_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <allocfuzz/runtime.h>

#define BITS_PER_LONG	64
#define BIT(nr)		(1UL << (nr))
#define BIT_MASK(nr)	(1UL << ((nr) % BITS_PER_LONG))
#define BIT_WORD(nr)	((nr) / BITS_PER_LONG)
#define GENMASK(h, l)	(((~0UL) << (l)) & (~0UL >> (BITS_PER_LONG - 1 - (h))))

static inline int test_bit(unsigned long nr, const volatile unsigned long *addr)
{
	return 1UL & (addr[BIT_WORD(nr)] >> (nr % BITS_PER_LONG));
}

static inline void __set_bit(unsigned long nr, volatile unsigned long *addr)
{
	addr[BIT_WORD(nr)] |= BIT_MASK(nr);
}

static inline void __clear_bit(unsigned long nr, volatile unsigned long *addr)
{
	addr[BIT_WORD(nr)] &= ~BIT_MASK(nr);
}

/* The kernel leaves __ffs(0) undefined; the shim reports it. */
static inline unsigned long shim6___ffs(unsigned long word, const char *file, int line)
{
	if (unlikely(!word))
		shim_ffs_zero(file, line);
	return __builtin_ctzl(word);
}
#define __ffs(word)	shim6___ffs((word), __FILE__, __LINE__)
#define hweight64(w)	((unsigned int)__builtin_popcountll(w))
#define hweight_long(w)	((unsigned int)__builtin_popcountl(w))

#endif
