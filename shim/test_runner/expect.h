/*
 * expect.h: a tiny test runner where every case runs in a child process, so
 * a case may be expected to die with a given report (a death test) or to
 * finish cleanly, and no state leaks from one case to the next.
 */
#ifndef _ALLOCFUZZ_EXPECT_H
#define _ALLOCFUZZ_EXPECT_H

#include <stdbool.h>

/*
 * The report line of a child is the first stderr line that starts with
 * "allocfuzz: " or that holds "ERROR: AddressSanitizer", "runtime error:"
 * (UBSan) or "WARNING: MemorySanitizer:".
 */

/*
 * Passes if fn dies and its report line contains want; an invariant's report
 * line ("allocfuzz: invariant <id> ...") must also hold no digit after the id.
 */
void expect_report(const char *name, void (*fn)(void), const char *want);
/*
 * Passes if fn dies, its report line contains want, and one of the report's
 * detail lines (the indented lines right after it) contains detail.
 */
void expect_report_detail(const char *name, void (*fn)(void), const char *want,
			  const char *detail);
/*
 * The sanitizers whose report a death case may need, as expect_report_needs's
 * need (or-ed). A build has those it was compiled with (__has_feature).
 */
#define EXPECT_ASAN	1u
#define EXPECT_UBSAN	2u
#define EXPECT_MSAN	4u
/* The sanitizers of this build, as EXPECT_* bits. */
unsigned int expect_sanitizers(void);
/*
 * expect_report for a case that only the sanitizers in need report: in a
 * build without one of them the case is not run; it is counted as skipped
 * and its line says which sanitizer it needs.
 */
void expect_report_needs(unsigned int need, const char *name, void (*fn)(void),
			 const char *want);
/* Passes if fn returns, exits 0 and prints no report line. */
void expect_clean(const char *name, void (*fn)(void));
/* For checks inside a case: prints the failure and exits the child with 1. */
#define CHECK(cond) do {							\
		if (!(cond))							\
			expect_fail(__FILE__, __LINE__, #cond);			\
	} while (0)
void expect_fail(const char *file, int line, const char *cond);
/*
 * Prints "N passed, M failed" (then ", K skipped" if cases were skipped) and
 * returns the exit status for main.
 */
int expect_summary(void);

#endif
