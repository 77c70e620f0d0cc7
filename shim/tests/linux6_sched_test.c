/*
 * linux6_sched_test.c: the 6.x profile's tasks and CPUs: preemption, page
 * faults and migration disabled, sleeping points, the CPU a task runs on
 * and per-CPU variables, CPU hotplug states, rwlocks, local locks,
 * contention, and the list's DEBUG_LIST checks.
 */
#include <linux/cpu.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/list.h>
#include <linux/local_lock.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include <allocfuzz/shim.h>
#include "expect.h"

struct counter {
	local_lock_t lock;
	int n;
	char buf[24];
};
static DEFINE_PER_CPU(struct counter, counter) = { .lock = INIT_LOCAL_LOCK(lock), .n = 7 };
static DEFINE_PER_CPU(struct counter, other_counter) = { .lock = INIT_LOCAL_LOCK(lock) };

/* kmap_atomic disables page faults; every count comes back. */
static void counts_ok(void)
{
	struct page *page;
	void *v;

	shim_reset();
	page = alloc_page(GFP_KERNEL);
	v = kmap_atomic(page);
	CHECK(shim_preempt_count() == 1 && shim_pagefault_disabled() == 1);
	kunmap_atomic(v);
	migrate_disable();
	CHECK(shim_migrate_disabled() == 1 && shim_preempt_count() == 0);
	migrate_enable();
	cond_resched();
	__free_page(page);
	shim_teardown();
}

static void pagefault_unbalanced(void)
{
	shim_reset();
	pagefault_enable();
}

static void migrate_unbalanced(void)
{
	shim_reset();
	migrate_enable();
}

static void pagefault_at_teardown(void)
{
	shim_reset();
	pagefault_disable();
	shim_teardown();
}

static void resched_atomic(void)
{
	shim_reset();
	preempt_disable();
	cond_resched();
}

/* Each CPU its own copy, from the template; this task's CPU while it cannot move. */
static void percpu_ok(void)
{
	struct counter *c0, *c1;

	shim_reset();
	c0 = per_cpu_ptr(&counter, 0);
	c1 = per_cpu_ptr(&counter, 1);
	CHECK(c0 != c1 && c0 != &counter && c0->n == 7 && c1->n == 7);
	c0->n = 1;
	CHECK(per_cpu(counter, 1).n == 7 && per_cpu(counter, 0).n == 1);
	CHECK(&per_cpu_ptr(&counter, 1)->lock == &c1->lock);	/* a member maps with its variable */
	shim_cpu_set(1);
	preempt_disable();
	CHECK(smp_processor_id() == 1 && this_cpu_ptr(&counter) == c1);
	preempt_enable();
	migrate_disable();
	CHECK(this_cpu_ptr(&counter) == c1);
	migrate_enable();
	shim_reset();			/* a fresh boot: copies made from the template again */
	CHECK(per_cpu(counter, 0).n == 7);
	shim_teardown();
}

static void cpu_preemptible(void)
{
	shim_reset();
	(void)smp_processor_id();
}

static void this_cpu_preemptible(void)
{
	shim_reset();
	this_cpu_ptr(&counter)->n++;
}

static void cpu_move_pinned(void)
{
	shim_reset();
	preempt_disable();
	shim_cpu_set(1);
}

/* One per-CPU variable's overflow meets the heap's redzone, not the next variable. */
static void percpu_overflow(void)
{
	struct counter *c;

	shim_reset();
	c = per_cpu_ptr(&counter, 0);
	((volatile char *)c->buf)[sizeof(*c) - offsetof(struct counter, buf)] = 1;
}

static void bad_cpu(void)
{
	shim_reset();
	per_cpu_ptr(&counter, SHIM_NR_CPUS);
}

static void not_percpu(void)
{
	static struct counter plain;

	shim_reset();
	per_cpu_ptr(&plain, 0);
}

/* Hotplug states: startup on each online CPU, a failure rolled back, down and up. */
static int started[SHIM_NR_CPUS], fail_on = -1;

static int startup(unsigned int cpu)
{
	if ((int)cpu == fail_on)
		return -ENOMEM;
	started[cpu]++;
	return 0;
}

static int teardown(unsigned int cpu)
{
	started[cpu]--;
	return 0;
}

static void cpuhp_ok(void)
{
	shim_reset();
	fail_on = 1;
	CHECK(cpuhp_setup_state(CPUHP_MM_ZS_PREPARE, "test", startup, teardown) == -ENOMEM);
	CHECK(started[0] == 0 && started[1] == 0);	/* CPU 0's startup rolled back */
	fail_on = -1;
	CHECK(cpuhp_setup_state(CPUHP_MM_ZS_PREPARE, "test", startup, teardown) == 0);
	CHECK(started[0] == 1 && started[1] == 1);
	shim_cpu_set(1);
	CHECK(shim_cpu_down(1) == 0 && started[1] == 0 && !cpu_online(1) && shim_cpu_raw() == 0);
	CHECK(shim_cpu_down(0) == 0 && cpu_online(0));	/* the last one stays */
	fail_on = 1;
	CHECK(shim_cpu_up(1) == -ENOMEM && !cpu_online(1));
	fail_on = -1;
	CHECK(shim_cpu_up(1) == 0 && started[1] == 1 && cpu_online(1));
	cpuhp_remove_state(CPUHP_MM_ZS_PREPARE);
	CHECK(started[0] == 0 && started[1] == 0);
	shim_teardown();
}

