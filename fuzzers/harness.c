/* harness.c: one pool under every oracle; see harness.h. */
#include <stdlib.h>
#include <string.h>
#include <allocfuzz/shim.h>
#include "harness.h"

static void enter(struct harness *h)
{
	shim_set_owner(&h->owner);
}

/* After each operation: the cheap checks, then forget what was touched. */
static void after_op(struct harness *h, int slot)
{
	u64 bytes;

	if (h->mode != CHECK_NONE) {
		h->a->check(h->pool, &h->owner, h->mode);
		if (slot >= 0 && h->model.slot[slot].live)
			model_check(&h->model, slot);
		if (h->mode == CHECK_FULL)
			model_check_all(&h->model);
		h->stats.checks++;
	}
	shim_touched_clear();
	bytes = h->a->total_bytes(h->pool);
	if (bytes > h->stats.peak_bytes)
		h->stats.peak_bytes = bytes;
}

void harness_start(struct harness *h, const struct allocator *a, gfp_t pool_gfp,
		   enum check_mode mode)
{
	memset(h, 0, sizeof(*h));
	h->a = a;
	h->pool_gfp = pool_gfp;
	h->mode = mode;
	model_init(&h->model, a);
	enter(h);
	h->pool = a->create(pool_gfp);
	if (!h->pool)
		return;		/* creation may fail under fault injection */
	after_op(h, -1);
}

int harness_malloc(struct harness *h, int slot, u32 size, gfp_t gfp)
{
	struct af_handle handle = { 0 };
	int ret;

	if (!h->pool)
		return -1;
	harness_free(h, slot);
	enter(h);
	ret = h->a->malloc(h->pool, size, gfp, &handle);
	h->stats.mallocs++;
	if (ret)
		h->stats.malloc_failures++;
	else
		model_add(&h->model, slot, &handle, size);
	after_op(h, ret ? -1 : slot);
	return ret;
}

/* Bytes that differ by position and seed, so a shifted copy shows. */
static void pattern(u8 *buf, u32 size, u32 seed)
{
	u32 x = seed * 2654435761u + 1, k;

	for (k = 0; k < size; k++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		buf[k] = (u8)(x >> 24);
	}
}

void harness_write(struct harness *h, int slot, u32 seed)
{
	struct model_slot *s = &h->model.slot[slot];
	u8 *buf;

	if (!h->pool || !s->live)
		return;
	enter(h);
	/* Exactly size bytes, so ASan sees a write that copies more. */
	if (!(buf = malloc(s->size ? s->size : 1)))
		abort();
	pattern(buf, s->size, seed);
	h->a->write(&s->h, buf, s->size);
	model_write(&h->model, slot, buf);
	free(buf);
	h->stats.writes++;
	model_check(&h->model, slot);	/* byte-exact read-back after every write */
	after_op(h, slot);
}

void harness_read(struct harness *h, int slot)
{
	if (!h->pool || !h->model.slot[slot].live)
		return;
	enter(h);
	model_check(&h->model, slot);
	h->stats.reads++;
	after_op(h, slot);
}

void harness_get_size(struct harness *h, int slot)
{
	struct model_slot *s = &h->model.slot[slot];

	if (!h->pool || !s->live)
		return;
	enter(h);
	if (h->a->get_size(&s->h) != s->size)
		model_check(&h->model, slot);	/* reports model.size */
	h->stats.sizes++;
	after_op(h, -1);
}

void harness_free(struct harness *h, int slot)
{
	struct model_slot *s = &h->model.slot[slot];

	if (!h->pool || !s->live)
		return;
	enter(h);
	model_check(&h->model, slot);	/* the bytes survived until the free */
	h->a->free(h->pool, &s->h);
	model_remove(&h->model, slot);
	h->stats.frees++;
	after_op(h, -1);
}

void harness_check(struct harness *h, enum check_mode mode)
{
	if (!h->pool || mode == CHECK_NONE)
		return;
	enter(h);
	h->a->check(h->pool, &h->owner, mode);
	model_check_all(&h->model);
	shim_touched_clear();
}

void harness_stop(struct harness *h)
{
	int i;

	if (!h->pool)
		return;
	harness_check(h, h->mode == CHECK_NONE ? CHECK_NONE : CHECK_FULL);
	for (i = 0; i < MODEL_SLOTS; i++)
		harness_free(h, i);
	enter(h);
	h->a->destroy(h->pool);
	h->pool = NULL;
	shim_set_owner(NULL);
}

void harness_recreate(struct harness *h)
{
	harness_stop(h);
	enter(h);
	h->pool = h->a->create(h->pool_gfp);
	if (h->pool)
		after_op(h, -1);
}

int check_mode_parse(const char *s)
{
	if (!strcmp(s, "none"))
		return CHECK_NONE;
	if (!strcmp(s, "incremental"))
		return CHECK_INCREMENTAL;
	if (!strcmp(s, "full"))
		return CHECK_FULL;
	return -1;
}
