#!/bin/sh
# coverage_time.sh: coverage over time from an empty corpus (a benchmark: it
# prints figures, it is not a timed test).  For each fuzz target, libFuzzer
# (ASan+UBSan) and AFL++ (ASan+UBSan, CMPLOG companion, as the campaign runs
# it) fuzz side by side, one core each, for SECONDS with the dictionary and no
# seed corpus (AFL++ needs one file: a single zero byte).  Only the allocator
# sources are instrumented, so both count allocator edges, each its own way:
# libFuzzer's "cov:" (stamped as its lines arrive, by stamp_lines.c); for
# AFL++, the union of the edges of its queue entries (afl-showmap, the same
# binary and map, with ALLOCFUZZ_STATE=off so that only allocator edges
# count), each at the time stamp in its name.  Both engines run as the
# campaign does, with the structure-aware mutator and the allocator-state
# feedback.  The state features reached are drawn beside the allocator edges:
# each engine's inputs (AFL++'s queue by its time stamps, libFuzzer's corpus
# by file time) are mapped with the state probe on and off, and the entries
# only the probe adds are its features.  Writes OUTDIR/coverage_time.md,
# coverage-TARGET.png, state-TARGET.png, data/TARGET-{libfuzzer,afl}.tsv
# (seconds, edges) and data/TARGET-{libfuzzer,afl}-state.tsv (seconds,
# allocator edges, state features), and prints the report.
# Run: sh bench/coverage_time.sh OUTDIR [--quick]
#   full: SECONDS=180 per target;  --quick: SECONDS=10, xvmalloc_fuzz only
set -eu

. "$(dirname "$0")/part.sh"
part_init coverage_time "$@"
mkdir -p "$out/data"
if [ -n "$quick" ]; then
	seconds=10 targets=xvmalloc_fuzz
else
	seconds=180 targets=$(manifest_targets default)
fi

part_build --config=bench //bench:stamp_lines
cp "$(bazel info --config=bench bazel-bin 2>/dev/null)/bench/stamp_lines" "$tmp/"
build_bins "$tmp" asan-ubsan "" afl $targets ||
	{ tail -n 30 "$tmp/build.log" >&2; part_die "build failed (the fuzz targets, both engines)"; }

# features TARGET ENGINE LIST: LIST holds "SECONDS FILE" lines, the engine's
# inputs; maps each with the AFL++ binary, state probe on and off, and writes
# data/TARGET-ENGINE-state.tsv: seconds, allocator edges (the probe off), and
# state features (the entries only the probe adds), cumulative over time.
features() {
	fw=$tmp/$1/features-$2
	mkdir -p "$fw/in"
	sort -n "$3" | awk -v d="$fw/in" '{ name = sprintf("%06d", NR); system("cp \"" $2 "\" \"" d "/" name "\""); print name, $1 }' >"$fw/times"
	for st in on off; do
		ALLOCFUZZ_STATE=$st ASAN_OPTIONS=abort_on_error=1:symbolize=0:detect_leaks=0 afl-showmap \
			-i "$fw/in" -o "$fw/$st" -e -q -t 1000 -m none -- "$tmp/${1}_afl" >"$fw/$st.log" 2>&1 || true
	done
	printf 'seconds\tallocator_edges\tstate_features\n' >"$out/data/$1-$2-state.tsv"
	awk -v d="$fw" -v end="$seconds" '{
		for (k = 0; k < 2; k++) {
			st = k ? "on" : "off"; f = d "/" st "/" $1
			while ((getline line < f) > 0) { split(line, a, ":"); if (!((st, a[1]) in seen)) { seen[st, a[1]] = 1; n[st]++ } }
			close(f)
		}
		if (n["on"] != last) printf "%.3f\t%d\t%d\n", ($2 < 0 ? 0 : $2), n["off"], n["on"] - n["off"]
		last = n["on"] } END { printf "%d\t%d\t%d\n", end, n["off"], n["on"] - n["off"] }' \
		"$fw/times" >>"$out/data/$1-$2-state.tsv"
}

for t in $targets; do
	echo "coverage_time.sh: $t: libFuzzer and AFL++ for ${seconds}s from an empty corpus" >&2
	w=$tmp/$t
	mkdir -p "$w/corpus" "$w/in" "$out/artifacts/$t"
	printf '\0' >"$w/in/zero"
	started=$(date +%s.%N)
	ASAN_OPTIONS=detect_leaks=1 "$tmp/${t}_libfuzzer" -max_total_time="$seconds" \
		-dict=corpus/allocfuzz.dict -artifact_prefix="$out/artifacts/$t/" \
		"$w/corpus" 2>&1 | "$tmp/stamp_lines" >"$w/libfuzzer.log" &
	lf=$!
	sh ci/tools/afl_fuzz.sh "$tmp/${t}_afl" "$w/in" "$w/afl" "$seconds" -M main >"$w/afl.log" 2>&1 || {
		tail -n 20 "$w/afl.log" >&2
		part_die "afl-fuzz on $t failed (log above)"
	}
	wait "$lf" || true
	sh ci/tools/reap.sh "$tmp"
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
	ALLOCFUZZ_STATE=off ASAN_OPTIONS=abort_on_error=1:symbolize=0:detect_leaks=0 afl-showmap -i "$w/queue" \
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
	for f in "$w"/queue/id:*; do
		echo "$(basename "$f" | sed -n 's/.*,time:\([0-9]*\).*/\1/p' | awk '{ printf "%.3f", $1 / 1000 }') $f"
	done >"$w/afl.times"
	for f in "$w"/corpus/*; do
		if [ -f "$f" ]; then echo "$(stat -c %.3Y "$f" | awk -v s="$started" '{ printf "%.3f", $1 - s }') $f"; fi
	done >"$w/libfuzzer.times"
	for e in libfuzzer afl; do features "$t" "$e" "$w/$e.times"; done
	gp -e "out='$out/state-$t.png'; lf='$out/data/$t-libfuzzer-state.tsv'; afl='$out/data/$t-afl-state.tsv'; title='$t: allocator edges and state features (AFL++ map of each engine s inputs)'" bench/coverage_state.gp
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
	echo
	echo "State features beside allocator edges: each engine's inputs mapped by AFL++'s"
	echo "binary with the state probe off (allocator edges) and on (the entries only the"
	echo "probe adds: its (feature, bucket) branches, fuzzers/state_probe.h)."
	echo
	printf '| target | engine | count |'
	for s in $marks; do printf ' %s s |' "$s"; done
	echo
	printf '|---|---|---|'
	for s in $marks; do printf -- '---:|'; done
	echo
	for t in $targets; do
		for e in libfuzzer afl; do
			for c in 2:allocator-edges 3:state-features; do
				printf '| %s | %s | %s |' "$t" "$([ $e = afl ] && echo AFL++ || echo libFuzzer)" "${c#*:}"
				for s in $marks; do
					printf ' %s |' "$(awk -F '\t' -v s="$s" -v c="${c%%:*}" 'NR > 1 && $1 <= s { v = $c } END { print (v == "" ? "-" : v) }' "$out/data/$t-$e-state.tsv")"
				done
				echo
			done
		done
	done
	echo
	for t in $targets; do echo "![$t: state features](state-$t.png)"; done
} >"$out/coverage_time.md"
cat "$out/coverage_time.md"
