/* apply.c: one operation on one harness; see apply.h. */
#include "apply.h"

_Static_assert(OPS_SLOTS == MODEL_SLOTS, "a decoded slot indexes the harness's model");

int harness_apply(struct harness *h, const struct op *op)
{
	enum gfp_policy gfp = (enum gfp_policy)op->gfp;
	int ret = 0;

	harness_race_arm(h);
	switch (op->kind) {
	case OP_MALLOC:
		ret = harness_malloc(h, op->slot, op->size, gfp);
		break;
	case OP_WRITE:
		harness_write(h, op->slot, op->seed);
		break;
	case OP_READ:
		harness_read(h, op->slot);
		break;
	case OP_SIZE:
		harness_get_size(h, op->slot);
		break;
	case OP_FREE:
		harness_free(h, op->slot);
		break;
	case OP_CHECK:
		harness_check(h, h->mode == CHECK_NONE ? CHECK_NONE : CHECK_FULL);
		break;
	case OP_RECREATE:
		h->pool_gfp = gfp;
		harness_recreate(h);
		break;
	case OP_EXTRA:
		ret = harness_extra(h, op->slot, op->which, op->arg);
		break;
	default:	/* a fault is the caller's; a race is queued for the next op */
		break;
	}
	harness_race_settle(h);
	if (op->kind == OP_RACE)
		harness_race(h, op->slot, op->size, gfp);
	return ret;
}
