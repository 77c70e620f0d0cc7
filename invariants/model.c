/* model.c: the shadow model of model.h. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <allocfuzz/guard.h>
#include <allocfuzz/quarantine.h>
#include <allocfuzz/runtime.h>
#include <allocfuzz/report.h>
#include <allocfuzz/sanitizer.h>
#include "model.h"

const struct invariant model_invariants[] = {
	[MODEL_SIZE] = { "model.size", "get-size differs from the size malloc was asked for",
		"callers size their reads and decompression by it: the allocator must keep it exactly" },
	[MODEL_BYTES] = { "model.bytes", "read-back differs from what was written",
		"an allocation is storage: what a caller wrote is what it reads, until it frees it" },
	[MODEL_MALLOC_FAILED] = { "model.malloc-failed",
		"malloc failed a size the allocator promises, with no allocation refused",
		"the allocator fails only when it cannot get memory: a size it promises needs a page at most" },
	[MODEL_MALLOC_COULD_SERVE] = { "model.malloc-could-serve",
		"malloc failed a size the free blocks can hold",
		"the allocator searches its free blocks before it asks for a page: with only pages refused, blocks that fit must serve" },
	[MODEL_CREATE_FAILED] = { "model.create-failed",
		"pool creation failed with no allocation refused",
		"creating a pool fails only when the memory for it cannot be had: else every caller is left without one" },
	[MODEL_EXTRA_FAILED] = { "model.extra-failed",
		"an allocator operation failed where it may not",
		"an operation fails only where its contract allows, and then only when memory was refused" },
};
INVARIANTS_REGISTER(model_invariants)

bool model_off;

void model_init(struct model *m, const struct allocator *a)
{
	memset(m, 0, sizeof(*m));
	m->a = a;
}

/* A buffer's length: the slot's size, at least one byte for malloc. */
static u32 buffer_len(const struct model_slot *s)
{
	return s->size ? s->size : 1;
}

/*
 * A caller's buffer of up to CHUNK bytes is the tail of a CHUNK-byte chunk
 * of the C heap, starting on an ASan granule and ending less than one granule
 * before the chunk's end: a copy past its end is a heap-buffer-overflow in
 * ASan's redzone, as with an exact malloc, and the chunk before it stays
 * poisoned.  A freed slot's chunk waits, poisoned, in a FIFO quarantine
 * (allocfuzz/quarantine.h) and is handed out again only after
 * MODEL_BUFFER_QUARANTINE others were freed, so a stale pointer still meets
 * poison, and an input makes no ASan malloc (fresh memory behind ASan's
 * quarantine, a sixth of an input) per allocation.
 * A larger buffer (an allocator that served more than it promises) is an
 * exact malloc of its own.
 */
#define CHUNK		SHIM_PAGE_SIZE	/* an allocator's max_size is a page at most */
#define GRANULE		8		/* ASan's shadow granule */

/*
 * Without ASan (allocfuzz/guard.h) a chunk is a page between guard pages and
 * a buffer ends exactly at its end, so a copy even one byte past the end
 * faults at the access; CANARY bytes before its start hold a pattern that
 * model_buffer_done() verifies, so a write before the start is reported
 * when the operation ends.
 */
#define CANARY		16
#define CANARY_BYTE	0xcb

#if GUARD_ON
static void describe_buffer(const void *tag, const void *mem, const void *addr, bool after)
{
	(void)tag;
	if (after)
		report_begin("BUG: shim.guard.buffer-overflow: access past the end of a caller's buffer");
	else
		report_begin("BUG: shim.guard.buffer-underflow: access before the start of a caller's buffer");
	report_line("address %p is %ld byte(s) %s the page that holds the buffer", addr,
		    after ? (long)((const char *)addr - ((const char *)mem + CHUNK)) :
		    (long)((const char *)mem - (const char *)addr),
		    after ? "past the end of" : "before the start of");
	report_end();
}
#endif

/* A fresh chunk, poisoned as a freed one; the quarantine's stock. */
static void *chunk_new(void)
{
#if GUARD_ON
	static bool described;

	if (!described) {
		guard_describe(GUARD_BUFFER, describe_buffer);
		described = true;
	}
	return guard_take(GUARD_BUFFER, NULL);
#else
	void *chunk = malloc(CHUNK);

	if (!chunk)
		abort();
	san_poison(chunk, CHUNK);
	return chunk;
#endif
}

/* Where a buffer of n bytes starts in its chunk. */
static u32 chunk_offset(u32 n)
{
	return GUARD_ON ? CHUNK - n : (CHUNK - n) & ~(GRANULE - 1);
}

/* The canary bytes before a chunk buffer of n bytes at buf (none without room or with ASan). */
static u32 canary_len(u32 n)
{
	if (!GUARD_ON || n > CHUNK)
		return 0;
	return CHUNK - n < CANARY ? CHUNK - n : CANARY;
}

