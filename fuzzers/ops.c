/* ops.c: decode, encode, print and parse the operations of ops.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/gfp.h>
#include "callers.h"
#include "ops.h"

const struct ops_gfp ops_gfp[] = {
	{ "ramzswap", RAMZSWAP_GFP },
	{ "zcache", ZCACHE_GFP },
	{ "nowait", GFP_NOWAIT },
	{ "atomic", GFP_ATOMIC },
	{ "noio", GFP_NOIO },
	{ "nofs", GFP_NOFS },
	{ "kernel", GFP_KERNEL },
	{ "highuser", GFP_HIGHUSER },
};
const unsigned int ops_gfp_count = sizeof(ops_gfp) / sizeof(ops_gfp[0]);

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
 * costly pool rebuild and full check rarely.  Encoding uses the first entry.
 */
static const u8 kind_of[32] = {
	OP_MALLOC, OP_WRITE, OP_READ, OP_SIZE, OP_FREE, OP_FAULT, OP_CHECK, OP_RECREATE,
	OP_RACE, OP_WRITE, OP_FREE, OP_MALLOC, OP_WRITE, OP_FREE, OP_MALLOC, OP_WRITE,
	OP_FREE, OP_MALLOC, OP_WRITE, OP_FREE, OP_READ, OP_SIZE, OP_MALLOC, OP_WRITE,
	OP_FREE, OP_MALLOC, OP_WRITE, OP_FREE, OP_READ, OP_MALLOC, OP_FREE, OP_WRITE,
};

static const char *const kind_name[OP_KINDS] = {
	"malloc", "write", "read", "size", "free", "fault", "check", "recreate", "race",
};

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

bool op_next(struct op_reader *r, struct op *op)
{
	if (r->p >= r->end || r->count >= OPS_MAX)
		return false;
	r->count++;
	memset(op, 0, sizeof(*op));
	op->kind = kind_of[byte(r) % 32];
	switch (op->kind) {
	case OP_MALLOC:
	case OP_RACE:
		op->slot = byte(r) % OPS_SLOTS;
		op->size = size_operand(r);
		op->gfp = byte(r) % ops_gfp_count;
		break;
	case OP_WRITE:
		op->slot = byte(r) % OPS_SLOTS;
		op->seed = byte(r);
		break;
	case OP_READ:
	case OP_SIZE:
	case OP_FREE:
		op->slot = byte(r) % OPS_SLOTS;
		break;
	case OP_FAULT:
		op->fail_pages = byte(r) % (OPS_MAX_FAIL + 1);
		op->fail_slab = byte(r) % (OPS_MAX_FAIL + 1);
		op->prob = byte(r);
		break;
	case OP_RECREATE:
		op->gfp = byte(r) % ops_gfp_count;
		break;
	default:
		break;
	}
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
	size_t n = 1;

	out[0] = (u8)op->kind;
	switch (op->kind) {
	case OP_MALLOC:
	case OP_RACE:
		out[n++] = op->slot;
		n += encode_size(op->size, out + n);
		out[n++] = op->gfp;
		break;
	case OP_WRITE:
		out[n++] = op->slot;
		out[n++] = op->seed;
		break;
	case OP_READ:
	case OP_SIZE:
	case OP_FREE:
		out[n++] = op->slot;
		break;
	case OP_FAULT:
		out[n++] = op->fail_pages;
		out[n++] = op->fail_slab;
		out[n++] = op->prob;
		break;
	case OP_RECREATE:
		out[n++] = op->gfp;
		break;
	default:
		break;
	}
	return n;
}

