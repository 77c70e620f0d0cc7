/* table.c: the registry of everything live, one hash table keyed by address. */
#include <stdint.h>
#include <stdlib.h>
#include "internal.h"

#define TABLE_BITS	12
#define TABLE_SIZE	(1u << TABLE_BITS)

pthread_mutex_t shim_lock = PTHREAD_MUTEX_INITIALIZER;
static struct shim_record *table[TABLE_SIZE];

static unsigned int bucket(const void *key)
{
	uintptr_t k = (uintptr_t)key;

	return (unsigned int)((k * 0x9e3779b97f4a7c15ull) >> (64 - TABLE_BITS));
}

struct shim_record *shim_record_add(const void *key, enum shim_kind kind,
				    size_t size, const char *site)
{
	struct shim_record *rec = calloc(1, sizeof(*rec));
	unsigned int b = bucket(key);

	if (!rec)
		abort();
	rec->key = key;
	rec->kind = kind;
	rec->size = size;
	rec->site = site;
	rec->owner = shim_current_owner();
	rec->next = table[b];
	table[b] = rec;
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
	free(rec);
}

void shim_record_for_each(void (*fn)(struct shim_record *rec, void *arg), void *arg)
{
	struct shim_record *rec, *next;
	unsigned int b;

	for (b = 0; b < TABLE_SIZE; b++)
		for (rec = table[b]; rec; rec = next) {
			next = rec->next;
			fn(rec, arg);
		}
}
