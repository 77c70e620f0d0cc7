/* ops.c: decode, encode, print and parse the operations of ops.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gfp_policy.h"
#include "ops.h"


const u32 ops_sizes[] = {
	0, 1, 2, 3, 4, 5, 7, 8, 9,
	27, 28, 29, 31, 32, 33, 35, 36, 39, 40, 41,	/* xv: XV_MIN_ALLOC_SIZE, FL_DELTA */
	47, 48, 49, 63, 64, 65, 111, 112, 113,		/* xcf: 64-byte blocks less a header */
	527, 528, 529, 535, 536, 537,			/* xv: last list of a bitmap word */
	1000, 1024, 2000, 2032, 2033, 2048, 2600,	/* half pages; common LZO sizes */
	3000, 3072, 4000, 4016, 4017, 4032,
	4079, 4080, 4081,				/* xcf: MAX_ALLOC_SIZE and one past */
	4084, 4087, 4088, 4089, 4091, 4092, 4093,	/* xv: last list, XV_MAX_ALLOC_SIZE */
	4095, 4096, 4097, 8192, 65535, 65536,
	0x7fffffffu, 0x80000000u, 0xffffffffu,		/* int and u32 limits */
};
const unsigned int ops_sizes_count = sizeof(ops_sizes) / sizeof(ops_sizes[0]);

#define SIZE_RAW16	0xfe	/* size byte: two bytes follow, little endian */
#define SIZE_RAW32	0xff	/* size byte: four bytes follow */

/*
 * Opcode byte modulo 32 picks the operation: the everyday ones often, the
 * costly pool rebuild and full check rarely.  Encoding uses the first entry
 * of each kind, its enum value.
 */
static const u8 kind_of[32] = {
	OP_MALLOC, OP_WRITE, OP_READ, OP_SIZE, OP_FREE, OP_FAULT, OP_CHECK, OP_RECREATE,
	OP_RACE, OP_EXTRA, OP_FREE, OP_MALLOC, OP_WRITE, OP_FREE, OP_MALLOC, OP_WRITE,
	OP_FREE, OP_MALLOC, OP_WRITE, OP_FREE, OP_READ, OP_SIZE, OP_MALLOC, OP_WRITE,
	OP_FREE, OP_MALLOC, OP_WRITE, OP_FREE, OP_READ, OP_MALLOC, OP_FREE, OP_WRITE,
};

enum op_kind op_kind_of(u8 opcode)
{
	return kind_of[opcode % 32];
}

/*
 * Each operation's operands, in stream and text order: the one description
 * that decoding, encoding, printing, parsing and the mutator all follow.
 */
#define OPERANDS_MAX	3
#define BYTE(n, f, m)	{ n, OPERAND_BYTE, m, offsetof(struct op, f) }
#define SLOT		BYTE("slot", slot, OPS_SLOTS)
#define SIZE		{ "size", OPERAND_SIZE, 0, offsetof(struct op, size) }
#define GFP		{ "gfp", OPERAND_GFP, 0, offsetof(struct op, gfp) }

