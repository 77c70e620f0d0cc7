#!/bin/sh
# coverage_time.sh: coverage over time from an empty corpus (a benchmark: it
# prints figures, it is not a timed test).  For each fuzz target, libFuzzer
# (ASan+UBSan) and AFL++ (ASan+UBSan, CMPLOG companion, as the campaign runs
# it) fuzz side by side, one core each, for SECONDS with the dictionary and no
# seed corpus (AFL++ needs one file: a single zero byte).  Only the allocator
# sources are instrumented, so both count allocator edges, each its own way:
# libFuzzer's "cov:" (stamped as its lines arrive, by stamp_lines.c); for
# AFL++, the union of the edges of its queue entries (afl-showmap, the same
# binary and map), each at the time stamp in its name.  Writes OUTDIR/coverage_time.md, coverage-TARGET.png and
# data/TARGET-{libfuzzer,afl}.tsv (seconds, edges), and prints the report.
# Run: sh bench/coverage_time.sh OUTDIR [--quick]
#   full: SECONDS=180 per target;  --quick: SECONDS=10, xvmalloc_fuzz only
set -eu

. "$(dirname "$0")/part.sh"
part_init coverage_time "$@"
mkdir -p "$out/data"
if [ -n "$quick" ]; then
	seconds=10 targets=xvmalloc_fuzz
else
	seconds=180 targets=$(lib_targets default)
fi

part_build --config=bench //bench:stamp_lines
cp "$(bazel info --config=bench bazel-bin 2>/dev/null)/bench/stamp_lines" "$tmp/"
lib_build_bins "$tmp" asan-ubsan "" afl $targets ||
	{ tail -n 30 "$tmp/build.log" >&2; part_die "build failed (the fuzz targets, both engines)"; }

for t in $targets; do
	echo "coverage_time.sh: $t: libFuzzer and AFL++ for ${seconds}s from an empty corpus" >&2
	w=$tmp/$t
	mkdir -p "$w/corpus" "$w/in" "$out/artifacts/$t"
	printf '\0' >"$w/in/zero"
	ASAN_OPTIONS=detect_leaks=1 "$tmp/${t}_libfuzzer" -max_total_time="$seconds" \
		-dict=corpus/allocfuzz.dict -artifact_prefix="$out/artifacts/$t/" \
		"$w/corpus" 2>&1 | "$tmp/stamp_lines" >"$w/libfuzzer.log" &
	lf=$!
	( lib_afl_env; exec afl-fuzz -M main -i "$w/in" -o "$w/afl" -V "$seconds" -m none \
		-x corpus/allocfuzz.dict -c "$tmp/${t}_cmplog" \
		-- "$tmp/${t}_afl" >"$w/afl.log" 2>&1 ) || {
		tail -n 20 "$w/afl.log" >&2
		part_die "afl-fuzz on $t failed (log above)"
	}
	wait "$lf" || true
	sh ci/reap.sh "$tmp"
	# Reports on the fixed variant are findings: keep the inputs, say so, go on.
	for a in "$out/artifacts/$t"/* "$w"/afl/main/crashes/id:*; do
		[ -f "$a" ] || continue
		cp "$a" "$out/artifacts/$t/afl-$(basename "$a" | tr ':,' '__')" 2>/dev/null || true
		echo "coverage_time.sh: $t reported; inputs kept in $out/artifacts/$t/" >&2
	done
	printf 'seconds\tedges\n' >"$out/data/$t-libfuzzer.tsv"
	awk '{ for (i = 2; i < NF; i++) if ($i == "cov:") print $1 "\t" $(i + 1) }' \
		"$w/libfuzzer.log" >>"$out/data/$t-libfuzzer.tsv"
	# AFL++ writes plot_data only after its first minute; its queue entries
	# carry their own time stamps (time:MS), so each is mapped and counted.
	mkdir "$w/queue" && cp "$w"/afl/main/queue/id:* "$w/queue/"	# not .state/
	ASAN_OPTIONS=abort_on_error=1:symbolize=0:detect_leaks=0 afl-showmap -i "$w/queue" \
		-o "$w/maps" -e -q -t 1000 -m none -- "$tmp/${t}_afl" >"$w/showmap.log" 2>&1 || true
	[ -n "$(ls "$w/maps" 2>/dev/null)" ] ||
		{ tail -n 15 "$w/showmap.log" >&2; part_die "afl-showmap mapped no queue entry of $t"; }
	printf 'seconds\tedges\n' >"$out/data/$t-afl.tsv"
	for f in "$w/maps"/*; do
		ms=$(basename "$f" | sed -n 's/.*,time:\([0-9]*\).*/\1/p')
		echo "${ms:-0} $f"
	done | sort -n -s -k1,1 | awk -v end="$seconds" '{
		while ((getline line < $2) > 0) { split(line, a, ":"); if (!(a[1] in seen)) { seen[a[1]] = 1; n++ } }
		close($2)
		if (n != last) printf "%.3f\t%d\n", $1 / 1000, n
		last = n } END { printf "%d\t%d\n", end, n }' >>"$out/data/$t-afl.tsv"
	gp -e "out='$out/coverage-$t.png'; lf='$out/data/$t-libfuzzer.tsv'; afl='$out/data/$t-afl.tsv'; title='$t: allocator edges from an empty corpus'" bench/coverage_time.gp
done

# at SECONDS FILE: the edge count reached by that time (the last line at or before it; - if none)
at() {
	awk -F '\t' -v s="$1" 'NR > 1 && $1 <= s { e = $2 } END { print (e == "" ? "-" : e) }' "$2"
}
marks="$(for s in 1 10 30 60 120; do if [ "$s" -lt "$seconds" ]; then echo "$s"; fi; done) $seconds"
{
	echo "## Coverage over time"
	echo
	echo "Allocator edges reached from an empty corpus, libFuzzer and AFL++ side by"
	echo "side on one core each for $seconds s per target. The engines count differently"
	echo "(libFuzzer's \`cov:\`; AFL++'s edges of its queue entries, by \`afl-showmap\`):"
	echo "compare the shapes, not the levels. \`-\`: no entry yet."
	echo
	printf '| target | engine |'
	for s in $marks; do printf ' %s s |' "$s"; done
	echo
	printf '|---|---|'
	for s in $marks; do printf -- '---:|'; done
	echo
	for t in $targets; do
		for e in libfuzzer afl; do
			printf '| %s | %s |' "$t" "$([ $e = afl ] && echo AFL++ || echo libFuzzer)"
			for s in $marks; do printf ' %s |' "$(at "$s" "$out/data/$t-$e.tsv")"; done
			echo
		done
	done
	echo
	for t in $targets; do echo "![$t](coverage-$t.png)"; done
} >"$out/coverage_time.md"
cat "$out/coverage_time.md"
