/* report.c: the one report format of the harness, and the shim's BUG entry points. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "internal.h"

#if defined(SAN_ASAN) || defined(__has_feature)
#include <sanitizer/common_interface_defs.h>
#endif

static void (*dump_hook)(void *arg);
static void *dump_arg;
static int reporting;

void report_set_dump_hook(void (*hook)(void *arg), void *arg)
{
	dump_hook = hook;
	dump_arg = arg;
}

void report_begin(const char *fmt, ...)
{
	va_list ap;

	/* A check that fires while a report is being written must not recurse. */
	if (reporting++)
		abort();
	fflush(stdout);
	fputs("allocfuzz: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void report_line(const char *fmt, ...)
{
	va_list ap;

	fputs("  ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void print_stack(void)
{
#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(undefined_behavior_sanitizer) || \
	__has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
	fputs("Call Trace:\n", stderr);
	__sanitizer_print_stack_trace();
	return;
#endif
#endif
	fputs("Call Trace: (build with a sanitizer for symbolised frames)\n", stderr);
}

void report_end(void)
{
	void (*hook)(void *) = dump_hook;

	dump_hook = NULL;
	if (hook)
		hook(dump_arg);
	print_stack();
	fputs("---[ end allocfuzz report ]---\n", stderr);
	fflush(stderr);
	abort();
}

void shim_check_failed(const char *id, const char *what, const char *site,
		       const char *fmt, ...)
{
	va_list ap;
	char msg[512];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	report_begin("BUG: %s: %s", id, what);
	report_line("%s", msg);
	if (site)
		report_line("at %s", site);
	report_end();
}

void shim_bug(const char *file, int line, const char *cond)
{
	report_begin("kernel BUG at %s:%d: %s", file, line, cond);
	report_end();
}

void shim_ffs_zero(const char *file, int line)
{
	report_begin("BUG: shim.bitops.ffs-zero: __ffs(0) is undefined");
	report_line("at %s:%d", file, line);
	report_end();
}

void shim_printk(const char *level, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s", level);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
}
