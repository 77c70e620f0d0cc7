#!/bin/sh
# For every finding's repro in corpus/regressions/: the seed variant and the
# finding's single-bug variant must still fail with the expected first report
# line (ID.expect), and the fixed variant must run it clean. XV-* replay
# through xvmalloc_fuzz, XCF-* through xcfmalloc_fuzz, DIFF-* through
# differential_fuzz.
# Run (as a Bazel test): sh ci/findings.sh SIGNATURE.SH BINDIR REGRESSION.bin...
#   BINDIR holds <target>_replay, <target>_replay_seed and replay_<ID>.
set -u
signature=$1
bindir=$2
shift 2
tmp=${TEST_TMPDIR:-$(mktemp -d)}
passed=0
failed=0
fail() {
	failed=$((failed + 1))
	echo "FAIL $1"
	[ -f "$tmp/err" ] && sed -n '1,40p' "$tmp/err"
}
for bin in "$@"; do
	id=$(basename "$bin" .bin)
	case $id in
	XV-*) target=xvmalloc_fuzz ;;
	XCF-*) target=xcfmalloc_fuzz ;;
	DIFF-*) target=differential_fuzz ;;
	*) fail "$id: unknown finding prefix"; continue ;;
	esac
	expect="${bin%.bin}.expect"
	if [ ! -s "$expect" ]; then
		fail "$id: $expect is missing or empty"
		continue
	fi
	want=$(cat "$expect")
	variants="seed:${target}_replay_seed"
	[ "${id#DIFF-}" = "$id" ] && variants="$variants $id-only:replay_$id"
	for v in $variants; do
		if "$bindir/${v#*:}" "$bin" >/dev/null 2>"$tmp/err"; then
			fail "$id: the ${v%%:*} variant no longer fails"
		elif ! sh "$signature" --first-line <"$tmp/err" | grep -qF "$want"; then
			fail "$id: the ${v%%:*} variant's first report line is not '$want'"
		else
			passed=$((passed + 1))
			echo "ok $id: ${v%%:*} variant fails with: $want"
		fi
	done
	if "$bindir/${target}_replay" "$bin" >/dev/null 2>"$tmp/err"; then
		passed=$((passed + 1))
		echo "ok $id: fixed variant runs clean"
	else
		fail "$id: the fixed variant reports"
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
