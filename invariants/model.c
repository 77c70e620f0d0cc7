/* model.c: the shadow model of model.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
};

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

static void buffer_free(struct model_slot *s)
{
	if (!s->buf)
		return;
	san_unpoison(s->buf, buffer_len(s));
	free(s->buf);
	s->buf = NULL;
}

/* model_pattern's xorshift stream, so it can be made or compared a chunk at a time. */
struct pattern {
	u64 x;
};

static void pattern_start(struct pattern *p, u32 seed)
{
	p->x = seed * 0x9e3779b97f4a7c15ull + 1;
}

static u64 pattern_word(struct pattern *p)
{
	p->x ^= p->x << 13;
	p->x ^= p->x >> 7;
	p->x ^= p->x << 17;
	return p->x;
}

/* The next n bytes; n is a multiple of 8 except at the end. */
static void pattern_next(struct pattern *p, u8 *buf, u32 n)
{
	u64 w;
	u32 k;

	/* whole words by constant-size copies: plain stores, not memcpy calls */
	for (k = 0; k + sizeof(w) <= n; k += sizeof(w)) {
		w = pattern_word(p);
		memcpy(buf + k, &w, sizeof(w));
	}
	if (k < n) {
		w = pattern_word(p);
		memcpy(buf + k, &w, n - k);
	}
}

void model_pattern(u8 *buf, u32 size, u32 seed)
{
	struct pattern p;

	pattern_start(&p, seed);
	pattern_next(&p, buf, size);
}

u8 model_byte(const struct model *m, int i, u32 k)
{
	struct pattern p;
	u64 w = 0;
	u32 j;

	pattern_start(&p, m->slot[i].seed);
	for (j = 0; j <= k / sizeof(w); j++)
		w = pattern_word(&p);
	return ((u8 *)&w)[k % sizeof(w)];	/* as pattern_next copies a word */
}

/*
 * One buffer per allocation, not one per operation: an ASan malloc (fresh
 * memory each time, behind its quarantine) was a fifth of an input.
 */
u8 *model_buffer(struct model *m, int i)
{
	struct model_slot *s = &m->slot[i];
	u32 n = buffer_len(s);

	if (!s->buf) {
		if (!(s->buf = malloc(n)))
			abort();
		return s->buf;
	}
	san_unpoison(s->buf, n);
	san_uninit(s->buf, n);	/* as fresh from malloc */
	return s->buf;
}

void model_buffer_done(struct model *m, int i)
{
	const struct model_slot *s = &m->slot[i];

	san_poison(s->buf, buffer_len(s));
}

void model_add(struct model *m, int i, const struct af_handle *h, u32 size)
{
	struct model_slot *s = &m->slot[i];

	buffer_free(s);
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
	size = m->a->get_size(&s->h);
	if (size != s->size)
		report_invariant(&model_invariants[MODEL_SIZE], NULL, NULL,
				 "%s handle %d: asked for %u bytes, get-size says %u",
				 m->a->name, i, s->size, size);
}

/* The first byte of got that differs from model_pattern(seed), or size. */
static u32 first_difference(const u8 *got, u32 size, u32 seed)
{
	struct pattern p;
	u64 w, g;
	u32 k, j;

	pattern_start(&p, seed);
	for (k = 0; k < size; k += sizeof(w)) {
		w = pattern_word(&p);
		if (k + sizeof(w) <= size) {
			memcpy(&g, got + k, sizeof(g));
			if (g == w)
				continue;
		}
		for (j = 0; j < sizeof(w) && k + j < size; j++)
			if (got[k + j] != ((u8 *)&w)[j])
				return k + j;
	}
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
	m->a->read(&s->h, got, s->size);
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
