/*
 * linux/printk.h: pr_*() to standard error with the kernel's level names;
 * pr_fmt() as the file defines it (zsmalloc: "zsmalloc: ").  A message is
 * no report: a WARN or BUG is.
 */
#ifndef _SHIM6_LINUX_PRINTK_H
#define _SHIM6_LINUX_PRINTK_H

#include <allocfuzz/runtime.h>

#ifndef pr_fmt
#define pr_fmt(fmt)	fmt
#endif
#define pr_err(fmt, ...)	shim_printk("<3>", pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)	shim_printk("<4>", pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)	shim_printk("<6>", pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...)	do { } while (0)

#endif
