#!/bin/sh
# allocators.sh: every allocator of the registry fuzzes clean through the
# generic targets: its <name>_fuzz libFuzzer binary (the default build,
# ASan+UBSan, every oracle on) runs SECONDS from its committed corpus with
# no report and tries many inputs.  A plug-in that builds but cannot be
# fuzzed, or whose oracles fire on its own valid runs, fails here.
# Prints "N passed, M failed".
# Run: sh ci/tests/allocators.sh [SECONDS]   (default 15 per allocator)
set -u
cd "$(dirname "$0")/../.."
. ci/lib/testlib.sh
. ci/lib/manifest.sh
seconds=${1:-15}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

targets=$(manifest_names allocator | sed 's/$/_fuzz/')
labels=$(for t in $targets; do echo "//fuzzers:${t}_libfuzzer //corpus:$t"; done)
# shellcheck disable=SC2086
bazel build $labels >"$tmp/build.log" 2>&1 || { tail -n 20 "$tmp/build.log"; fail "the targets build"; finish; exit; }
bin=$(bazel info bazel-bin 2>/dev/null)	# not the bazel-bin link: another build may move it
for t in $targets; do
	mkdir -p "$tmp/$t"
	cp "$bin/corpus/bin/$t"/* "$tmp/$t/"
	cp "$bin/fuzzers/${t}_libfuzzer" "$tmp/"
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
		"$tmp/${t}_libfuzzer" -seed=1 -max_total_time="$seconds" -dict=corpus/allocfuzz.dict \
		-artifact_prefix="$tmp/$t-" "$tmp/$t" >"$tmp/$t.log" 2>&1
	rc=$?
	execs=$(sed -n 's/^#\([0-9]*\).*DONE.*/\1/p' "$tmp/$t.log" | tail -n 1)
	if [ "$rc" -ne 0 ]; then
		fail "$t: a report in $seconds s of fuzzing: $(sh ci/tools/signature.sh --first-line <"$tmp/$t.log")"
		ls "$tmp/$t-"* 2>/dev/null | head -n 1 | while read -r c; do
			mkdir -p out && cp "$c" "out/allocators-test-$(basename "$c")" && echo "  kept: out/allocators-test-$(basename "$c")"
		done
	elif [ "${execs:-0}" -lt 1000 ]; then
		fail "$t: only ${execs:-no} inputs in $seconds s"
	else
		pass "$t: $execs inputs in $seconds s, no report"
	fi
done
finish