static void cpuhp_twice(void)
{
	shim_reset();
	CHECK(cpuhp_setup_state(CPUHP_MM_ZS_PREPARE, "test", startup, teardown) == 0);
	cpuhp_setup_state(CPUHP_MM_ZS_PREPARE, "test", startup, teardown);
}

static void cpuhp_remove_unknown(void)
{
	shim_reset();
	cpuhp_remove_state(CPUHP_MM_ZS_PREPARE);
}

static void cpu_to_offline(void)
{
	shim_reset();
	CHECK(shim_cpu_down(1) == 0);
	shim_cpu_set(1);
}

/* Readers together and again, released out of order; then a writer. */
static rwlock_t rw;
static spinlock_t spin;

static void rwlock_ok(void)
{
	shim_reset();
	rwlock_init(&rw);
	spin_lock_init(&spin);
	read_lock(&rw);
	read_lock(&rw);
	spin_lock(&spin);
	read_unlock(&rw);		/* out of order: zsmalloc does it */
	CHECK(shim_locks_held() == 2 && shim_preempt_count() == 2);
	read_unlock(&rw);
	spin_unlock(&spin);
	write_lock(&rw);
	CHECK(shim_rwlock_held(&rw));
	write_unlock(&rw);
	CHECK(!shim_rwlock_held(&rw) && shim_locks_held() == 0);
	shim_teardown();
}

static void rwlock_uninitialised(void)
{
	rwlock_t *l;

	shim_reset();
	l = kzalloc(sizeof(*l), GFP_KERNEL);
	read_lock(l);
}

static void write_while_reading(void)
{
	shim_reset();
	rwlock_init(&rw);
	read_lock(&rw);
	write_lock(&rw);
}

static void read_while_writing(void)
{
	shim_reset();
	rwlock_init(&rw);
	write_lock(&rw);
	read_lock(&rw);
}

static void read_unlock_unheld(void)
{
	shim_reset();
	rwlock_init(&rw);
	read_unlock(&rw);
}

static void write_unlock_unheld(void)
{
	shim_reset();
	rwlock_init(&rw);
	read_lock(&rw);
	write_unlock(&rw);
}

/* Two CPUs' local locks taken and released out of order, as zram's stream and zsmalloc's map area. */
static void local_lock_ok(void)
{
	shim_reset();
	local_lock(&counter.lock);
	local_lock(&other_counter.lock);
	local_unlock(&counter.lock);
	CHECK(shim_preempt_count() == 1);
	local_unlock(&other_counter.lock);
	shim_cpu_set(1);
	local_lock(&counter.lock);	/* CPU 1's instance */
	local_unlock(&counter.lock);
	CHECK(shim_preempt_count() == 0 && shim_locks_held() == 0);
	shim_teardown();
}

static void local_lock_recursion(void)
{
	shim_reset();
	local_lock(&counter.lock);
	local_lock(&counter.lock);
}

static void local_unlock_unheld(void)
{
	shim_reset();
	preempt_disable();
	local_unlock(&counter.lock);
}

/* More locks at once than the task's record keeps: a lockdep splat in the kernel. */
static void too_many_locks(void)
{
	static rwlock_t many[48];
	unsigned int i;

	shim_reset();
	for (i = 0; i < 48; i++) {
		rwlock_init(&many[i]);
		read_lock(&many[i]);
	}
}

static void lock_at_teardown(void)
{
	shim_reset();
	rwlock_init(&rw);
	read_lock(&rw);
	shim_teardown();
}

/* The answers the harness sets, then "no". */
static void contention(void)
{
	shim_reset();
	spin_lock_init(&spin);
	rwlock_init(&rw);
	CHECK(!spin_is_contended(&spin));
	shim_contention_set(0x5, 3);
	CHECK(spin_is_contended(&spin) && !rwlock_is_contended(&rw) && rwlock_is_contended(&rw));
	CHECK(!spin_is_contended(&spin));
	shim_teardown();
}

struct item {
	struct list_head list;
	int n;
};

static void list_ok(void)
{
	struct item a = { .n = 1 }, b = { .n = 2 }, *pos, *tmp;
	LIST_HEAD(head);
	LIST_HEAD(other);
	int sum = 0;

	list_add(&a.list, &head);
	list_add_tail(&b.list, &head);
	list_for_each_entry(pos, &head, list)
		sum = sum * 10 + pos->n;
	CHECK(sum == 12 && list_first_entry_or_null(&head, struct item, list) == &a);
	list_splice_init(&head, &other);
	CHECK(list_empty(&head) && !list_empty(&other));
	list_for_each_entry_safe(pos, tmp, &other, list)
		list_del(&pos->list);
	CHECK(list_empty(&other) && a.list.next == LIST_POISON1);
}

