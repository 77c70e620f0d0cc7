/*
 * mutator_libfuzzer.c: libFuzzer's custom mutator and crossover hooks on
 * mutator.c, linked into every fuzz target (the Bazel build and the
 * OSS-Fuzz/ClusterFuzzLite build.sh), so that every libFuzzer run uses it.
 * Byte mutations go to LLVMFuzzerMutate (libFuzzer's own, dictionary and
 * comparison operands included); where no libFuzzer is linked (replay,
 * AFL++'s driver) the hooks are never called.  ALLOCFUZZ_MUTATOR=off makes
 * the mutator libFuzzer's own and the crossover a no-op (libFuzzer then
 * tries another mutation): the plain engine.
 */
#include <stddef.h>
#include <stdint.h>
#include "mutator.h"
#include "state_probe.h"

size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size) __attribute__((weak));
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed);
size_t LLVMFuzzerCustomCrossOver(const uint8_t *d1, size_t s1, const uint8_t *d2, size_t s2,
				 uint8_t *out, size_t max_out, unsigned int seed);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Both switches read at start: a bad value stops the run before it begins. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	mutator_enabled();
	state_probe_enabled();
	return 0;
}

static struct mutator *get(void)
{
	static struct mutator m;
	static bool ready;

	if (!ready) {
		mutator_init(&m, 1, LLVMFuzzerMutate);
		ready = true;
	}
	return &m;
}

size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed)
{
	if (!mutator_enabled())
		return LLVMFuzzerMutate ? LLVMFuzzerMutate(data, size, max_size) : size;
	return mutator_mutate(get(), data, size, max_size, seed);
}

size_t LLVMFuzzerCustomCrossOver(const uint8_t *d1, size_t s1, const uint8_t *d2, size_t s2,
				 uint8_t *out, size_t max_out, unsigned int seed)
{
	if (!mutator_enabled())
		return 0;
	return mutator_crossover(get(), d1, s1, d2, s2, out, max_out, seed);
}
