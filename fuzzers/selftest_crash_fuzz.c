/*
 * selftest_crash_fuzz.c: a target that crashes on purpose, for testing the
 * campaign pipeline end to end: any input holding a "check" operation is
 * reported one way, any holding a "recreate" another, so a short campaign
 * finds two distinct signatures in many crash files. Any holding a "fault"
 * branches on a byte of a kmalloc object it never wrote: a third signature
 * under MemorySanitizer (--sanitizer msan), nothing in other builds (the
 * byte is the shim's poison, never 0).
 */
#include <stddef.h>
#include <stdint.h>
#include <linux/slab.h>
#include <allocfuzz/report.h>
#include <allocfuzz/shim.h>
#include "ops.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct op_reader r;
	struct op op;

	op_reader_init(&r, data, size);
	while (op_next(&r, &op)) {
		if (op.kind == OP_CHECK) {
			report_begin("selftest check-reached: the input holds a check operation");
			report_end();
		}
		if (op.kind == OP_FAULT) {
			unsigned char *k = kmalloc(1, GFP_KERNEL);

			if (k && !k[0]) {
				report_begin("selftest fault-reached: a kmalloc byte was zero");
				report_end();
			}
			kfree(k);
		}
		if (op.kind == OP_RECREATE) {
			report_begin("selftest recreate-reached: the input holds a recreate operation");
			report_end();
		}
	}
	return 0;
}
