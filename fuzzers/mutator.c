/* mutator.c: structure-aware mutation of operation streams; see mutator.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "env_switch.h"
#include "mutator.h"
#include "size_edges.h"

const char *const mut_kind_name[MUT_KINDS] = {
	[MUT_INSERT] = "insert",
	[MUT_DELETE] = "delete",
	[MUT_DUPLICATE] = "duplicate",
	[MUT_REPEAT] = "repeat",
	[MUT_SIZE_EDGE] = "size-edge",
	[MUT_GFP] = "gfp",
	[MUT_SLOT] = "slot",
	[MUT_FAULT_ARM] = "fault-arm",
	[MUT_FAULT_CLEAR] = "fault-clear",
	[MUT_OMIT_KIND] = "omit-kind",
	[MUT_BYTES] = "bytes",
};

/* How often mutator_mutate() picks each structural kind (MUT_BYTES is bytes_per_256). */
static const unsigned int weight[MUT_KINDS] = {
	[MUT_INSERT] = 3, [MUT_DELETE] = 2, [MUT_DUPLICATE] = 1, [MUT_REPEAT] = 2,
	[MUT_SIZE_EDGE] = 3, [MUT_GFP] = 1, [MUT_SLOT] = 2, [MUT_FAULT_ARM] = 1,
	[MUT_FAULT_CLEAR] = 1, [MUT_OMIT_KIND] = 1,
};

/* A build may make off its default (the OSS-Fuzz build.sh, asked to); the variable still wins. */
#ifndef ALLOCFUZZ_MUTATOR_DEFAULT
#define ALLOCFUZZ_MUTATOR_DEFAULT 1
#endif

bool mutator_enabled(void)
{
	static int on = -1;

	if (on < 0)
		on = env_switch("ALLOCFUZZ_MUTATOR", ALLOCFUZZ_MUTATOR_DEFAULT);
	return on;
}

static u64 next(struct mutator *m)
{
	m->rng ^= m->rng << 13;
	m->rng ^= m->rng >> 7;
	m->rng ^= m->rng << 17;
	return m->rng * 0x2545f4914f6cdd1dull;
}

/* Uniform enough in [0, n); 0 when n is 0. */
static unsigned int rnd(struct mutator *m, unsigned int n)
{
	return n ? (unsigned int)(next(m) >> 33) % n : 0;
}

/* Short runs mostly: 1, 2, 3, ... up to max with halving odds. */
static unsigned int run_length(struct mutator *m, unsigned int max)
{
	unsigned int len = 1;

	while (len < max && rnd(m, 2))
		len++;
	return len;
}

void mutator_init(struct mutator *m, u64 seed, mut_bytes_fn bytes)
{
	memset(m, 0, sizeof(*m));
	m->rng = seed * 0x9e3779b97f4a7c15ull + 0x632be59bd9b4e019ull;
	m->bytes = bytes;
	m->bytes_per_256 = 64;
}

unsigned int mutator_decode(const u8 *data, size_t size, struct op *ops)
{
	struct op_reader r;
	unsigned int n = 0;

	op_reader_init(&r, data, size);
	while (n < OPS_MAX && op_next(&r, &ops[n]))
		n++;
	return n;
}

size_t mutator_encode(const struct op *ops, unsigned int n, u8 *out, size_t max_size)
{
	size_t len = 0, k;
	unsigned int i;
	u8 enc[16];

	for (i = 0; i < n; i++) {
		k = op_encode(&ops[i], enc);
		if (len + k > max_size)
			break;
		memcpy(out + len, enc, k);
		len += k;
	}
	return len;
}

/* Which operands an op has: from the input format's layout (ops.c), never restated. */
static bool has_size(const struct op *op)
{
	return op_has(op->kind, OP_FIELD(size));
}

static bool has_gfp(const struct op *op)
{
	return op_has(op->kind, OP_FIELD(gfp));
}

static bool has_slot(const struct op *op)
{
	return op_has(op->kind, OP_FIELD(slot));
}

static bool armed(const struct op *op)
{
	return op->kind == OP_FAULT && (op->fail_pages || op->fail_slab || op->prob);
}

