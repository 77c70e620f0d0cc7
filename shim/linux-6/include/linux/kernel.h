/* linux/kernel.h: alignment, rounding, min/max, container_of and what 6.x's kernel.h pulls in. */
#ifndef _SHIM6_LINUX_KERNEL_H
#define _SHIM6_LINUX_KERNEL_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/bug.h>
#include <linux/build_bug.h>
#include <linux/const.h>
#include <linux/err.h>
#include <linux/kconfig.h>
#include <linux/limits.h>
#include <linux/log2.h>
#include <linux/printk.h>
#include <linux/sizes.h>
#include <linux/version.h>
#include <asm/page.h>

#define __ALIGN_MASK(x, mask)	(((x) + (mask)) & ~(mask))
#define ALIGN(x, a)		__ALIGN_MASK(x, (__typeof__(x))(a) - 1)
#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))
#define roundup(x, y)		((((x) + ((y) - 1)) / (y)) * (y))
#define ARRAY_SIZE(arr)		(sizeof(arr) / sizeof((arr)[0]))
#define min(a, b)		((a) < (b) ? (a) : (b))
#define max(a, b)		((a) > (b) ? (a) : (b))
#define min_t(type, a, b)	min((type)(a), (type)(b))
#define max_t(type, a, b)	max((type)(a), (type)(b))
/* A constant expression, unlike max(): it may size an array (minmax.h). */
#define MAX(a, b)		((a) > (b) ? (a) : (b))
#define container_of(ptr, type, member)	\
	((type *)((char *)(ptr) - offsetof(type, member)))

#endif
