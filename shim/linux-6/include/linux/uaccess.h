/* linux/uaccess.h: pagefault_disable(), a count of the task's own (6.x: not the preempt count). */
#ifndef _SHIM6_LINUX_UACCESS_H
#define _SHIM6_LINUX_UACCESS_H

#include <allocfuzz/runtime.h>

#define pagefault_disable()	shim_pagefault_disable()
#define pagefault_enable()	shim_pagefault_enable(SHIM_SITE)

#endif
