#!/bin/sh
# Tests ci/tools/replay.sh with a stand-in replay binary that reports only from its
# third run on, as a race does: 3 tries find the report, 2 do not, and a
# binary that never reports gives exit 1 after all its tries.
# Run (as a Bazel test): sh ci/tools/replay_test.sh REPLAY.SH
set -u
replay=$1
tmp=${TEST_TMPDIR:-$(mktemp -d)}
. ci/lib/testlib.sh
# flaky INPUT: counts its runs in INPUT.runs; reports from run 3 on.
cat >"$tmp/flaky" <<'END'
#!/bin/sh
n=$(($(cat "$1.runs" 2>/dev/null || echo 0) + 1))
echo "$n" >"$1.runs"
echo "INFO: run $n"
[ "$n" -ge 3 ] || exit 0
echo "WARNING: ThreadSanitizer: data race (pid=$$)" >&2
exit 66
END
chmod +x "$tmp/flaky"

: >"$tmp/a"
sh "$replay" 2 "$tmp/flaky" "$tmp/a" >"$tmp/a.log"
check "2 tries miss a report that needs 3: exit 1" test $? -eq 1
check "and the binary ran twice" test "$(cat "$tmp/a.runs")" -eq 2
: >"$tmp/b"
sh "$replay" 10 "$tmp/flaky" "$tmp/b" >"$tmp/b.log"
check "10 tries find it: exit 0" test $? -eq 0
check "and stop at the first report" test "$(cat "$tmp/b.runs")" -eq 3
check "the output is the reporting run's" grep -q "^WARNING: ThreadSanitizer: data race" "$tmp/b.log"
finish
