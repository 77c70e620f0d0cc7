/*
 * linux/local_lock.h: local_lock_t as !PREEMPT_RT with CONFIG_DEBUG_LOCK_ALLOC:
 * local_lock(&pcpu.lock) disables preemption and takes this CPU's instance;
 * taking it again on the CPU before local_unlock() is recursion (a second
 * zs_map_object() before zs_unmap_object()).  Local locks of different
 * variables are released in any order (zram drops its stream's lock between
 * zs_map_object() and zs_unmap_object()).
 */
#ifndef _SHIM6_LINUX_LOCAL_LOCK_H
#define _SHIM6_LINUX_LOCAL_LOCK_H

#include <linux/percpu.h>
#include <linux/preempt.h>

typedef struct shim_local_lock local_lock_t;

#define INIT_LOCAL_LOCK(lockname)	{ .owner = 0, .site = NULL }
#define local_lock_init(lock)		(*(lock) = (local_lock_t)INIT_LOCAL_LOCK(lock))

#define local_lock(lock) do {						\
		preempt_disable();					\
		shim_local_lock_acquire(this_cpu_ptr(lock), SHIM_SITE);	\
	} while (0)
#define local_unlock(lock) do {						\
		shim_local_lock_release(this_cpu_ptr(lock), SHIM_SITE); \
		preempt_enable();					\
	} while (0)

#endif
