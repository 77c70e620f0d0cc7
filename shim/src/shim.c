/* shim.c: reset, teardown, owner tags and counters of the whole shim. */
#include <string.h>
#include "internal.h"

struct shim_stats shim_stats;
unsigned int shim_off;

void shim_set_off(unsigned int off)
{
	shim_off = off;
}
static _Thread_local const void *owner;

void shim_set_owner(const void *tag)
{
	owner = tag;
}

const void *shim_current_owner(void)
{
	return owner;
}

void shim_snapshot(void *dst, const void *src, size_t n)
{
	memcpy(dst, src, n);
	shim_written(dst, n);
}

void shim_get_stats(struct shim_stats *stats)
{
	shim_table_lock();
	*stats = shim_stats;
	shim_table_unlock();
}

void shim_reset(void)
{
	shim_table_lock();
	shim_pages_reset();
	shim_slab_reset();
	shim_fault_reset();
	shim_records_reset();
	memset(&shim_stats, 0, sizeof(shim_stats));
	shim_table_unlock();
	while (shim_preempt_count() > 0)
		shim_preempt_dec();
	shim_sched_reset();
	shim_locks_reset();
	shim_contention_reset();
	shim_works_reset();
	shim_modules_reset();
	shim_vmstat_reset();
	shim_cpu_reset();
	shim_set_preempt_hook(NULL, NULL);
	owner = NULL;
}

void shim_teardown(void)
{
	shim_kmap_teardown();
	if (shim_preempt_count())
		shim_check_failed("shim.leak.preempt",
				  "preempt count raised at teardown", NULL,
				  "preempt count is %d at teardown (a lock still held: %s)",
				  shim_preempt_count(),
				  shim_held_first_site() ? shim_held_first_site() : "none");
	if (shim_pagefault_disabled() || shim_migrate_disabled())
		shim_check_failed("shim.leak.preempt", "preempt count raised at teardown", NULL,
				  "pagefault-disable depth %d, migrate-disable depth %d at teardown",
				  shim_pagefault_disabled(), shim_migrate_disabled());
	shim_works_teardown();
	shim_page_locks_teardown();
	shim_pages_teardown();
	shim_slab_teardown();
}
