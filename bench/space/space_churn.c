/*
 * space_churn.c: runs the swap-slot stream of space_churn.h against the
 * linked allocator under one caller policy, keeping the counts an ideal
 * allocator would need (live compressed bytes) beside what the pool uses.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <asm/page.h>
#include <allocfuzz/report.h>
#include <allocfuzz/shim.h>
#include "space_churn.h"
#include "space_rng.h"

_Static_assert(SPACE_PAGE_SIZE == PAGE_SIZE, "workload pages are kernel pages");

enum slot_state {
	SLOT_EMPTY,
	SLOT_POOL,	/* compressed, in the allocator */
	SLOT_ZERO,	/* a zero-page flag */
	SLOT_OWN,	/* uncompressed, in a page of its own */
	SLOT_DISK,	/* rejected: on the swap device */
};

struct slot {
	enum slot_state state;
	u32 page;		/* workload page stored */
	struct af_handle h;	/* SLOT_POOL */
	struct page *own;	/* SLOT_OWN */
};

/* Owner tags: the pool's pages and objects, and the policy's own pages. */
static const char pool_owner, policy_owner;

struct run {
	const struct allocator *a;
	const struct space_churn_cfg *cfg;
	const struct space_compressed *c;
	const struct space_workload *w;
	const struct space_policy *p;
	struct space_result *res;
	FILE *samples;
	void *pool;
	struct slot *slot;
	struct space_point now;	/* counters kept as operations go */
	unsigned long op;	/* operations so far, fill and churn */
	unsigned long sample_every;
	const char *phase;
	const char *doing;	/* the operation running, for reports */
	unsigned int doing_slot;
	u8 buf[PAGE_SIZE * 2];	/* a load's bytes */
};

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void dump_op(void *arg)
{
	const struct run *r = arg;

	fprintf(stderr, "space: run %s, %s phase, operation %lu: %s slot %u\n",
		r->cfg->run, r->phase, r->op, r->doing, r->doing_slot);
}

static void drop(struct run *r, struct slot *s)
{
	switch (s->state) {
	case SLOT_POOL:
		r->now.objects--;
		r->now.blocks -= r->a->blocks(&s->h);
		r->now.bytes -= r->c->len[s->page];
		shim_set_owner(&pool_owner);
		r->a->free(r->pool, &s->h);
		break;
	case SLOT_ZERO:
		r->now.zero_flags--;
		break;
	case SLOT_OWN:
		r->now.own_pages--;
		__free_page(s->own);
		break;
	case SLOT_DISK:
		r->now.rejected--;
		break;
	case SLOT_EMPTY:
		break;
	}
	memset(s, 0, sizeof(*s));
}

static void store_in_pool(struct run *r, struct slot *s, u32 page)
{
	u32 len = r->c->len[page], got;

	shim_set_owner(&pool_owner);
	if (r->a->malloc(r->pool, len, r->a->caller_gfp, &s->h)) {
		r->res->failures++;	/* the caller's write fails; the slot stays empty */
		return;
	}
	af_copy_in(r->a, r->pool, &s->h, space_compressed_data(r->c, page), len);
	got = r->a->get_size ? r->a->get_size(r->pool, &s->h) : len;
	if (got != len) {
		report_begin("space.get-size: the allocator reports another size than was allocated");
		report_line("allocated %u bytes, get-size says %u", len, got);
		report_end();
	}
	s->state = SLOT_POOL;
	r->now.objects++;
	r->now.blocks += r->a->blocks(&s->h);
	r->now.bytes += len;
	r->res->two_block += r->a->blocks(&s->h) > 1;
	r->res->zero_in_pool += r->w->page[page].zero;
}

static void store_own_page(struct run *r, struct slot *s, u32 page)
{
	u8 *base;

	shim_set_owner(&policy_owner);
	s->own = alloc_page(r->p->own_page_gfp);
	if (!s->own) {
		r->res->failures++;
		return;
	}
	base = kmap_atomic(s->own, KM_USER0);
	memcpy(base, space_page_data(r->w, page), PAGE_SIZE);
	kunmap_atomic(base, KM_USER0);
	s->state = SLOT_OWN;
	r->now.own_pages++;
}

