/*
 * linux/cpuhotplug.h: cpuhp_setup_state() runs startup for each online CPU
 * and rolls back on an error; cpuhp_remove_state() runs teardown on each.
 * Only the states code here names.
 */
#ifndef _SHIM6_LINUX_CPUHOTPLUG_H
#define _SHIM6_LINUX_CPUHOTPLUG_H

#include <allocfuzz/runtime.h>

enum cpuhp_state {
	CPUHP_INVALID = -1,
	CPUHP_OFFLINE = 0,
	CPUHP_MM_ZS_PREPARE,
	CPUHP_ONLINE,
};

#define cpuhp_setup_state(state, name, startup, teardown)		\
	shim_cpuhp_setup((state), (name), (startup), (teardown), SHIM_SITE)
#define cpuhp_remove_state(state)	shim_cpuhp_remove((state), SHIM_SITE)

#endif
