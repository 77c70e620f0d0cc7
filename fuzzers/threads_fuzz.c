/*
 * threads_fuzz.c: two threads drive one pool at once, of each allocator the
 * registry marks threads (allocators/allocators.bzl) in turn, each thread
 * with its own slots and shadow model: operation i of
 * the input goes to thread i % 2. Build it with --config=tsan, where the
 * shim's spinlocks are real locks that ThreadSanitizer understands. Faults,
 * checks and rebuilds are pool-wide and left out; the invariant checker runs
 * in full, and the state probe once, when both threads are done (between
 * operations it would read the pool while the other thread changes it).
 */
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <allocfuzz/shim.h>
#include "apply.h"
#include "fuzz_input.h"
#include "state_probe.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct worker {
	struct harness h;
	const uint8_t *data;
	size_t size;
	unsigned int parity;
};

/* Operations on a thread's own slots; not race either: here real threads race. */
static bool per_thread(const struct op *op)
{
	switch (op->kind) {
	case OP_MALLOC:
	case OP_WRITE:
	case OP_READ:
	case OP_SIZE:
	case OP_FREE:
		return true;
	default:
		return false;
	}
}

static void *work(void *arg)
{
	struct worker *w = arg;
	struct op_reader r;
	struct op op;

	op_reader_init(&r, w->data, w->size);
	while (op_next(&r, &op))
		if (r.count % 2 == w->parity && per_thread(&op))
			harness_apply(&w->h, &op);
	return NULL;
}

static void run(const struct allocator *a, const uint8_t *data, size_t size)
{
	struct worker w[2];
	struct state_probe probe;
	struct harness main;
	pthread_t t[2];
	int i;

	harness_start(&main, a, a->caller_gfp, CHECK_NONE);
	for (i = 0; i < 2; i++) {
		harness_share(&w[i].h, &main);
		w[i].data = data;
		w[i].size = size;
		w[i].parity = i;
		pthread_create(&t[i], NULL, work, &w[i]);
	}
	for (i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	if (state_probe_enabled()) {
		state_probe_begin(&probe);
		for (i = 0; i < 2; i++)
			state_probe_after(&probe, a, main.pool, &w[i].h.model,
					  w[i].h.stats.malloc_failures, false);
	}
	if (fuzz_check_mode() != CHECK_NONE) {
		harness_check(&main, CHECK_FULL);
		for (i = 0; i < 2; i++)
			harness_check(&w[i].h, CHECK_FULL);
	}
	for (i = 0; i < 2; i++)
		harness_stop(&w[i].h);
	harness_stop(&main);
	if (a->exit)
		a->exit();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct allocator *const *allocs;
	unsigned int n = allocators_linked(&allocs), i;

	shim_set_threaded();
	shim_reset();
	for (i = 0; i < n; i++)
		run(allocs[i], data, size);
	shim_teardown();
	return 0;
}
