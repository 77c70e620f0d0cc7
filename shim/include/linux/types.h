/* linux/types.h: fixed-width kernel types and gfp_t. */
#ifndef _SHIM_LINUX_TYPES_H
#define _SHIM_LINUX_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;
typedef unsigned long ulong;

/* 2.6.3x: gfp_t is a sparse-annotated unsigned int. */
typedef unsigned int gfp_t;

struct page;

#endif
