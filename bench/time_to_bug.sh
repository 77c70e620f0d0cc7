#!/bin/sh
# time_to_bug.sh: time to find each finding (a benchmark: it prints figures,
# it is not a timed test), as Magma reports it.  For every finding of
# FINDINGS.md, builds its single-bug variant (the seed with every other fix,
# --define=variant=ID) and runs TRIALS trials per engine from an empty corpus
# (bug_trial.sh, seeds 1..TRIALS, two trials at a time, one core each):
# libFuzzer, and AFL++ with CMPLOG as the campaign runs it; each stopped at
# the first report whose first line carries the finding's signature
# (corpus/regressions/ID.expect, else FINDINGS.md's "Signature:") or at
# LIMIT seconds.  XV-4 is a race: threads_fuzz under ThreadSanitizer (both
# engines); the others run their allocator's target on ASan+UBSan.  Writes
# OUTDIR/time_to_bug.md, time_to_bug.png (share of trials that found each
# finding against time), data/trials.tsv, and prints the report.
# Run: sh bench/time_to_bug.sh OUTDIR [--quick]
#   full: every finding, TRIALS=5, LIMIT=120;  --quick: XV-1, XCF-1, XV-4, 2 trials, 10 s
set -eu

. "$(dirname "$0")/part.sh"
part_init time_to_bug "$@"
mkdir -p "$out/data"
if [ -n "$quick" ]; then
	ids="XV-1 XCF-1 XV-4" trials=2 limit=10
else
	ids=$(sed -n 's/^## \(XV-[0-9]*\|XCF-[0-9]*\):.*/\1/p' FINDINGS.md) trials=5 limit=120
fi
[ -n "$ids" ] || part_die "no finding headings (## XV-n: / ## XCF-n:) in FINDINGS.md"

target_of() { lib_finding_target "$1"; }

for id in $ids; do
	t=$(target_of "$id") cfg=$(lib_sanitizer "$(target_of "$id")")
	d=$tmp/$id
	mkdir -p "$d"
	if [ -s "corpus/regressions/$id.expect" ]; then
		cp "corpus/regressions/$id.expect" "$d/signature"
	else
		sed -n "/^## $id:/,/^## /s/^- Signature: \`\([^\`]*\)\`.*/\1/p" FINDINGS.md | head -n 1 >"$d/signature"
	fi
	[ -s "$d/signature" ] || part_die "$id: no signature in corpus/regressions/$id.expect or FINDINGS.md"
	echo "time_to_bug.sh: building $t for $id ($cfg, both engines)" >&2
	lib_build_bins "$d" "$cfg" "--define=variant=$id" afl "$t" ||
		{ tail -n 30 "$d/build.log" >&2; part_die "build failed for $id ($cfg, $t)"; }
	for e in libfuzzer afl cmplog; do mv "$d/${t}_$e" "$d/$e"; done
	cp corpus/allocfuzz.dict "$d/dict"
done

export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1
export TSAN_OPTIONS="halt_on_error=1:report_signal_unsafe=0:suppressions=$(pwd)/fuzzers/tsan.supp"
echo "time_to_bug.sh: $(echo $ids | wc -w) findings x $trials trials per engine, at most $limit s each, two at a time" >&2
for id in $ids; do
	for e in libfuzzer afl; do
		n=1
		while [ "$n" -le "$trials" ]; do echo "$id $e $n $limit $tmp/$id"; n=$((n + 1)); done
	done
done | xargs -P 2 -L 1 sh bench/bug_trial.sh >"$tmp/trials" || part_die "a trial failed to run"
sh ci/reap.sh "$tmp"

printf 'finding\ttarget\tengine\tseed\tstatus\tseconds\tother_reports\n' >"$out/data/trials.tsv"
for id in $ids; do
	for e in libfuzzer afl; do
		awk -v id="$id" -v e="$e" -v t="$(target_of "$id")" '$1 == id && $2 == e {
			print $1 "\t" t "\t" $2 "\t" $3 "\t" $4 "\t" $5 "\t" $6 }' "$tmp/trials" |
			sort -t "$(printf '\t')" -k4,4n >>"$out/data/trials.tsv"
		# Survival data: share of the trials that had found it by each time.
		awk -v id="$id" -v e="$e" '$1 == id && $2 == e && $4 == "found" { print $5 }' "$tmp/trials" | sort -n |
			awk -v n="$trials" -v l="$limit" 'BEGIN { print "seconds\tfound_share"; print "0\t0" }
				{ k++; print $1 "\t" k / n } END { print l "\t" k / n }' >"$out/data/survival-$id-$e.tsv"
	done
done

# stats ID ENGINE: "found median min max other aim" over the trials; censored trials count as longer than LIMIT.
stats() {
	awk -v id="$1" -v e="$2" -v l="$limit" '$1 == id && $2 == e { n++; t[n] = ($4 == "found") ? $5 : 1e30; f += ($4 == "found"); o += $6 }
		function show(x) { return x >= 1e30 ? ">" l : sprintf("%.1f", x) }
		END {
			for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (t[j] < t[i]) { x = t[i]; t[i] = t[j]; t[j] = x }
			m = (n % 2) ? t[(n + 1) / 2] : (t[n / 2] >= 1e30 || t[n / 2 + 1] >= 1e30 ? 1e30 : (t[n / 2] + t[n / 2 + 1]) / 2)
			printf "%d/%d %s %s %s %d %s\n", f, n, show(m), f ? show(t[1]) : "-", show(t[n]), o,
				(m < 60) ? "yes" : "no" }' "$tmp/trials"
}
gp -e "out='$out/time_to_bug.png'; dir='$out/data'; ids='$(echo $ids)'; limit=$limit" bench/time_to_bug.gp
{
	echo "## Time to bug"
	echo
	echo "Each finding on its single-bug variant (the seed with every other fix), from"
	echo "an empty corpus with the dictionary, one core per trial, $trials trials per engine"
	echo "(libFuzzer \`-seed=1..$trials\`; AFL++ with CMPLOG, \`-s 1..$trials\`, from one zero"
	echo "byte, which it needs), each stopped at the first report carrying the"
	echo "finding's signature or at $limit s (libFuzzer: wall clock from its start;"
	echo "AFL++: the crash file's own time stamp, from the end of its start-up)."
	echo "Median over all trials, a trial that did"
	echo "not find it counting as longer than $limit s; min and max over the trials."
	echo "Aim (issue 7): median under 60 s. Other reports: reports with another first"
	echo "line, after which the trial went on (none is expected on a single-bug variant)."
	echo
	echo "| finding | target | engine | found | median s | min s | max s | other reports | median < 60 s |"
	echo "|---|---|---|---:|---:|---:|---:|---:|---|"
	for id in $ids; do
		t=$(target_of "$id")
		[ "$t" = threads_fuzz ] && t="threads_fuzz (TSan)" || t="$t (ASan+UBSan)"
		for e in libfuzzer afl; do
			set -- $(stats "$id" "$e")
			echo "| $id | $t | $([ $e = afl ] && echo AFL++ || echo libFuzzer) | $1 | $2 | $3 | $4 | $5 | $6 |"
		done
	done
	echo
	echo "![share of trials that found each finding, against time](time_to_bug.png)"
} >"$out/time_to_bug.md"
cat "$out/time_to_bug.md"
