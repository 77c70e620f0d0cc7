/* linux/debugfs.h: CONFIG_ZSMALLOC_STAT's files; no build here turns it on (Debian does not). */
#ifndef _SHIM6_LINUX_DEBUGFS_H
#define _SHIM6_LINUX_DEBUGFS_H

#endif
