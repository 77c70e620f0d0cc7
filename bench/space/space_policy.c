/*
 * space_policy.c: the store policies of ramzswap (xvmalloc's caller, 2009)
 * and zcache (xcfmalloc's, 2011), as their sources state them.
 */
#include <linux/gfp.h>
#include <asm/page.h>
#include "gfp_policy.h"	/* the callers' masks */
#include "space_policy.h"

const struct space_policy space_policies[SPACE_NPOLICY] = {
	[SPACE_POLICY_RAMZSWAP] = {
		.name = "ramzswap",
		.rule = "zero-filled page: a flag, no allocation; compressed size > PAGE_SIZE/4*3 (3072): uncompressed in a page of its own outside the allocator",
		.zero_flag = true,
		.own_page_above = PAGE_SIZE / 4 * 3,
		.own_page_gfp = RAMZSWAP_GFP,
	},
	[SPACE_POLICY_ZCACHE] = {
		.name = "zcache",
		.rule = "compressed size > PAGE_SIZE/8*7 (3584): rejected (not stored); zero-filled pages are stored like any other",
		.reject_above = PAGE_SIZE / 8 * 7,
	},
};

const char *space_store_name(enum space_store s)
{
	static const char *const names[SPACE_NSTORE] = {
		"alloc", "zero-flag", "own-page", "reject"
	};

	return s < SPACE_NSTORE ? names[s] : "?";
}

enum space_store space_policy_decide(const struct space_policy *p, bool zero, u32 clen)
{
	if (zero && p->zero_flag)
		return SPACE_STORE_ZERO_FLAG;
	if (p->reject_above && clen > p->reject_above)
		return SPACE_STORE_REJECT;
	if (p->own_page_above && clen > p->own_page_above)
		return SPACE_STORE_OWN_PAGE;
	return SPACE_STORE_ALLOC;
}
