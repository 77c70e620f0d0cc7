/* registry.c: the allocators linked into this binary; see allocator.h. */
#include <stdio.h>
#include <stdlib.h>
#include "allocator.h"

static const struct allocator *linked[ALLOCATORS_MAX];
static int linked_rank[ALLOCATORS_MAX];
static unsigned int count;

void allocator_register(const struct allocator *a, int rank)
{
	unsigned int i = count;

	if (count == ALLOCATORS_MAX) {
		fprintf(stderr, "allocfuzz: more than %d allocators linked in\n", ALLOCATORS_MAX);
		abort();
	}
	/* insertion by rank: the order is the registry's whatever the link order */
	for (; i > 0 && linked_rank[i - 1] > rank; i--) {
		linked[i] = linked[i - 1];
		linked_rank[i] = linked_rank[i - 1];
	}
	linked[i] = a;
	linked_rank[i] = rank;
	count++;
}

unsigned int allocators_linked(const struct allocator *const **list)
{
	*list = linked;
	return count;
}

const struct allocator *allocator_find(const char *name)
{
	size_t n = strlen(name);
	unsigned int i;

	/* its name, or the name of one build of it: "zsmalloc" finds "zsmalloc-6.1-debian" */
	for (i = 0; i < count; i++)
		if (!strncmp(linked[i]->name, name, n) && (!linked[i]->name[n] || linked[i]->name[n] == '-'))
			return linked[i];
	return NULL;
}

static long (*classes[ALLOCATORS_MAX])(uint32_t size);
static unsigned int class_count;

void size_class_register(long (*class_of)(uint32_t size))
{
	if (class_count == ALLOCATORS_MAX) {
		fprintf(stderr, "allocfuzz: more than %d size classes linked in\n", ALLOCATORS_MAX);
		abort();
	}
	classes[class_count++] = class_of;
}

unsigned int size_classes_linked(long (*const **list)(uint32_t size))
{
	*list = classes;
	return class_count;
}
