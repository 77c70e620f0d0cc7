#!/bin/sh
# The test command: installs what is missing, runs every Bazel test under
# ASan+UBSan, and prints one line per test binary and the total
# "N passed, M failed" of all test cases.
# Run: sh ci/test.sh [extra bazel test flags]
set -u
cd "$(dirname "$0")/.."
sh ci/setup.sh || exit 1

bazel test --config=asan-ubsan "$@" //... >out.bazel-test.log 2>&1
rc=$?
tail -n 40 out.bazel-test.log

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
rm -f out.bazel-test.log
echo "$passed passed, $failed failed"
[ "$rc" -eq 0 ] && [ "$failed" -eq 0 ]
