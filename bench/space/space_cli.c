/*
 * space_cli.c: options of the space tools, their defaults (full and
 * --quick), and output files that never overwrite an existing one.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "space_cli.h"

static const char usage[] =
	"usage: %s --out DIR [--quick] [options]\n"
	"  --quick              small sizes, a smoke run of a few seconds\n"
	"  --pages N            distinct workload pages (full 16384, quick 1024)\n"
	"  --slots N            swap slots (full 65536, quick 2048)\n"
	"  --ops N              churn operations after the fill (full 1000000, quick 20000)\n"
	"  --samples N          time-series rows per run (full 400, quick 100)\n"
	"  --seed N             PRNG seed of the page set and the stream (1)\n"
	"  --zero-pct P         zero-filled pages (15); --text-pct P text pages (30); the rest ELF\n"
	"  --lzo-min B --lzo-max B  only file pages whose LZO size is B to B bytes (default: all)\n"
	"  --hot-pct P          hot slots (20) getting --hot-ops-pct P of the churn (80)\n"
	"  --store-pct P        churn stores (40), --load-pct P loads (40), the rest deletes\n"
	"  --elf-dir D          where ELF pages come from (repeatable; /usr/bin /usr/lib/x86_64-linux-gnu)\n"
	"  --text-dir D         where text pages come from (repeatable; /usr/share/doc /usr/share/common-licenses)\n"
	"  --comp lzo|lz4       one compressor only (default both)\n"
	"  --policy ramzswap|zcache  one caller policy only (default both)\n"
	"  --no-check           no invariant checks after the phases\n";

static const char *prog;

static void __attribute__((noreturn)) bad(const char *fmt, const char *arg)
{
	fprintf(stderr, "%s: ", prog);
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n");
	fprintf(stderr, usage, prog);
	exit(2);
}

static unsigned long long number(const char *opt, const char *s, unsigned long long max)
{
	unsigned long long v;
	char *end;

	if (!s)
		bad("%s needs a value", opt);
	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || end == s || *end || *s == '-' || v > max) {
		fprintf(stderr, "%s: %s: '%s' is not a number from 0 to %llu\n", prog, opt, s, max);
		exit(2);
	}
	return v;
}

static void add_dir(const char **dirs, unsigned int *n, bool *given, const char *opt,
		    const char *d)
{
	if (!d)
		bad("%s needs a directory", opt);
	if (!*given)
		*n = 0;		/* the first one given replaces the defaults */
	*given = true;
	if (*n == SPACE_MAX_DIRS)
		bad("too many %s directories", opt);
	dirs[(*n)++] = d;
}

static void defaults(struct space_cli *cli)
{
	struct space_workload_cfg *w = &cli->workload;

	memset(cli, 0, sizeof(*cli));
	w->zero_pct = 15;	/* zswap's data: 10-20% of pages are zero-filled */
	w->text_pct = 30;
	w->seed = 1;
	w->elf_dirs[0] = "/usr/bin";
	w->elf_dirs[1] = "/usr/lib/x86_64-linux-gnu";
	w->nelf = 2;
	w->text_dirs[0] = "/usr/share/doc";
	w->text_dirs[1] = "/usr/share/common-licenses";
	w->ntext = 2;
	cli->churn.hot_pct = 20;
	cli->churn.hot_ops_pct = 80;
	cli->churn.store_pct = 40;
	cli->churn.load_pct = 40;
	cli->churn.seed = 1;
	cli->churn.check = true;
}

/* Sizes not given on the command line: full run or --quick. */
static void sizes(struct space_cli *cli)
{
	if (!cli->workload.pages)
		cli->workload.pages = cli->quick ? 1024 : 16384;
	if (!cli->churn.slots)
		cli->churn.slots = cli->quick ? 2048 : 65536;
	if (!cli->churn.ops)
		cli->churn.ops = cli->quick ? 20000 : 1000000;
	if (!cli->churn.samples)
		cli->churn.samples = cli->quick ? 100 : 400;
}

static void pick(bool *set, unsigned int n, const char *opt, const char *v,
		 const char *(*name)(unsigned int))
{
	unsigned int i;

	if (!v)
		bad("%s needs a value", opt);
	for (i = 0; i < n; i++)
		if (!strcmp(v, name(i))) {
			set[i] = true;
			return;
		}
	fprintf(stderr, "%s: %s: unknown value '%s'\n", prog, opt, v);
	exit(2);
}

static const char *comp_name(unsigned int i)
{
	return space_comp_name(i);
}

static const char *policy_name(unsigned int i)
{
	return space_policies[i].name;
}

static void all_if_none(bool *set, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n && !set[i]; i++)
		;
	if (i == n)
		for (i = 0; i < n; i++)
			set[i] = true;
}

