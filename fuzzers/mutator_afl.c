/*
 * mutator_afl.c: mutator.c as an AFL++ 4.04c custom mutator library, built
 * beside each AFL++ binary (//fuzzers:allocfuzz_afl_mutator.so) and loaded
 * with AFL_CUSTOM_MUTATOR_LIBRARY.  AFL++ runs its own mutations as well
 * (unless AFL_CUSTOM_MUTATOR_ONLY=1), so the byte level is AFL++'s; this
 * library makes structural changes only, and with AFL++'s second input
 * (add_buf) splices the two at operation boundaries a quarter of the time.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "mutator.h"

struct afl_mutator {
	struct mutator m;
	u8 *buf;
	size_t cap;
	unsigned int calls;
};

void *afl_custom_init(void *afl, unsigned int seed);
size_t afl_custom_fuzz(void *data, uint8_t *buf, size_t buf_size, uint8_t **out_buf,
		       uint8_t *add_buf, size_t add_buf_size, size_t max_size);
const char *afl_custom_describe(void *data, size_t max_description_len);
void afl_custom_deinit(void *data);

void *afl_custom_init(void *afl, unsigned int seed)
{
	struct afl_mutator *a = calloc(1, sizeof(*a));

	(void)afl;
	if (!a)
		return NULL;
	mutator_init(&a->m, seed, NULL);
	a->m.bytes_per_256 = 0;		/* AFL++'s own stages do the bytes */
	return a;
}

size_t afl_custom_fuzz(void *data, uint8_t *buf, size_t buf_size, uint8_t **out_buf,
		       uint8_t *add_buf, size_t add_buf_size, size_t max_size)
{
	struct afl_mutator *a = data;
	size_t room = buf_size > max_size ? buf_size : max_size;
	u8 *p;

	if (room > a->cap) {
		if (!(p = realloc(a->buf, room)))
			return 0;	/* AFL++ skips this one */
		a->buf = p;
		a->cap = room;
	}
	a->calls++;
	if (add_buf && add_buf_size && !(a->calls % 4)) {
		*out_buf = a->buf;
		a->m.nlast = 0;
		return mutator_crossover(&a->m, buf, buf_size, add_buf, add_buf_size, a->buf,
					 max_size, a->calls);
	}
	memcpy(a->buf, buf, buf_size);
	*out_buf = a->buf;
	return mutator_mutate(&a->m, a->buf, buf_size, max_size, a->calls);
}

/* Names the queue entries this mutator made (AFL++ adds it to their file names). */
const char *afl_custom_describe(void *data, size_t max_description_len)
{
	struct afl_mutator *a = data;
	static char name[64];
	size_t n;

	n = strlen("allocfuzz-ops-");
	if (max_description_len <= n + 1)
		return "";
	memcpy(name, "allocfuzz-ops-", n);
	strncpy(name + n, a->m.nlast ? mut_kind_name[a->m.last[0]] : "splice",
		sizeof(name) - n - 1);
	name[max_description_len < sizeof(name) ? max_description_len - 1 : sizeof(name) - 1] = 0;
	return name;
}

void afl_custom_deinit(void *data)
{
	struct afl_mutator *a = data;

	free(a->buf);
	free(a);
}
