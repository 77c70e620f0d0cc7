/* size_edges.c: both allocators' size-class edges, from their headers; see size_edges.h. */
#include <linux/bitops.h>	/* BITS_PER_LONG, for xvmalloc_int.h */
#include <linux/kernel.h>
#include <linux/spinlock.h>	/* spinlock_t, for xvmalloc_int.h */
#include <xvmalloc_int.h>
#include <xcfmalloc_int.h>
#include "size_edges.h"

/* xvmalloc: the freelist a request of size bytes is served from (xv_malloc, get_index). */
static long xv_class(u32 size)
{
	if (size == 0 || size > XV_MAX_ALLOC_SIZE)
		return -1;	/* refused: a class of its own */
	size = ALIGN(size, XV_ALIGN);
	if (size < XV_MIN_ALLOC_SIZE)
		size = XV_MIN_ALLOC_SIZE;
	return (long)((ALIGN(size, FL_DELTA) - XV_MIN_ALLOC_SIZE) >> FL_DELTA_SHIFT);
}

/* xcfmalloc: the freelist of the block that holds size bytes and a header. */
static long xcf_class(u32 size)
{
	if (size > MAX_ALLOC_SIZE)
		return -1;
	return xcf_size_to_flindex((int)(size + sizeof(struct xcf_blkhdr)));
}

/* Every class change of either up to a page and one past, both sides of it. */
#define EDGES_MAX	(2 * (NUM_FREE_LISTS + XCF_NUM_FREELISTS) + 8)
static u32 edges[EDGES_MAX];
static unsigned int nedges;

static void add(u32 size)
{
	if (nedges && edges[nedges - 1] >= size)
		return;		/* sizes arrive in order */
	if (nedges < EDGES_MAX)
		edges[nedges++] = size;
}

static void compute(void)
{
	u32 s;

	add(0);
	for (s = 1; s <= PAGE_SIZE + 1; s++) {
		if (xv_class(s) != xv_class(s - 1) || xcf_class(s) != xcf_class(s - 1)) {
			add(s - 1);
			add(s);
		}
	}
}

const u32 *size_edges(unsigned int *count)
{
	if (!nedges)
		compute();
	*count = nedges;
	return edges;
}

u32 size_edge_next(u32 size, bool up)
{
	unsigned int n, lo = 0, hi;
	const u32 *e = size_edges(&n);

	/* lo: the first edge above size */
	for (hi = n; lo < hi;) {
		unsigned int mid = (lo + hi) / 2;

		if (e[mid] <= size)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (up)
		return lo < n ? e[lo] : size;
	/* the last edge below size */
	while (lo > 0 && e[lo - 1] >= size)
		lo--;
	return lo > 0 ? e[lo - 1] : size;
}
