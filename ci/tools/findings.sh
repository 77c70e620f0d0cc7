#!/bin/sh
# For every finding's repro in corpus/regressions/: the seed variant and the
# finding's single-bug variant must still fail with the expected first report
# line (ID.expect), and the fixed variant must run it clean. Each replays
# through the target bazel/findings.bzl names for it. A finding whose report
# comes from a sanitizer the binaries lack (XV-1's UBSan under --config=msan)
# skips its two failing checks, counted and with the reason.
# Run (as a Bazel test): sh ci/tools/findings.sh SIGNATURE.SH BINDIR REGRESSION.bin...
#   BINDIR holds <target>_replay, <target>_replay_seed and replay_<ID>.
set -u
. ci/lib/manifest.sh
. ci/lib/sanitizers.sh
. ci/lib/testlib.sh
signature=$1
bindir=$2
shift 2
tmp=${TEST_TMPDIR:-$(mktemp -d)}
failed_with_log() {	# failed_with_log NAME: a failure, with the replay's stderr
	fail "$1"
	[ -f "$tmp/err" ] && sed -n '1,40p' "$tmp/err"
}
for bin in "$@"; do
	id=$(basename "$bin" .bin)
	target=$(manifest_get finding "$id" target)
	[ -n "$target" ] || { fail "$id: not a finding of bazel/findings.bzl"; continue; }
	expect="${bin%.bin}.expect"
	if [ ! -s "$expect" ]; then
		fail "$id: $expect is missing or empty"
		continue
	fi
	want=$(cat "$expect")
	for v in "seed:${target}_replay_seed" "$id-only:replay_$id"; do
		need=$(report_sanitizer "$want")
		if [ -n "$need" ] && ! binary_has "$need" "$bindir/${v#*:}"; then
			skip "$id: ${v%%:*} variant" "needs $(sanitizer_name "$need"), which this build does not have"
		elif "$bindir/${v#*:}" "$bin" >/dev/null 2>"$tmp/err"; then
			failed_with_log "$id: the ${v%%:*} variant no longer fails"
		elif ! sh "$signature" --first-line <"$tmp/err" | grep -qF "$want"; then
			failed_with_log "$id: the ${v%%:*} variant's first report line is not '$want'"
		else
			pass "$id: ${v%%:*} variant fails with: $want"
		fi
	done
	if "$bindir/${target}_replay" "$bin" >/dev/null 2>"$tmp/err"; then
		pass "$id: fixed variant runs clean"
	else
		failed_with_log "$id: the fixed variant reports"
	fi
done
finish
