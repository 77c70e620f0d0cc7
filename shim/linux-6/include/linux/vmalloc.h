/* linux/vmalloc.h: zsmalloc still includes it (its old page-table mapping); nothing of it is used. */
#ifndef _SHIM6_LINUX_VMALLOC_H
#define _SHIM6_LINUX_VMALLOC_H

#endif
