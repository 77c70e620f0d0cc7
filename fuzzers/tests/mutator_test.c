/*
 * mutator_test.c: the structure-aware mutator's output always decodes to
 * whole, canonical operations within the engine's limit; each kind of
 * change it claims is produced and does what its name says; crossover
 * keeps operation boundaries; the size-class edges are ordered.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "expect.h"
#include "mutator.h"
#include "size_edges.h"

static u64 rng = 0x9876543210fedcbaull;

static unsigned int next(unsigned int n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return n ? (unsigned int)(rng >> 33) % n : 0;
}

static bool same(const struct op *a, const struct op *b)
{
	return a->kind == b->kind && a->slot == b->slot && a->size == b->size &&
	       a->gfp == b->gfp && a->seed == b->seed && a->fail_pages == b->fail_pages &&
	       a->fail_slab == b->fail_slab && a->prob == b->prob;
}

static bool valid(const struct op *op)
{
	return op->kind < OP_KINDS && op->slot < OPS_SLOTS && op->gfp < GFP_POLICY_COUNT &&
	       op->fail_pages <= OPS_MAX_FAIL && op->fail_slab <= OPS_MAX_FAIL;
}

static struct mutator m;
static struct op in[OPS_MAX], out[OPS_MAX];
static u8 buf[16384], orig[16384];

/* An input of every kind of operation: random ones, or random bytes. */
static size_t random_input(u8 *data, size_t room)
{
	size_t len = 0, k;
	unsigned int i, n = next(60);
	struct op op;
	u8 enc[16];

	if (next(3) == 0) {
		len = next(400);
		for (k = 0; k < len && k < room; k++)
			data[k] = (u8)next(256);
		return k;
	}
	for (i = 0; i < n; i++) {
		memset(&op, 0, sizeof(op));
		op.kind = next(OP_KINDS);
		op.slot = (u8)next(OPS_SLOTS);
		op.size = next(2) ? ops_sizes[next(ops_sizes_count)] : next(70000);
		op.gfp = (u8)next(GFP_POLICY_COUNT);
		op.seed = (u8)next(256);
		if (op.kind == OP_FAULT) {
			op.fail_pages = (u8)next(OPS_MAX_FAIL + 1);
			op.fail_slab = (u8)next(OPS_MAX_FAIL + 1);
			op.prob = (u8)next(256);
		}
		/* operands the kind does not have are dropped by the encoding */
		k = op_encode(&op, enc);
		if (len + k > room)
			break;
		memcpy(data + len, enc, k);
		len += k;
	}
	return len;
}

/* Every output: within max_size, whole canonical operations, all valid. */
static void output_always_decodes(void)
{
	unsigned int i, k, n, kind;
	size_t size, max, len;
	u8 again[16384];

	mutator_init(&m, 7, NULL);
	for (i = 0; i < 20000; i++) {
		size = random_input(buf, sizeof(buf));
		max = next(4) ? 4096 : 8 + next(600);
		if (size > max)
			size = max;
		len = mutator_mutate(&m, buf, size, max, i);
		CHECK(len <= max);
		n = mutator_decode(buf, len, out);
		CHECK(n <= OPS_MAX);
		for (k = 0; k < n; k++)
			CHECK(valid(&out[k]));
		if (m.last[0] != MUT_BYTES)	/* structural: canonical bytes, whole ops */
			CHECK(mutator_encode(out, n, again, sizeof(again)) == len &&
			      !memcmp(again, buf, len));
	}
	for (kind = 0; kind < MUT_KINDS; kind++) {
		if (!m.done[kind])
			expect_fail(__FILE__, __LINE__, mut_kind_name[kind]);
	}
}

/* out with the run [at, at+len) left out equals in, for the first such at >= from. */
static bool run_from(unsigned int na, unsigned int nb, unsigned int from, unsigned int *at)
{
	unsigned int len = nb - na, p, k;

	if (nb <= na)
		return false;
	for (p = from; p <= na; p++) {
		for (k = 0; k < p && same(&in[k], &out[k]); k++)
			;
		if (k < p)
			break;		/* the prefix stops matching: no later p works */
		for (k = p; k < na && same(&in[k], &out[k + len]); k++)
			;
		if (k == na) {
			*at = p;
			return true;
		}
	}
	return false;
}

static bool is_in_plus_run(unsigned int na, unsigned int nb, unsigned int *at)
{
	return run_from(na, nb, 0, at);
}

