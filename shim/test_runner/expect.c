/* expect.c: the death-test runner declared in expect.h. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "expect.h"

static int passed, failed, skipped;

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HAVE_ASAN	EXPECT_ASAN
#endif
#if __has_feature(undefined_behavior_sanitizer)
#define HAVE_UBSAN	EXPECT_UBSAN
#endif
#if __has_feature(memory_sanitizer)
#define HAVE_MSAN	EXPECT_MSAN
#endif
#endif
#ifndef HAVE_ASAN
#define HAVE_ASAN	0u
#endif
#ifndef HAVE_UBSAN
#define HAVE_UBSAN	0u
#endif
#ifndef HAVE_MSAN
#define HAVE_MSAN	0u
#endif

unsigned int expect_sanitizers(void)
{
	return HAVE_ASAN | HAVE_UBSAN | HAVE_MSAN;
}

void expect_fail(const char *file, int line, const char *cond)
{
	fprintf(stderr, "CHECK failed at %s:%d: %s\n", file, line, cond);
	exit(1);
}

/* Runs fn in a child; returns its wait status and its stderr in out. */
static int run_child(void (*fn)(void), char *out, size_t outsz)
{
	int fds[2], status;
	size_t len = 0;
	ssize_t n;
	pid_t pid;

	fflush(NULL);
	if (pipe(fds) || (pid = fork()) < 0) {
		perror("expect: fork");
		exit(2);
	}
	if (!pid) {
		close(fds[0]);
		dup2(fds[1], 2);
		fn();
		exit(0);
	}
	close(fds[1]);
	while ((n = read(fds[0], out + len, outsz - 1 - len)) > 0 && len + n < outsz - 1)
		len += n;
	while (n > 0)	/* drain what does not fit */
		n = read(fds[0], (char[256]){0}, 256);
	out[len] = '\0';
	close(fds[0]);
	waitpid(pid, &status, 0);
	return status;
}

/* The first report line of out, where it starts in out, or NULL. */
static const char *report_start(const char *out)
{
	const char *p = out;

	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t n = eol ? (size_t)(eol - p) : strlen(p);

		if (!strncmp(p, "allocfuzz: ", 11) ||
		    memmem(p, n, "ERROR: AddressSanitizer", 23) ||
		    memmem(p, n, "runtime error:", 14) ||
		    memmem(p, n, "WARNING: MemorySanitizer:", 25))
			return p;
		p = eol ? eol + 1 : p + n;
	}
	return NULL;
}

static const char *report_line(const char *out, char *line, size_t linesz)
{
	const char *p = report_start(out);
	size_t n;

	if (!p)
		return NULL;
	n = strcspn(p, "\n");
	if (n >= linesz)
		n = linesz - 1;
	memcpy(line, p, n);
	line[n] = '\0';
	return line;
}

/* Does a detail line of the report in out (an indented line right after its first) hold want? */
static bool detail_has(const char *out, const char *want)
{
	const char *p = strchr(report_start(out), '\n');

	for (; p && !strncmp(p + 1, "  ", 2); p = strchr(p + 1, '\n')) {
		size_t n = strcspn(p + 1, "\n");

		if (memmem(p + 1, n, want, strlen(want)))
			return true;
	}
	return false;
}

/*
 * An invariant's first line names it and holds no value, so that one defect
 * is one crash signature: no digit after "invariant <id>".
 */
static bool invariant_line_ok(const char *line)
{
	const char *prefix = "allocfuzz: invariant ", *rest;

	if (strncmp(line, prefix, strlen(prefix)))
		return true;
	rest = line + strlen(prefix);
	rest += strcspn(rest, " ");	/* past the id */
	return !rest[strcspn(rest, "0123456789")];
}

static void result(const char *name, bool ok, const char *why, const char *out)
{
	if (ok) {
		passed++;
		printf("ok %s\n", name);
		return;
	}
	failed++;
	printf("FAIL %s: %s\n--- child stderr ---\n%s--- end ---\n", name, why, out);
}

void expect_report_detail(const char *name, void (*fn)(void), const char *want,
			  const char *detail)
{
	static char out[1 << 16];
	char line[512];
	int status = run_child(fn, out, sizeof(out));
	const char *got = report_line(out, line, sizeof(line));

	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		result(name, false, "the case finished cleanly, a report was expected", out);
	else if (!got)
		result(name, false, "the child died without a report line", out);
	else if (!strstr(got, want))
		result(name, false, "the report line does not name the expected check", out);
	else if (!invariant_line_ok(got))
		result(name, false, "the invariant's report line holds a value", out);
	else if (detail && !detail_has(out, detail))
		result(name, false, "no detail line of the report holds the expected value", out);
	else
		result(name, true, NULL, out);
}

void expect_report(const char *name, void (*fn)(void), const char *want)
{
	expect_report_detail(name, fn, want, NULL);
}

void expect_report_needs(unsigned int need, const char *name, void (*fn)(void),
			 const char *want)
{
	static const struct { unsigned int bit; const char *name; } san[] = {
		{ EXPECT_ASAN, "AddressSanitizer" },
		{ EXPECT_UBSAN, "UndefinedBehaviorSanitizer" },
		{ EXPECT_MSAN, "MemorySanitizer" },
	};
	unsigned int missing = need & ~expect_sanitizers();
	size_t i;

	if (!missing) {
		expect_report(name, fn, want);
		return;
	}
	skipped++;
	printf("skip %s: needs", name);
	for (i = 0; i < sizeof(san) / sizeof(san[0]); i++)
		if (missing & san[i].bit)
			printf(" %s", san[i].name);
	printf(", which this build does not have\n");
}

void expect_clean(const char *name, void (*fn)(void))
{
	static char out[1 << 16];
	char line[512];
	int status = run_child(fn, out, sizeof(out));

	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		result(name, false, "the case did not finish cleanly", out);
	else if (report_line(out, line, sizeof(line)))
		result(name, false, "the case printed a report", out);
	else
		result(name, true, NULL, out);
}

int expect_summary(void)
{
	if (skipped)
		printf("%d passed, %d failed, %d skipped\n", passed, failed, skipped);
	else
		printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
