#!/bin/sh
# Tests ci/tools/signature.sh on one report of each kind the harness meets: the
# stable first line with addresses and pids blanked, our frames only, TSan's
# frame layout, --first-line, and no signature from a log without a report.
# Run (as a Bazel test): sh ci/tools/signature_test.sh SIGNATURE.SH
set -u
. ci/lib/testlib.sh
sig=$1
expect() {	# expect NAME WANT [ARG]: standard input's signature must be WANT
	got=$(sh "$sig" ${3:-})
	if [ "$got" = "$2" ]; then
		pass "$1"
	else
		fail "$1: got '$got', want '$2'"
	fi
}

expect "allocfuzz invariant, first frames of our code" \
	"allocfuzz: invariant xv.page.empty violated: page is one single free block but was not freed @ xv_check < harness_check < fuzz_input" <<'END'
INFO: Seed: 1
allocfuzz: invariant xv.page.empty violated: page is one single free block but was not freed
  page #2, offset 0
  pool 0x602000000010 page 0x7f0000002000
    #0 0x55d1c0a1b2c3 in __sanitizer_print_stack_trace (/b/xvmalloc_fuzz+0x1)
    #1 0x55d1c0a1b2c4 in report_end /p/shim/report.c:40:2
    #2 0x55d1c0a1b2c5 in xv_check /p/invariants/xv_check.c:210:3
    #3 0x55d1c0a1b2c6 in harness_check /p/fuzzers/harness.c:300:2
    #4 0x55d1c0a1b2c7 in fuzz_input /p/fuzzers/fuzz_input.c:88:4
    #5 0x55d1c0a1b2c8 in LLVMFuzzerTestOneInput /p/fuzzers/xvmalloc_fuzz.c:20:2
END

expect "UBSan: the runtime error, not the file position" \
	"runtime error: shift exponent 64 is too large for 64-bit type 'unsigned long' @ find_block < xv_malloc" <<'END'
allocators/xvmalloc/seed/xvmalloc.c:186:29: runtime error: shift exponent 64 is too large for 64-bit type 'unsigned long'
    #0 0x5581 in find_block /p/allocators/xvmalloc/seed/xvmalloc.c:186:29
    #1 0x5582 in xv_malloc /p/allocators/xvmalloc/seed/xvmalloc.c:300:9
    #2 0x5583 in main /usr/src/libc-start.c:1:1
END

expect "ASan: pid and addresses blanked" \
	"ERROR: AddressSanitizer: use-after-poison @ xcf_free" <<'END'
=================================================================
==4242==ERROR: AddressSanitizer: use-after-poison on address 0x7f3a00001000 at pc 0x55d1 bp 0x7ffd sp 0x7ffc
READ of size 4 at 0x7f3a00001000 thread T0
    #0 0x55d1c0 in xcf_free /p/allocators/xcfmalloc/fixed/xcfmalloc.c:500:7
END

expect "LSan: the shim's own frames left out" "ERROR: LeakSanitizer: detected memory leaks @ harness_malloc" <<'END'
==77==ERROR: LeakSanitizer: detected memory leaks

Direct leak of 4096 byte(s) in 1 object(s) allocated from:
    #0 0x4a1 in malloc (/b/t+0x4a1)
    #1 0x4a2 in shim_kmalloc /p/shim/slab.c:12:3
    #2 0x4a3 in harness_malloc /p/fuzzers/harness.c:120:3
END

expect "TSan: its own frame layout, pid blanked" \
	"WARNING: ThreadSanitizer: data race @ stat_inc < grow_pool < xv_malloc" <<'END'
==================
WARNING: ThreadSanitizer: data race (pid=3923)
  Write of size 8 at 0x7b0c00000028 by thread T2:
    #0 stat_inc /p/allocators/xvmalloc/only_XV-4/xvmalloc.c:25:9 (t+0x11afc0)
    #1 grow_pool /p/allocators/xvmalloc/only_XV-4/xvmalloc.c:250:2 (t+0x11b000)
    #2 xv_malloc /p/allocators/xvmalloc/only_XV-4/xvmalloc.c:320:8 (t+0x11b100)
    #3 harness_malloc /p/fuzzers/harness.c:110:3 (t+0x110000)
END

expect "libFuzzer's own report: its pid blanked" "ERROR: libFuzzer: timeout after 25 seconds" <<'END'
ALARM: working on the last Unit for 25 seconds
==9== ERROR: libFuzzer: timeout after 25 seconds
END

expect "--first-line leaves the frames out" "WARNING: ThreadSanitizer: data race" --first-line <<'END'
WARNING: ThreadSanitizer: data race (pid=1)
    #0 stat_dec /p/allocators/xvmalloc/fixed/xvmalloc.c:30:9 (t+0x1)
END

if printf 'INFO: Seed: 1\nDone 100 runs in 1 second(s)\n' | sh "$sig" >/dev/null; then
	fail "a log without a report has a signature"
else
	pass "a log without a report has no signature"
fi
if sh "$sig" --frames </dev/null 2>/dev/null; then
	fail "an unknown argument is accepted"
else
	pass "an unknown argument is refused"
fi
finish
