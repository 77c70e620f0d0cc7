#!/bin/sh
# A Bazel user's first commands work with no flags: every fuzz target's
# _libfuzzer binary from a plain `bazel build` carries ASan, UBSan and
# coverage instrumentation and fuzzes (libFuzzer finds interesting inputs),
# and the _run launcher builds. (`bazel test //...` with no flags is the
# test command's own first step.)
# Run: sh ci/tests/bazel_defaults.sh   (ends with "N passed, M failed")
set -u
cd "$(dirname "$0")/../.."
. ci/lib/manifest.sh
. ci/lib/testlib.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for t in $(manifest_targets all); do
	if ! bazel build "//fuzzers:${t}_libfuzzer" "//fuzzers:${t}_run" >"$tmp/build.log" 2>&1; then
		fail "$t: bazel build with no flags failed:"
		tail -n 10 "$tmp/build.log"
		continue
	fi
	bin=bazel-bin/fuzzers/${t}_libfuzzer
	check "$t: a plain build has ASan, UBSan and coverage counters" sh -c "
		objdump -d --no-show-raw-insn '$bin' | grep -qE 'call.*<__asan_report' &&
		objdump -d --no-show-raw-insn '$bin' | grep -qE 'call.*<__ubsan_handle' &&
		nm '$bin' | grep -q __sanitizer_cov_8bit_counters_init"
	[ "$t" != selftest_crash_fuzz ] || continue	# it crashes on purpose
	mkdir -p "$tmp/$t"
	"$bin" -runs=100 -seed=1 "$tmp/$t" >"$tmp/$t.log" 2>&1
	check "$t: a plain build fuzzes" sh -c "grep -q 'Done 100 runs' '$tmp/$t.log' &&
		! grep -q 'no interesting inputs' '$tmp/$t.log'"
done
finish
