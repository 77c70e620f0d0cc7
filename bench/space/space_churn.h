/*
 * space_churn.h: a swap-like stream over a fixed number of swap slots, run
 * against the one allocator the binary links: a fill phase stores a page
 * into every slot, then a churn phase stores (replacing the slot's copy),
 * loads (reading back and comparing every byte) and deletes, with hot and
 * cold slots.  The stream depends only on the seed, never on the allocator.
 */
#ifndef _SPACE_CHURN_H
#define _SPACE_CHURN_H

#include <stdio.h>
#include <linux/types.h>
#include "allocator.h"
#include "space_compress.h"
#include "space_policy.h"

struct space_churn_cfg {
	const char *run;		/* names the run in reports */
	unsigned int slots;
	unsigned long ops;		/* churn operations after the fill */
	unsigned int hot_pct;		/* share of the slots that are hot */
	unsigned int hot_ops_pct;	/* share of churn operations on hot slots */
	unsigned int store_pct;		/* churn mix: stores, loads, the rest deletes */
	unsigned int load_pct;
	unsigned int samples;		/* rows of the time series */
	u64 seed;
	bool check;			/* full invariant check after each phase */
};

/* The pool and the slots at one moment. */
struct space_point {
	unsigned long op;
	unsigned long objects;		/* allocations in the pool */
	unsigned long blocks;		/* their blocks (xcfmalloc: 1 or 2 each) */
	u64 bytes;			/* their compressed bytes: the ideal */
	unsigned long zero_flags;	/* slots holding a zero-page flag */
	unsigned long own_pages;	/* slots holding an uncompressed page */
	unsigned long rejected;		/* slots whose page went to the swap device */
	struct allocator_space pool;
};

struct space_result {
	unsigned long fill_ops, churn_ops;
	unsigned long stores, loads, deletes;
	unsigned long empty_loads;	/* loads and deletes of an empty slot: nothing to do */
	unsigned long verified_loads;	/* loads compared byte for byte */
	unsigned long store_by[SPACE_NSTORE];
	unsigned long zero_in_pool;	/* zero-filled pages stored in the allocator */
	unsigned long failures;		/* allocator refused a store */
	unsigned long two_block;	/* stores that got two blocks (xcfmalloc) */
	unsigned long peak_pages;	/* most pool pages (reserve excluded) at any time */
	unsigned long peak_pages_op;
	u64 peak_pages_bytes;		/* live bytes at that time */
	u64 peak_bytes;			/* most live bytes at any time */
	unsigned long peak_reserve;
	unsigned long peak_footprint;	/* most pool + reserve + own pages at any time */
	struct space_point fill_end, end;
	double seconds;			/* fill and churn, checks excluded */
	double check_seconds;
};

/*
 * Runs the stream on a fresh pool (the shim is the caller's to reset and
 * tear down), writing the time series to samples.  A load that differs from
 * what was stored is reported and aborts.
 */
void space_churn_run(const struct allocator *a, const struct space_churn_cfg *cfg,
		     const struct space_compressed *c, const struct space_workload *w,
		     const struct space_policy *p, FILE *samples, struct space_result *res);

/* The time series' header line. */
void space_churn_samples_header(FILE *f);

#endif
