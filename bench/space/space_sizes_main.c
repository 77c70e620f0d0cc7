/*
 * space_sizes_main.c: the workload alone, without an allocator: which files
 * the pages came from, each page's LZO and LZ4 size, the compressed-size
 * histogram and the compression ratios.  Writes OUT/workload.tsv,
 * OUT/pages.tsv, OUT/histogram.tsv and OUT/compression.tsv.
 * Run: space_sizes --out DIR [--quick] [options]   (the space binaries' options)
 */
#include <stdlib.h>
#include <string.h>
#include "space_cli.h"
#include "space_compress.h"

#define HIST_BIN	128	/* bytes per histogram bin */
#define MODE_BIN	64	/* bytes per bin when looking for the most common size */
#define NBINS		(2 * SPACE_PAGE_SIZE / MODE_BIN)	/* beyond any compressed page */

static void write_workload(const struct space_cli *cli, const struct space_workload *w)
{
	unsigned long picked[SPACE_NCLASS] = { 0 }, zero[SPACE_NCLASS] = { 0 };
	const char *name = "workload.tsv";
	FILE *f = space_cli_create(cli, name);
	const char *const *dirs;
	unsigned int i, c, ndirs;

	for (i = 0; i < w->n; i++) {
		picked[w->page[i].cls]++;
		zero[w->page[i].cls] += w->page[i].zero;
	}
	fprintf(f, "class\tpages\tzero_filled\tfiles\tskipped_compressed\tdirs\n");
	for (c = 0; c < SPACE_NCLASS; c++) {
		fprintf(f, "%s\t%lu\t%lu\t%u\t%lu\t", space_class_name(c), picked[c], zero[c],
			w->files[c].n, w->files[c].skipped_compressed);
		dirs = c == SPACE_CLASS_ELF ? cli->workload.elf_dirs : cli->workload.text_dirs;
		ndirs = c == SPACE_CLASS_ELF ? cli->workload.nelf :
			c == SPACE_CLASS_TEXT ? cli->workload.ntext : 0;
		for (i = 0; i < ndirs; i++)
			fprintf(f, "%s%s", i ? " " : "", dirs[i]);
		fprintf(f, "%s\n", ndirs ? "" : "-");
	}
	space_cli_close(f, name);
}

static void write_pages(const struct space_cli *cli, const struct space_workload *w,
			const struct space_compressed *c)
{
	const char *name = "pages.tsv";
	FILE *f = space_cli_create(cli, name);
	const struct space_page *p;
	unsigned int i;

	fprintf(f, "page\tclass\tzero\tlzo\tlz4\tfile_page\tfile\n");
	for (i = 0; i < w->n; i++) {
		p = &w->page[i];
		fprintf(f, "%u\t%s\t%d\t%u\t%u\t", i, space_class_name(p->cls), p->zero,
			c[SPACE_LZO].len[i], c[SPACE_LZ4].len[i]);
		if (p->cls == SPACE_CLASS_ZERO)
			fprintf(f, "-\t-\n");
		else
			fprintf(f, "%u\t%s\n", p->index, w->files[p->cls].path[p->file]);
	}
	space_cli_close(f, name);
}

static void write_histogram(const struct space_cli *cli, const struct space_compressed *c)
{
	unsigned long n[SPACE_NCOMP][NBINS / 2] = { { 0 } };
	const char *name = "histogram.tsv";
	FILE *f = space_cli_create(cli, name);
	unsigned int i, k, last = 0;

	for (k = 0; k < SPACE_NCOMP; k++)
		for (i = 0; i < c[k].n; i++) {
			n[k][c[k].len[i] / HIST_BIN]++;
			if (c[k].len[i] / HIST_BIN > last)
				last = c[k].len[i] / HIST_BIN;
		}
	fprintf(f, "from\tto\tlzo\tlz4\tlzo_pct\tlz4_pct\n");
	for (i = 0; i <= last; i++)
		fprintf(f, "%u\t%u\t%lu\t%lu\t%.2f\t%.2f\n", i * HIST_BIN, (i + 1) * HIST_BIN - 1,
			n[SPACE_LZO][i], n[SPACE_LZ4][i], 100.0 * n[SPACE_LZO][i] / c[0].n,
			100.0 * n[SPACE_LZ4][i] / c[0].n);
	space_cli_close(f, name);
}

