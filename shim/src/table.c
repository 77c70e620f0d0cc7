/* table.c: the registry of everything live, one hash table keyed by address. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

#define TABLE_BITS	12
#define TABLE_SIZE	(1u << TABLE_BITS)

pthread_mutex_t shim_lock = PTHREAD_MUTEX_INITIALIZER;
bool shim_threaded;
_Thread_local bool shim_table_owner;
static int table_claimed;

void shim_set_threaded(void)
{
	shim_table_owner = true;
	__atomic_store_n(&shim_threaded, true, __ATOMIC_SEQ_CST);
}

void shim_claim_table(void)
{
	int unclaimed = 0;

	if (__atomic_compare_exchange_n(&table_claimed, &unclaimed, 1, false,
					__ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
		shim_table_owner = true;
		return;
	}
	shim_check_failed("shim.sched.unannounced-thread",
			  "shim used by a second thread without shim_set_threaded()", NULL,
			  "this thread is not the one that first used the shim; a target that runs it from several threads calls shim_set_threaded() before they start");
}
static struct shim_record *table[TABLE_SIZE];
static struct shim_record *all;	/* so that reset and teardown need not scan the table */

static unsigned int bucket(const void *key)
{
	uintptr_t k = (uintptr_t)key;

	return (unsigned int)((k * 0x9e3779b97f4a7c15ull) >> (64 - TABLE_BITS));
}

static struct shim_record *spare;	/* records are bookkeeping: reuse them */

#define COUNTS	16	/* (kind, cache, owner) triples a run may have: a few pools */
static struct {
	enum shim_kind kind;
	const struct kmem_cache *cache;
	const void *owner;
	long n;
} counts[COUNTS];
static bool counts_overflow;

static void count(const struct shim_record *rec, long delta)
{
	int i, free_slot = -1;

	for (i = 0; i < COUNTS; i++) {
		if (counts[i].n && counts[i].kind == rec->kind &&
		    counts[i].cache == rec->cache && counts[i].owner == rec->owner) {
			counts[i].n += delta;
			return;
		}
		if (!counts[i].n && free_slot < 0)
			free_slot = i;
	}
	if (free_slot < 0) {
		counts_overflow = true;
		return;
	}
	counts[free_slot].kind = rec->kind;
	counts[free_slot].cache = rec->cache;
	counts[free_slot].owner = rec->owner;
	counts[free_slot].n = delta;
}

long shim_record_count(enum shim_kind kind, const struct kmem_cache *cache,
		       const void *owner)
{
	long n = 0;
	int i;

	if (counts_overflow)
		return -1;
	for (i = 0; i < COUNTS; i++)
		if (counts[i].n && counts[i].kind == kind && counts[i].cache == cache &&
		    (!owner || counts[i].owner == owner))
			n += counts[i].n;
	return n;
}

void shim_records_reset(void)
{
	memset(counts, 0, sizeof(counts));
	counts_overflow = false;
}

struct shim_record *shim_record_add(const void *key, enum shim_kind kind,
				    const struct kmem_cache *cache, size_t size,
				    const char *site)
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
	rec->cache = cache;
	count(rec, 1);
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
	count(rec, -1);
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
