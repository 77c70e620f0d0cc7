/* linux/cpumask.h: the CPUs there are (all possible CPUs present; online ones per the runtime). */
#ifndef _SHIM6_LINUX_CPUMASK_H
#define _SHIM6_LINUX_CPUMASK_H

#include <allocfuzz/runtime.h>

#define nr_cpu_ids	SHIM_NR_CPUS
#define cpu_online(cpu)	shim_cpu_online(cpu)
#define for_each_possible_cpu(cpu)	for ((cpu) = 0; (cpu) < SHIM_NR_CPUS; (cpu)++)

#endif
