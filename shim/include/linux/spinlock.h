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

/* CONFIG_DEBUG_SPINLOCK's magic: spin_lock_init sets it, every lock op checks it. */
#define SPINLOCK_MAGIC		0xdead4ead

typedef struct {
	unsigned int magic;		/* SPINLOCK_MAGIC once initialised */
	int locked;			/* accessed with __atomic builtins */
	unsigned long owner;		/* shim thread id of the holder, 0 if none */
	const char *site;		/* where the holder took it, NULL if unlocked */
} spinlock_t;

void shim_spin_lock_init(spinlock_t *lock);
void shim_spin_lock(spinlock_t *lock, const char *site);
void shim_spin_unlock(spinlock_t *lock, const char *site);

#define spin_lock_init(lock)	shim_spin_lock_init(lock)
#define spin_lock(lock)		shim_spin_lock((lock), SHIM_SITE)
#define spin_unlock(lock)	shim_spin_unlock((lock), SHIM_SITE)

#endif
