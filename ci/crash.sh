#!/bin/sh
# One crash: copies it (the original is never touched), minimizes it with
# libFuzzer, prints its operations, its signature and the exact command that
# reproduces it under the replay build.
# Run: sh ci/crash.sh TARGET CRASH_FILE [--seed-variant] [--out DIR]
#   TARGET: a fuzz target of bazel/targets.bzl (built with its sanitizer)
set -u
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { echo "usage: sh ci/crash.sh TARGET CRASH_FILE [--seed-variant] [--out DIR]" >&2; exit 2; }
target=$1 crash=$2
shift 2
variant="" out=""
while [ $# -gt 0 ]; do
	case $1 in
	--seed-variant) variant="--config=seed"; shift ;;
	--out) out=$2; shift 2 ;;
	*) echo "crash.sh: unknown option $1" >&2; exit 2 ;;
	esac
done
[ -f "$crash" ] && [ -r "$crash" ] || { echo "crash.sh: cannot read $crash" >&2; exit 2; }
sh ci/setup.sh || exit 1
. ci/lib/manifest.sh
. ci/lib/sanitizers.sh
. ci/lib/build.sh
. ci/lib/triage.sh
manifest_is_target "$target" || { echo "crash.sh: no fuzz target $target (one of:" $(manifest_targets all)")" >&2; exit 2; }
[ -n "$out" ] || out="out/crash-$(date +%Y%m%d-%H%M%S)-$(sha1sum "$crash" | cut -c1-8)"
mkdir -p "$out"
out=$(cd "$out" && pwd)
san=$(manifest_get target "$target" sanitizer)
{ bazel build --config="$san" $variant //fuzzers:opstext >"$out/build.log" 2>&1 &&
	cp bazel-bin/fuzzers/opstext "$out/" &&
	build_bins "$out" "$san" "$variant" libfuzzer "$target"; } ||
	{ echo "crash.sh: cannot build target $target (see $out/build.log)" >&2; exit 2; }
cp "$crash" "$out/original"
# shellcheck disable=SC2046
export $(sanitizer_options)
triage_crash "$out" "$target" "$out"
sig=$(sh ci/tools/signature.sh <"$out/report.txt") || sig="(no report: the input does not crash $target)"
echo "signature: $sig"
echo "original: $crash ($(wc -c <"$crash") bytes), minimized: $out/minimized ($(wc -c <"$out/minimized") bytes)"
echo "operations:"
sed 's/^/  /' "$out/minimized.txt"
echo "reproduce:"
echo "  $out/${target}_replay $out/minimized"
echo "  (or: bazel build --config=$san $variant //fuzzers:${target}_replay && bazel-bin/fuzzers/${target}_replay $out/minimized)"
echo "report: $out/report.txt"
case $sig in "(no report"*) exit 1 ;; esac
