/* linux/types.h: fixed-width kernel types, gfp_t, the atomics' and list's types, as in 6.x. */
#ifndef _SHIM6_LINUX_TYPES_H
#define _SHIM6_LINUX_TYPES_H

#include <allocfuzz/types.h>

typedef unsigned int gfp_t;	/* __bitwise in the kernel */
typedef unsigned long pgoff_t;
typedef u64 phys_addr_t;
typedef unsigned int isolate_mode_t;

typedef struct {
	int counter;
} atomic_t;

typedef struct {
	long counter;
} atomic_long_t;

struct list_head {
	struct list_head *next, *prev;
};

struct page;

#endif
