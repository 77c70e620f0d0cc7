/*
 * linux/preempt.h: the task's preempt count (CONFIG_PREEMPT_COUNT, as
 * Debian's kernels have it): spinlocks, local locks and kmap_atomic raise
 * it, and sleeping with it raised is a BUG.  migrate_disable() only keeps
 * the task on its CPU.  No code runs in interrupt context here.
 */
#ifndef _SHIM6_LINUX_PREEMPT_H
#define _SHIM6_LINUX_PREEMPT_H

#include <allocfuzz/runtime.h>

#define preempt_disable()	shim_preempt_inc()
#define preempt_enable()	shim_preempt_dec()
#define migrate_disable()	shim_migrate_disable()
#define migrate_enable()	shim_migrate_enable(SHIM_SITE)
#define in_interrupt()		0
#define in_task()		1

#endif
