/* linux/string.h: the C library's memcpy and friends (instrumented by ASan). */
#ifndef _SHIM6_LINUX_STRING_H
#define _SHIM6_LINUX_STRING_H

#include <string.h>

#endif
