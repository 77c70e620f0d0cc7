#!/bin/sh
# Benchmark (not a test): exec/s of every fuzz target under each checking
# mode, on the ASan+UBSan libFuzzer build, one core. libFuzzer runs a fixed
# number of inputs from the seed corpus with a fixed -seed; coverage comes
# from the allocators only, so every mode runs exactly the same inputs.
# Run: sh ci/bench_exec.sh [RUNS [MAX_LEN]]
#   RUNS inputs per measurement (default 20000); MAX_LEN caps input bytes
#   (default 1024, about 300 operations; exec/s falls with input length).
set -eu
cd "$(dirname "$0")/.."
sh ci/setup.sh
runs=${1:-20000}
max_len=${2:-1024}
targets="xvmalloc_fuzz xcfmalloc_fuzz differential_fuzz"
bazel build --config=asan-ubsan $(for t in $targets; do echo "//fuzzers:${t}_libfuzzer //corpus:$t"; done) >&2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Private copies: bazel-bin moves with every other build on the machine.
for t in $targets; do
	cp "bazel-bin/fuzzers/${t}_libfuzzer" "$tmp/"
	mkdir -p "$tmp/seeds-$t" && cp bazel-bin/corpus/bin/$t/* "$tmp/seeds-$t/"
done
printf '%-18s %12s %12s %12s %10s %10s\n' target none incremental full "incr/none" "full/none"
for t in $targets; do
	line=$(printf '%-18s' "$t")
	for mode in none incremental full; do
		rm -rf "$tmp/c" && mkdir "$tmp/c" && cp "$tmp/seeds-$t/"* "$tmp/c/"
		start=$(date +%s.%N)
		ALLOCFUZZ_CHECK=$mode "$tmp/${t}_libfuzzer" -seed=1 -runs="$runs" \
			-max_len="$max_len" -artifact_prefix="$tmp/" "$tmp/c" >"$tmp/log" 2>&1 || { echo "$t ($mode) reported:"; grep -m1 -E 'allocfuzz:|runtime error|ERROR' "$tmp/log"; exit 1; }
		end=$(date +%s.%N)
		rate=$(awk -v r="$runs" -v s="$start" -v e="$end" 'BEGIN { printf "%.0f", r / (e - s) }')
		eval "rate_$mode=$rate"
		line="$line $(printf '%12s' "$rate")"
	done
	line="$line $(awk -v n="$rate_none" -v i="$rate_incremental" -v f="$rate_full" 'BEGIN { printf "%10.2f %10.2f", n / i, n / f }')"
	echo "$line"
done
echo "(exec/s over $runs inputs of at most $max_len bytes, one core, wall clock including start-up; ratios are slow-downs against none)"
