/* harness.c: one pool under every oracle; see harness.h. */
#include <stdlib.h>
#include <string.h>
#include <allocfuzz/report.h>
#include <allocfuzz/shim.h>
#include "harness.h"

static void enter(struct harness *h)
{
	shim_set_owner(h->owner);
}

/*
 * After each operation: the invariant checker in the chosen mode (and, in
 * full mode, the whole model), then forget which pages were touched.  The
 * operations themselves check the model on what they touched.  A harness
 * sharing its pool with other threads only reads the public statistics.
 */
static void after_op(struct harness *h)
{
	u64 bytes;

	if (!h->shared) {
		if (h->mode != CHECK_NONE) {
			h->a->check(h->pool, h->owner, h->mode);
			if (h->mode == CHECK_FULL)
				model_check_all(&h->model);
			h->stats.checks++;
		}
		shim_touched_clear();
	}
	/* Shared too: a client reads the statistics while other tasks allocate. */
	bytes = h->a->total_bytes(h->pool);
	if (h->a->read_stats)
		h->a->read_stats(h->pool);
	if (bytes > h->stats.peak_bytes)
		h->stats.peak_bytes = bytes;
}

/* What the shim refused since before: page and slab allocations. */
struct refused {
	bool pages, slab;
};

static struct refused refused_since(const struct shim_stats *before)
{
	struct shim_stats after;

	shim_get_stats(&after);
	return (struct refused){ after.page_faults_injected != before->page_faults_injected,
				 after.slab_faults_injected != before->slab_faults_injected };
}

/* Creates the pool: an entry point that fails only when the shim refused an allocation in it. */
static void create(struct harness *h)
{
	struct shim_stats before;
	struct refused r;

	enter(h);
	shim_get_stats(&before);
	h->pool = h->a->create(h->pool_gfp);
	h->model.pool = h->pool;
	if (h->pool) {
		after_op(h);
		return;
	}
	r = refused_since(&before);
	if (h->mode != CHECK_NONE && !r.pages && !r.slab)
		report_invariant(&model_invariants[MODEL_CREATE_FAILED], NULL, NULL,
				 "%s pool creation (gfp %s) failed; the shim refused no page or slab allocation",
				 h->a->name, h->pool_gfp < GFP_POLICY_COUNT ? gfp_policy_name[h->pool_gfp] : "?");
}

void harness_start(struct harness *h, const struct allocator *a, enum gfp_policy pool_gfp,
		   enum check_mode mode)
{
	memset(h, 0, sizeof(*h));
	h->a = a;
	h->pool_gfp = pool_gfp;
	h->mode = mode;
	h->owner = &h->tag;
	h->busy_slot = -1;
	model_init(&h->model, a);
	create(h);
}

/*
 * A malloc of a size the API promises fails only if the shim refused an
 * allocation during the call; and an allocator that can serve from the free
 * blocks it holds (could_serve) must do so when only pages were refused.
 */
static void check_failure(struct harness *h, u32 size, const struct shim_stats *before)
{
	struct refused r;

	if (size < h->a->min_size || size > h->a->max_size)
		return;
	r = refused_since(before);
	if (!r.pages && !r.slab) {
		report_invariant(&model_invariants[MODEL_MALLOC_FAILED], NULL, NULL,
				 "%s malloc of %u bytes failed; the shim refused no page or slab allocation",
				 h->a->name, size);
	}
	if (!r.slab && h->a->could_serve && h->a->could_serve(h->pool, size)) {
		report_invariant(&model_invariants[MODEL_MALLOC_COULD_SERVE], NULL, NULL,
				 "%s malloc of %u bytes failed; only page allocations were refused",
				 h->a->name, size);
	}
}

void harness_share(struct harness *h, const struct harness *main)
{
	memset(h, 0, sizeof(*h));
	h->a = main->a;
	h->pool = main->pool;
	h->pool_gfp = main->pool_gfp;
	h->mode = CHECK_NONE;
	h->owner = main->owner;
	h->shared = true;
	h->busy_slot = -1;
	model_init(&h->model, main->a);
	h->model.pool = h->pool;
}

