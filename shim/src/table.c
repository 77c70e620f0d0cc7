/* table.c: the registry of everything live, one hash table keyed by address. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

#define TABLE_BITS	12
#define TABLE_SIZE	(1u << TABLE_BITS)

pthread_mutex_t shim_lock = PTHREAD_MUTEX_INITIALIZER;
static struct shim_record *table[TABLE_SIZE];
static struct shim_record *all;	/* so that reset and teardown need not scan the table */

static unsigned int bucket(const void *key)
{
	uintptr_t k = (uintptr_t)key;

	return (unsigned int)((k * 0x9e3779b97f4a7c15ull) >> (64 - TABLE_BITS));
}

static struct shim_record *spare;	/* records are bookkeeping: reuse them */

struct shim_record *shim_record_add(const void *key, enum shim_kind kind,
				    size_t size, const char *site)
{
	struct shim_record *rec = spare;
	unsigned int b = bucket(key);

	if (rec)
		spare = rec->next;
	else if (!(rec = malloc(sizeof(*rec))))
		abort();
	memset(rec, 0, sizeof(*rec));
	rec->key = key;
	rec->kind = kind;
	rec->size = size;
	rec->site = site;
	rec->owner = shim_current_owner();
	rec->next = table[b];
	table[b] = rec;
	rec->all_next = all;
	if (all)
		all->all_prev = rec;
	all = rec;
	return rec;
}

struct shim_record *shim_record_find(const void *key, enum shim_kind kind)
{
	struct shim_record *rec;

	for (rec = table[bucket(key)]; rec; rec = rec->next)
		if (rec->key == key && rec->kind == kind)
			return rec;
	return NULL;
}

void shim_record_del(struct shim_record *rec)
{
	struct shim_record **pp = &table[bucket(rec->key)];

	while (*pp != rec)
		pp = &(*pp)->next;
	*pp = rec->next;
	if (rec->all_prev)
		rec->all_prev->all_next = rec->all_next;
	else
		all = rec->all_next;
	if (rec->all_next)
		rec->all_next->all_prev = rec->all_prev;
	rec->next = spare;
	spare = rec;
}

void shim_record_for_each(void (*fn)(struct shim_record *rec, void *arg), void *arg)
{
	struct shim_record *rec, *next;

	for (rec = all; rec; rec = next) {
		next = rec->all_next;
		fn(rec, arg);
	}
}
