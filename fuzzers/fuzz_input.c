/* fuzz_input.c: one input, fresh state, every oracle; see fuzz_input.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <allocfuzz/report.h>
#include <allocfuzz/shim.h>
#include "apply.h"
#include "fuzz_input.h"
#include "state_probe.h"

enum check_mode fuzz_check_mode(void)
{
	static int mode = -1;
	const char *env;

	if (mode >= 0)
		return mode;
	env = getenv("ALLOCFUZZ_CHECK");
	mode = env ? check_mode_parse(env) : CHECK_INCREMENTAL;
	if (mode < 0) {
		fprintf(stderr, "allocfuzz: ALLOCFUZZ_CHECK=%s: expected none, incremental or full\n",
			env);
		exit(2);
	}
	return mode;
}

/*
 * The oracles the bench's cost table switches off one at a time, with
 * ALLOCFUZZ_OFF=NAME[,NAME...] (the checker is ALLOCFUZZ_CHECK=none);
 * ALLOCFUZZ_OFF=list prints the names and exits.
 */
static const struct {
	const char *name;
	unsigned int shim_off;		/* SHIM_OFF_* */
	bool model;
} oracle_switches[] = {
	{ "model", 0, true },		/* byte-exact round trips and get-size */
	{ "poison", SHIM_OFF_POISON, false },	/* ASan poisoning of unmapped pages */
	{ "shim", SHIM_OFF_CHECKS, false },	/* poison fills, checking lookups */
};

#define SWITCHES	(sizeof(oracle_switches) / sizeof(oracle_switches[0]))

static void print_switches(FILE *f, const char *sep)
{
	unsigned int k;

	for (k = 0; k < SWITCHES; k++)
		fprintf(f, "%s%s", oracle_switches[k].name, k + 1 < SWITCHES ? sep : "\n");
}

static void switch_oracles_off(void)
{
	static bool done;
	char list[128], *name, *save;
	unsigned int shim_off = 0, k;
	const char *env;

	if (done)
		return;
	done = true;
	env = getenv("ALLOCFUZZ_OFF");
	if (!env || !*env)
		return;
	if (!strcmp(env, "list")) {
		print_switches(stdout, "\n");
		exit(0);
	}
	snprintf(list, sizeof(list), "%s", env);
	for (name = strtok_r(list, ",", &save); name; name = strtok_r(NULL, ",", &save)) {
		for (k = 0; k < SWITCHES && strcmp(name, oracle_switches[k].name); k++)
			;
		if (k == SWITCHES) {
			fprintf(stderr, "allocfuzz: ALLOCFUZZ_OFF=%s: %s is none of: ", env, name);
			print_switches(stderr, ", ");
			exit(2);
		}
		shim_off |= oracle_switches[k].shim_off;
		model_off |= oracle_switches[k].model;
	}
	shim_set_off(shim_off);
	fprintf(stderr, "allocfuzz: ALLOCFUZZ_OFF=%s: these oracles are off (for the bench's cost table, not for fuzzing)\n",
		env);
}

/* What a report prints about the input: the operation that was running. */
struct where {
	const struct op *op;
	unsigned int index;
	const char *allocator;
};

static void print_where(void *arg)
{
	const struct where *w = arg;
	char text[128];

	if (!w->op) {
		report_line("while setting up or tearing down the pool(s) of the input");
		return;
	}
	op_format(w->op, text, sizeof(text));
	report_line("while running operation %u of the input on %s: %s", w->index,
		    w->allocator, text);
}

/*
 * Every allocator must serve a size all promise (from 1 byte: a size of 0
 * is each one's own business), unless faults were injected: the first that
 * failed is named against the first that served.
 */
static void compare_malloc(struct harness *h, unsigned int n, const struct op *op,
			   const int *ret, bool faults)
{
	u32 limit = ~0u;
	int failed = -1, served = -1, lo, hi;
	unsigned int i;

	for (i = 0; i < n; i++) {
		if (!h[i].pool)
			return;
		if (h[i].a->max_size < limit)
			limit = h[i].a->max_size;
		if (ret[i] && failed < 0)
			failed = (int)i;
		if (!ret[i] && served < 0)
			served = (int)i;
	}
	if (faults || op->size < 1 || op->size > limit || failed < 0 || served < 0)
		return;
	report_begin("differential malloc-result: %s %s a size that %s served",
		     h[failed].a->name, "failed", h[served].a->name);
	lo = failed < served ? failed : served;
	hi = failed < served ? served : failed;
	report_line("malloc of %u bytes (gfp %s) into slot %u: %s returned %d, %s returned %d",
		    op->size, gfp_policy_name[op->gfp], op->slot, h[lo].a->name, ret[lo],
		    h[hi].a->name, ret[hi]);
	report_end();
}

void fuzz_input(const u8 *data, size_t size)
{
	const struct allocator *const *allocs;
	unsigned int n = allocators_linked(&allocs);

	fuzz_input_on(allocs, n, data, size);
}

void fuzz_input_on(const struct allocator *const *allocs, unsigned int n, const u8 *data,
		   size_t size)
{
	enum check_mode mode = fuzz_check_mode();
	unsigned int i;
	struct shim_fault_plan plan;
	struct state_probe probe[ALLOCATORS_MAX];
	bool probe_on = state_probe_enabled(), armed = false;
	struct harness h[ALLOCATORS_MAX];
	struct op_reader r;
	bool faults = false;
	struct where where = { NULL, 0, NULL };
	struct op op;
	int ret[ALLOCATORS_MAX];

	switch_oracles_off();
	shim_reset();
	report_set_dump_hook(print_where, &where);
	for (i = 0; i < n; i++)
		harness_start(&h[i], allocs[i], allocs[i]->caller_gfp, mode);
	if (probe_on)
		for (i = 0; i < n; i++)
			state_probe_begin(&probe[i]);
	op_reader_init(&r, data, size);
	while (op_next(&r, &op)) {
		where.op = &op;
		where.index = r.count;
		for (i = 0; i < n; i++) {
			where.allocator = allocs[i]->name;
			ret[i] = harness_apply(&h[i], &op);
		}
		if (op.kind == OP_FAULT) {
			memset(&plan, 0, sizeof(plan));
			plan.fail_pages = op.fail_pages;
			plan.fail_slab = op.fail_slab;
			plan.per_65536 = (unsigned int)op.prob << 8;
			plan.seed = r.count;
			shim_fault_set(&plan);
			faults = true;
			armed = plan.fail_pages || plan.fail_slab || plan.per_65536;
		}
		/* Allocator-state feedback (state_probe.h); off, it costs this test. */
		if (probe_on)
			for (i = 0; i < n; i++)
				state_probe_after(&probe[i], h[i].a, h[i].pool, &h[i].model,
						  h[i].stats.malloc_failures, armed);
		if (op.kind == OP_MALLOC && n >= 2)
			compare_malloc(h, n, &op, ret, faults);
	}
	where.op = NULL;
	for (i = 0; i < n; i++)
		harness_stop(&h[i]);
	for (i = 0; i < n; i++)
		if (allocs[i]->exit)
			allocs[i]->exit();
	shim_teardown();
	report_set_dump_hook(NULL, NULL);
}