static pthread_mutex_t chunk_lock = PTHREAD_MUTEX_INITIALIZER;	/* threads_fuzz's models */
static void *chunk_ring[1024];
static struct quarantine chunk_quarantine =
	QUARANTINE_INIT(chunk_ring, MODEL_BUFFER_QUARANTINE,
			MODEL_BUFFER_QUARANTINE + 2 * MODEL_SLOTS,	/* a differential input's slots */
			chunk_new);

static u8 *chunk_get(void)
{
	u8 *chunk;

	pthread_mutex_lock(&chunk_lock);
	chunk = quarantine_get(&chunk_quarantine);
	pthread_mutex_unlock(&chunk_lock);
	return chunk;
}

static void chunk_put(u8 *chunk)
{
	u8 *old;

	san_poison(chunk, CHUNK);
	pthread_mutex_lock(&chunk_lock);
	old = quarantine_put(&chunk_quarantine, chunk);
	pthread_mutex_unlock(&chunk_lock);
	if (old) {
#if GUARD_ON
		guard_give(old);
#else
		san_unpoison(old, CHUNK);
		free(old);
#endif
	}
}

static void buffer_free(struct model_slot *s)
{
	u32 n = buffer_len(s);

	if (!s->buf)
		return;
	if (n <= CHUNK) {
		chunk_put(s->buf - chunk_offset(n));
	} else {
		san_unpoison(s->buf, n);
		free(s->buf);
	}
	s->buf = NULL;
}

/*
 * The pattern of a seed: word w is table[(start + w) % PATTERN_WORDS] ^ mask,
 * start and mask from the seed.  The table's words are random and more than
 * an allocation's, so no word repeats within one and a shifted copy shows;
 * distinct seeds have distinct masks.  A table row, not a generator, so a
 * write's pattern and a read-back's comparison are loads and xors.
 */
#define PATTERN_WORDS	1024	/* 8 KiB: more than a page, the largest allocation */
static u64 pattern_table[PATTERN_WORDS];

__attribute__((constructor))
static void pattern_table_init(void)
{
	u64 x = 0x9e3779b97f4a7c15ull;
	u32 k;

	for (k = 0; k < PATTERN_WORDS; k++) {	/* xorshift64 */
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		pattern_table[k] = x;
	}
}

struct pattern {
	u32 start;
	u64 mask;
};

