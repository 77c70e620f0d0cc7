/*
 * space_rng.h: the space benchmark's seeded PRNG (splitmix64), so that the
 * page set and the operation stream are the same on every run and for every
 * allocator.
 */
#ifndef _SPACE_RNG_H
#define _SPACE_RNG_H

#include <stdbool.h>
#include <stdint.h>

struct space_rng {
	uint64_t state;
};

static inline void space_rng_seed(struct space_rng *r, uint64_t seed)
{
	r->state = seed;
}

static inline uint64_t space_rng_next(struct space_rng *r)
{
	uint64_t z = (r->state += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

/* Uniform in [0, n); n > 0.  The modulo bias is below 2^-32 for our n. */
static inline uint64_t space_rng_below(struct space_rng *r, uint64_t n)
{
	return space_rng_next(r) % n;
}

/* True with probability pct / 100. */
static inline bool space_rng_pct(struct space_rng *r, unsigned int pct)
{
	return space_rng_below(r, 100) < pct;
}

#endif