int op_format(const struct op *op, char *buf, size_t len)
{
	const char *k = kind_name[op->kind];

	switch (op->kind) {
	case OP_MALLOC:
	case OP_RACE:
		return snprintf(buf, len, "%s slot=%u size=%u gfp=%s", k, op->slot,
				op->size, ops_gfp[op->gfp].name);
	case OP_WRITE:
		return snprintf(buf, len, "%s slot=%u seed=%u", k, op->slot, op->seed);
	case OP_READ:
	case OP_SIZE:
	case OP_FREE:
		return snprintf(buf, len, "%s slot=%u", k, op->slot);
	case OP_FAULT:
		return snprintf(buf, len, "%s pages=%u slab=%u prob=%u", k, op->fail_pages,
				op->fail_slab, op->prob);
	case OP_RECREATE:
		return snprintf(buf, len, "%s gfp=%s", k, ops_gfp[op->gfp].name);
	default:
		return snprintf(buf, len, "%s", k);
	}
}

/* Reads "name=<number>" from *s into *v if it is there and within max. */
static int field(const char **s, const char *name, unsigned long max, unsigned long *v,
		 char *err, size_t errlen)
{
	size_t n = strlen(name);
	char *end;

	while (**s == ' ')
		(*s)++;
	if (strncmp(*s, name, n) || (*s)[n] != '=') {
		snprintf(err, errlen, "expected %s=", name);
		return -1;
	}
	*s += n + 1;
	if (!strcmp(name, "gfp")) {
		unsigned int i;

		for (i = 0; i < ops_gfp_count; i++) {
			size_t gl = strlen(ops_gfp[i].name);

			if (!strncmp(*s, ops_gfp[i].name, gl) && ((*s)[gl] == ' ' || !(*s)[gl])) {
				*v = i;
				*s += gl;
				return 0;
			}
		}
		snprintf(err, errlen, "unknown gfp name");
		return -1;
	}
	if (**s < '0' || **s > '9') {
		snprintf(err, errlen, "%s needs a decimal number", name);
		return -1;
	}
	*v = strtoul(*s, &end, 10);
	*s = end;
	if (*v > max) {
		snprintf(err, errlen, "%s=%lu is above %lu", name, *v, max);
		return -1;
	}
	return 0;
}

int op_parse(const char *line, struct op *op, char *err, size_t errlen)
{
	unsigned long v[3];
	const char *s = line;
	unsigned int k;
	size_t n;

	memset(op, 0, sizeof(*op));
	for (k = 0; k < OP_KINDS; k++) {
		n = strlen(kind_name[k]);
		if (!strncmp(s, kind_name[k], n) && (s[n] == ' ' || !s[n]))
			break;
	}
	if (k == OP_KINDS) {
		snprintf(err, errlen, "unknown operation");
		return -1;
	}
	op->kind = k;
	s += n;
	switch (op->kind) {
	case OP_MALLOC:
	case OP_RACE:
		if (field(&s, "slot", OPS_SLOTS - 1, &v[0], err, errlen) ||
		    field(&s, "size", 0xffffffffu, &v[1], err, errlen) ||
		    field(&s, "gfp", 0, &v[2], err, errlen))
			return -1;
		op->slot = v[0];
		op->size = v[1];
		op->gfp = v[2];
		break;
	case OP_WRITE:
		if (field(&s, "slot", OPS_SLOTS - 1, &v[0], err, errlen) ||
		    field(&s, "seed", 255, &v[1], err, errlen))
			return -1;
		op->slot = v[0];
		op->seed = v[1];
		break;
	case OP_READ:
	case OP_SIZE:
	case OP_FREE:
		if (field(&s, "slot", OPS_SLOTS - 1, &v[0], err, errlen))
			return -1;
		op->slot = v[0];
		break;
	case OP_FAULT:
		if (field(&s, "pages", OPS_MAX_FAIL, &v[0], err, errlen) ||
		    field(&s, "slab", OPS_MAX_FAIL, &v[1], err, errlen) ||
		    field(&s, "prob", 255, &v[2], err, errlen))
			return -1;
		op->fail_pages = v[0];
		op->fail_slab = v[1];
		op->prob = v[2];
		break;
	case OP_RECREATE:
		if (field(&s, "gfp", 0, &v[0], err, errlen))
			return -1;
		op->gfp = v[0];
		break;
	default:
		break;
	}
	while (*s == ' ')
		s++;
	if (*s) {
		snprintf(err, errlen, "unexpected text after the operation");
		return -1;
	}
	return 0;
}