/* An index of m->a whose op satisfies pred, at random; -1 if none does. */
static int pick(struct mutator *m, bool (*pred)(const struct op *))
{
	unsigned int i, seen = 0;
	int chosen = -1;

	for (i = 0; i < m->na; i++)	/* reservoir sampling: one pass */
		if (pred(&m->a[i]) && rnd(m, ++seen) == 0)
			chosen = (int)i;
	return chosen;
}

static bool any_op(const struct op *op)
{
	(void)op;
	return true;
}

/* A slot the input already uses, mostly, so that a new op meets a live allocation. */
static u8 pick_slot(struct mutator *m)
{
	int i = rnd(m, 4) ? pick(m, has_slot) : -1;

	return i >= 0 ? m->a[i].slot : (u8)rnd(m, OPS_SLOTS);
}

static u32 pick_size(struct mutator *m)
{
	unsigned int n;
	const u32 *e = size_edges(&n);
	int i;

	switch (rnd(m, 8)) {
	case 0: case 1: case 2: case 3:
		return e[rnd(m, n)];
	case 4: case 5:
		return ops_sizes[rnd(m, ops_sizes_count)];
	case 6:
		i = pick(m, has_size);
		if (i >= 0)
			return m->a[i].size;
		/* fall through */
	default:
		return rnd(m, e[n - 1] + 1);
	}
}

/* A new operation: its kind as often as the opcode table has it, its operands by the layout. */
static void random_op(struct mutator *m, struct op *op)
{
	const struct operand *o;

	memset(op, 0, sizeof(*op));
	op->kind = op_kind_of((u8)rnd(m, 256));
	for (o = op_operands(op->kind); o->name; o++) {
		if (o->field == OP_FIELD(slot))
			op->slot = pick_slot(m);
		else if (o->type == OPERAND_SIZE)
			op_set(op, o, pick_size(m));
		else
			op_set(op, o, rnd(m, o->type == OPERAND_GFP ? GFP_POLICY_COUNT : o->mod));
	}
	/* refusals: mostly of pages; of slab objects and by chance now and then */
	if (op->kind == OP_FAULT) {
		op->fail_pages = (u8)rnd(m, OPS_MAX_FAIL + 1);
		op->fail_slab = rnd(m, 4) ? 0 : (u8)rnd(m, OPS_MAX_FAIL + 1);
		op->prob = rnd(m, 4) ? 0 : (u8)rnd(m, 256);
	}
}

/* How many operations a growing change may add. */
static unsigned int room(const struct mutator *m)
{
	return m->na < MUT_SOFT_OPS ? MUT_SOFT_OPS - m->na : 0;
}

/* Opens a gap of n ops at pos in m->a (the caller checked the room). */
static void gap(struct mutator *m, unsigned int pos, unsigned int n)
{
	memmove(&m->a[pos + n], &m->a[pos], (m->na - pos) * sizeof(m->a[0]));
	m->na += n;
}

static bool mut_insert(struct mutator *m)
{
	unsigned int pos = rnd(m, m->na + 1);
	struct op op;

	if (!room(m))
		return false;
	random_op(m, &op);
	gap(m, pos, 1);
	m->a[pos] = op;
	return true;
}

static bool mut_delete(struct mutator *m)
{
	unsigned int len, pos;

	if (!m->na)
		return false;
	len = run_length(m, m->na < 8 ? m->na : 8);
	pos = rnd(m, m->na - len + 1);
	memmove(&m->a[pos], &m->a[pos + len], (m->na - pos - len) * sizeof(m->a[0]));
	m->na -= len;
	return true;
}

static bool mut_duplicate(struct mutator *m)
{
	unsigned int len, src, dst;

	if (!m->na || !room(m))
		return false;
	len = run_length(m, m->na < 8 ? m->na : 8);
	if (len > room(m))
		len = room(m);
	src = rnd(m, m->na - len + 1);
	memcpy(m->b, &m->a[src], len * sizeof(m->a[0]));
	dst = rnd(m, m->na + 1);
	gap(m, dst, len);
	memcpy(&m->a[dst], m->b, len * sizeof(m->a[0]));
	return true;
}

/*
 * The run [src, src+len) again, times more times right after it; with a
 * stride, each copy's slots are one further on, so a run that allocates
 * fills the pool instead of replacing its own allocation.
 */