static void store(struct run *r, struct slot *s, u32 page)
{
	enum space_store how;

	r->doing = "store";
	drop(r, s);
	s->page = page;
	how = space_policy_decide(r->p, r->w->page[page].zero, r->c->len[page]);
	r->res->store_by[how]++;
	r->res->stores++;
	switch (how) {
	case SPACE_STORE_ALLOC:
		store_in_pool(r, s, page);
		break;
	case SPACE_STORE_ZERO_FLAG:
		s->state = SLOT_ZERO;
		r->now.zero_flags++;
		break;
	case SPACE_STORE_OWN_PAGE:
		store_own_page(r, s, page);
		break;
	case SPACE_STORE_REJECT:
		s->state = SLOT_DISK;
		r->now.rejected++;
		break;
	case SPACE_NSTORE:
		break;
	}
}

static void mismatch(const u8 *got, const u8 *want, u32 len, u32 page)
{
	u32 i;

	for (i = 0; i < len && got[i] == want[i]; i++)
		;
	report_begin("space.load-mismatch: a load differs from what was stored");
	report_line("workload page %u, %u bytes, first difference at byte %u: 0x%02x, stored 0x%02x",
		    page, len, i, got[i], want[i]);
	report_end();
}

static void load(struct run *r, struct slot *s)
{
	u32 len = r->c->len[s->page];
	u8 *base;

	r->doing = "load";
	r->res->loads++;
	switch (s->state) {
	case SLOT_POOL:
		af_copy_out(r->a, r->pool, &s->h, r->buf, len);
		if (memcmp(r->buf, space_compressed_data(r->c, s->page), len))
			mismatch(r->buf, space_compressed_data(r->c, s->page), len, s->page);
		r->res->verified_loads++;
		break;
	case SLOT_OWN:
		base = kmap_atomic(s->own, KM_USER0);
		memcpy(r->buf, base, PAGE_SIZE);
		kunmap_atomic(base, KM_USER0);
		if (memcmp(r->buf, space_page_data(r->w, s->page), PAGE_SIZE))
			mismatch(r->buf, space_page_data(r->w, s->page), PAGE_SIZE, s->page);
		r->res->verified_loads++;
		break;
	case SLOT_EMPTY:
		r->res->empty_loads++;
		break;
	case SLOT_ZERO:
	case SLOT_DISK:
		break;
	}
}

static void delete(struct run *r, struct slot *s)
{
	r->doing = "delete";
	r->res->deletes++;
	if (s->state == SLOT_EMPTY)
		r->res->empty_loads++;
	drop(r, s);
}

static void snapshot(struct run *r, struct space_point *pt)
{
	*pt = r->now;
	pt->op = r->op;
	r->a->space(r->pool, &pt->pool);
}

void space_churn_samples_header(FILE *f)
{
	fprintf(f, "op\tphase\tobjects\tblocks\tbytes\tideal_pages\tpool_pages\treserve_pages\town_pages\tzero_flags\trejected\tdescs\n");
}

static void sample(struct run *r)
{
	struct space_point pt;

	snapshot(r, &pt);
	fprintf(r->samples, "%lu\t%s\t%lu\t%lu\t%llu\t%.2f\t%lu\t%lu\t%lu\t%lu\t%lu\t%lu\n",
		pt.op, r->phase, pt.objects, pt.blocks, (unsigned long long)pt.bytes,
		(double)pt.bytes / PAGE_SIZE, pt.pool.pages, pt.pool.reserve_pages,
		pt.own_pages, pt.zero_flags, pt.rejected, pt.pool.descs);
}

/* After every operation: the peaks, and a sample now and then. */
static void account(struct run *r)
{
	struct space_result *res = r->res;
	unsigned long reserve, pages = r->a->pages(r->pool, &reserve);

	r->op++;
	if (pages > res->peak_pages) {
		res->peak_pages = pages;
		res->peak_pages_op = r->op;
		res->peak_pages_bytes = r->now.bytes;
	}
	if (r->now.bytes > res->peak_bytes)
		res->peak_bytes = r->now.bytes;
	if (reserve > res->peak_reserve)
		res->peak_reserve = reserve;
	if (pages + reserve + r->now.own_pages > res->peak_footprint)
		res->peak_footprint = pages + reserve + r->now.own_pages;
	if (r->op % r->sample_every == 0)
		sample(r);
}

