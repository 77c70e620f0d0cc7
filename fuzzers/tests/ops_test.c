/* ops_test.c: every byte string decodes, within the caps, and canonical bytes re-decode the same. */
#include <stdlib.h>
#include <string.h>
#include "expect.h"
#include "ops.h"

static u64 rng = 0x1234567887654321ull;

static u8 next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (u8)(rng >> 56);
}

static bool same(const struct op *a, const struct op *b)
{
	return a->kind == b->kind && a->slot == b->slot && a->size == b->size &&
	       a->gfp == b->gfp && a->seed == b->seed && a->fail_pages == b->fail_pages &&
	       a->fail_slab == b->fail_slab && a->prob == b->prob;
}

static void random_bytes_decode(void)
{
	static u8 data[255 * 80];
	struct op_reader r, r2;
	struct op op, op2;
	char text[128], err[128];
	u8 enc[16];
	size_t len, n;
	int i;

	for (i = 0; i < 2000; i++) {
		len = next() * 80;
		for (n = 0; n < len; n++)
			data[n] = next();
		op_reader_init(&r, data, len);
		while (op_next(&r, &op)) {
			CHECK(op.kind < OP_KINDS && op.slot < OPS_SLOTS && op.gfp < GFP_POLICY_COUNT);
			CHECK(op.fail_pages <= OPS_MAX_FAIL && op.fail_slab <= OPS_MAX_FAIL);
			n = op_encode(&op, enc);
			CHECK(n <= 8);
			op_reader_init(&r2, enc, n);
			CHECK(op_next(&r2, &op2) && same(&op, &op2) && r2.p == r2.end);
			CHECK(op_format(&op, text, sizeof(text)) < (int)sizeof(text));
			CHECK(!op_parse(text, &op2, err, sizeof(err)) && same(&op, &op2));
		}
		CHECK(r.count <= OPS_MAX);
	}
}

static void truncated_operands(void)
{
	const u8 one = 0;	/* a malloc with every operand missing */
	struct op_reader r;
	struct op op;

	op_reader_init(&r, &one, 1);
	CHECK(op_next(&r, &op) && op.kind == OP_MALLOC && op.size == ops_sizes[0]);
	CHECK(!op_next(&r, &op));
	op_reader_init(&r, NULL, 0);
	CHECK(!op_next(&r, &op));
}

static void ops_cap(void)
{
	static u8 data[3 * OPS_MAX];
	struct op_reader r;
	struct op op;
	int n = 0;

	memset(data, 6, sizeof(data));	/* "check", one byte each */
	op_reader_init(&r, data, sizeof(data));
	while (op_next(&r, &op))
		n++;
	CHECK(n == OPS_MAX);
}

static void sizes_reach_everything(void)
{
	u8 enc[16];
	struct op op = { .kind = OP_MALLOC }, back;
	struct op_reader r;
	u32 sizes[] = { 0, 1, 4092, 4093, 65535, 65536, 0x80000000u, 0xffffffffu, 1234567 };
	unsigned int i;

	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		op.size = sizes[i];
		op_reader_init(&r, enc, op_encode(&op, enc));
		CHECK(op_next(&r, &back) && back.size == sizes[i]);
	}
	CHECK(ops_sizes_count < 0xfe);
}

static void parse_errors(void)
{
	struct op op;
	char err[128];

	CHECK(op_parse("mallok slot=1 size=2 gfp=zcache", &op, err, sizeof(err)) == -1);
	CHECK(op_parse("malloc slot=64 size=2 gfp=zcache", &op, err, sizeof(err)) == -1);
	CHECK(op_parse("malloc slot=1 size=x gfp=zcache", &op, err, sizeof(err)) == -1);
	CHECK(op_parse("malloc slot=1 size=2 gfp=gfp_kernel", &op, err, sizeof(err)) == -1);
	CHECK(op_parse("free slot=1 extra", &op, err, sizeof(err)) == -1);
	CHECK(op_parse("fault pages=16 slab=0 prob=0", &op, err, sizeof(err)) == -1);
	CHECK(op_parse("malloc slot=1 size=4294967295 gfp=kernel", &op, err, sizeof(err)) == 0);
	CHECK(op.size == 0xffffffffu && op.gfp == 6);
}

