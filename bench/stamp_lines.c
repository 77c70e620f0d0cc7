/*
 * stamp_lines: copies standard input to standard output, each line prefixed
 * with the seconds since it started (millisecond resolution) and a tab, as
 * the line arrives: coverage_time.sh times libFuzzer's status lines with it.
 * Run: FUZZER 2>&1 | stamp_lines >LOG
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(void)
{
	double start = now();
	char line[4096];
	int at_start = 1;

	while (fgets(line, sizeof(line), stdin)) {
		if (at_start)
			printf("%.3f\t", now() - start);
		fputs(line, stdout);
		/* A line longer than the buffer continues unstamped. */
		at_start = strchr(line, '\n') != NULL;
		fflush(stdout);
	}
	return 0;
}
