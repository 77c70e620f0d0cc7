/*
 * sched.c: preempt count, spinlocks with CONFIG_DEBUG_SPINLOCK's checks, and
 * might_sleep().  State is per thread, as it is per CPU in the kernel.
 */
#include <sched.h>
#include "internal.h"

static _Thread_local int preempt_count;
static _Thread_local void (*preempt_hook)(void *);
static _Thread_local void *preempt_hook_arg;
static _Thread_local unsigned long thread_id;
static unsigned long next_thread_id;

static _Thread_local int migrate_disabled, pagefault_disabled;

static unsigned long current_id(void)
{
	if (!thread_id)
		thread_id = __atomic_add_fetch(&next_thread_id, 1, __ATOMIC_RELAXED);
	return thread_id;
}

unsigned long shim_task_id(void)
{
	return current_id();
}

void shim_migrate_disable(void)
{
	migrate_disabled++;
}

void shim_migrate_enable(const char *site)
{
	if (!migrate_disabled)
		shim_check_failed("shim.sched.unbalanced", "migrate_enable without migrate_disable", site,
				  "migrate_enable() with the migrate-disable depth at 0");
	migrate_disabled--;
}

int shim_migrate_disabled(void)
{
	return migrate_disabled;
}

void shim_pagefault_disable(void)
{
	pagefault_disabled++;
}

void shim_pagefault_enable(const char *site)
{
	if (!pagefault_disabled)
		shim_check_failed("shim.sched.unbalanced", "pagefault_enable without pagefault_disable", site,
				  "pagefault_enable() with page faults enabled");
	pagefault_disabled--;
}

int shim_pagefault_disabled(void)
{
	return pagefault_disabled;
}

void shim_sched_reset(void)
{
	migrate_disabled = 0;
	pagefault_disabled = 0;
}

int shim_preempt_count(void)
{
	return preempt_count;
}

void shim_preempt_inc(void)
{
	preempt_count++;
}

void shim_preempt_dec(void)
{
	preempt_count--;
}

void shim_set_preempt_hook(void (*fn)(void *), void *arg)
{
	preempt_hook = fn;
	preempt_hook_arg = arg;
}

/* One-shot, and cleared first: the hook may allocate pages itself. */
void shim_preemption_point(void)
{
	void (*fn)(void *) = preempt_hook;

	if (!fn || preempt_count > 0)
		return;
	preempt_hook = NULL;
	fn(preempt_hook_arg);
}

void shim_might_sleep(struct shim_gfp gfp, const char *site)
{
	if ((gfp.flags & SHIM_GFP_MAY_SLEEP) && preempt_count > 0)
		shim_check_failed("shim.sched.sleep-in-atomic",
				  "sleeping function called from invalid context", site,
				  "gfp 0x%x may sleep, preempt_count is %d",
				  gfp.mask, preempt_count);
}

void shim_sleep_point(const char *site)
{
	if (preempt_count > 0)
		shim_check_failed("shim.sched.sleep-in-atomic",
				  "sleeping function called from invalid context", site,
				  "a call that may sleep, preempt_count is %d", preempt_count);
}

/* As debug_spin_lock_before(): a lock that spin_lock_init() never set up. */
static void check_magic(struct shim_spinlock *lock, const char *site)
{
	if (lock->magic != SHIM_SPINLOCK_MAGIC)
		shim_check_failed("shim.spinlock.bad-magic",
				  "spinlock bad magic", site,
				  "magic 0x%x, not 0x%x: spin_lock_init() was never called on this lock",
				  lock->magic, SHIM_SPINLOCK_MAGIC);
}

void shim_spin_lock_init(struct shim_spinlock *lock)
{
	lock->magic = SHIM_SPINLOCK_MAGIC;
	lock->locked = 0;
	lock->owner = 0;
	lock->site = NULL;
}

void shim_spin_lock(struct shim_spinlock *lock, const char *site)
{
	unsigned long me = current_id();
	int unlocked = 0;

	check_magic(lock, site);
	if (__atomic_load_n(&lock->owner, __ATOMIC_RELAXED) == me)
		shim_check_failed("shim.spinlock.recursion",
				  "spinlock recursion", site,
				  "spinlock recursion: lock already held by this thread since %s",
				  lock->site ? lock->site : "?");
	while (!__atomic_compare_exchange_n(&lock->locked, &unlocked, 1, false,
					    __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
		unlocked = 0;
		sched_yield();
	}
	__atomic_store_n(&lock->owner, me, __ATOMIC_RELAXED);
	lock->site = site;
	shim_held_add(lock, site);
	shim_preempt_inc();
}

void shim_spin_unlock(struct shim_spinlock *lock, const char *site)
{
	unsigned long owner = __atomic_load_n(&lock->owner, __ATOMIC_RELAXED);

	check_magic(lock, site);
	if (!__atomic_load_n(&lock->locked, __ATOMIC_RELAXED))
		shim_check_failed("shim.spinlock.already-unlocked",
				  "spinlock already unlocked", site,
				  "spin_unlock of a lock that is not locked");
	if (owner != current_id())
		shim_check_failed("shim.spinlock.wrong-owner",
				  "spinlock wrong owner", site,
				  "spin_unlock by a thread that does not hold the lock");
	/* As debug_spin_unlock(): the owner fields are reset, so unlocked is unlocked. */
	shim_held_del(lock);
	lock->site = NULL;
	__atomic_store_n(&lock->owner, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&lock->locked, 0, __ATOMIC_RELEASE);
	shim_preempt_dec();
	/*
	 * CONFIG_PREEMPT: the preempt_enable() in spin_unlock() may reschedule.
	 * With real threads, give the CPU away there, so the other task's
	 * critical section can land between this one and the holder's next.
	 */
	if (shim_threaded && !preempt_count)
		sched_yield();
}