void space_cli_parse(struct space_cli *cli, int argc, char **argv)
{
	struct space_workload_cfg *w = &cli->workload;
	struct space_churn_cfg *c = &cli->churn;
	bool elf_given = false, text_given = false;
	const char *o, *v;
	int i;

	prog = argc && strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argc ? argv[0] : "space";
	defaults(cli);
	for (i = 1; i < argc; i++) {
		o = argv[i];
		v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(o, "--help")) {
			printf(usage, prog);
			exit(0);
		} else if (!strcmp(o, "--quick")) {
			cli->quick = true;
			continue;
		} else if (!strcmp(o, "--no-check")) {
			c->check = false;
			continue;
		} else if (!strcmp(o, "--out")) {
			if (!v)
				bad("%s needs a directory", o);
			cli->out = v;
		} else if (!strcmp(o, "--pages")) {
			w->pages = (unsigned int)number(o, v, 1u << 20);
		} else if (!strcmp(o, "--slots")) {
			c->slots = (unsigned int)number(o, v, 1u << 24);
		} else if (!strcmp(o, "--ops")) {
			c->ops = (unsigned long)number(o, v, 1ull << 32);
		} else if (!strcmp(o, "--samples")) {
			c->samples = (unsigned int)number(o, v, 100000);
		} else if (!strcmp(o, "--seed")) {
			w->seed = number(o, v, ~0ull);
			c->seed = w->seed;
		} else if (!strcmp(o, "--zero-pct")) {
			w->zero_pct = (unsigned int)number(o, v, 100);
		} else if (!strcmp(o, "--text-pct")) {
			w->text_pct = (unsigned int)number(o, v, 100);
		} else if (!strcmp(o, "--lzo-min")) {
			w->lzo_min = (unsigned int)number(o, v, 2 * SPACE_PAGE_SIZE);
		} else if (!strcmp(o, "--lzo-max")) {
			w->lzo_max = (unsigned int)number(o, v, 2 * SPACE_PAGE_SIZE);
		} else if (!strcmp(o, "--hot-pct")) {
			c->hot_pct = (unsigned int)number(o, v, 100);
		} else if (!strcmp(o, "--hot-ops-pct")) {
			c->hot_ops_pct = (unsigned int)number(o, v, 100);
		} else if (!strcmp(o, "--store-pct")) {
			c->store_pct = (unsigned int)number(o, v, 100);
		} else if (!strcmp(o, "--load-pct")) {
			c->load_pct = (unsigned int)number(o, v, 100);
		} else if (!strcmp(o, "--elf-dir")) {
			add_dir(w->elf_dirs, &w->nelf, &elf_given, o, v);
		} else if (!strcmp(o, "--text-dir")) {
			add_dir(w->text_dirs, &w->ntext, &text_given, o, v);
		} else if (!strcmp(o, "--comp")) {
			pick(cli->comp, SPACE_NCOMP, o, v, comp_name);
		} else if (!strcmp(o, "--policy")) {
			pick(cli->policy, SPACE_NPOLICY, o, v, policy_name);
		} else {
			bad("unknown argument '%s'", o);
		}
		i++;	/* the option's value */
	}
	if (!cli->out)
		bad("%s", "--out DIR is required");
	if (w->zero_pct + w->text_pct > 100)
		bad("%s", "--zero-pct and --text-pct add up to more than 100");
	if (c->store_pct + c->load_pct > 100)
		bad("%s", "--store-pct and --load-pct add up to more than 100");
	if (w->lzo_min && !w->lzo_max)
		bad("%s", "--lzo-min needs --lzo-max");
	if (w->lzo_max && w->lzo_min > w->lzo_max)
		bad("%s", "--lzo-min is above --lzo-max");
	sizes(cli);
	if (!w->pages || !c->slots || !c->samples)
		bad("%s", "--pages, --slots and --samples must be at least 1");
	all_if_none(cli->comp, SPACE_NCOMP);
	all_if_none(cli->policy, SPACE_NPOLICY);
}

FILE *space_cli_create(const struct space_cli *cli, const char *name)
{
	char path[4096];
	FILE *f;

	if (snprintf(path, sizeof(path), "%s/%s", cli->out, name) >= (int)sizeof(path)) {
		fprintf(stderr, "%s: output path too long: %s/%s\n", prog, cli->out, name);
		exit(2);
	}
	f = fopen(path, "wx");	/* never overwrite earlier output */
	if (!f) {
		fprintf(stderr, "%s: cannot create %s: %s\n", prog, path, strerror(errno));
		exit(2);
	}
	return f;
}

void space_cli_close(FILE *f, const char *name)
{
	if (ferror(f) | fclose(f)) {
		fprintf(stderr, "%s: writing %s failed\n", prog, name);
		exit(1);
	}
}