int harness_malloc(struct harness *h, int slot, u32 size, enum gfp_policy gfp)
{
	struct af_handle handle = { 0 };
	struct shim_stats before;
	struct af_place place;
	bool placed;
	int ret, busy;

	if (!h->pool)
		return -1;
	harness_free(h, slot);
	enter(h);
	shim_get_stats(&before);
	/* the placement oracle, where the checks run: one task, checked state */
	placed = h->mode != CHECK_NONE && h->a->place_before && h->a->place_after;
	if (placed)
		h->a->place_before(h->pool, size, &place);
	busy = h->busy_slot;
	h->busy_slot = slot;
	ret = h->a->malloc(h->pool, size, gfp, &handle);
	h->busy_slot = busy;
	h->stats.mallocs++;
	if (placed)
		h->a->place_after(h->pool, size, &handle, ret, &place);
	if (ret) {
		h->stats.malloc_failures++;
		if (h->mode != CHECK_NONE)
			check_failure(h, size, &before);
	} else {
		model_add(&h->model, slot, &handle, size);
		model_check_size(&h->model, slot);
	}
	after_op(h);
	return ret;
}

void harness_race(struct harness *h, int slot, u32 size, enum gfp_policy gfp)
{
	h->race = (struct harness_race){ true, slot, size, gfp };
}

/* The preempt hook: the other task's malloc, checked like any operation. */
static void race_run(void *arg)
{
	struct harness *h = arg;

	if (!h->pool)
		return;		/* mid-recreate: settle runs it on the new pool */
	h->race.pending = false;
	if (h->race.slot != h->busy_slot)
		harness_malloc(h, h->race.slot, h->race.size, h->race.gfp);
}

void harness_race_arm(struct harness *h)
{
	if (h->race.pending)
		shim_set_preempt_hook(race_run, h);
}

void harness_race_settle(struct harness *h)
{
	shim_set_preempt_hook(NULL, NULL);
	if (h->race.pending)
		race_run(h);
	h->race.pending = false;
}

void harness_write(struct harness *h, int slot, u32 seed)
{
	struct model_slot *s = &h->model.slot[slot];
	u8 *buf;

	if (!h->pool || !s->live)
		return;
	enter(h);
	buf = model_buffer(&h->model, slot);	/* exactly size bytes for ASan */
	model_pattern(buf, s->size, seed);
	af_copy_in(h->a, h->pool, &s->h, buf, s->size);
	model_buffer_done(&h->model, slot);
	model_write(&h->model, slot, seed);
	h->stats.writes++;
	model_check(&h->model, slot);	/* byte-exact read-back after every write */
	after_op(h);
}

void harness_read(struct harness *h, int slot)
{
	if (!h->pool || !h->model.slot[slot].live)
		return;
	enter(h);
	model_check(&h->model, slot);
	h->stats.reads++;
	after_op(h);
}

void harness_get_size(struct harness *h, int slot)
{
	struct model_slot *s = &h->model.slot[slot];

	if (!h->pool || !s->live)
		return;
	enter(h);
	model_check_size(&h->model, slot);
	h->stats.sizes++;
	after_op(h);
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
	after_op(h);
}

int harness_extra(struct harness *h, int slot, unsigned int which, u8 arg)
{
	const struct af_extra *e;
	struct shim_stats before;
	struct refused r;
	int ret;

	if (!h->pool || !h->a->extra_count)
		return 0;
	e = &h->a->extras[which % h->a->extra_count];
	if ((e->flags & AF_EXTRA_SLOT) && !h->model.slot[slot].live)
		return 0;
	enter(h);
	shim_get_stats(&before);
	ret = e->run(h->pool, e->flags & AF_EXTRA_SLOT ? &h->model.slot[slot].h : NULL, arg);
	r = refused_since(&before);
	if (ret && h->mode != CHECK_NONE && (!(e->flags & AF_EXTRA_MAY_FAIL) || (!r.pages && !r.slab)))
		report_invariant(&model_invariants[MODEL_EXTRA_FAILED], NULL, NULL,
				 "%s %s(arg %u) returned %d; the shim refused %s", h->a->name, e->name,
				 arg, ret, r.pages || r.slab ? "an allocation, but it may not fail" :
				 "no page or slab allocation");
	if (e->flags & AF_EXTRA_MOVES)
		model_check_all(&h->model);	/* every allocation where it went, byte for byte */
	after_op(h);
	return ret;
}

void harness_check(struct harness *h, enum check_mode mode)
{
	if (!h->pool || mode == CHECK_NONE)
		return;
	enter(h);
	if (!h->shared)
		h->a->check(h->pool, h->owner, mode);
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
	if (h->shared) {
		h->pool = NULL;
		return;
	}
	enter(h);
	h->a->destroy(h->pool);
	h->pool = NULL;
	shim_set_owner(NULL);
}

void harness_recreate(struct harness *h)
{
	harness_stop(h);
	create(h);
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