static bool mut_repeat(struct mutator *m)
{
	unsigned int len, src, times, stride, k, i;
	struct op *op;

	if (!m->na || !room(m))
		return false;
	len = run_length(m, m->na < 4 ? m->na : 4);
	if (len > room(m))
		len = room(m);
	src = rnd(m, m->na - len + 1);
	/* a few times, any number up to the slots, or once per slot */
	switch (rnd(m, 4)) {
	case 0: case 1:
		times = 1 + rnd(m, 4);
		break;
	case 2:
		times = 1 + rnd(m, OPS_SLOTS);
		break;
	default:
		times = OPS_SLOTS - 1;
		break;
	}
	if (times > room(m) / len)
		times = room(m) / len;
	stride = rnd(m, 2);
	memcpy(m->b, &m->a[src], len * sizeof(m->a[0]));
	gap(m, src + len, times * len);
	for (k = 1; k <= times; k++) {
		for (i = 0; i < len; i++) {
			op = &m->a[src + k * len + i];
			*op = m->b[i];
			if (stride && has_slot(op))
				op->slot = (u8)((op->slot + k) % OPS_SLOTS);
		}
	}
	return times > 0;
}

static bool mut_size_edge(struct mutator *m)
{
	int i = pick(m, has_size);
	bool up = rnd(m, 2);
	u32 old, v;

	if (i < 0)
		return false;
	old = m->a[i].size;
	v = size_edge_next(old, up);
	if (v == old)
		v = size_edge_next(old, !up);
	m->a[i].size = v;
	return v != old;
}

static bool mut_gfp(struct mutator *m)
{
	int i = pick(m, has_gfp);

	if (i < 0)
		return false;
	m->a[i].gfp = (u8)((m->a[i].gfp + 1 + rnd(m, GFP_POLICY_COUNT - 1)) % GFP_POLICY_COUNT);
	return true;
}

static bool mut_slot(struct mutator *m)
{
	int i = pick(m, has_slot);
	u8 old, v;

	if (i < 0)
		return false;
	old = m->a[i].slot;
	v = pick_slot(m);
	if (v == old)
		v = (u8)((old + 1 + rnd(m, OPS_SLOTS - 1)) % OPS_SLOTS);
	m->a[i].slot = v;
	return true;
}

static bool is_fault(const struct op *op)
{
	return op->kind == OP_FAULT;
}

static bool mut_fault_arm(struct mutator *m)
{
	int i = rnd(m, 2) ? pick(m, is_fault) : -1;
	unsigned int pos;
	struct op op = { .kind = OP_FAULT };

	/* mostly page refusals; slab refusals and a probability now and then */
	op.fail_pages = (u8)(1 + rnd(m, OPS_MAX_FAIL));
	if (!rnd(m, 4))
		op.fail_slab = (u8)(1 + rnd(m, OPS_MAX_FAIL));
	if (!rnd(m, 4))
		op.prob = (u8)(1 + rnd(m, 255));
	if (i >= 0) {
		m->a[i] = op;
		return true;
	}
	if (!room(m))
		return false;
	pos = rnd(m, m->na + 1);
	gap(m, pos, 1);
	m->a[pos] = op;
	return true;
}

static bool mut_fault_clear(struct mutator *m)
{
	int i = pick(m, armed);
	unsigned int pos;
	struct op op = { .kind = OP_FAULT };

	if (i < 0)
		return false;
	if (rnd(m, 2) || !room(m)) {
		m->a[i] = op;
		return true;
	}
	pos = (unsigned int)i + 1 + rnd(m, m->na - (unsigned int)i);	/* after the armed one */
	gap(m, pos, 1);
	m->a[pos] = op;
	return true;
}

static bool mut_omit_kind(struct mutator *m)
{
	int i = pick(m, any_op);
	enum op_kind kind;
	unsigned int r, w;

	if (i < 0)
		return false;
	kind = m->a[i].kind;
	for (r = w = 0; r < m->na; r++)
		if (m->a[r].kind != kind)
			m->a[w++] = m->a[r];
	m->na = w;
	return true;
}

