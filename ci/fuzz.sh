#!/bin/sh
# Fuzzes one target with one engine for a time budget, in its own corpus and
# artifact directories (never shared between targets, never overwritten).
# Run: sh ci/fuzz.sh --target NAME [--engine libfuzzer|afl] [--time SECONDS]
#                    [--out DIR] [--seed-variant] [-- ENGINE FLAGS...]
#   or: bazel run //fuzzers:NAME_run -- [the same options]
# Work dirs: OUT/NAME/corpus (starts from corpus/NAME), OUT/NAME/artifacts
# (libFuzzer crash-*, AFL++ crashes/); OUT defaults to out/.
set -eu
[ -n "${BUILD_WORKSPACE_DIRECTORY:-}" ] && cd "$BUILD_WORKSPACE_DIRECTORY"
cd "$(git rev-parse --show-toplevel 2>/dev/null || pwd)"

target="" engine=libfuzzer seconds=60 out=out variant=""
while [ $# -gt 0 ]; do
	case $1 in
	--target) target=$2; shift 2 ;;
	--engine) engine=$2; shift 2 ;;
	--time) seconds=$2; shift 2 ;;
	--out) out=$2; shift 2 ;;
	--seed-variant) variant="--config=seed"; shift ;;
	--) shift; break ;;
	*) echo "fuzz.sh: unknown option $1 (see the first lines of ci/fuzz.sh)" >&2; exit 2 ;;
	esac
done
case $target in
xvmalloc_fuzz|xcfmalloc_fuzz|differential_fuzz) ;;
*) echo "fuzz.sh: --target must be xvmalloc_fuzz, xcfmalloc_fuzz or differential_fuzz" >&2; exit 2 ;;
esac
case $seconds in
''|*[!0-9]*) echo "fuzz.sh: --time takes whole seconds" >&2; exit 2 ;;
esac

work="$out/$target"
mkdir -p "$work/corpus" "$work/artifacts"
bazel build --config=asan-ubsan $variant "//corpus:$target" "//fuzzers:${target}_replay" >&2
# Seed the work corpus without replacing anything already found there.
for f in bazel-bin/corpus/bin/"$target"/*; do
	[ -e "$work/corpus/seed-$(basename "$f")" ] || cp "$f" "$work/corpus/seed-$(basename "$f")"
done

case $engine in
libfuzzer)
	bazel build --config=asan-ubsan $variant "//fuzzers:${target}_libfuzzer" >&2
	exec "bazel-bin/fuzzers/${target}_libfuzzer" -max_total_time="$seconds" \
		-artifact_prefix="$work/artifacts/" -dict=corpus/allocfuzz.dict \
		-print_final_stats=1 "$@" "$work/corpus"
	;;
afl)
	allow="--action_env=AFL_LLVM_ALLOWLIST=$PWD/bazel/afl_allowlist.txt"
	bazel build --config=afl "$allow" $variant "//fuzzers:${target}_afl" >&2
	bazel build --config=afl-cmplog "$allow" $variant "//fuzzers:${target}_cmplog" >&2
	afl_bin=$(bazel info --config=afl "$allow" bazel-bin 2>/dev/null)/fuzzers/${target}_afl
	cmplog_bin=$(bazel info --config=afl-cmplog "$allow" bazel-bin 2>/dev/null)/fuzzers/${target}_cmplog
	# A run directory per start: AFL++ never reuses (and so never loses) an old one.
	run="$work/afl-$(date +%Y%m%d-%H%M%S)"
	export AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
	export ASAN_OPTIONS=abort_on_error=1:symbolize=0:detect_leaks=0
	export UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1
	exec afl-fuzz -i "$work/corpus" -o "$run" -V "$seconds" -m none -x corpus/allocfuzz.dict \
		-c "$cmplog_bin" "$@" -- "$afl_bin"
	;;
*)
	echo "fuzz.sh: --engine must be libfuzzer or afl" >&2
	exit 2
	;;
esac
