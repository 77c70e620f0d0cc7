/* linux/bug.h: BUG()/BUG_ON() print a kernel-style report and abort. */
#ifndef _SHIM_LINUX_BUG_H
#define _SHIM_LINUX_BUG_H

#include <linux/compiler.h>
#include <shim-common/bug.h>

#endif