static int by_value(const void *a, const void *b)
{
	u32 x = *(const u32 *)a, y = *(const u32 *)b;

	return x < y ? -1 : x > y;
}

/* Uncompressed over compressed bytes, over the pages of one class (or all: -1). */
static double ratio(const struct space_workload *w, const struct space_compressed *c, int cls)
{
	double in = 0, out = 0;
	unsigned int i;

	for (i = 0; i < w->n; i++)
		if (cls < 0 || w->page[i].cls == (enum space_class)cls) {
			in += SPACE_PAGE_SIZE;
			out += c->len[i];
		}
	return out > 0 ? in / out : 0;
}

static double nonzero_ratio(const struct space_workload *w, const struct space_compressed *c)
{
	double in = 0, out = 0;
	unsigned int i;

	for (i = 0; i < w->n; i++)
		if (!w->page[i].zero) {
			in += SPACE_PAGE_SIZE;
			out += c->len[i];
		}
	return out > 0 ? in / out : 0;
}

static void write_compression(const struct space_cli *cli, const struct space_workload *w,
			      const struct space_compressed *c)
{
	const char *name = "compression.tsv";
	FILE *f = space_cli_create(cli, name);
	unsigned long bins[NBINS], under64, over_own, over_reject, over4096;
	unsigned int k, i, mode;
	double sum;
	u32 *sorted = malloc(w->n * sizeof(*sorted));

	if (!sorted)
		abort();
	fprintf(f, "comp\tpages\tmean_bytes\tmedian_bytes\tratio_all\tratio_nonzero\tratio_elf\tratio_text\tmode_from\tmode_to\tmode_pct\tunder_64_pct\tover_3072_pct\tover_3584_pct\tover_4096_pct\n");
	for (k = 0; k < SPACE_NCOMP; k++) {
		memset(bins, 0, sizeof(bins));
		under64 = over_own = over_reject = over4096 = 0;
		sum = 0;
		for (i = 0; i < w->n; i++) {
			sorted[i] = c[k].len[i];
			sum += c[k].len[i];
			bins[c[k].len[i] / MODE_BIN]++;
			under64 += c[k].len[i] < 64;
			over_own += c[k].len[i] > space_policies[SPACE_POLICY_RAMZSWAP].own_page_above;
			over_reject += c[k].len[i] > space_policies[SPACE_POLICY_ZCACHE].reject_above;
			over4096 += c[k].len[i] > SPACE_PAGE_SIZE;
		}
		qsort(sorted, w->n, sizeof(*sorted), by_value);
		/* The most common size above the tiny pages (published: LZO near 2,600 B). */
		for (mode = 1, i = 2; i < NBINS; i++)
			if (bins[i] > bins[mode])
				mode = i;
		fprintf(f, "%s\t%u\t%.0f\t%u\t%.2f\t%.2f\t%.2f\t%.2f\t%u\t%u\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\n",
			space_comp_name(k), w->n, sum / w->n, sorted[w->n / 2], ratio(w, &c[k], -1),
			nonzero_ratio(w, &c[k]), ratio(w, &c[k], SPACE_CLASS_ELF),
			ratio(w, &c[k], SPACE_CLASS_TEXT), mode * MODE_BIN, (mode + 1) * MODE_BIN - 1,
			100.0 * bins[mode] / w->n, 100.0 * under64 / w->n, 100.0 * over_own / w->n,
			100.0 * over_reject / w->n, 100.0 * over4096 / w->n);
	}
	free(sorted);
	space_cli_close(f, name);
}

int main(int argc, char **argv)
{
	struct space_compressed c[SPACE_NCOMP];
	struct space_workload w;
	struct space_cli cli;
	unsigned int k;

	space_cli_parse(&cli, argc, argv);
	if (space_workload_build(&w, &cli.workload))
		return 1;
	for (k = 0; k < SPACE_NCOMP; k++)
		if (space_compress_all(&c[k], &w, k))
			return 1;
	write_workload(&cli, &w);
	write_pages(&cli, &w, c);
	write_histogram(&cli, c);
	write_compression(&cli, &w, c);
	for (k = 0; k < SPACE_NCOMP; k++)
		space_compressed_free(&c[k]);
	space_workload_free(&w);
	return 0;
}
