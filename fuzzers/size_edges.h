/*
 * size_edges.h: the sizes at which any linked allocator's size class
 * changes, and the sizes just below them, computed from the allocators' own
 * constants (each allocator's size_class.c, allocator.h), never from a list
 * of sizes.  The structure-aware mutator moves sizes to these edges.
 */
#ifndef _ALLOCFUZZ_SIZE_EDGES_H
#define _ALLOCFUZZ_SIZE_EDGES_H

#include <allocfuzz/types.h>

/* The edges in increasing order, without repeats; *count is set. */
const u32 *size_edges(unsigned int *count);
/* The nearest edge above (up) or below (!up) size; size itself at the ends. */
u32 size_edge_next(u32 size, bool up);

#endif
