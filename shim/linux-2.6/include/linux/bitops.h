/* linux/bitops.h: non-atomic bit operations on unsigned long words. */
#ifndef _SHIM_LINUX_BITOPS_H
#define _SHIM_LINUX_BITOPS_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <shim-common/bitops.h>

#endif
