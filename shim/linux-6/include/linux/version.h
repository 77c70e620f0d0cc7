/*
 * linux/version.h: KERNEL_VERSION() and LINUX_VERSION_CODE.  A build from a
 * kernel tree gets the code from that tree's Makefile (bazel/kernel_source.bzl
 * defines it, as Kbuild's generated version.h would); without one, the
 * profile's baseline is Debian 12's 6.1.  The profile's headers test it
 * where 6.1 and 6.12 differ.
 */
#ifndef _SHIM6_LINUX_VERSION_H
#define _SHIM6_LINUX_VERSION_H

#define KERNEL_VERSION(a, b, c)	(((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))
#ifndef LINUX_VERSION_CODE
#define LINUX_VERSION_CODE	KERNEL_VERSION(6, 1, 0)
#endif

#endif
