#!/bin/sh
# The test command: installs what is missing, runs every Bazel test under
# ASan+UBSan and the local OSS-Fuzz build check, and prints one line per
# test binary and the total "N passed, M failed" of all test cases.
# Run: sh ci/test.sh [extra bazel test flags]
set -u
cd "$(dirname "$0")/.."
sh ci/setup.sh || exit 1

log=$(mktemp)
bazel test --config=asan-ubsan "$@" //... >"$log" 2>&1
rc=$?
tail -n 40 "$log"
rm -f "$log"

passed=0
failed=0
for t in $(bazel query 'tests(//...)' 2>/dev/null); do
	log="bazel-testlogs/$(echo "${t#//}" | tr ':' '/')/test.log"
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" 2>/dev/null | tail -n 1)
	if [ -z "$line" ]; then
		echo "FAIL $t: no result (did not build or crashed; see $log)"
		failed=$((failed + 1))
		continue
	fi
	set -- $line
	echo "$t: $line"
	passed=$((passed + $1))
	failed=$((failed + $3))
done

# The OSS-Fuzz contract, checked outside Bazel as OSS-Fuzz would build.
oss=$(sh ci/oss_fuzz_check.sh 2>&1)
line=$(echo "$oss" | grep -E '^[0-9]+ passed, [0-9]+ failed$' | tail -n 1)
if [ -z "$line" ]; then
	echo "$oss" | tail -n 20
	echo "FAIL ci/oss_fuzz_check.sh: no result"
	failed=$((failed + 1))
else
	echo "$oss" | grep -E '^(FAIL|warning)' || true
	echo "ci/oss_fuzz_check.sh: $line"
	set -- $line
	passed=$((passed + $1))
	failed=$((failed + $3))
fi
echo "$passed passed, $failed failed"
[ "$rc" -eq 0 ] && [ "$failed" -eq 0 ]
