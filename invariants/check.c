/* check.c: the one report of a violated invariant (check.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <allocfuzz/report.h>
#include "check.h"

void report_invariant(const struct invariant *inv, void (*dump)(void *arg), void *arg,
		      const char *fmt, ...)
{
	char values[1024], *line, *next;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(values, sizeof(values), fmt, ap);
	va_end(ap);
	report_begin("invariant %s violated: %s", inv->id, inv->what);
	for (line = values; line; line = next) {
		if ((next = strchr(line, '\n')))
			*next++ = '\0';
		report_line("%s", line);
	}
	report_line("why: %s", inv->why);
	if (dump)
		dump(arg);
	report_end();
}

#define TABLES_MAX	32
static struct invariant_table tables[TABLES_MAX];
static unsigned int ntables;

void invariant_table_register(const struct invariant *inv, unsigned int count)
{
	if (ntables == TABLES_MAX)
		abort();
	tables[ntables++] = (struct invariant_table){ inv, count };
}

unsigned int invariant_tables(const struct invariant_table **t)
{
	*t = tables;
	return ntables;
}
