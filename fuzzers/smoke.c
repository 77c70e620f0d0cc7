/*
 * smoke.c: drives each allocator through malloc, write, read, get-size and
 * free with seeded random operations under every oracle, each allocator in
 * its own process, and prints what it did and the first report, if any.
 * Run: smoke [--ops N] [--seed S] [--check none|incremental|full]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <allocfuzz/shim.h>
#include "harness.h"

#ifndef ALLOCFUZZ_VARIANT
#define ALLOCFUZZ_VARIANT "?"
#endif

/* How the seeds' callers allocated: ramzswap and zcache. */
#define RAMZSWAP_GFP	(GFP_NOIO | __GFP_HIGHMEM)
#define ZCACHE_GFP	(__GFP_FS | __GFP_NORETRY | __GFP_NOWARN | __GFP_NOMEMALLOC)

static u64 rng;

static u32 next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (u32)(rng >> 32);
}

/* Mostly compressed-page-like sizes, some tiny, some at the limits. */
static u32 pick_size(u32 max)
{
	switch (next() % 8) {
	case 0:
		return next() % 64;
	case 1:
		return max - next() % 8;
	default:
		return next() % (max + 2);
	}
}

static void run(const struct allocator *a, gfp_t gfp, unsigned long ops,
		enum check_mode mode)
{
	struct harness h;
	unsigned long i;
	int slot;

	shim_reset();
	harness_start(&h, a, gfp, mode);
	for (i = 0; i < ops; i++) {
		slot = next() % MODEL_SLOTS;
		switch (next() % 6) {
		case 0:
		case 1:
			if (!harness_malloc(&h, slot, pick_size(a->max_size), gfp))
				harness_write(&h, slot, next());
			break;
		case 2:
			harness_read(&h, slot);
			break;
		case 3:
			harness_get_size(&h, slot);
			break;
		default:
			harness_free(&h, slot);
		}
	}
	printf("%-9s (%s): %lu ops: %lu mallocs (%lu failed), %lu writes, %lu reads, %lu get-size, %lu frees, %lu checks; peak %llu pages\n",
	       a->name, ALLOCFUZZ_VARIANT, ops, h.stats.mallocs, h.stats.malloc_failures,
	       h.stats.writes, h.stats.reads, h.stats.sizes, h.stats.frees, h.stats.checks,
	       (unsigned long long)(h.stats.peak_bytes / PAGE_SIZE));
	harness_stop(&h);
	a->exit();
	shim_teardown();
}

/* Runs one allocator in a child; returns 0 if it finished without a report. */
static int run_child(const struct allocator *a, gfp_t gfp, unsigned long ops,
		     enum check_mode mode)
{
	int fds[2], status;
	char buf[65536], *line;
	ssize_t n, len = 0;
	pid_t pid;

	fflush(stdout);
	if (pipe(fds) || (pid = fork()) < 0) {
		perror("smoke: fork");
		exit(2);
	}
	if (!pid) {
		close(fds[0]);
		dup2(fds[1], 2);
		run(a, gfp, ops, mode);
		exit(0);
	}
	close(fds[1]);
	while ((n = read(fds[0], buf + len, sizeof(buf) - 1 - len)) > 0)
		len += n;
	buf[len] = '\0';
	close(fds[0]);
	waitpid(pid, &status, 0);
	if (WIFEXITED(status) && !WEXITSTATUS(status))
		return 0;
	line = strstr(buf, "allocfuzz: ");
	if (!line)
		line = strstr(buf, "runtime error:");
	if (!line)
		line = strstr(buf, "ERROR: AddressSanitizer");
	if (line)
		*strchrnul(line, '\n') = '\0';
	printf("%-9s (%s): stopped by a report: %s\n", a->name, ALLOCFUZZ_VARIANT,
	       line ? line : "(no report line; see below)");
	if (getenv("SMOKE_VERBOSE") || !line)
		fputs(buf, stdout);
	return 1;
}

static void usage(const char *why)
{
	fprintf(stderr, "smoke: %s\nusage: smoke [--ops N] [--seed S] [--check none|incremental|full]\n",
		why);
	exit(2);
}

int main(int argc, char **argv)
{
	unsigned long ops = 20000;
	int i, mode = CHECK_INCREMENTAL, reports = 0;
	char *end;

	rng = 1;
	for (i = 1; i < argc; i++) {
		if (i + 1 >= argc)
			usage("missing value after an option");
		if (!strcmp(argv[i], "--ops")) {
			ops = strtoul(argv[++i], &end, 10);
			if (*end || !*argv[i])
				usage("--ops takes a number");
		} else if (!strcmp(argv[i], "--seed")) {
			rng = strtoull(argv[++i], &end, 0);
			if (*end || !rng)
				usage("--seed takes a non-zero number");
		} else if (!strcmp(argv[i], "--check")) {
			mode = check_mode_parse(argv[++i]);
			if (mode < 0)
				usage("--check takes none, incremental or full");
		} else {
			usage("unknown option");
		}
	}
	reports += run_child(&xv_allocator, RAMZSWAP_GFP, ops, mode);
	reports += run_child(&xcf_allocator, ZCACHE_GFP, ops, mode);
	return reports ? 1 : 0;
}