static bool (*const structural[MUT_KINDS])(struct mutator *) = {
	[MUT_INSERT] = mut_insert,
	[MUT_DELETE] = mut_delete,
	[MUT_DUPLICATE] = mut_duplicate,
	[MUT_REPEAT] = mut_repeat,
	[MUT_SIZE_EDGE] = mut_size_edge,
	[MUT_GFP] = mut_gfp,
	[MUT_SLOT] = mut_slot,
	[MUT_FAULT_ARM] = mut_fault_arm,
	[MUT_FAULT_CLEAR] = mut_fault_clear,
	[MUT_OMIT_KIND] = mut_omit_kind,
};

/* A few byte changes, for an engine that gives none (AFL++ does its own havoc as well). */
static size_t builtin_bytes(struct mutator *m, u8 *data, size_t size, size_t max_size)
{
	size_t pos;

	switch (size ? rnd(m, 4) : 2) {
	case 0:
		data[rnd(m, (unsigned int)size)] ^= (u8)(1u << rnd(m, 8));
		return size;
	case 1:
		data[rnd(m, (unsigned int)size)] = (u8)rnd(m, 256);
		return size;
	case 2:
		if (size >= max_size)
			return size;
		pos = rnd(m, (unsigned int)size + 1);
		memmove(data + pos + 1, data + pos, size - pos);
		data[pos] = (u8)rnd(m, 256);
		return size + 1;
	default:
		pos = rnd(m, (unsigned int)size);
		memmove(data + pos, data + pos + 1, size - pos - 1);
		return size - 1;
	}
}

static size_t bytes(struct mutator *m, u8 *data, size_t size, size_t max_size)
{
	m->last[0] = MUT_BYTES;
	m->nlast = 1;
	m->done[MUT_BYTES]++;
	if (m->bytes)
		return m->bytes(data, size, max_size);
	return builtin_bytes(m, data, size, max_size);
}

size_t mutator_force(struct mutator *m, enum mut_kind kind, u8 *data, size_t size, size_t max_size)
{
	if (kind == MUT_BYTES)
		return bytes(m, data, size, max_size);
	m->na = mutator_decode(data, size, m->a);
	m->nlast = 0;
	if (!structural[kind](m))
		return 0;
	m->last[m->nlast++] = kind;
	m->done[kind]++;
	return mutator_encode(m->a, m->na, data, max_size);
}

static enum mut_kind weighted_kind(struct mutator *m)
{
	unsigned int total = 0, r, k;

	for (k = 0; k < MUT_KINDS; k++)
		total += weight[k];
	r = rnd(m, total);
	for (k = 0; r >= weight[k]; k++)
		r -= weight[k];
	return (enum mut_kind)k;
}

size_t mutator_mutate(struct mutator *m, u8 *data, size_t size, size_t max_size, unsigned int seed)
{
	unsigned int want, tries;
	enum mut_kind k;

	m->rng ^= (u64)seed << 32 | seed;
	if (!m->rng)
		m->rng = 1;
	if (rnd(m, 256) < m->bytes_per_256)
		return bytes(m, data, size, max_size);
	m->na = mutator_decode(data, size, m->a);
	m->nlast = 0;
	want = run_length(m, MUT_STACK);
	for (tries = 0; m->nlast < want && tries < 32; tries++) {
		k = weighted_kind(m);
		if (structural[k](m)) {
			m->last[m->nlast++] = k;
			m->done[k]++;
		}
	}
	if (!m->nlast)
		return bytes(m, data, size, max_size);
	return mutator_encode(m->a, m->na, data, max_size);
}

size_t mutator_crossover(struct mutator *m, const u8 *d1, size_t s1, const u8 *d2, size_t s2,
			 u8 *out, size_t max_size, unsigned int seed)
{
	unsigned int i, j, n;

	m->rng ^= (u64)seed << 32 | seed;
	if (!m->rng)
		m->rng = 1;
	m->na = mutator_decode(d1, s1, m->a);
	m->nb = mutator_decode(d2, s2, m->b);
	i = rnd(m, m->na + 1);
	j = rnd(m, m->nb + 1);
	n = m->nb - j;
	if (n > OPS_MAX - i)
		n = OPS_MAX - i;	/* a splice may be long: it only joins what exists */
	memcpy(&m->a[i], &m->b[j], n * sizeof(m->a[0]));
	m->na = i + n;
	return mutator_encode(m->a, m->na, out, max_size);
}
