/* linux/limits.h: the C types' limits, as the kernel names them. */
#ifndef _SHIM6_LINUX_LIMITS_H
#define _SHIM6_LINUX_LIMITS_H

#include <limits.h>

#endif
