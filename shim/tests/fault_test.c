/* fault_test.c: the fault-injection schedule. */
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/slab.h>
#include <asm/page.h>
#include <allocfuzz/shim.h>
#include "expect.h"

static void next_n(void)
{
	struct shim_fault_plan plan = { .fail_pages = 2, .fail_slab = 1 };
	struct shim_stats st;

	shim_reset();
	shim_fault_set(&plan);
	CHECK(!alloc_page(GFP_NOIO));
	CHECK(kzalloc(8, GFP_KERNEL) == NULL);		/* first slab failure */
	CHECK(!alloc_page(GFP_NOIO));
	CHECK(alloc_page(GFP_NOIO) != NULL);		/* schedule used up */
	CHECK(kzalloc(8, GFP_KERNEL) != NULL);
	shim_get_stats(&st);
	CHECK(st.page_faults_injected == 2 && st.slab_faults_injected == 1);
	CHECK(st.pages_live == 1 && st.objects_live == 1);
	shim_reset();
}

static void nofail(void)
{
	struct shim_fault_plan plan = { .fail_pages = 5, .fail_slab = 5, .per_65536 = 65535 };

	shim_reset();
	shim_fault_set(&plan);
	CHECK(alloc_page(GFP_NOIO | __GFP_NOFAIL) != NULL);
	CHECK(kmalloc(8, GFP_KERNEL | __GFP_NOFAIL) != NULL);
	shim_reset();
}

static unsigned int failures(u64 seed, unsigned int per_65536)
{
	struct shim_fault_plan plan = { .per_65536 = per_65536, .seed = seed };
	unsigned int i, failed = 0;
	struct page *p;

	shim_reset();
	shim_fault_set(&plan);
	for (i = 0; i < 2000; i++) {
		p = alloc_page(GFP_NOIO);
		if (!p)
			failed++;
		else
			__free_page(p);
	}
	return failed;
}

static void probability(void)
{
	unsigned int quarter = failures(42, 16384);

	CHECK(quarter > 400 && quarter < 600);		/* ~25% of 2000 */
	CHECK(failures(42, 16384) == quarter);		/* same seed, same run */
	CHECK(failures(0, 0) == 0);
	CHECK(failures(7, 65535) > 1990);
	shim_reset();
}

static void reset_clears_plan(void)
{
	struct shim_fault_plan plan = { .fail_pages = 3 };

	shim_reset();
	shim_fault_set(&plan);
	shim_reset();
	CHECK(alloc_page(GFP_NOIO) != NULL);
	shim_reset();
}

int main(void)
{
	expect_clean("fault: fail the next N page and slab allocations", next_n);
	expect_clean("fault: __GFP_NOFAIL never fails", nofail);
	expect_clean("fault: seeded probability, reproducible", probability);
	expect_clean("fault: reset clears the plan", reset_clears_plan);
	return expect_summary();
}
