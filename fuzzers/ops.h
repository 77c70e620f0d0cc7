/*
 * ops.h: the fuzz input format, version 2 (fuzzers/FORMAT.md).  Any byte
 * string decodes to a valid operation sequence; the text form is one
 * operation a line and round-trips exactly through the canonical bytes.
 */
#ifndef _ALLOCFUZZ_OPS_H
#define _ALLOCFUZZ_OPS_H

#include <stddef.h>
#include <linux/types.h>

#define OPS_FORMAT_VERSION	2
#define OPS_MAX			1000	/* operations run per input */
#define OPS_SLOTS		64	/* handles: slot operands are taken modulo this */
#define OPS_MAX_FAIL		15	/* "fail the next N" counts are taken modulo 16 */

/* What each operation does; its operands are described once, in ops.c's layout[]. */
enum op_kind {
	OP_MALLOC,	/* free the slot, then allocate into it */
	OP_WRITE,	/* write a pattern, read it back */
	OP_READ,	/* read back and compare */
	OP_SIZE,	/* get-size and compare */
	OP_FREE,
	OP_FAULT,	/* set the fault-injection schedule */
	OP_CHECK,	/* full invariant and model check now */
	OP_RECREATE,	/* free everything, destroy the pool, create it anew */
	OP_RACE,	/* a malloc that another task makes during the next op */
	OP_KINDS
};

/* An operation's operands; those its kind does not have are 0. */
struct op {
	enum op_kind kind;
	u8 slot;
	u32 size;
	u8 gfp;		/* index into ops_gfp[] */
	u8 seed;
	u8 fail_pages, fail_slab, prob;	/* prob: per 256 */
};

/* The gfp masks an input can pass: the seeds' callers' and the other legal ones. */
struct ops_gfp {
	const char *name;
	gfp_t mask;
};
extern const struct ops_gfp ops_gfp[];
extern const unsigned int ops_gfp_count;

/* Sizes chosen by one byte: every freelist-class edge of both allocators. */
extern const u32 ops_sizes[];
extern const unsigned int ops_sizes_count;

struct op_reader {
	const u8 *p, *end;
	unsigned int count;
};

void op_reader_init(struct op_reader *r, const u8 *data, size_t size);
/* Decodes the next operation; false at the end or after OPS_MAX. */
bool op_next(struct op_reader *r, struct op *op);
/* Canonical bytes of op; returns their length (at most 8). */
size_t op_encode(const struct op *op, u8 *out);
/* One line of text (no newline); returns snprintf's result. */
int op_format(const struct op *op, char *buf, size_t len);
/* Parses op_format's text; 0 on success, else -1 with a message in err. */
int op_parse(const char *line, struct op *op, char *err, size_t errlen);

#endif
