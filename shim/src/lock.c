/*
 * lock.c: rwlocks and local locks with a debug kernel's checks, the set of
 * locks each task holds (released in any order: kernel code drops locks out
 * of order, so the set is not a stack), and the contention the harness
 * makes true.
 */
#include <sched.h>
#include "internal.h"

#define HELD_MAX	32
static _Thread_local struct held {
	const void *lock;
	const char *site;
} held[HELD_MAX];
static _Thread_local unsigned int nr_held;

void shim_held_add(const void *lock, const char *site)
{
	if (nr_held == HELD_MAX)
		shim_check_failed("shim.lock.too-many", "more locks held at once than lockdep allows", site,
				  "%u locks held (MAX_LOCK_DEPTH is 48; the shim keeps %u)", nr_held, HELD_MAX);
	held[nr_held++] = (struct held){ lock, site };
}

void shim_held_del(const void *lock)
{
	unsigned int i;

	for (i = nr_held; i-- > 0;)
		if (held[i].lock == lock) {
			held[i] = held[--nr_held];
			return;
		}
}

/* The site where this task took lock, or NULL if it does not hold it. */
static const char *held_by_me(const void *lock)
{
	unsigned int i;

	for (i = 0; i < nr_held; i++)
		if (held[i].lock == lock)
			return held[i].site;
	return NULL;
}

unsigned int shim_locks_held(void)
{
	return nr_held;
}

const char *shim_held_first_site(void)
{
	return nr_held ? held[0].site : NULL;
}

void shim_locks_reset(void)
{
	nr_held = 0;
}

static void check_magic(const struct shim_rwlock *lock, const char *site)
{
	if (lock->magic != SHIM_RWLOCK_MAGIC)
		shim_check_failed("shim.rwlock.bad-magic", "rwlock bad magic", site,
				  "magic 0x%x, not 0x%x: rwlock_init() was never called on this lock",
				  lock->magic, SHIM_RWLOCK_MAGIC);
}

void shim_rwlock_init(struct shim_rwlock *lock)
{
	lock->magic = SHIM_RWLOCK_MAGIC;
	lock->readers = 0;
	lock->writer = 0;
	lock->site = NULL;
}

void shim_read_lock(struct shim_rwlock *lock, const char *site)
{
	unsigned long me = shim_task_id();

	check_magic(lock, site);
	if (__atomic_load_n(&lock->writer, __ATOMIC_RELAXED) == me)
		shim_check_failed("shim.rwlock.deadlock", "read_lock of an rwlock this task write-holds",
				  site, "write-locked by this task at %s: the read lock never comes",
				  lock->site ? lock->site : "?");
	for (;;) {	/* readers get in unless a writer holds it (recursive reads too) */
		__atomic_fetch_add(&lock->readers, 1, __ATOMIC_ACQUIRE);
		if (!__atomic_load_n(&lock->writer, __ATOMIC_ACQUIRE))
			break;
		__atomic_fetch_sub(&lock->readers, 1, __ATOMIC_RELEASE);
		sched_yield();
	}
	lock->site = site;
	shim_held_add(lock, site);
	shim_preempt_inc();
}

void shim_read_unlock(struct shim_rwlock *lock, const char *site)
{
	check_magic(lock, site);
	if (__atomic_load_n(&lock->readers, __ATOMIC_RELAXED) <= 0 || !held_by_me(lock))
		shim_check_failed("shim.rwlock.not-held", "read_unlock of an rwlock not read-held",
				  site, "this task does not hold it for reading (%d readers)", lock->readers);
	shim_held_del(lock);
	__atomic_fetch_sub(&lock->readers, 1, __ATOMIC_RELEASE);
	shim_preempt_dec();
}

void shim_write_lock(struct shim_rwlock *lock, const char *site)
{
	unsigned long me = shim_task_id(), none = 0;
	const char *mine;

	check_magic(lock, site);
	if ((mine = held_by_me(lock)))
		shim_check_failed("shim.rwlock.deadlock", "write_lock of an rwlock this task holds", site,
				  "held by this task since %s: the write lock never comes", mine);
	for (;;) {
		if (__atomic_compare_exchange_n(&lock->writer, &none, me, false, __ATOMIC_ACQUIRE,
						__ATOMIC_RELAXED)) {
			if (!__atomic_load_n(&lock->readers, __ATOMIC_ACQUIRE))
				break;
			__atomic_store_n(&lock->writer, 0, __ATOMIC_RELEASE);
		}
		none = 0;
		if (!shim_threaded)
			shim_check_failed("shim.rwlock.deadlock", "write_lock of an rwlock no task will release",
					  site, "%d reader(s) hold it, last taken at %s, and no other task runs",
					  lock->readers, lock->site ? lock->site : "?");
		sched_yield();
	}
	lock->site = site;
	shim_held_add(lock, site);
	shim_preempt_inc();
}

void shim_write_unlock(struct shim_rwlock *lock, const char *site)
{
	check_magic(lock, site);
	if (__atomic_load_n(&lock->writer, __ATOMIC_RELAXED) != shim_task_id())
		shim_check_failed("shim.rwlock.not-held", "write_unlock of an rwlock not write-held", site,
				  "this task does not hold it for writing");
	shim_held_del(lock);
	__atomic_store_n(&lock->writer, 0, __ATOMIC_RELEASE);
	shim_preempt_dec();
}

bool shim_rwlock_held(const struct shim_rwlock *lock)
{
	return __atomic_load_n(&lock->readers, __ATOMIC_RELAXED) ||
	       __atomic_load_n(&lock->writer, __ATOMIC_RELAXED);
}

void shim_local_lock_acquire(struct shim_local_lock *lock, const char *site)
{
	if (lock->owner)
		shim_check_failed("shim.local_lock.recursion", "local_lock taken again on its CPU", site,
				  "this CPU's instance is held since %s (by task %lu)",
				  lock->site ? lock->site : "?", lock->owner);
	lock->owner = shim_task_id();
	lock->site = site;
	shim_held_add(lock, site);
}

void shim_local_lock_release(struct shim_local_lock *lock, const char *site)
{
	if (lock->owner != shim_task_id())
		shim_check_failed("shim.local_lock.wrong-owner", "local_unlock of a local_lock this task does not hold",
				  site, "its owner is task %lu (0: nobody), this is task %lu", lock->owner,
				  shim_task_id());
	shim_held_del(lock);
	lock->owner = 0;
	lock->site = NULL;
}

static unsigned long contention_bits;
static unsigned int contention_left;

void shim_contention_set(unsigned long bits, unsigned int nbits)
{
	contention_bits = bits;
	contention_left = nbits;
}

bool shim_lock_contended(const char *site)
{
	bool yes;

	(void)site;
	if (!contention_left)
		return false;
	yes = contention_bits & 1;
	contention_bits >>= 1;
	contention_left--;
	return yes;
}

void shim_contention_reset(void)
{
	contention_bits = 0;
	contention_left = 0;
}
