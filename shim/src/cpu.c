/*
 * cpu.c: the CPUs a thread runs on, per-CPU variables (a heap copy per
 * variable and CPU, so AddressSanitizer guards each), and the CPU hotplug
 * states with their callbacks.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

static _Thread_local unsigned int cpu;		/* this thread's CPU */
static bool offline[SHIM_NR_CPUS];

unsigned int shim_cpu_raw(void)
{
	return cpu;
}

/* check_preemption_disabled(): preempt count, or migration disabled, keeps the CPU. */
unsigned int shim_cpu_checked(const char *site)
{
	if (shim_preempt_count() == 0 && shim_migrate_disabled() == 0)
		shim_check_failed("shim.cpu.preemptible",
				  "using smp_processor_id() in preemptible code", site,
				  "the CPU (%u) was asked for with preemption and migration enabled: the task may move at once",
				  cpu);
	return cpu;
}

bool shim_cpu_online(unsigned int c)
{
	return c < SHIM_NR_CPUS && !offline[c];
}

void shim_cpu_set(unsigned int c)
{
	if (!shim_cpu_online(c))
		shim_check_failed("shim.cpu.offline", "a task moved to a CPU that is not online", NULL,
				  "CPU %u is offline or does not exist", c);
	if (shim_preempt_count() || shim_migrate_disabled())
		shim_check_failed("shim.cpu.pinned", "a task moved while it may not be", NULL,
				  "preempt count %d, migrate-disable depth %d", shim_preempt_count(),
				  shim_migrate_disabled());
	cpu = c;
}

/* Per-CPU variables: templates registered at start-up, one heap copy per CPU. */
#define PERCPU_VARS	32
static struct percpu_var {
	char *tmpl;
	size_t size;
	const char *name;
	void *copy[SHIM_NR_CPUS];
} percpu[PERCPU_VARS];
static unsigned int nr_percpu;

void shim_percpu_register(void *tmpl, size_t size, const char *name)
{
	if (nr_percpu == PERCPU_VARS)
		abort();	/* a build with more per-CPU variables than the shim has room for */
	percpu[nr_percpu++] = (struct percpu_var){ .tmpl = tmpl, .size = size, .name = name };
}

/* Fresh copies of every template, as a boot would make them. */
static void percpu_reset(void)
{
	unsigned int i, c;

	for (i = 0; i < nr_percpu; i++)
		for (c = 0; c < SHIM_NR_CPUS; c++) {
			free(percpu[i].copy[c]);
			if (!(percpu[i].copy[c] = malloc(percpu[i].size)))
				abort();
			memcpy(percpu[i].copy[c], percpu[i].tmpl, percpu[i].size);
		}
}

void *shim_percpu_ptr(const void *ptr, unsigned int c, const char *site)
{
	uintptr_t p = (uintptr_t)ptr, t;
	unsigned int i;

	if (c >= SHIM_NR_CPUS)
		shim_check_failed("shim.cpu.bad-cpu", "per-CPU access for a CPU that does not exist", site,
				  "cpu %u, nr_cpu_ids %u", c, SHIM_NR_CPUS);
	for (i = 0; i < nr_percpu; i++) {
		t = (uintptr_t)percpu[i].tmpl;
		if (p >= t && p < t + percpu[i].size) {
			if (!percpu[i].copy[c])
				percpu_reset();
			return (char *)percpu[i].copy[c] + (p - t);
		}
	}
	shim_check_failed("shim.cpu.not-percpu", "per-CPU access through a pointer to no per-CPU variable",
			  site, "%p is in no variable DEFINE_PER_CPU registered", ptr);
}

/* Hotplug states: the callbacks cpuhp_setup_state() installed. */
#define CPUHP_STATES	8
static struct cpuhp {
	int state;
	const char *name;
	int (*startup)(unsigned int cpu);
	int (*teardown)(unsigned int cpu);
} cpuhp[CPUHP_STATES];
static unsigned int nr_cpuhp;

int shim_cpuhp_setup(int state, const char *name, int (*startup)(unsigned int cpu),
		     int (*teardown)(unsigned int cpu), const char *site)
{
	unsigned int c, done;
	int ret;

	shim_sleep_point(site);		/* cpus_read_lock(): a sleeping lock */
	if (nr_cpuhp == CPUHP_STATES)
		abort();
	for (c = 0; c < nr_cpuhp; c++)
		if (cpuhp[c].state == state)
			shim_check_failed("shim.cpuhp.busy", "cpuhp_setup_state of a state that is set up",
					  site, "state %d (%s) is set up already", state, cpuhp[c].name);
	for (c = 0; c < SHIM_NR_CPUS; c++) {
		if (!startup || offline[c])
			continue;
		ret = startup(c);
		if (!ret)
			continue;
		/* cpuhp_issue_call() rollback: teardown on the CPUs done, newest first */
		for (done = c; done-- > 0;)
			if (teardown && !offline[done])
				teardown(done);
		return ret;
	}
	cpuhp[nr_cpuhp++] = (struct cpuhp){ state, name, startup, teardown };
	return 0;
}

void shim_cpuhp_remove(int state, const char *site)
{
	unsigned int i, c;

	shim_sleep_point(site);
	for (i = 0; i < nr_cpuhp && cpuhp[i].state != state; i++)
		;
	if (i == nr_cpuhp)
		shim_check_failed("shim.cpuhp.unknown", "cpuhp_remove_state of a state not set up", site,
				  "state %d", state);
	for (c = SHIM_NR_CPUS; c-- > 0;)
		if (cpuhp[i].teardown && !offline[c])
			cpuhp[i].teardown(c);
	cpuhp[i] = cpuhp[--nr_cpuhp];
}

static unsigned int online_count(void)
{
	unsigned int c, n = 0;

	for (c = 0; c < SHIM_NR_CPUS; c++)
		n += !offline[c];
	return n;
}

int shim_cpu_down(unsigned int c)
{
	unsigned int i, other;

	if (!shim_cpu_online(c) || online_count() == 1)
		return 0;	/* not up, or the last one up: nothing to do */
	shim_sleep_point(NULL);
	if (cpu == c) {
		for (other = 0; other == c || offline[other]; other++)
			;
		shim_cpu_set(other);
	}
	offline[c] = true;
	for (i = nr_cpuhp; i-- > 0;)	/* teardown in reverse state order */
		if (cpuhp[i].teardown)
			cpuhp[i].teardown(c);
	return 0;
}

int shim_cpu_up(unsigned int c)
{
	unsigned int i, done;
	int ret;

	if (c >= SHIM_NR_CPUS || !offline[c])
		return 0;
	shim_sleep_point(NULL);
	for (i = 0; i < nr_cpuhp; i++) {
		if (!cpuhp[i].startup || !(ret = cpuhp[i].startup(c)))
			continue;
		for (done = i; done-- > 0;)	/* roll back: the CPU stays down */
			if (cpuhp[done].teardown)
				cpuhp[done].teardown(c);
		return ret;
	}
	offline[c] = false;
	return 0;
}

void shim_cpu_reset(void)
{
	memset(offline, 0, sizeof(offline));
	cpu = 0;
	nr_cpuhp = 0;
	percpu_reset();
}
