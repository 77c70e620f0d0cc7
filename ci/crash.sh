#!/bin/sh
# One crash: copies it (the original is never touched), minimizes it with
# libFuzzer, prints its operations, its signature and the exact command that
# reproduces it under the replay build.
# Run: sh ci/crash.sh TARGET CRASH_FILE [--seed-variant] [--out DIR]
#   TARGET: xvmalloc_fuzz, xcfmalloc_fuzz or differential_fuzz
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
bazel build --config=asan-ubsan $variant "//fuzzers:${target}_libfuzzer" "//fuzzers:${target}_replay" \
	//fuzzers:opstext >/dev/null 2>&1 || { echo "crash.sh: cannot build target $target" >&2; exit 2; }
[ -n "$out" ] || out="out/crash-$(date +%Y%m%d-%H%M%S)-$(sha1sum "$crash" | cut -c1-8)"
mkdir -p "$out"
out=$(cd "$out" && pwd)
cp bazel-bin/fuzzers/${target}_libfuzzer bazel-bin/fuzzers/${target}_replay bazel-bin/fuzzers/opstext "$out/"
cp "$crash" "$out/original"
export UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1
( "$out/${target}_libfuzzer" -minimize_crash=1 -runs=10000 -exact_artifact_path="$out/minimized" \
	"$out/original" >"$out/minimize.log" 2>&1; : ) 2>/dev/null
[ -s "$out/minimized" ] || cp "$out/original" "$out/minimized"
"$out/opstext" decode "$out/minimized" "$out/minimized.txt"
( "$out/${target}_replay" "$out/minimized" >"$out/report.txt" 2>&1; : ) 2>/dev/null
sig=$(sh ci/signature.sh <"$out/report.txt") || sig="(no report: the input does not crash $target)"
echo "signature: $sig"
echo "original: $crash ($(wc -c <"$crash") bytes), minimized: $out/minimized ($(wc -c <"$out/minimized") bytes)"
echo "operations:"
sed 's/^/  /' "$out/minimized.txt"
echo "reproduce:"
echo "  $out/${target}_replay $out/minimized"
echo "  (or: bazel build --config=asan-ubsan $variant //fuzzers:${target}_replay && bazel-bin/fuzzers/${target}_replay $out/minimized)"
echo "report: $out/report.txt"
case $sig in "(no report"*) exit 1 ;; esac
