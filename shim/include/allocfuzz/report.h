/*
 * allocfuzz/report.h: every report of the harness (shim BUG, invariant,
 * model mismatch) starts with one stable line "allocfuzz: ...", then detail
 * lines, then a stack trace, and aborts, so fuzzers deduplicate on line one.
 */
#ifndef _ALLOCFUZZ_REPORT_H
#define _ALLOCFUZZ_REPORT_H

#include <stdarg.h>
#include <allocfuzz/compiler.h>

/* Starts a report: prints "allocfuzz: <fmt>" as its first line. */
__printf(1, 2) void report_begin(const char *fmt, ...);
/* One more indented detail line. */
__printf(1, 2) void report_line(const char *fmt, ...);
/* Prints the stack, runs the dump hooks, and aborts. */
__noreturn void report_end(void);

/*
 * A BUG of a named shim check: "BUG: <id>: <what>" is the stable first line,
 * the formatted details and the calling site follow.
 */
__noreturn __printf(4, 5) void shim_check_failed(const char *id, const char *what,
						   const char *site, const char *fmt, ...);

/*
 * A hook that prints extra state (a pool dump, the operation being run)
 * before the stack trace; NULL clears it.
 */
void report_set_dump_hook(void (*hook)(void *arg), void *arg);

#endif