static void check(struct run *r)
{
	double t = now_seconds();

	if (r->cfg->check) {
		r->doing = "invariant check";
		r->a->check(r->pool, &pool_owner, CHECK_FULL);
	}
	r->res->check_seconds += now_seconds() - t;
}

static unsigned int pick_slot(struct run *r, struct space_rng *rng)
{
	unsigned int slots = r->cfg->slots;
	unsigned int hot = (unsigned int)((u64)slots * r->cfg->hot_pct / 100);

	if (!hot || hot >= slots)
		return (unsigned int)space_rng_below(rng, slots);
	if (space_rng_pct(rng, r->cfg->hot_ops_pct))
		return (unsigned int)space_rng_below(rng, hot);
	return hot + (unsigned int)space_rng_below(rng, slots - hot);
}

static void fill(struct run *r, struct space_rng *rng)
{
	unsigned int i;

	r->phase = "fill";
	for (i = 0; i < r->cfg->slots; i++) {
		r->doing_slot = i;
		store(r, &r->slot[i], (u32)space_rng_below(rng, r->w->n));
		account(r);
	}
	r->res->fill_ops = r->cfg->slots;
}

static void churn(struct run *r, struct space_rng *rng)
{
	unsigned long i;
	unsigned int s;
	u64 kind;

	r->phase = "churn";
	for (i = 0; i < r->cfg->ops; i++) {
		s = pick_slot(r, rng);
		r->doing_slot = s;
		kind = space_rng_below(rng, 100);
		if (kind < r->cfg->store_pct)
			store(r, &r->slot[s], (u32)space_rng_below(rng, r->w->n));
		else if (kind < r->cfg->store_pct + r->cfg->load_pct)
			load(r, &r->slot[s]);
		else
			delete(r, &r->slot[s]);
		account(r);
	}
	r->res->churn_ops = r->cfg->ops;
}

void space_churn_run(const struct allocator *a, const struct space_churn_cfg *cfg,
		     const struct space_compressed *c, const struct space_workload *w,
		     const struct space_policy *p, FILE *samples, struct space_result *res)
{
	struct space_rng rng;
	struct run *r;
	unsigned int i;
	double t;

	r = calloc(1, sizeof(*r));
	if (!r)
		abort();
	r->slot = calloc(cfg->slots, sizeof(*r->slot));
	if (!r->slot)
		abort();
	r->a = a;
	r->cfg = cfg;
	r->c = c;
	r->w = w;
	r->p = p;
	r->res = res;
	r->samples = samples;
	r->phase = "create";
	r->doing = "create";
	memset(res, 0, sizeof(*res));
	r->sample_every = (cfg->slots + cfg->ops) / (cfg->samples ? cfg->samples : 1);
	if (!r->sample_every)
		r->sample_every = 1;
	report_set_dump_hook(dump_op, r);

	shim_set_owner(&pool_owner);
	r->pool = a->create(a->caller_gfp);
	if (!r->pool) {
		fprintf(stderr, "space: run %s: the allocator could not create a pool\n", cfg->run);
		exit(1);
	}
	sample(r);
	space_rng_seed(&rng, ~cfg->seed);	/* not the page set's stream */

	t = now_seconds();
	fill(r, &rng);
	res->seconds += now_seconds() - t;
	snapshot(r, &res->fill_end);
	check(r);

	t = now_seconds();
	churn(r, &rng);
	res->seconds += now_seconds() - t;
	if (r->op % r->sample_every)
		sample(r);
	snapshot(r, &res->end);
	check(r);

	/* Empty the pool and destroy it: the shim's teardown then finds any leak. */
	r->phase = "teardown";
	for (i = 0; i < cfg->slots; i++) {
		r->doing = "free";
		r->doing_slot = i;
		drop(r, &r->slot[i]);
	}
	check(r);
	shim_set_owner(&pool_owner);
	a->destroy(r->pool);
	report_set_dump_hook(NULL, NULL);
	free(r->slot);
	free(r);
}
