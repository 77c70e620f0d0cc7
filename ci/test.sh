#!/bin/sh
# The test command: installs what is missing, runs every Bazel test with no
# flags (the default build is ASan+UBSan), a check that those defaults give
# instrumented fuzzers, the local OSS-Fuzz build check, the campaign pipeline test,
# the bench's smoke run and every test again under MemorySanitizer, and prints
# one line per test binary and, last, the total "N passed, M failed" (the
# cases skipped for a sanitizer the build lacks are counted on the line before).
# Run: sh ci/test.sh [extra bazel test flags]
set -u
cd "$(dirname "$0")/.."
sh ci/setup.sh || exit 1

log=$(mktemp)
bazel test "$@" //... >"$log" 2>&1	# no flags: .bazelrc's default is ASan+UBSan
rc=$?
tail -n 40 "$log"
rm -f "$log"

passed=0
failed=0
skipped=0
result_re='^[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?$'
add_line() {	# add_line "N passed, M failed[, K skipped]": adds to the totals
	set -- $1
	passed=$((passed + $1))
	failed=$((failed + $3))
	skipped=$((skipped + ${5:-0}))
}
for t in $(bazel query 'tests(//...) except attr(tags, manual, //...)' 2>/dev/null); do
	log="bazel-testlogs/$(echo "${t#//}" | tr ':' '/')/test.log"
	line=$(grep -E "$result_re" "$log" 2>/dev/null | tail -n 1)
	if [ -z "$line" ]; then
		echo "FAIL $t: no result (did not build or crashed; see $log)"
		failed=$((failed + 1))
		continue
	fi
	echo "$t: $line"
	add_line "$line"
done

# Tests that drive Bazel or compilers themselves, so they run outside it.
script_test() {	# script_test SCRIPT: adds its "N passed, M failed[, K skipped]" to the totals
	result=$(sh "$1" 2>&1)
	line=$(echo "$result" | grep -E "$result_re" | tail -n 1)
	if [ -z "$line" ]; then
		echo "$result" | tail -n 20
		echo "FAIL $1: no result"
		failed=$((failed + 1))
		return
	fi
	echo "$result" | grep -E '^(FAIL|warning|skip)' || true
	echo "$1: $line"
	add_line "$line"
}
script_test ci/tests/bazel_defaults.sh	# a plain bazel build is instrumented and fuzzes
script_test ci/oss_fuzz_check.sh	# the OSS-Fuzz contract, built as OSS-Fuzz would
script_test ci/tests/oss_fuzz_contract.sh	# the OSS-Fuzz/ClusterFuzzLite files, broken patches, the workflow
script_test ci/tests/oss_fuzz_runner.sh	# the local check keeps upstream's runner rules
script_test ci/tests/campaign.sh		# the campaign pipeline end to end
script_test ci/tests/bench.sh		# the bench's smoke run and its report
script_test ci/tests/races.sh		# the race findings: single-bug variants race, the fixed one does not (TSan)
script_test ci/tests/msan.sh		# every test again under MemorySanitizer; the shim's memory as MSan sees it
script_test ci/tests/mutants.sh		# mutation testing on chosen mutants, and the equivalence list
script_test ci/tests/deep_state.sh	# the state probe in AFL++'s map, AFL++ runs the custom mutator, the switches
# CI reads the last line: it stays "N passed, M failed"; skips are said before it.
[ "$skipped" -eq 0 ] || echo "$skipped skipped (a case needing a sanitizer the build lacks)"
echo "$passed passed, $failed failed"
[ "$rc" -eq 0 ] && [ "$failed" -eq 0 ]
