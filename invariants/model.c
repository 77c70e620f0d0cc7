/* model.c: the shadow model of model.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <allocfuzz/report.h>
#include "model.h"

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

static void hex_line(const char *what, const u8 *p, u32 from, u32 to)
{
	char line[3 * 16 + 1];
	u32 k;

	for (k = from; k < to; k++)
		snprintf(line + 3 * (k - from), 4, " %02x", p[k]);
	report_line("%s @%-5u%s", what, from, line);
}

void model_check_size(const struct model *m, int i)
{
	const struct model_slot *s = &m->slot[i];
	u32 size = m->a->get_size(&s->h);

	if (size != s->size) {
		report_begin("invariant model.size violated: %s get-size differs from the size asked for",
			     m->a->name);
		report_line("handle %d: asked for %u bytes, get-size says %u", i, s->size, size);
		report_end();
	}
}

void model_check(const struct model *m, int i)
{
	const struct model_slot *s = &m->slot[i];
	u32 k, from;
	u8 *got;

	model_check_size(m, i);
	if (!s->bytes)
		return;
	/* Exactly size bytes, so ASan sees a read that copies more. */
	if (!(got = malloc(s->size ? s->size : 1)))
		abort();
	m->a->read(&s->h, got, s->size);
	if (memcmp(got, s->bytes, s->size)) {
		for (k = 0; got[k] == s->bytes[k]; k++)
			;
		report_begin("invariant model.bytes violated: %s read-back differs from what was written",
			     m->a->name);
		report_line("handle %d of %u bytes: first difference at byte %u", i, s->size, k);
		from = k & ~15u;
		hex_line("written", s->bytes, from, from + 16 < s->size ? from + 16 : s->size);
		hex_line("read   ", got, from, from + 16 < s->size ? from + 16 : s->size);
		report_end();
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