/* The positions where in and out differ, for changes in place; -1 if not exactly one. */
static int one_difference(unsigned int na, unsigned int nb)
{
	unsigned int k;
	int d = -1;

	if (na != nb)
		return -1;
	for (k = 0; k < na; k++) {
		if (!same(&in[k], &out[k])) {
			if (d >= 0)
				return -1;
			d = (int)k;
		}
	}
	return d;
}

static bool armed(const struct op *op)
{
	return op->kind == OP_FAULT && (op->fail_pages || op->fail_slab || op->prob);
}

static bool is_edge(u32 size)
{
	unsigned int n, k;
	const u32 *e = size_edges(&n);

	for (k = 0; k < n; k++)
		if (e[k] == size)
			return true;
	return false;
}

/* Does the forced change of this kind do what its name says? */
static bool check_kind(enum mut_kind kind, unsigned int na, unsigned int nb, size_t len,
		       size_t size)
{
	unsigned int at, k, j;
	int d;
	struct op x, y;
	bool gone;

	switch (kind) {
	case MUT_INSERT:
		return nb == na + 1 && is_in_plus_run(na, nb, &at);
	case MUT_DELETE:
		/* in is out plus a run: swap the roles */
		for (k = 0; k < OPS_MAX; k++) {
			y = in[k];
			in[k] = out[k];
			out[k] = y;
		}
		gone = is_in_plus_run(nb, na, &at);
		for (k = 0; k < OPS_MAX; k++) {
			y = in[k];
			in[k] = out[k];
			out[k] = y;
		}
		return gone;
	case MUT_DUPLICATE:
		/* some run inserted (where is ambiguous) is a run of the input */
		for (at = 0; run_from(na, nb, at, &at); at++) {
			for (k = 0; k + (nb - na) <= na; k++) {
				for (j = 0; j < nb - na && same(&in[k + j], &out[at + j]); j++)
					;
				if (j == nb - na)
					return true;
			}
		}
		return false;
	case MUT_REPEAT:
		/* copies of the run before them: same kinds with some period of at most 4 */
		for (at = 0; run_from(na, nb, at, &at); at++) {
			for (k = 1; k <= 4; k++) {
				if (at < k || (nb - na) % k)
					continue;
				for (j = 0; j < nb - na &&
				     out[at + j].kind == out[at - k + j % k].kind; j++)
					;
				if (j == nb - na)
					return true;
			}
		}
		return false;
	case MUT_SIZE_EDGE:
		d = one_difference(na, nb);
		if (d < 0)
			return false;
		x = in[d];
		x.size = out[d].size;
		return same(&x, &out[d]) && is_edge(out[d].size);
	case MUT_GFP:
		d = one_difference(na, nb);
		if (d < 0)
			return false;
		x = in[d];
		x.gfp = out[d].gfp;
		return same(&x, &out[d]);
	case MUT_SLOT:
		d = one_difference(na, nb);
		if (d < 0)
			return false;
		x = in[d];
		x.slot = out[d].slot;
		return same(&x, &out[d]);
	case MUT_FAULT_ARM:
		if (nb == na + 1 && is_in_plus_run(na, nb, &at))
			return armed(&out[at]);
		d = one_difference(na, nb);
		return d >= 0 && in[d].kind == OP_FAULT && armed(&out[d]);
	case MUT_FAULT_CLEAR:
		if (nb == na + 1 && is_in_plus_run(na, nb, &at)) {
			for (k = 0; k < at && !armed(&out[k]); k++)
				;
			return out[at].kind == OP_FAULT && !armed(&out[at]) && k < at;
		}
		d = one_difference(na, nb);
		return d >= 0 && armed(&in[d]) && out[d].kind == OP_FAULT && !armed(&out[d]);
	case MUT_OMIT_KIND:
		for (k = 0; k < OP_KINDS; k++) {
			unsigned int r, w, had = 0;

			for (r = w = 0; r < na; r++) {
				if (in[r].kind == k) {
					had++;
					continue;
				}
				if (w >= nb || !same(&in[r], &out[w]))
					break;
				w++;
			}
			if (had && r == na && w == nb)
				return true;
		}
		return false;
	case MUT_BYTES:
		return len != size || memcmp(buf, orig, len);
	default:
		return false;
	}
}

