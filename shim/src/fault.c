/* fault.c: the fault-injection schedule for page and slab allocations. */
#include "internal.h"

static struct shim_fault_plan plan;
static uint64_t rng;

void shim_fault_set(const struct shim_fault_plan *p)
{
	shim_table_lock();
	plan = *p;
	rng = p->seed ? p->seed : 0x9e3779b97f4a7c15ull;
	shim_table_unlock();
}

void shim_fault_reset(void)
{
	static const struct shim_fault_plan none;

	plan = none;
	rng = 0;
}

/* xorshift64: small, seeded, reproducible. Called under shim_lock. */
static bool draw(void)
{
	if (!plan.per_65536)
		return false;
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (rng & 0xffff) < plan.per_65536;
}

bool shim_fault_page(struct shim_gfp gfp)
{
	if (gfp.flags & SHIM_GFP_NOFAIL)
		return false;
	if (plan.fail_pages) {
		plan.fail_pages--;
		return true;
	}
	return draw();
}

bool shim_fault_slab(struct shim_gfp gfp)
{
	if (gfp.flags & SHIM_GFP_NOFAIL)
		return false;
	if (plan.fail_slab) {
		plan.fail_slab--;
		return true;
	}
	return draw();
}
