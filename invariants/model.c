/* model.c: the shadow model of model.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <allocfuzz/report.h>
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

void model_init(struct model *m, const struct allocator *a)
{
	memset(m, 0, sizeof(*m));
	m->a = a;
}

void model_add(struct model *m, int i, const struct af_handle *h, u32 size)
{
	struct model_slot *s = &m->slot[i];

	s->live = true;
	s->h = *h;
	s->size = size;
	s->bytes = NULL;
}

void model_write(struct model *m, int i, const u8 *buf)
{
	struct model_slot *s = &m->slot[i];

	if (!s->bytes && !(s->bytes = malloc(s->size ? s->size : 1)))
		abort();
	memcpy(s->bytes, buf, s->size);
}

void model_remove(struct model *m, int i)
{
	free(m->slot[i].bytes);
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
	u32 size = m->a->get_size(&s->h);

	if (size != s->size)
		report_invariant(&model_invariants[MODEL_SIZE], NULL, NULL,
				 "%s handle %d: asked for %u bytes, get-size says %u",
				 m->a->name, i, s->size, size);
}

void model_check(const struct model *m, int i)
{
	const struct model_slot *s = &m->slot[i];
	struct difference d;
	u8 *got;

	model_check_size(m, i);
	if (!s->bytes)
		return;
	/* Exactly size bytes, so ASan sees a read that copies more. */
	if (!(got = malloc(s->size ? s->size : 1)))
		abort();
	m->a->read(&s->h, got, s->size);
	if (memcmp(got, s->bytes, s->size)) {
		d = (struct difference){ s->bytes, got, s->size, 0 };
		while (got[d.first] == s->bytes[d.first])
			d.first++;
		report_invariant(&model_invariants[MODEL_BYTES], dump_difference, &d,
				 "%s handle %d of %u bytes: first difference at byte %u",
				 m->a->name, i, s->size, d.first);
	}
	free(got);
}

void model_check_all(const struct model *m)
{
	int i;

	for (i = 0; i < MODEL_SLOTS; i++)
		if (m->slot[i].live)
			model_check(m, i);
}
