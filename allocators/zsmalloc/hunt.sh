#!/bin/sh
# hunt.sh: zsmalloc's hunt, one run at a time: each RUN fuzzed for SECONDS
# through ci/fuzz.sh (its build, sanitizer and engine), restarted after a
# report with the time left (libFuzzer stops at its first), with every
# report's input kept.  One line per run in OUT/hunt.tsv:
#   target build engine sanitizer seconds execs reports first-lines
# (first-lines: each distinct first report line, ';'-separated, "-" none).
# Run, from the repository root:
#   sh allocators/zsmalloc/hunt.sh OUT SECONDS RUN...
#   RUN: TARGET:BUILD:SANITIZER:ENGINE, e.g. zsmalloc_fuzz:zsmalloc-6.1-small:msan:afl
set -u
[ $# -ge 3 ] || { echo "usage: sh allocators/zsmalloc/hunt.sh OUT SECONDS TARGET:BUILD:SANITIZER:ENGINE..." >&2; exit 2; }
out=$1 seconds=$2
shift 2
mkdir -p "$out"
out=$(cd "$out" && pwd)
[ -f "$out/hunt.tsv" ] ||
	printf 'target\tbuild\tengine\tsanitizer\tseconds\texecs\treports\tfirst-lines\n' >"$out/hunt.tsv"

for run in "$@"; do
	IFS=: read -r target build san engine <<EOF
$run
EOF
	dir="$out/$target-$build-$san-$engine"
	mkdir -p "$dir"
	start=$(date +%s) execs=0 reports=0 n=0
	: >"$dir/first-lines"
	while :; do
		left=$((seconds - ($(date +%s) - start)))
		[ "$left" -ge 10 ] && [ "$n" -lt 50 ] || break
		n=$((n + 1))
		log="$dir/run-$n.log"
		sh ci/fuzz.sh --target "$target" --engine "$engine" --time "$left" --build "$build" \
			--sanitizer "$san" --out "$dir" >"$log" 2>&1
		if [ "$engine" = libfuzzer ]; then
			e=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
			execs=$((execs + ${e:-0}))
			if sh ci/tools/signature.sh --first-line <"$log" >>"$dir/first-lines"; then
				reports=$((reports + 1))
			elif ! grep -q '^stat::number_of_executed_units' "$log"; then
				echo "hunt: $run: run $n ended without stats or a report (see $log)" >&2
				break
			fi
		else
			# AFL++ runs the whole time, keeping crashes in its run directory.
			stats=$(ls -d "$dir/$target"/afl-*/default/fuzzer_stats 2>/dev/null | tail -n 1)
			[ -n "$stats" ] || { echo "hunt: $run: no fuzzer_stats (see $log)" >&2; break; }
			execs=$(awk -F': *' '$1 ~ /^execs_done/ { print $2 }' "$stats")
			crashes=$(ls "$(dirname "$stats")/crashes" 2>/dev/null | grep -c '^id')
			for c in "$(dirname "$stats")"/crashes/id*; do
				[ -f "$c" ] || continue
				sh ci/tools/replay.sh 10 "$dir/$target/bin/${target}_replay" "$c" 2>&1 |
					sh ci/tools/signature.sh --first-line >>"$dir/first-lines" || echo "(no replay report: $c)" >>"$dir/first-lines"
			done
			reports=$crashes
			break
		fi
	done
	took=$(($(date +%s) - start))
	lines=$(sort -u "$dir/first-lines" | tr '\n' ';' | sed 's/;$//')
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "$build" "$engine" "$san" "$took" "$execs" \
		"$reports" "${lines:--}" >>"$out/hunt.tsv"
done
