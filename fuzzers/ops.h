/*
 * ops.h: the fuzz input format (fuzzers/FORMAT.md; its version is OPS_FORMAT_VERSION).  Any byte
 * string decodes to a valid operation sequence; the text form is one
 * operation a line and round-trips exactly through the canonical bytes.
 */
#ifndef _ALLOCFUZZ_OPS_H
#define _ALLOCFUZZ_OPS_H

#include <stddef.h>
#include <allocfuzz/types.h>
#include "gfp_policy.h"

#define OPS_FORMAT_VERSION	3	/* 3: extra at opcode 9, which was a second write */
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
	OP_EXTRA,	/* one of the allocator's own operations (allocator.h's extras) */
	OP_KINDS
};

/* An operation's operands; those its kind does not have are 0. */
struct op {
	enum op_kind kind;
	u8 slot;
	u32 size;
	u8 gfp;		/* a gfp policy (allocators/gfp_policy.h) */
	u8 seed;
	u8 fail_pages, fail_slab, prob;	/* prob: per 256 */
	u8 which, arg;	/* extra: which of the allocator's extras, and its operand */
};

/* The kind an opcode byte names: the one table of how often each kind comes (ops.c's kind_of[]). */
enum op_kind op_kind_of(u8 opcode);

/* An operand, as ops.c's layout[] describes it; a kind's list ends at a NULL name. */
enum operand_type {
	OPERAND_BYTE,	/* one byte modulo mod; decimal in text */
	OPERAND_GFP,	/* one byte modulo GFP_POLICY_COUNT; a gfp policy's name in text */
	OPERAND_SIZE,	/* a size selector and its bytes (u32); decimal in text */
};

struct operand {
	const char *name;	/* the text's "name=" */
	enum operand_type type;
	unsigned int mod;	/* OPERAND_BYTE only */
	size_t field;		/* offset of its struct op field: u8, or u32 for a size */
};

const char *op_name(enum op_kind kind);
/* What the harness does for an operation of kind, one line of Markdown. */
const char *op_does(enum op_kind kind);
const struct operand *op_operands(enum op_kind kind);
/* True if kind has the operand stored at field (OP_FIELD(slot), ...). */
bool op_has(enum op_kind kind, size_t field);
#define OP_FIELD(f)	offsetof(struct op, f)
u32 op_get(const struct op *op, const struct operand *o);
void op_set(struct op *op, const struct operand *o, u32 v);

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
