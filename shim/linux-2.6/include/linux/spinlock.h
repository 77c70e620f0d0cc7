/*
 * linux/spinlock.h: real spinlocks with CONFIG_DEBUG_SPINLOCK's checks
 * (a lock never initialised, recursion, unlock of an unlocked lock, unlock by
 * another owner).  Holding
 * one raises the preempt count, so a sleeping allocation under it is a BUG.
 */
#ifndef _SHIM_LINUX_SPINLOCK_H
#define _SHIM_LINUX_SPINLOCK_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/system.h>
#include <allocfuzz/runtime.h>

/* CONFIG_DEBUG_SPINLOCK's magic: spin_lock_init sets it, every lock op checks it. */
#define SPINLOCK_MAGIC		SHIM_SPINLOCK_MAGIC

typedef struct shim_spinlock spinlock_t;

#define spin_lock_init(lock)	shim_spin_lock_init(lock)
#define spin_lock(lock)		shim_spin_lock((lock), SHIM_SITE)
#define spin_unlock(lock)	shim_spin_unlock((lock), SHIM_SITE)

#endif
