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
			CHECK(op.kind < OP_KINDS && op.slot < OPS_SLOTS && op.gfp < ops_gfp_count);
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

int main(void)
{
	expect_clean("ops: random byte strings decode and re-encode canonically", random_bytes_decode);
	expect_clean("ops: missing operand bytes read as zero", truncated_operands);
	expect_clean("ops: at most OPS_MAX operations per input", ops_cap);
	expect_clean("ops: sizes of the whole u32 domain are reachable", sizes_reach_everything);
	expect_clean("ops: text parse errors", parse_errors);
	return expect_summary();
}
