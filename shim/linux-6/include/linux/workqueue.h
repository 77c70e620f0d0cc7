/*
 * linux/workqueue.h: works on the system workqueue.  schedule_work() queues
 * a work unless it is pending already (false then); the runtime runs queued
 * works later, in process context, when the harness says, and flush_work()
 * runs a pending one before it returns.  Freeing a pending work is a BUG.
 */
#ifndef _SHIM6_LINUX_WORKQUEUE_H
#define _SHIM6_LINUX_WORKQUEUE_H

#include <linux/compiler.h>
#include <linux/kernel.h>
#include <allocfuzz/runtime.h>

struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);

struct work_struct {
	struct shim_work shim;		/* the runtime's: pending, queued where */
	work_func_t func;
};

/* The runtime calls this; it calls the work's function. */
static inline void shim6_work_run(struct shim_work *w)
{
	struct work_struct *work = container_of(w, struct work_struct, shim);

	work->func(work);
}

#define INIT_WORK(work, fn) do {					\
		shim_work_init(&(work)->shim, shim6_work_run);		\
		(work)->func = (fn);					\
	} while (0)
#define schedule_work(work)	shim_work_queue(&(work)->shim, SHIM_SITE)
#define flush_work(work)	shim_work_flush(&(work)->shim, SHIM_SITE)

#endif
