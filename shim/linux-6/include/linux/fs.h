/* linux/fs.h: needed by debugfs files only, which CONFIG_ZSMALLOC_STAT builds have. */
#ifndef _SHIM6_LINUX_FS_H
#define _SHIM6_LINUX_FS_H

#endif
