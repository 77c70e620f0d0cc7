#!/bin/sh
# The race findings' regression test (the findings test is single-threaded
# and ASan): for every finding bazel/findings.bzl finds with threads_fuzz,
# its single-bug variant under ThreadSanitizer must report a data race on
# some committed threads_fuzz input (each replayed up to TRIES times: thread
# timing decides) or, for a race no single replay shows (XV-4's needs the
# history of many runs), within SECONDS of libFuzzer from those inputs; the
# fixed variant must replay every input clean.
# Run: sh ci/tests/races.sh [TRIES [SECONDS]]   (default 20, 60; --config=tsan)
set -u
cd "$(dirname "$0")/../.."
. ci/lib/manifest.sh
. ci/lib/sanitizers.sh
. ci/lib/testlib.sh
tries=${1:-20}
seconds=${2:-60}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck disable=SC2046
export $(sanitizer_options)

build() {	# build VARIANT-FLAG NAME: the TSan replay and libFuzzer binaries, $tmp/NAME{,_libfuzzer}
	bazel build --config=tsan $1 //fuzzers:threads_fuzz_replay //fuzzers:threads_fuzz_libfuzzer \
		>"$tmp/build.log" 2>&1 &&
		cp bazel-bin/fuzzers/threads_fuzz_replay "$tmp/$2" &&
		cp bazel-bin/fuzzers/threads_fuzz_libfuzzer "$tmp/$2_libfuzzer"
}

inputs=$(ls corpus/threads_fuzz/*)
if build "" fixed; then
	n=0
	for f in $inputs; do
		i=0
		while [ "$i" -lt "$tries" ]; do
			i=$((i + 1))
			"$tmp/fixed" "$f" >"$tmp/out" 2>&1 || { n=$((n + 1)); break; }
		done
	done
	check "races: the fixed variant replays every threads_fuzz input clean, $tries times" \
		test "$n" -eq 0
	[ "$n" -eq 0 ] || sed -n '1,30p' "$tmp/out"
else
	fail "races: the fixed variant builds under TSan"; cat "$tmp/build.log"
fi

for id in $(manifest_findings | awk '$2 == "threads_fuzz" { print $1 }'); do
	if ! build "--define=variant=$id" "$id"; then
		fail "races: $id's single-bug variant builds under TSan"; cat "$tmp/build.log"
		continue
	fi
	found=""
	for f in $inputs; do
		if sh ci/tools/replay.sh "$tries" "$tmp/$id" "$f" >"$tmp/out" 2>&1 &&
		   grep -q '^WARNING: ThreadSanitizer: data race' "$tmp/out"; then
			found=$f
			break
		fi
	done
	how="replaying a committed input"
	if [ -z "$found" ]; then
		how="fuzzing from the committed inputs"
		rm -rf "$tmp/corpus" && mkdir "$tmp/corpus" && cp $inputs "$tmp/corpus/"
		(cd "$tmp" && "./${id}_libfuzzer" -max_total_time="$seconds" -seed=1 \
			-artifact_prefix="$tmp/" corpus >"$tmp/out" 2>&1)
		grep -q '^WARNING: ThreadSanitizer: data race' "$tmp/out" && found=fuzz
	fi
	check "races: $id's single-bug variant reports a data race ($how)" test -n "$found"
done
finish
