/*
 * allocfuzz/quarantine.h: a FIFO quarantine of freed memory, for the shim's
 * pages and the model's buffers.  An entry put back is handed out again only
 * after min others were put, so a stale pointer still meets poison.  The
 * first get stocks it beyond min, once per process: from then on an input
 * that frees all it takes makes as many C frees as mallocs, and libFuzzer's
 * leak check is left for real leaks.  Poisoning and locking stay with the
 * caller.
 */
#ifndef _ALLOCFUZZ_QUARANTINE_H
#define _ALLOCFUZZ_QUARANTINE_H

#include <stdbool.h>

struct quarantine {
	void **ring;
	unsigned int max;		/* ring entries; a put beyond evicts the oldest */
	unsigned int min;		/* entries a get leaves waiting */
	unsigned int fill;		/* entries stocked by the first get */
	void *(*stock)(void);		/* a fresh entry, poisoned as a freed one; aborts if out of memory */
	unsigned int head, len;
	bool stocked;
};

#define QUARANTINE_INIT(ring_, min_, fill_, stock_)			\
	{ .ring = (ring_), .max = sizeof(ring_) / sizeof((ring_)[0]),	\
	  .min = (min_), .fill = (fill_), .stock = (stock_) }

/* The oldest entry, or a fresh one from stock when only min wait. */
void *quarantine_get(struct quarantine *q);
/* Queues entry; returns the oldest one, evicted from a full ring, or NULL. */
void *quarantine_put(struct quarantine *q, void *entry);
/* The entry put k puts ago (0: the last one), or NULL when fewer wait. */
void *quarantine_newest(const struct quarantine *q, unsigned long k);

#endif
