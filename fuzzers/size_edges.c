/* size_edges.c: the size-class edges of every allocator linked in (allocator.h's size classes); see size_edges.h. */
#include <allocfuzz/runtime.h>
#include "allocator.h"
#include "size_edges.h"

/* Every class change of any up to a page and one past, both sides of it. */
#define EDGES_MAX	4096
static u32 edges[EDGES_MAX];
static unsigned int nedges;

static void add(u32 size)
{
	if (nedges && edges[nedges - 1] >= size)
		return;		/* sizes arrive in order */
	if (nedges < EDGES_MAX)
		edges[nedges++] = size;
}

static bool class_changes(long (*const *class_of)(uint32_t), unsigned int n, u32 s)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (class_of[i](s) != class_of[i](s - 1))
			return true;
	return false;
}

static void compute(void)
{
	long (*const *class_of)(uint32_t);
	unsigned int n = size_classes_linked(&class_of);
	u32 s;

	add(0);
	for (s = 1; s <= SHIM_PAGE_SIZE + 1; s++) {
		if (class_changes(class_of, n, s)) {
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
