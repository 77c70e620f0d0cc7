/*
 * linux/percpu.h: per-CPU variables.  DEFINE_PER_CPU defines the template
 * and registers it; the runtime keeps a separate heap copy per CPU (so
 * AddressSanitizer guards each variable) and per_cpu_ptr() maps a pointer
 * into the template to a CPU's copy.  this_cpu_ptr() and
 * smp_processor_id() check, as CONFIG_DEBUG_PREEMPT does, that the task
 * cannot move meanwhile.  A "static DEFINE_PER_CPU" gives its static to the
 * registration function: the variable itself has external linkage here.
 */
#ifndef _SHIM6_LINUX_PERCPU_H
#define _SHIM6_LINUX_PERCPU_H

#include <linux/compiler.h>
#include <allocfuzz/runtime.h>

#define DEFINE_PER_CPU(type, name)					\
	void __PASTE(shim6_percpu_register_, name)(void) __attribute__((constructor)); \
	extern __typeof__(type) name;					\
	void __PASTE(shim6_percpu_register_, name)(void)		\
	{								\
		shim_percpu_register(&name, sizeof(name), #name);	\
	}								\
	__typeof__(type) name
#define DECLARE_PER_CPU(type, name)	extern __typeof__(type) name

#define per_cpu_ptr(ptr, cpu)	((__typeof__(ptr))shim_percpu_ptr((ptr), (cpu), SHIM_SITE))
#define per_cpu(var, cpu)	(*per_cpu_ptr(&(var), (cpu)))
#define raw_smp_processor_id()	shim_cpu_raw()
#define smp_processor_id()	shim_cpu_checked(SHIM_SITE)
#define this_cpu_ptr(ptr)	per_cpu_ptr((ptr), smp_processor_id())
#define raw_cpu_ptr(ptr)	per_cpu_ptr((ptr), raw_smp_processor_id())

#endif
