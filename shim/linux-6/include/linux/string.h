/* linux/string.h: the C library's memcpy and friends (instrumented by ASan), and kstrdup on kmalloc. */
#ifndef _SHIM6_LINUX_STRING_H
#define _SHIM6_LINUX_STRING_H

#include <string.h>
#include <linux/gfp.h>

#define kstrdup(s, gfp)	shim_kstrdup((s), shim_gfp(gfp), SHIM_SITE)

#endif