static const struct op_layout {
	const char *name;
	struct operand operand[OPERANDS_MAX + 1];	/* ends at a NULL name */
	const char *does;	/* what the harness does, for FORMAT.md (opstext format) */
} layout[OP_KINDS] = {
	[OP_MALLOC]	= { "malloc", { SLOT, SIZE, GFP },
			    "frees what the slot holds, then allocates `size` bytes with the gfp policy into it" },
	[OP_WRITE]	= { "write", { SLOT, BYTE("seed", seed, 256) },
			    "writes a pattern made from `seed` into the whole allocation, then reads it back" },
	[OP_READ]	= { "read", { SLOT },
			    "reads the allocation back and compares it with the shadow model" },
	[OP_SIZE]	= { "size", { SLOT },
			    "asks the allocator for the allocation's size and compares it with the size asked for" },
	[OP_FREE]	= { "free", { SLOT },
			    "checks the stored bytes one last time and frees the allocation" },
	[OP_FAULT]	= { "fault", { BYTE("pages", fail_pages, OPS_MAX_FAIL + 1),
				       BYTE("slab", fail_slab, OPS_MAX_FAIL + 1),
				       BYTE("prob", prob, 256) },
			    "from now on: fail the next `pages` page allocations, the next `slab` slab allocations, then each with probability `prob`/256" },
	[OP_CHECK]	= { "check", { },
			    "runs the full invariant check and the whole model now" },
	[OP_RECREATE]	= { "recreate", { GFP },
			    "frees everything, destroys the pool and creates it again with the gfp policy" },
	[OP_RACE]	= { "race", { SLOT, SIZE, GFP },
			    "another task's `malloc` into the slot, run at the first page allocation the next operation makes with no lock held (where the allocator could be preempted), else right after that operation" },
	[OP_EXTRA]	= { "extra", { SLOT, BYTE("which", which, 256), BYTE("arg", arg, 256) },
			    "runs the allocator's own operation number `which` (modulo how many its adapter declares; none: nothing) with `arg`, on the slot's allocation if it acts on one" },
};
_Static_assert(sizeof(((struct op *)0)->size) == sizeof(u32), "OPERAND_SIZE fills a u32");

const char *op_name(enum op_kind kind)
{
	return layout[kind].name;
}

const char *op_does(enum op_kind kind)
{
	return layout[kind].does;
}

const struct operand *op_operands(enum op_kind kind)
{
	return layout[kind].operand;
}

bool op_has(enum op_kind kind, size_t field)
{
	const struct operand *o;

	for (o = layout[kind].operand; o->name; o++)
		if (o->field == field)
			return true;
	return false;
}

u32 op_get(const struct op *op, const struct operand *o)
{
	const void *p = (const char *)op + o->field;

	return o->type == OPERAND_SIZE ? *(const u32 *)p : *(const u8 *)p;
}

void op_set(struct op *op, const struct operand *o, u32 v)
{
	void *p = (char *)op + o->field;

	if (o->type == OPERAND_SIZE)
		*(u32 *)p = v;
	else
		*(u8 *)p = (u8)v;
}

void op_reader_init(struct op_reader *r, const u8 *data, size_t size)
{
	r->p = data;
	r->end = size ? data + size : data;	/* data may be NULL when size is 0 */
	r->count = 0;
}

/* Bytes past the end read as zero, so every input decodes. */
static u8 byte(struct op_reader *r)
{
	return r->p < r->end ? *r->p++ : 0;
}

static u32 size_operand(struct op_reader *r)
{
	u8 sel = byte(r);
	u32 v;

	if (sel == SIZE_RAW32) {
		v = byte(r);
		v |= (u32)byte(r) << 8;
		v |= (u32)byte(r) << 16;
		return v | (u32)byte(r) << 24;
	}
	if (sel < ops_sizes_count)
		return ops_sizes[sel];
	/* Any other selector: two raw bytes, so every size up to 65535 is reachable. */
	v = byte(r);
	return v | (u32)byte(r) << 8;
}

static u32 decode_operand(struct op_reader *r, const struct operand *o)
{
	switch (o->type) {
	case OPERAND_SIZE:
		return size_operand(r);
	case OPERAND_GFP:
		return byte(r) % GFP_POLICY_COUNT;
	default:
		return byte(r) % o->mod;
	}
}

bool op_next(struct op_reader *r, struct op *op)
{
	const struct operand *o;

	if (r->p >= r->end || r->count >= OPS_MAX)
		return false;
	r->count++;
	memset(op, 0, sizeof(*op));
	op->kind = op_kind_of(byte(r));
	for (o = layout[op->kind].operand; o->name; o++)
		op_set(op, o, decode_operand(r, o));
	return true;
}

