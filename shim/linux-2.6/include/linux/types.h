/* linux/types.h: fixed-width kernel types and gfp_t. */
#ifndef _SHIM_LINUX_TYPES_H
#define _SHIM_LINUX_TYPES_H

#include <allocfuzz/types.h>

typedef unsigned long ulong;

/* 2.6.3x: gfp_t is a sparse-annotated unsigned int. */
typedef unsigned int gfp_t;

struct page;

#endif
