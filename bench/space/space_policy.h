/*
 * space_policy.h: what the allocators' callers did with a compressed page
 * before (or instead of) calling the allocator.  The policy is part of every
 * run's name and report: it decides which sizes the allocator ever sees.
 */
#ifndef _SPACE_POLICY_H
#define _SPACE_POLICY_H

#include <linux/types.h>

enum space_store {
	SPACE_STORE_ALLOC,	/* the compressed bytes go to the allocator */
	SPACE_STORE_ZERO_FLAG,	/* a flag in the slot, no allocation */
	SPACE_STORE_OWN_PAGE,	/* uncompressed, in a page of its own outside the allocator */
	SPACE_STORE_REJECT,	/* not stored: the page goes to the swap device */
	SPACE_NSTORE,
};

struct space_policy {
	const char *name;
	const char *rule;	/* one line for the report */
	bool zero_flag;		/* zero-filled pages become a flag */
	u32 own_page_above;	/* larger sizes are stored uncompressed (0: never) */
	u32 reject_above;	/* larger sizes are rejected (0: never) */
	gfp_t own_page_gfp;	/* for SPACE_STORE_OWN_PAGE pages */
};

enum {
	SPACE_POLICY_RAMZSWAP,
	SPACE_POLICY_ZCACHE,
	SPACE_NPOLICY,
};

extern const struct space_policy space_policies[SPACE_NPOLICY];

const char *space_store_name(enum space_store s);
enum space_store space_policy_decide(const struct space_policy *p, bool zero, u32 clen);

#endif
