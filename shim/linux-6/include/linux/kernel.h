/* linux/kernel.h: alignment, rounding, min/max and container_of, as 6.x has them. */
#ifndef _SHIM6_LINUX_KERNEL_H
#define _SHIM6_LINUX_KERNEL_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/bug.h>
#include <asm/page.h>

#define __ALIGN_MASK(x, mask)	(((x) + (mask)) & ~(mask))
#define ALIGN(x, a)		__ALIGN_MASK(x, (__typeof__(x))(a) - 1)
#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))
#define roundup(x, y)		((((x) + ((y) - 1)) / (y)) * (y))
#define ARRAY_SIZE(arr)		(sizeof(arr) / sizeof((arr)[0]))
#define min(a, b)		((a) < (b) ? (a) : (b))
#define max(a, b)		((a) > (b) ? (a) : (b))
#define container_of(ptr, type, member)	\
	((type *)((char *)(ptr) - offsetof(type, member)))

#endif
