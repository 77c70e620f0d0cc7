/*
 * linux/module.h: module_init() and module_exit() register the module's
 * functions under KBUILD_MODNAME at start-up; the harness loads and unloads
 * it by that name (allocfuzz/shim.h), as modprobe (Debian 6.1 builds
 * zsmalloc as a module) or the initcalls (6.12: built in) would.  The
 * metadata is dropped.
 */
#ifndef _SHIM6_LINUX_MODULE_H
#define _SHIM6_LINUX_MODULE_H

#include <linux/compiler.h>
#include <linux/init.h>
#include <allocfuzz/runtime.h>

struct module;
#define THIS_MODULE	((struct module *)0)

#define MODULE_LICENSE(x)
#define MODULE_AUTHOR(x)
#define MODULE_DESCRIPTION(x)
#define MODULE_ALIAS(x)
#define EXPORT_SYMBOL(x)
#define EXPORT_SYMBOL_GPL(x)

#define module_init(fn)							\
	__attribute__((constructor)) static void __PASTE(shim6_module_init_, fn)(void) \
	{								\
		shim_module_register(KBUILD_MODNAME, fn, NULL);		\
	}
#define module_exit(fn)							\
	__attribute__((constructor)) static void __PASTE(shim6_module_exit_, fn)(void) \
	{								\
		shim_module_register(KBUILD_MODNAME, NULL, fn);		\
	}

#endif
