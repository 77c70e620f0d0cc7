/* gfp_policy.c: the gfp policies' names (gfp_policy.h), for the harness and the input format. */
#include "gfp_policy.h"

#define GFP_POLICY_NAME(id, name, mask)	[GFP_POLICY_##id] = name,
const char *const gfp_policy_name[GFP_POLICY_COUNT] = { GFP_POLICIES(GFP_POLICY_NAME) };
