/*
 * state_summary.c: the uninstrumented half of the state probe: reads and
 * buckets the summaries, remembers what this input has seen, and calls the
 * instrumented state_probe_hit() only for what is new; see state_probe.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <allocfuzz/runtime.h>
#include <allocfuzz/shim.h>
#include "env_switch.h"
#include "state_probe.h"

const char *const state_feature_name[SF_COUNT] = {
	[SF_PAGES] = "pages",
	[SF_RESERVE] = "reserve-fill",
	[SF_FREE_BYTES] = "free-bytes",
	[SF_SLACK] = "slack-bytes",
	[SF_LARGEST_FREE] = "largest-free-class",
	[SF_NONEMPTY_LISTS] = "nonempty-freelists",
	[SF_LIVE] = "live-allocations",
	[SF_MULTI_BLOCK] = "two-block-allocations",
	[SF_FAULTS_PAGES] = "faults-x-pages",
	[SF_FAULTS_LARGEST] = "faults-x-largest-free",
	[SF_RESERVE_LISTS] = "reserve-x-freelists",
	[SF_MAX_PAGES] = "max-pages",
	[SF_MAX_MULTI] = "max-two-block",
	[SF_MAX_FAILURES] = "max-failures",
	[SF_MAX_REFUSED] = "max-refused",
};

/* A build may make off its default (the OSS-Fuzz build.sh, asked to); the variable still wins. */
#ifndef ALLOCFUZZ_STATE_DEFAULT
#define ALLOCFUZZ_STATE_DEFAULT 1
#endif

bool state_probe_enabled(void)
{
	static int on = -1;

	if (on < 0)
		on = env_switch("ALLOCFUZZ_STATE", ALLOCFUZZ_STATE_DEFAULT);
	return on;
}

void state_probe_begin(struct state_probe *p)
{
	memset(p, 0, sizeof(*p));
}

/* 0 for 0, then 1 + floor(log2(v)), at most 7: 0, 1, 2-3, 4-7, ..., 64+. */
static unsigned int log2_bucket(unsigned long v)
{
	unsigned int b = 0;

	while (v && b < 7) {
		v >>= 1;
		b++;
	}
	return v ? 7 : b;
}

/* Eighths of whole: 0..8. */
static unsigned int eighths(unsigned long v, unsigned long whole)
{
	if (!whole)
		return 0;
	return v >= whole ? 8 : (unsigned int)(v * 8 / whole);
}

static void set(struct state_probe *p, enum state_feature f, unsigned int bucket)
{
	if (bucket >= SF_BUCKETS || p->seen[f] & (1ull << bucket))
		return;
	p->seen[f] |= 1ull << bucket;
	state_probe_hit(f, bucket);
}

/* IJON's max: a bucket matters only when it is higher than any before. */
static void max(struct state_probe *p, enum state_feature f, unsigned int bucket)
{
	if (bucket >= SF_BUCKETS || bucket + 1 <= p->max[f])
		return;
	p->max[f] = bucket + 1;
	state_probe_hit(f, bucket);
}

void state_probe_after(struct state_probe *p, const struct allocator *a, void *pool,
		       const struct model *model, unsigned long failures, bool faults_armed)
{
	struct allocator_state st;
	struct shim_stats shim;
	unsigned long live = model->live, multi = model->multi, live_bytes = model->live_bytes, held;
	unsigned int pages, largest = 0, lists = 0, reserve = 0;

	if (!pool || !a->state)
		return;
	a->state(pool, &st);
	pages = log2_bucket(st.pages);
	set(p, SF_PAGES, pages);
	if (st.has & ALLOC_STATE_RESERVE) {
		reserve = eighths(st.reserve, st.reserve_max);
		set(p, SF_RESERVE, reserve);
	}
	if (st.has & ALLOC_STATE_FREE_BYTES)
		set(p, SF_FREE_BYTES, log2_bucket(st.free_bytes / 64));
	held = st.pages * SHIM_PAGE_SIZE;
	set(p, SF_SLACK, log2_bucket(held > live_bytes ? (held - live_bytes) / 64 : 0));
	if (st.has & ALLOC_STATE_LARGEST_FREE) {
		largest = eighths(st.largest_free, SHIM_PAGE_SIZE);
		set(p, SF_LARGEST_FREE, largest);
		set(p, SF_FAULTS_LARGEST, faults_armed * 9 + largest);
	}
	if (st.has & ALLOC_STATE_LISTS) {
		lists = log2_bucket(st.nonempty_lists);
		set(p, SF_NONEMPTY_LISTS, lists);
		if (st.has & ALLOC_STATE_RESERVE)
			set(p, SF_RESERVE_LISTS, reserve / 2 * 8 + lists);	/* quarters: 0..39 */
	}
	set(p, SF_LIVE, log2_bucket(live));
	set(p, SF_MULTI_BLOCK, log2_bucket(multi));
	set(p, SF_FAULTS_PAGES, faults_armed * 8 + pages);
	max(p, SF_MAX_PAGES, log2_bucket(st.pages));
	max(p, SF_MAX_MULTI, log2_bucket(multi));
	max(p, SF_MAX_FAILURES, log2_bucket(failures));
	shim_get_stats(&shim);
	max(p, SF_MAX_REFUSED, log2_bucket(shim.page_faults_injected + shim.slab_faults_injected));
}
