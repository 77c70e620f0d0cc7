/*
 * space_cli.h: the command line the space tools share (space_sizes and the
 * space_<allocator>_<variant> binaries take the same workload options, so
 * they build the same page set), and their output files.
 */
#ifndef _SPACE_CLI_H
#define _SPACE_CLI_H

#include <stdio.h>
#include "space_churn.h"
#include "space_workload.h"

struct space_cli {
	const char *out;		/* existing directory for the TSV files */
	bool quick;
	struct space_workload_cfg workload;
	struct space_churn_cfg churn;
	bool comp[SPACE_NCOMP];		/* compressors to run */
	bool policy[SPACE_NPOLICY];	/* policies to run */
};

/* Parses argv or exits 2 with a message naming the bad argument and the usage. */
void space_cli_parse(struct space_cli *cli, int argc, char **argv);
/* OUT/name, created anew: exits 2 naming the file if it exists or cannot be made. */
FILE *space_cli_create(const struct space_cli *cli, const char *name);
/* Closes f, exiting 1 naming it if a write failed. */
void space_cli_close(FILE *f, const char *name);

#endif
