/* quarantine_test.c: the FIFO quarantine behind the shim's pages and the model's buffers. */
#include <stddef.h>
#include <allocfuzz/quarantine.h>
#include "expect.h"

static int entries[16];
static int stocked;

static void *stock(void)
{
	return &entries[stocked++];
}

/*
 * Stocked to fill by the first get; a get leaves min waiting (and takes one
 * fresh entry instead); entries come back oldest first.
 */
static void fifo_past_min(void)
{
	static void *ring[8];
	struct quarantine q = QUARANTINE_INIT(ring, 3, 5, stock);
	int mine;

	stocked = 0;
	CHECK(quarantine_get(&q) == &entries[0]);
	CHECK(stocked == 5);
	CHECK(quarantine_get(&q) == &entries[1]);
	CHECK(quarantine_get(&q) == &entries[5]);	/* three wait: min */
	CHECK(stocked == 6);
	CHECK(quarantine_put(&q, &mine) == NULL);
	CHECK(quarantine_get(&q) == &entries[2]);
	CHECK(quarantine_get(&q) == &entries[6]);
	CHECK(quarantine_put(&q, &entries[0]) == NULL);
	CHECK(quarantine_get(&q) == &entries[3]);
	CHECK(quarantine_get(&q) == &entries[7]);	/* &mine is not back within min puts */
	CHECK(quarantine_put(&q, &entries[1]) == NULL);
	CHECK(quarantine_get(&q) == &entries[4]);
	CHECK(quarantine_put(&q, &entries[2]) == NULL);
	CHECK(quarantine_get(&q) == &mine);
	CHECK(stocked == 8);
}

/* A put into a full ring evicts and returns the oldest entry. */
static void full_ring_evicts_oldest(void)
{
	static void *ring[4];
	struct quarantine q = QUARANTINE_INIT(ring, 2, 4, stock);
	int a, b, c;

	stocked = 0;
	CHECK(quarantine_get(&q) == &entries[0]);
	CHECK(quarantine_put(&q, &a) == NULL);		/* four: full */
	CHECK(quarantine_put(&q, &b) == &entries[1]);
	CHECK(quarantine_put(&q, &c) == &entries[2]);
	CHECK(quarantine_get(&q) == &entries[3]);
	CHECK(quarantine_get(&q) == &a);
	CHECK(quarantine_get(&q) == &entries[4]);	/* b and c wait: min */
}

int main(void)
{
	expect_clean("quarantine: stocked once, FIFO, min entries always wait", fifo_past_min);
	expect_clean("quarantine: a put into a full ring returns the oldest entry",
		     full_ring_evicts_oldest);
	return expect_summary();
}
