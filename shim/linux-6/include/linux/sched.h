/* linux/sched.h: cond_resched(), where a task may sleep (a BUG in atomic context). */
#ifndef _SHIM6_LINUX_SCHED_H
#define _SHIM6_LINUX_SCHED_H

#include <allocfuzz/runtime.h>

#define cond_resched()	({ shim_sleep_point(SHIM_SITE); 0; })
#define might_sleep()	shim_sleep_point(SHIM_SITE)

#endif
