/* shim-common/bitops.h: the bit operations every generation's linux/bitops.h has alike. */
#ifndef _SHIM_COMMON_BITOPS_H
#define _SHIM_COMMON_BITOPS_H

#include <allocfuzz/runtime.h>

#define BITS_PER_LONG	64
#define BIT(nr)		(1UL << (nr))
#define BIT_MASK(nr)	(1UL << ((nr) % BITS_PER_LONG))
#define BIT_WORD(nr)	((nr) / BITS_PER_LONG)

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
static inline unsigned long shim___ffs(unsigned long word, const char *file, int line)
{
	if (__builtin_expect(!word, 0))
		shim_ffs_zero(file, line);
	return __builtin_ctzl(word);
}
#define __ffs(word)	shim___ffs((word), __FILE__, __LINE__)

#endif
