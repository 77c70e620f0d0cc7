/* linux/spinlock.h: spinlocks with CONFIG_DEBUG_SPINLOCK's checks (the runtime's); holding one is atomic context. */
#ifndef _SHIM6_LINUX_SPINLOCK_H
#define _SHIM6_LINUX_SPINLOCK_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <allocfuzz/runtime.h>

typedef struct shim_spinlock spinlock_t;

#define spin_lock_init(lock)	shim_spin_lock_init(lock)
#define spin_lock(lock)		shim_spin_lock((lock), SHIM_SITE)
#define spin_unlock(lock)	shim_spin_unlock((lock), SHIM_SITE)

#endif
