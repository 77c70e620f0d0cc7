/*
 * smoke.c: drives one allocator through malloc, write, read, get-size and
 * free with seeded random operations under every oracle and prints what it
 * did; a report aborts it (ci/smoke.sh runs one process per allocator).
 * Run: smoke ALLOCATOR [--ops N] [--seed S] [--check none|incremental|full]
 * (ALLOCATOR: one of those linked in, allocators/allocators.bzl)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <allocfuzz/shim.h>
#include "harness.h"

#ifndef ALLOCFUZZ_VARIANT
#define ALLOCFUZZ_VARIANT "?"
#endif

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

static void run(const struct allocator *a, enum gfp_policy gfp, unsigned long ops,
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
	       (unsigned long long)(h.stats.peak_bytes / SHIM_PAGE_SIZE));
	harness_stop(&h);
	if (a->exit)
		a->exit();
	shim_teardown();
}

static void usage(const char *why)
{
	const struct allocator *const *all;
	unsigned int n = allocators_linked(&all), i;

	fprintf(stderr, "smoke: %s\nusage: smoke ALLOCATOR [--ops N] [--seed S] [--check none|incremental|full]\nALLOCATOR:",
		why);
	for (i = 0; i < n; i++)
		fprintf(stderr, " %s", all[i]->name);
	fprintf(stderr, "\n");
	exit(2);
}

int main(int argc, char **argv)
{
	const struct allocator *a;
	unsigned long ops = 20000;
	int i, mode = CHECK_INCREMENTAL;
	char *end;

	if (argc < 2)
		usage("name the allocator");
	a = allocator_find(argv[1]);
	if (!a)
		usage("no such allocator");
	rng = 1;
	for (i = 2; i < argc; i++) {
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
	run(a, a->caller_gfp, ops, mode);
	return 0;
}
