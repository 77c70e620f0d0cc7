/*
 * space_summary.c: the summary TSV.  "Ideal" is the live compressed bytes in
 * the allocator divided by PAGE_SIZE; an overhead is pages / ideal - 1.  At
 * peak it compares the most pool pages with the most live bytes at any time
 * (the compcache wiki's comparison); at end, both after the last operation.
 */
#include <asm/page.h>
#include "space_summary.h"

static double ideal(u64 bytes)
{
	return (double)bytes / PAGE_SIZE;
}

static double over_pct(double pages, double ideal_pages)
{
	return ideal_pages > 0 ? (pages / ideal_pages - 1) * 100 : 0;
}

static double pct(double part, double whole)
{
	return whole > 0 ? part / whole * 100 : 0;
}

/* Column names, in the order space_summary_row prints them. */
static const char *const columns[] = {
	"allocator", "variant", "comp", "policy", "seed", "slots", "hot_pct", "hot_ops_pct",
	"store_pct", "load_pct", "fill_ops", "churn_ops",
	"stores", "loads", "deletes", "verified_loads", "empty_ops",
	"store_alloc", "store_zero_flag", "store_own_page", "store_reject",
	"zero_in_pool", "failures", "two_block",
	"peak_pages", "peak_ideal", "peak_over_pct", "peak_pages_op", "peak_pages_ideal",
	"peak_reserve", "peak_footprint",
	"fill_pages", "fill_ideal", "fill_over_pct",
	"end_objects", "end_blocks", "end_bytes", "end_pages", "end_ideal", "end_over_pct",
	"end_reserve", "end_own_pages", "end_zero_flags", "end_rejected",
	"end_descs", "end_reserve_descs", "desc_size", "desc_bytes", "header_bytes",
	"pool_bytes", "desc_pct", "header_pct",
	"eff_compression_pct", "data_compression_pct",
	"seconds", "ops_per_sec", "check_seconds",
};

void space_summary_header(FILE *f)
{
	size_t i;

	for (i = 0; i < sizeof(columns) / sizeof(columns[0]); i++)
		fprintf(f, "%s%s", i ? "\t" : "", columns[i]);
	fprintf(f, "\n");
}

void space_summary_row(FILE *f, const struct allocator *a, const char *variant, const char *comp,
		       const char *policy, const struct space_churn_cfg *cfg,
		       const struct space_result *r)
{
	const struct space_point *fe = &r->fill_end, *e = &r->end;
	/* Descriptors of the pool's blocks (reserve pages' ones are counted apart). */
	unsigned long desc_bytes = e->pool.descs * e->pool.desc_size;
	unsigned long header_bytes = e->blocks * a->header_bytes;
	unsigned long ops = r->fill_ops + r->churn_ops;

	fprintf(f, "%s\t%s\t%s\t%s\t%llu\t%u\t%u\t%u\t%u\t%u\t%lu\t%lu\t", a->name,
		variant, comp, policy, (unsigned long long)cfg->seed, cfg->slots, cfg->hot_pct,
		cfg->hot_ops_pct, cfg->store_pct, cfg->load_pct, r->fill_ops, r->churn_ops);
	fprintf(f, "%lu\t%lu\t%lu\t%lu\t%lu\t", r->stores, r->loads, r->deletes,
		r->verified_loads, r->empty_loads);
	fprintf(f, "%lu\t%lu\t%lu\t%lu\t%lu\t%lu\t%lu\t", r->store_by[SPACE_STORE_ALLOC],
		r->store_by[SPACE_STORE_ZERO_FLAG], r->store_by[SPACE_STORE_OWN_PAGE],
		r->store_by[SPACE_STORE_REJECT], r->zero_in_pool, r->failures, r->two_block);
	fprintf(f, "%lu\t%.2f\t%.2f\t%lu\t%.2f\t%lu\t%lu\t", r->peak_pages, ideal(r->peak_bytes),
		over_pct(r->peak_pages, ideal(r->peak_bytes)), r->peak_pages_op,
		ideal(r->peak_pages_bytes), r->peak_reserve, r->peak_footprint);
	fprintf(f, "%lu\t%.2f\t%.2f\t", fe->pool.pages, ideal(fe->bytes),
		over_pct(fe->pool.pages, ideal(fe->bytes)));
	fprintf(f, "%lu\t%lu\t%llu\t%lu\t%.2f\t%.2f\t", e->objects, e->blocks,
		(unsigned long long)e->bytes,
		e->pool.pages, ideal(e->bytes), over_pct(e->pool.pages, ideal(e->bytes)));
	fprintf(f, "%lu\t%lu\t%lu\t%lu\t", e->pool.reserve_pages, e->own_pages, e->zero_flags,
		e->rejected);
	fprintf(f, "%lu\t%lu\t%lu\t%lu\t%lu\t%lu\t%.2f\t%.2f\t", e->pool.descs,
		e->pool.reserve_descs, e->pool.desc_size, desc_bytes, header_bytes,
		e->pool.pool_bytes, pct(desc_bytes, e->bytes), pct(header_bytes, e->bytes));
	fprintf(f, "%.2f\t%.2f\t", pct(e->pool.pages, e->objects),
		pct(e->bytes, (double)e->objects * PAGE_SIZE));
	fprintf(f, "%.3f\t%.0f\t%.3f\n", r->seconds, r->seconds > 0 ? ops / r->seconds : 0,
		r->check_seconds);
}

void space_summary_line(FILE *f, const char *run, const struct space_result *r)
{
	fprintf(f, "space: %-34s peak %6lu pages / ideal %9.1f (%+6.1f%%), end %6lu / %9.1f (%+6.1f%%), %lu failures, %.2f s\n",
		run, r->peak_pages, ideal(r->peak_bytes),
		over_pct(r->peak_pages, ideal(r->peak_bytes)), r->end.pool.pages,
		ideal(r->end.bytes), over_pct(r->end.pool.pages, ideal(r->end.bytes)),
		r->failures, r->seconds);
}
