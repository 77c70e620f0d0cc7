#!/bin/sh
# space.sh: allocator space efficiency (a benchmark: it prints figures, it is
# not a timed test).  Builds the space tools with --config=bench (-O2, no
# sanitizers), takes 4 KiB pages of executables, libraries and text from this
# machine plus zero-filled pages, compresses them with LZO and LZ4, and runs
# one swap-slot stream against xvmalloc and xcfmalloc, seed and fixed, under
# the ramzswap and the zcache store policy; then the same on text pages that
# compress to 70-80% (the xcfmalloc cover letter's condition).  Writes into
# OUTDIR: space.md (the report, a "## Allocator space efficiency" section),
# sizes.png and pages-*.png (gnuplot), data/ (every TSV), and prints space.md.
# Run: sh bench/space.sh OUTDIR [--quick]
#   OUTDIR: a new or empty directory (nothing is ever overwritten)
#   --quick: small sizes, a smoke run of a few seconds after the build
set -eu

. "$(dirname "$0")/part.sh"
part_init space "$@"
mkdir -p "$out/data/mixed" "$out/data/text75"

variants="xvmalloc-fixed xvmalloc-seed xcfmalloc-fixed xcfmalloc-seed"
tools="space_sizes"
for v in $variants; do
	tools="$tools space_$(echo "$v" | tr - _)"
done
part_build --config=bench //bench/space:all
bin=$(bazel info --config=bench bazel-bin 2>/dev/null)/bench/space
# Private copies: bazel-bin moves with every other build on the machine.
for t in $tools; do
	cp "$bin/$t" "$tmp/$t"
done

# Sizes of the full run and of --quick, per scenario (the tools' own defaults for mixed).
if [ -n "$quick" ]; then
	t75_sizes="--pages 256 --slots 2048 --ops 20000 --samples 100"
else
	t75_sizes="--pages 2048 --slots 16384 --ops 200000"
fi
mixed_args="$quick"
t75_args="$quick $t75_sizes --zero-pct 0 --text-pct 100 --lzo-min 2867 --lzo-max 3277 --comp lzo"

# run SCENARIO TOOL: one tool on one scenario; a report or a mismatch stops the bench.
run() {
	eval "args=\$$1_args"
	dir=$out/data/$(echo "$1" | sed 's/^t75$/text75/')
	start=$(date +%s)
	# shellcheck disable=SC2086
	if ! "$tmp/$2" --out "$dir" $args 2>"$tmp/log"; then
		cat "$tmp/log" >&2
		echo "space.sh: FAIL: $2 on the $1 workload stopped (see above); repro:" >&2
		echo "  bazel build --config=bench //bench/space:$2 && \$(bazel info --config=bench bazel-bin)/bench/space/$2 --out NEW_EMPTY_DIR $args" >&2
		exit 1
	fi
	cat "$tmp/log" >&2
	echo "space.sh: $2 ($1): $(($(date +%s) - start)) s" >&2
}

started=$(date +%s)
for scen in mixed t75; do
	for t in $tools; do
		run $scen "$t"
	done
done
runtime=$(($(date +%s) - started))

# One summary per scenario, the variants in the order of $variants.
for d in mixed text75; do
	first=
	for v in $variants; do
		f=$out/data/$d/summary-$v.tsv
		if [ -z "$first" ]; then
			head -n 1 "$f" >"$out/data/$d/summary.tsv"
			first=1
		fi
		tail -n +2 "$f" >>"$out/data/$d/summary.tsv"
	done
done

# Plots.
column_of() {	# column_of NAME FILE: NAME's value in FILE's first row
	awk -F '\t' -v n="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == n) c = i } NR == 2 { print $c }' "$2"
}
fill_mixed=$(column_of fill_ops "$out/data/mixed/summary.tsv")
fill_t75=$(column_of fill_ops "$out/data/text75/summary.tsv")
gp -e "out='$out/sizes.png'; data='$out/data/mixed/histogram.tsv'; title='Compressed size of the workload pages'" bench/space_sizes.gp
for comp in lzo lz4; do
	for policy in ramzswap zcache; do
		gp -e "out='$out/pages-$comp-$policy.png'; dir='$out/data/mixed'; run='$comp-$policy'; fill=$fill_mixed; title='Pool pages against ideal: $comp, $policy policy'" bench/space_pages.gp
	done
done
gp -e "out='$out/pages-text75-lzo-zcache.png'; dir='$out/data/text75'; run='lzo-zcache'; fill=$fill_t75; title='Pool pages against ideal: text compressing to 70-80% (LZO), zcache policy'" bench/space_pages.gp

sh bench/space_report.sh "$out" "${quick:-full}" "$runtime" >"$out/space.md"
cat "$out/space.md"
echo "space.sh: report, plots and data in $out" >&2
