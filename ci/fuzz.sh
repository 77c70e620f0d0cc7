#!/bin/sh
# Fuzzes one target with one engine for a time budget, in its own corpus and
# artifact directories (never shared between targets, never overwritten).
# Run: sh ci/fuzz.sh --target NAME [--engine libfuzzer|afl] [--time SECONDS]
#                    [--out DIR] [--seed-variant] [--build BUILD]
#                    [--sanitizer asan-ubsan|tsan|msan] [--no-mutator]
#                    [--no-state-feedback] [-- ENGINE FLAGS...]
#   or: bazel run //fuzzers:NAME_run -- [the same options]
# Work dirs: OUT/NAME/corpus (starts from corpus/NAME), OUT/NAME/artifacts
# (libFuzzer crash-*), OUT/NAME/afl-<date>/ (AFL++), OUT/NAME/bin (the
# binaries, built with the target's sanitizer or --sanitizer's); OUT
# defaults to out/.  --build picks an allocator's build
# (--//allocators:build=BUILD, e.g. zsmalloc-6.12-small).
# The structure-aware mutator and the allocator-state feedback are on
# (ALLOCFUZZ_MUTATOR, ALLOCFUZZ_STATE); --no-mutator, --no-state-feedback
# turn them off.
set -eu
[ -n "${BUILD_WORKSPACE_DIRECTORY:-}" ] && cd "$BUILD_WORKSPACE_DIRECTORY"
cd "$(git rev-parse --show-toplevel 2>/dev/null || pwd)"
. ci/lib/manifest.sh
. ci/lib/sanitizers.sh
. ci/lib/engines.sh
. ci/lib/build.sh

target="" engine=libfuzzer seconds=60 out=out variant="" san=""
export ALLOCFUZZ_MUTATOR=on ALLOCFUZZ_STATE=on
while [ $# -gt 0 ]; do
	case $1 in
	--target) target=$2; shift 2 ;;
	--engine) engine=$2; shift 2 ;;
	--time) seconds=$2; shift 2 ;;
	--out) out=$2; shift 2 ;;
	--seed-variant) variant="$variant --config=seed"; shift ;;
	--build) variant="$variant --//allocators:build=$2"; shift 2 ;;
	--sanitizer) san=$2; shift 2 ;;
	--no-mutator) ALLOCFUZZ_MUTATOR=off; shift ;;
	--no-state-feedback) ALLOCFUZZ_STATE=off; shift ;;
	--) shift; break ;;
	*) echo "fuzz.sh: unknown option $1 (see the first lines of ci/fuzz.sh)" >&2; exit 2 ;;
	esac
done
manifest_is_target "$target" ||
	{ echo "fuzz.sh: --target must be one of:" $(manifest_targets all) >&2; exit 2; }
case $seconds in
''|*[!0-9]*) echo "fuzz.sh: --time takes whole seconds" >&2; exit 2 ;;
esac

case $engine in
libfuzzer|afl) ;;
*) echo "fuzz.sh: --engine must be libfuzzer or afl" >&2; exit 2 ;;
esac

work="$out/$target"
[ -n "$san" ] || san=$(manifest_get target "$target" sanitizer)
case $san in
asan-ubsan|tsan|msan) ;;
*) echo "fuzz.sh: --sanitizer must be asan-ubsan, tsan or msan" >&2; exit 2 ;;
esac
mkdir -p "$work/corpus" "$work/artifacts" "$work/bin"
bazel build --config="$san" $variant "//corpus:$target" >&2
# Seed the work corpus without replacing anything already found there.
for f in bazel-bin/corpus/bin/"$target"/*; do
	[ -e "$work/corpus/seed-$(basename "$f")" ] || cp "$f" "$work/corpus/seed-$(basename "$f")"
done
rm -f "$work/bin/build.log"
build_bins "$work/bin" "$san" "$variant" "$engine" "$target" ||
	{ tail -n 30 "$work/bin/build.log" >&2; exit 1; }

if [ "$engine" = libfuzzer ]; then
	# shellcheck disable=SC2046
	export $(sanitizer_options)
	exec "$work/bin/${target}_libfuzzer" -max_total_time="$seconds" \
		-artifact_prefix="$work/artifacts/" -dict=corpus/allocfuzz.dict \
		-print_final_stats=1 $(libfuzzer_flags) "$@" "$work/corpus"
fi
# A run directory per start: AFL++ never reuses (and so never loses) an old one.
run="$work/afl-$(date +%Y%m%d-%H%M%S)"
exec sh ci/tools/afl_fuzz.sh "$work/bin/${target}_afl" "$work/corpus" "$run" "$seconds" "$@"
