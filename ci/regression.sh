#!/bin/sh
# Replays each input file through a replay binary, one process per file, and
# fails on any report. Used by every <target>_regression_test.
# Run: sh ci/regression.sh REPLAY_BINARY FILE...
set -u
bin=$1
shift
passed=0
failed=0
for f in "$@"; do
	if "$bin" "$f" >/dev/null 2>"${TEST_TMPDIR:-/tmp}/replay.err"; then
		passed=$((passed + 1))
		echo "ok $f"
	else
		failed=$((failed + 1))
		echo "FAIL $f"
		cat "${TEST_TMPDIR:-/tmp}/replay.err"
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
