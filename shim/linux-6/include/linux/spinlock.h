/*
 * linux/spinlock.h: spinlock_t with CONFIG_DEBUG_SPINLOCK's checks and
 * rwlock_t with a debug kernel's (the runtime's); holding either is atomic
 * context.  Locks are released in any order (zsmalloc drops them out of
 * order).  *_is_contended() answer what the harness said (one task alone
 * never contends), so zs_compact's early exits are reachable.
 */
#ifndef _SHIM6_LINUX_SPINLOCK_H
#define _SHIM6_LINUX_SPINLOCK_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/bug.h>
#include <linux/preempt.h>
#include <allocfuzz/runtime.h>

typedef struct shim_spinlock spinlock_t;
typedef struct shim_rwlock rwlock_t;

#define SINGLE_DEPTH_NESTING	1	/* a lockdep subclass: nothing to the checks */

#define spin_lock_init(lock)	shim_spin_lock_init(lock)
#define spin_lock(lock)		shim_spin_lock((lock), SHIM_SITE)
#define spin_unlock(lock)	shim_spin_unlock((lock), SHIM_SITE)
#define spin_is_locked(lock)	(__atomic_load_n(&(lock)->locked, __ATOMIC_RELAXED) != 0)
#define spin_is_contended(lock)	((void)(lock), shim_lock_contended(SHIM_SITE))
/* Locked by anybody, as the kernel's assertion means. */
#define assert_spin_locked(lock)	BUG_ON(!spin_is_locked(lock))

#define rwlock_init(lock)	shim_rwlock_init(lock)
#define read_lock(lock)		shim_read_lock((lock), SHIM_SITE)
#define read_unlock(lock)	shim_read_unlock((lock), SHIM_SITE)
#define write_lock(lock)	shim_write_lock((lock), SHIM_SITE)
#define write_lock_nested(lock, subclass)	((void)(subclass), shim_write_lock((lock), SHIM_SITE))
#define write_unlock(lock)	shim_write_unlock((lock), SHIM_SITE)
#define rwlock_is_contended(lock)	((void)(lock), shim_lock_contended(SHIM_SITE))

#endif
