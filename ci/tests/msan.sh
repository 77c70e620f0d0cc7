#!/bin/sh
# The test suite under MemorySanitizer: every Bazel test built and run with
# --config=msan must pass; shim/tests:msan_test must run its reporting cases
# (MSan fires on unzeroed pages and objects and on freed memory handed out
# again, and is quiet on zeroed and written memory), so it skips nothing;
# the only skips anywhere are cases whose report needs a sanitizer this
# build lacks, each saying which; the fuzz targets carry MSan's runtime.
# Run: sh ci/tests/msan.sh   (ends with "N passed, M failed")
set -u
cd "$(dirname "$0")/../.."
. ci/lib/manifest.sh
. ci/lib/testlib.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if bazel test --config=msan --build_event_json_file="$tmp/bep.json" //... >"$tmp/log" 2>&1; then
	pass "bazel test --config=msan //..."
else
	fail "bazel test --config=msan //...:"
	grep "FAILED\|NO STATUS\|ERROR:" "$tmp/log" | head -n 20
fi
bin=$(bazel info --config=msan bazel-bin 2>/dev/null)

# The tests that run reported, each with its log (ci/tools/bep_tests.sh): no log of an earlier run.
sh ci/tools/bep_tests.sh "$tmp/bep.json" >"$tmp/tests"
[ -s "$tmp/tests" ] || fail "bazel test --config=msan reported no test"
tab=$(printf '\t')
while IFS=$tab read -r t status cached f; do
	line=""
	[ "$f" = - ] || line=$(grep -E '^[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?$' "$f" | tail -n 1)
	case $status:$line in
	PASSED:*" 0 failed"*) pass "$t under MSan: $line" ;;
	*) fail "$t under MSan: $status, ${line:-no result}" ;;
	esac
	[ "$f" != - ] || continue
	# A skip must name the sanitizer it needs, and MSan is never missing here.
	unexplained=$(grep '^skip ' "$f" | grep -v 'needs [A-Za-z ]*Sanitizer')
	[ -z "$unexplained" ] || fail "$t: a skip that names no sanitizer: $unexplained"
	grep '^skip ' "$f" | grep -q 'MemorySanitizer' && fail "$t skipped an MSan case under MSan"
done <"$tmp/tests"
log_of() {	# log_of LABEL: the test.log this run reported for LABEL, or nothing
	awk -F '\t' -v t="$1" '$1 == t && $4 != "-" { print $4 }' "$tmp/tests"
}
m=$(log_of //shim/tests:msan_test)
check "msan_test: its MSan cases ran, none skipped" sh -c "! grep -q '^skip ' '$m' && grep -q '^ok msan: use of a kmalloc object' '$m'"
check "msan_test: MSan's report was the one each reporting case saw" \
	sh -c "[ \$(grep -c '^ok msan: ' '$m') -eq 10 ]"
f=$(log_of //corpus:findings_test)
check "findings_test: XV-1 and XV-2 (UBSan reports) are skipped, both variants each" \
	sh -c "[ \$(grep -c '^skip XV-[12]: .* needs UndefinedBehaviorSanitizer' '$f') -eq 4 ] &&
		[ \$(grep -c '^skip ' '$f') -eq 4 ]"
check "findings_test: the other findings still fail on their variants under MSan" \
	grep -q '^ok XV-3: seed variant fails' "$f"
for t in $(manifest_targets default); do
	check "${t}_libfuzzer and _replay carry MSan's runtime" \
		sh -c "grep -qa __msan_init '$bin/fuzzers/${t}_libfuzzer' && grep -qa __msan_init '$bin/fuzzers/${t}_replay' &&
			! grep -qa __asan_init '$bin/fuzzers/${t}_libfuzzer'"
done
finish