/* splitmix64's finaliser: a bijection, so distinct seeds get distinct masks */
static u64 mix(u64 z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static struct pattern pattern_of(u32 seed)
{
	return (struct pattern){ mix(~(u64)seed) % PATTERN_WORDS, mix(seed) };
}

static u64 pattern_word(struct pattern p, u32 w)
{
	return pattern_table[(p.start + w) % PATTERN_WORDS] ^ p.mask;
}

/* The table's words from start on, as many as are consecutive there (at most n). */
static u32 run_of(struct pattern p, u32 w, u32 n)
{
	u32 at = (p.start + w) % PATTERN_WORDS;

	return n < PATTERN_WORDS - at ? n : PATTERN_WORDS - at;
}

void model_pattern(u8 *buf, u32 size, u32 seed)
{
	struct pattern p = pattern_of(seed);
	u32 words = size / sizeof(u64), w = 0, run, j;
	u64 last;

	while (w < words) {
		const u64 *t = &pattern_table[(p.start + w) % PATTERN_WORDS];
		u8 *out = buf + w * sizeof(u64);

		run = run_of(p, w, words - w);
		for (j = 0; j + 2 <= run; j += 2) {	/* two words a step: plain vector stores */
			u64x2 v = *(const u64x2_unaligned *)&t[j] ^ p.mask;

			memcpy(out + j * sizeof(u64), &v, sizeof(v));
		}
		if (j < run) {
			last = t[j] ^ p.mask;
			memcpy(out + j * sizeof(u64), &last, sizeof(last));
		}
		w += run;
	}
	if (size % sizeof(u64)) {
		last = pattern_word(p, words);
		memcpy(buf + words * sizeof(u64), &last, size % sizeof(u64));
	}
}

u8 model_byte(const struct model *m, int i, u32 k)
{
	u64 w = pattern_word(pattern_of(m->slot[i].seed), k / sizeof(w));

	return ((u8 *)&w)[k % sizeof(w)];	/* as model_pattern stores a word */
}

/* One buffer per allocation, not one per operation, and its chunk reused. */
u8 *model_buffer(struct model *m, int i)
{
	struct model_slot *s = &m->slot[i];
	u32 n = buffer_len(s);

	if (!s->buf && n <= CHUNK)
		s->buf = chunk_get() + chunk_offset(n);
	else if (!s->buf && !(s->buf = malloc(n)))
		abort();
	san_unpoison(s->buf, n);
	san_uninit(s->buf, n);	/* as fresh from malloc */
	memset(s->buf - canary_len(n), CANARY_BYTE, canary_len(n));
	return s->buf;
}

void model_buffer_done(struct model *m, int i)
{
	const struct model_slot *s = &m->slot[i];
	u32 n = buffer_len(s), k, c = canary_len(n);

	san_poison(s->buf, n);
	for (k = 0; k < c; k++) {
		if ((s->buf - c)[k] == CANARY_BYTE)
			continue;
		report_begin("BUG: shim.guard.buffer-underflow: a write before the start of a caller's buffer");
		report_line("%s handle %d: the caller's buffer of %u bytes has 0x%02x %u byte(s) before its start",
			    m->a->name, i, n, (s->buf - c)[k], c - k);
		report_end();
	}
}

static void uncount(struct model *m, const struct model_slot *s)
{
	if (!s->live)
		return;
	m->live--;
	m->multi -= s->multi;
	m->live_bytes -= s->size;
}

void model_add(struct model *m, int i, const struct af_handle *h, u32 size)
{
	struct model_slot *s = &m->slot[i];

	uncount(m, s);
	buffer_free(s);
	s->multi = m->a->blocks && m->a->blocks(h) > 1;
	m->live++;
	m->multi += s->multi;
	m->live_bytes += size;
	s->live = true;
	s->written = false;
	s->h = *h;
	s->size = size;
}

void model_write(struct model *m, int i, u32 seed)
{
	m->slot[i].written = true;
	m->slot[i].seed = seed;
}

void model_remove(struct model *m, int i)
{
	uncount(m, &m->slot[i]);
	buffer_free(&m->slot[i]);
	memset(&m->slot[i], 0, sizeof(m->slot[i]));
}

/* The bytes that differ, and where: a model.bytes report's dump. */
struct difference {
	const u8 *written, *read;
	u32 size, first;
};

static void hex_line(const char *what, const u8 *p, u32 from, u32 to)
{
	char line[3 * 16 + 1];
	u32 k;

	for (k = from; k < to; k++)
		snprintf(line + 3 * (k - from), 4, " %02x", p[k]);
	report_line("%s @%-5u%s", what, from, line);
}

static void dump_difference(void *arg)
{
	const struct difference *d = arg;
	u32 from = d->first & ~15u, to = from + 16 < d->size ? from + 16 : d->size;

	hex_line("written", d->written, from, to);
	hex_line("read   ", d->read, from, to);
}

void model_check_size(const struct model *m, int i)
{
	const struct model_slot *s = &m->slot[i];
	u32 size;

	if (model_off)
		return;
	if (!m->a->get_size)
		return;
	size = m->a->get_size(m->pool, &s->h);
	if (size != s->size)
		report_invariant(&model_invariants[MODEL_SIZE], NULL, NULL,
				 "%s handle %d: asked for %u bytes, get-size says %u",
				 m->a->name, i, s->size, size);
}

/* The first of n words at got that differs from the pattern's from word w on, or n. */
static u32 first_word_difference(const u8 *got, struct pattern p, u32 w, u32 n)
{
	const u64 *t = &pattern_table[(p.start + w) % PATTERN_WORDS];
	u32 j;

	for (j = 0; j + 2 <= n; j += 2) {	/* two words a step */
		u64x2 x = *(const u64x2_unaligned *)(got + j * sizeof(u64)) ^
			  *(const u64x2_unaligned *)&t[j] ^ p.mask;

		if (x[0] | x[1])
			return x[0] ? j : j + 1;
	}
	if (j < n) {
		u64 g;

		memcpy(&g, got + j * sizeof(u64), sizeof(g));
		if (g != (t[j] ^ p.mask))
			return j;
	}
	return n;
}

/* The first byte of got that differs from model_pattern(seed), or size. */
static u32 first_difference(const u8 *got, u32 size, u32 seed)
{
	struct pattern p = pattern_of(seed);
	u32 words = size / sizeof(u64), w = 0, run, d, k;
	u64 want;

	while (w < words) {
		run = run_of(p, w, words - w);
		d = first_word_difference(got + w * sizeof(u64), p, w, run);
		if (d < run) {
			w += d;
			break;
		}
		w += run;
	}
	want = pattern_word(p, w);
	for (k = w * sizeof(u64); k < size && k < (w + 1) * sizeof(u64); k++)
		if (got[k] != ((u8 *)&want)[k % sizeof(u64)])
			return k;
	return size;
}

void model_check(struct model *m, int i)
{
	const struct model_slot *s = &m->slot[i];
	struct difference d;
	u8 *got, *want;
	u32 first;

	model_check_size(m, i);
	if (!s->written || model_off)
		return;
	got = model_buffer(m, i);
	af_copy_out(m->a, m->pool, &s->h, got, s->size);
	first = first_difference(got, s->size, s->seed);
	if (first < s->size) {
		if (!(want = malloc(s->size)))
			abort();
		model_pattern(want, s->size, s->seed);
		d = (struct difference){ want, got, s->size, first };
		report_invariant(&model_invariants[MODEL_BYTES], dump_difference, &d,
				 "%s handle %d of %u bytes: first difference at byte %u",
				 m->a->name, i, s->size, first);
	}
	model_buffer_done(m, i);
}

void model_check_all(struct model *m)
{
	int i;

	for (i = 0; i < MODEL_SLOTS; i++)
		if (m->slot[i].live)
			model_check(m, i);
}