static void list_add_twice(void)
{
	struct item a;
	LIST_HEAD(head);

	list_add(&a.list, &head);
	list_add(&a.list, &head);
}

static void list_del_twice(void)
{
	struct item a;
	LIST_HEAD(head);

	list_add(&a.list, &head);
	list_del(&a.list);
	list_del(&a.list);
}

int main(void)
{
	expect_clean("sched: kmap_atomic's counts, migrate_disable, cond_resched", counts_ok);
	expect_report("sched: pagefault_enable unbalanced", pagefault_unbalanced,
		      "BUG: shim.sched.unbalanced: pagefault_enable without pagefault_disable");
	expect_report("sched: migrate_enable unbalanced", migrate_unbalanced,
		      "BUG: shim.sched.unbalanced: migrate_enable without migrate_disable");
	expect_report("sched: page faults disabled at teardown", pagefault_at_teardown,
		      "BUG: shim.leak.preempt: preempt count raised at teardown");
	expect_report("sched: cond_resched in atomic context", resched_atomic,
		      "BUG: shim.sched.sleep-in-atomic: sleeping function called from invalid context");
	expect_clean("percpu: a copy per CPU from the template; this CPU's while pinned", percpu_ok);
	expect_report("percpu: smp_processor_id while preemptible", cpu_preemptible,
		      "BUG: shim.cpu.preemptible: using smp_processor_id() in preemptible code");
	expect_report("percpu: this_cpu_ptr while preemptible", this_cpu_preemptible,
		      "BUG: shim.cpu.preemptible: using smp_processor_id() in preemptible code");
	expect_report("percpu: a task moved while pinned", cpu_move_pinned,
		      "BUG: shim.cpu.pinned: a task moved while it may not be");
	expect_report_needs(EXPECT_ASAN, "percpu: one variable overflowing its copy", percpu_overflow,
			    "AddressSanitizer: heap-buffer-overflow");
	expect_report("percpu: a CPU that does not exist", bad_cpu,
		      "BUG: shim.cpu.bad-cpu: per-CPU access for a CPU that does not exist");
	expect_report("percpu: a pointer into no per-CPU variable", not_percpu,
		      "BUG: shim.cpu.not-percpu: per-CPU access through a pointer to no per-CPU variable");
	expect_clean("cpuhp: startup per CPU, a failure rolled back, down and up", cpuhp_ok);
	expect_report("cpuhp: a state set up twice", cpuhp_twice,
		      "BUG: shim.cpuhp.busy: cpuhp_setup_state of a state that is set up");
	expect_report("cpuhp: a state removed that was never set up", cpuhp_remove_unknown,
		      "BUG: shim.cpuhp.unknown: cpuhp_remove_state of a state not set up");
	expect_report("cpuhp: a task moved to a CPU that is down", cpu_to_offline,
		      "BUG: shim.cpu.offline: a task moved to a CPU that is not online");
	expect_clean("rwlock: readers, out of order, then a writer", rwlock_ok);
	expect_report("rwlock: never initialised", rwlock_uninitialised,
		      "BUG: shim.rwlock.bad-magic: rwlock bad magic");
	expect_report("rwlock: write_lock while this task reads", write_while_reading,
		      "BUG: shim.rwlock.deadlock: write_lock of an rwlock this task holds");
	expect_report("rwlock: read_lock while this task writes", read_while_writing,
		      "BUG: shim.rwlock.deadlock: read_lock of an rwlock this task write-holds");
	expect_report("rwlock: read_unlock of a lock not read", read_unlock_unheld,
		      "BUG: shim.rwlock.not-held: read_unlock of an rwlock not read-held");
	expect_report("rwlock: write_unlock of a lock only read", write_unlock_unheld,
		      "BUG: shim.rwlock.not-held: write_unlock of an rwlock not write-held");
	expect_clean("local_lock: two, out of order; another CPU's instance", local_lock_ok);
	expect_report("local_lock: taken again on its CPU", local_lock_recursion,
		      "BUG: shim.local_lock.recursion: local_lock taken again on its CPU");
	expect_report("local_lock: released by a task that does not hold it", local_unlock_unheld,
		      "BUG: shim.local_lock.wrong-owner: local_unlock of a local_lock this task does not hold");
	expect_report("locks: more held at once than recorded", too_many_locks,
		      "BUG: shim.lock.too-many: more locks held at once than lockdep allows");
	expect_report("locks: one still held at teardown", lock_at_teardown,
		      "BUG: shim.leak.preempt: preempt count raised at teardown");
	expect_clean("contention: the answers the harness set", contention);
	expect_clean("list: add, walk, splice, delete", list_ok);
	expect_report("list: an entry added twice", list_add_twice,
		      "BUG: shim.list.corruption: list_add corruption");
	expect_report("list: an entry deleted twice", list_del_twice,
		      "BUG: shim.list.corruption: list_del corruption");
	return expect_summary();
}
