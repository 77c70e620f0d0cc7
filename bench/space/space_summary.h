/*
 * space_summary.h: one TSV row per run of the space benchmark, with the
 * figures derived from the counts (ideal pages, overheads, metadata, rate).
 */
#ifndef _SPACE_SUMMARY_H
#define _SPACE_SUMMARY_H

#include <stdio.h>
#include "space_churn.h"

void space_summary_header(FILE *f);
void space_summary_row(FILE *f, const struct allocator *a, const char *variant, const char *comp,
		       const char *policy, const struct space_churn_cfg *cfg,
		       const struct space_result *res);
/* One line for the terminal while runs go by. */
void space_summary_line(FILE *f, const char *run, const struct space_result *res);

#endif