/* The input and the output side by side, for a failure's log. */
static void dump(unsigned int na, unsigned int nb)
{
	char t1[128], t2[128];
	unsigned int q;

	for (q = 0; q < na || q < nb; q++) {
		t1[0] = t2[0] = 0;
		if (q < na)
			op_format(&in[q], t1, sizeof(t1));
		if (q < nb)
			op_format(&out[q], t2, sizeof(t2));
		fprintf(stderr, "%-40s | %s\n", t1, t2);
	}
}

/* Each kind, forced on inputs it applies to, makes exactly its change. */
static void each_kind(void)
{
	unsigned int kind, i, made, na, nb;
	size_t size, len;

	mutator_init(&m, 11, NULL);
	for (kind = 0; kind < MUT_KINDS; kind++) {
		made = 0;
		for (i = 0; i < 400; i++) {
			size = random_input(buf, 4096);
			memcpy(orig, buf, size);
			na = mutator_decode(buf, size, in);
			if (!na && (kind == MUT_DELETE || kind == MUT_OMIT_KIND))
				continue;	/* nothing to take away */
			len = mutator_force(&m, kind, buf, size, sizeof(buf));
			if (!len && kind != MUT_BYTES && kind != MUT_DELETE && kind != MUT_OMIT_KIND) {
				CHECK(!memcmp(buf, orig, size));	/* did not apply: unchanged */
				continue;
			}
			if (kind == MUT_BYTES && len == size && !memcmp(buf, orig, size))
				continue;	/* a byte flip can undo itself only in theory; retry */
			nb = mutator_decode(buf, len, out);
			if (!check_kind(kind, na, nb, len, size)) {
				dump(na, nb);
				expect_fail(__FILE__, __LINE__, mut_kind_name[kind]);
				break;
			}
			made++;
		}
		if (made < 50)
			expect_fail(__FILE__, __LINE__, mut_kind_name[kind]);
	}
}

/* Crossover: a prefix of one input's operations, then a suffix of the other's. */
static void crossover_keeps_boundaries(void)
{
	static u8 b1[4096], b2[4096], x[4096], again[4096];
	static struct op o2[OPS_MAX];
	unsigned int i, n1, n2, no, p, k, cut_found = 0;
	size_t s1, s2, len;

	mutator_init(&m, 13, NULL);
	for (i = 0; i < 3000; i++) {
		s1 = random_input(b1, sizeof(b1));
		s2 = random_input(b2, sizeof(b2));
		len = mutator_crossover(&m, b1, s1, b2, s2, x, sizeof(x), i);
		n1 = mutator_decode(b1, s1, in);
		n2 = mutator_decode(b2, s2, o2);
		no = mutator_decode(x, len, out);
		CHECK(mutator_encode(out, no, again, sizeof(again)) == len && !memcmp(again, x, len));
		/* some p: out[0..p) == in[0..p) and out[p..no) is a suffix of o2 */
		for (p = 0; p <= no && p <= n1; p++) {
			if (p > 0 && !same(&out[p - 1], &in[p - 1]))
				break;
			if (no - p > n2)
				continue;
			for (k = 0; p + k < no && same(&out[p + k], &o2[n2 - (no - p) + k]); k++)
				;
			if (p + k == no)
				break;
		}
		CHECK(p <= no && p <= n1 && (p == no || p + k == no));
		if (p > 0 && p < no)
			cut_found++;
	}
	CHECK(cut_found > 500);	/* most of them take something of both */
}

static void edges_ordered(void)
{
	unsigned int n, k;
	const u32 *e = size_edges(&n);

	CHECK(n > 100 && e[0] == 0);
	for (k = 1; k < n; k++)
		CHECK(e[k - 1] < e[k]);
	for (k = 1; k + 1 < n; k++) {
		CHECK(size_edge_next(e[k], true) == e[k + 1]);
		CHECK(size_edge_next(e[k], false) == e[k - 1]);
		if (e[k] + 1 < e[k + 1])
			CHECK(size_edge_next(e[k] + 1, false) == e[k] &&
			      size_edge_next(e[k] + 1, true) == e[k + 1]);
	}
	CHECK(size_edge_next(e[n - 1] + 100, true) == e[n - 1] + 100);
}

int main(void)
{
	expect_clean("mutator: every output decodes to whole canonical operations", output_always_decodes);
	expect_clean("mutator: each kind makes its change", each_kind);
	expect_clean("mutator: crossover cuts at operation boundaries", crossover_keeps_boundaries);
	expect_clean("mutator: size-class edges ordered", edges_ordered);
	return expect_summary();
}