/* Whole inputs: the canonical bytes decode to the same operations and re-encode to themselves. */
static void canonical_bytes_are_stable(void)
{
	static u8 data[255 * 20], enc[8 * OPS_MAX], enc2[8 * OPS_MAX];
	static struct op ops[OPS_MAX];
	struct op_reader r;
	struct op op;
	size_t len, n, m;
	int i, k, count;

	for (i = 0; i < 2000; i++) {
		len = next() * 20;
		for (n = 0; n < len; n++)
			data[n] = next();
		op_reader_init(&r, data, len);
		for (count = 0, n = 0; op_next(&r, &ops[count]); count++)
			n += op_encode(&ops[count], enc + n);
		op_reader_init(&r, enc, n);
		for (k = 0, m = 0; op_next(&r, &op); k++) {
			CHECK(k < count && same(&op, &ops[k]));
			m += op_encode(&op, enc2 + m);
		}
		CHECK(k == count && m == n && !memcmp(enc, enc2, n));
	}
}

/* Every operation, at its operands' edge bytes, round-trips through bytes and text. */
static void every_kind_round_trips(void)
{
	static const u8 fill[] = { 0x00, 0x01, 0x0f, 0x10, 0x3f, 0x40, 0x7f, 0x80, 0xfe, 0xff };
	struct op_reader r;
	struct op op, back;
	char text[128], err[128];
	u8 in[8], enc[16];
	unsigned int k, f;

	for (k = 0; k < OP_KINDS; k++)
		for (f = 0; f < sizeof(fill); f++) {
			in[0] = k;
			memset(in + 1, fill[f], sizeof(in) - 1);
			op_reader_init(&r, in, sizeof(in));
			CHECK(op_next(&r, &op) && op.kind == k);
			op_reader_init(&r, enc, op_encode(&op, enc));
			CHECK(enc[0] == k && op_next(&r, &back) && same(&op, &back) && r.p == r.end);
			CHECK(op_format(&op, text, sizeof(text)) < (int)sizeof(text));
			CHECK(!op_parse(text, &back, err, sizeof(err)) && same(&op, &back));
		}
}

/* One input through every operation and size selector, and the text it must read as. */
static void known_decoding(void)
{
	static const u8 in[] = {
		0x00, 0x05, 0x10, 0x00, 0x00, 0x41, 0xfe, 0x34, 0x12, 0x09,
		0x08, 0x02, 0xff, 0x01, 0x00, 0x00, 0x80, 0x03, 0x00, 0x03,
		0x80, 0xff, 0xff, 0x02, 0x01, 0x03, 0xaa, 0x22, 0x03, 0x03,
		0x03, 0x05, 0x11, 0xff, 0x07, 0x06, 0x07, 0x0f, 0x04, 0x03, 0x1d,
	};
	static const char *const want[] = {
		"malloc slot=5 size=36 gfp=ramzswap",
		"malloc slot=1 size=4660 gfp=zram_slow",	/* 0x41 modulo the 11 policies */
		"race slot=2 size=2147483649 gfp=atomic",
		"malloc slot=3 size=65535 gfp=nowait",
		"write slot=3 seed=170",
		"read slot=3",
		"size slot=3",
		"fault pages=1 slab=15 prob=7",
		"check",
		"recreate gfp=noio",
		"free slot=3",
		"malloc slot=0 size=0 gfp=ramzswap",
	};
	struct op_reader r;
	struct op op;
	char text[128];
	unsigned int i = 0;

	op_reader_init(&r, in, sizeof(in));
	while (op_next(&r, &op)) {
		CHECK(i < sizeof(want) / sizeof(want[0]));
		op_format(&op, text, sizeof(text));
		CHECK(!strcmp(text, want[i++]));
	}
	CHECK(i == sizeof(want) / sizeof(want[0]));
}

int main(void)
{
	expect_clean("ops: random byte strings decode and re-encode canonically", random_bytes_decode);
	expect_clean("ops: missing operand bytes read as zero", truncated_operands);
	expect_clean("ops: at most OPS_MAX operations per input", ops_cap);
	expect_clean("ops: sizes of the whole u32 domain are reachable", sizes_reach_everything);
	expect_clean("ops: text parse errors", parse_errors);
	expect_clean("ops: canonical bytes of whole inputs are stable", canonical_bytes_are_stable);
	expect_clean("ops: every operation round-trips through bytes and text", every_kind_round_trips);
	expect_clean("ops: a known input decodes to its known text", known_decoding);
	return expect_summary();
}