static size_t encode_size(u32 size, u8 *out)
{
	unsigned int i;

	for (i = 0; i < ops_sizes_count; i++)
		if (ops_sizes[i] == size) {
			out[0] = (u8)i;
			return 1;
		}
	if (size <= 0xffff) {
		out[0] = SIZE_RAW16;
		out[1] = size & 0xff;
		out[2] = size >> 8;
		return 3;
	}
	out[0] = SIZE_RAW32;
	for (i = 0; i < 4; i++)
		out[1 + i] = (size >> (8 * i)) & 0xff;
	return 5;
}

size_t op_encode(const struct op *op, u8 *out)
{
	const struct operand *o;
	size_t n = 1;

	out[0] = (u8)op->kind;
	for (o = layout[op->kind].operand; o->name; o++) {
		if (o->type == OPERAND_SIZE)
			n += encode_size(op_get(op, o), out + n);
		else
			out[n++] = (u8)op_get(op, o);
	}
	return n;
}

int op_format(const struct op *op, char *buf, size_t len)
{
	const struct operand *o;
	int n = snprintf(buf, len, "%s", layout[op->kind].name);
	size_t at;

	for (o = layout[op->kind].operand; o->name && n >= 0; o++) {
		at = (size_t)n < len ? (size_t)n : len;	/* snprintf counts what did not fit */
		if (o->type == OPERAND_GFP)
			n += snprintf(buf + at, len - at, " %s=%s", o->name,
				      gfp_policy_name[op_get(op, o)]);
		else
			n += snprintf(buf + at, len - at, " %s=%u", o->name, op_get(op, o));
	}
	return n;
}

/* Reads "name=<value>" of operand o from *s into *v if it is there and in range. */
static int field(const char **s, const struct operand *o, unsigned long *v,
		 char *err, size_t errlen)
{
	unsigned long max = o->type == OPERAND_SIZE ? 0xffffffffu : o->mod - 1;
	size_t n = strlen(o->name);
	char *end;

	while (**s == ' ')
		(*s)++;
	if (strncmp(*s, o->name, n) || (*s)[n] != '=') {
		snprintf(err, errlen, "expected %s=", o->name);
		return -1;
	}
	*s += n + 1;
	if (o->type == OPERAND_GFP) {
		unsigned int i;

		for (i = 0; i < GFP_POLICY_COUNT; i++) {
			size_t gl = strlen(gfp_policy_name[i]);

			if (!strncmp(*s, gfp_policy_name[i], gl) && ((*s)[gl] == ' ' || !(*s)[gl])) {
				*v = i;
				*s += gl;
				return 0;
			}
		}
		snprintf(err, errlen, "unknown gfp name");
		return -1;
	}
	if (**s < '0' || **s > '9') {
		snprintf(err, errlen, "%s needs a decimal number", o->name);
		return -1;
	}
	*v = strtoul(*s, &end, 10);
	*s = end;
	if (*v > max) {
		snprintf(err, errlen, "%s=%lu is above %lu", o->name, *v, max);
		return -1;
	}
	return 0;
}

int op_parse(const char *line, struct op *op, char *err, size_t errlen)
{
	const struct operand *o;
	const char *s = line;
	unsigned long v;
	unsigned int k;
	size_t n;

	memset(op, 0, sizeof(*op));
	for (k = 0; k < OP_KINDS; k++) {
		n = strlen(layout[k].name);
		if (!strncmp(s, layout[k].name, n) && (s[n] == ' ' || !s[n]))
			break;
	}
	if (k == OP_KINDS) {
		snprintf(err, errlen, "unknown operation");
		return -1;
	}
	op->kind = k;
	s += n;
	for (o = layout[k].operand; o->name; o++) {
		if (field(&s, o, &v, err, errlen))
			return -1;
		op_set(op, o, v);
	}
	while (*s == ' ')
		s++;
	if (*s) {
		snprintf(err, errlen, "unexpected text after the operation");
		return -1;
	}
	return 0;
}
