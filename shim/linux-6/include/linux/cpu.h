/* linux/cpu.h: CPU hotplug, as the kernel's cpu.h pulls it in. */
#ifndef _SHIM6_LINUX_CPU_H
#define _SHIM6_LINUX_CPU_H

#include <linux/cpuhotplug.h>
#include <linux/cpumask.h>

#endif
