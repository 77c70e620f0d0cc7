/* linux/log2.h: is_power_of_2(). */
#ifndef _SHIM6_LINUX_LOG2_H
#define _SHIM6_LINUX_LOG2_H

#include <stdbool.h>

static inline bool is_power_of_2(unsigned long n)
{
	return n != 0 && (n & (n - 1)) == 0;
}

#endif
