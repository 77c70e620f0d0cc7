/*
 * space_main.c: the space benchmark for the one allocator this binary links
 * (space_<allocator>_<variant>): builds the page set, compresses it with each
 * compressor, runs the swap-slot stream under each caller policy on a fresh
 * shim and pool, and writes OUT/summary-<allocator>-<variant>.tsv and one
 * OUT/samples-<allocator>-<variant>-<comp>-<policy>.tsv per run.
 * Run: space_xvmalloc_fixed --out DIR [--quick] [options]   (--help lists them)
 */
#include <stdlib.h>
#include <allocfuzz/shim.h>
#include "space_cli.h"
#include "space_summary.h"

#ifndef SPACE_VARIANT
#define SPACE_VARIANT "?"
#endif

/* The allocator this binary links (BUILD): the registry's one entry. */
static const struct allocator *linked;

static void run_one(struct space_cli *cli, const struct space_workload *w,
		    const struct space_compressed *c, unsigned int policy, FILE *summary)
{
	const struct space_policy *p = &space_policies[policy];
	const char *comp = space_comp_name(c->comp);
	struct space_result res;
	char run[128], name[192];
	FILE *samples;

	snprintf(run, sizeof(run), "%s-%s-%s-%s", linked->name, SPACE_VARIANT, comp, p->name);
	snprintf(name, sizeof(name), "samples-%s.tsv", run);
	samples = space_cli_create(cli, name);
	space_churn_samples_header(samples);
	cli->churn.run = run;
	shim_reset();
	space_churn_run(linked, &cli->churn, c, w, p, samples, &res);
	if (linked->exit)
		linked->exit();
	shim_teardown();	/* reports any page or object the run leaked */
	space_cli_close(samples, name);
	space_summary_row(summary, linked, SPACE_VARIANT, comp, p->name, &cli->churn, &res);
	space_summary_line(stderr, run, &res);
}

int main(int argc, char **argv)
{
	struct space_compressed c;
	struct space_workload w;
	struct space_cli cli;
	unsigned int comp, policy;
	const struct allocator *const *all;
	char name[128];
	FILE *summary;

	if (allocators_linked(&all) != 1)
		abort();	/* the BUILD links one adapter */
	linked = all[0];
	space_cli_parse(&cli, argc, argv);
	snprintf(name, sizeof(name), "summary-%s-%s.tsv", linked->name, SPACE_VARIANT);
	summary = space_cli_create(&cli, name);
	space_summary_header(summary);
	if (space_workload_build(&w, &cli.workload))
		return 1;
	for (comp = 0; comp < SPACE_NCOMP; comp++) {
		if (!cli.comp[comp])
			continue;
		if (space_compress_all(&c, &w, comp))
			return 1;
		for (policy = 0; policy < SPACE_NPOLICY; policy++)
			if (cli.policy[policy])
				run_one(&cli, &w, &c, policy, summary);
		space_compressed_free(&c);
	}
	space_cli_close(summary, name);
	space_workload_free(&w);
	return 0;
}
