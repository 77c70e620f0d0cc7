#!/bin/sh
# Replays each input file through a replay binary, one process per file, and
# fails on any report. Used by every <target>_regression_test.
# Run: sh ci/tools/regression.sh REPLAY_BINARY FILE...
set -u
. ci/lib/testlib.sh
bin=$1
shift
err=${TEST_TMPDIR:-/tmp}/replay.err
for f in "$@"; do
	if "$bin" "$f" >/dev/null 2>"$err"; then
		pass "$f"
	else
		fail "$f"
		cat "$err"
	fi
done
finish
