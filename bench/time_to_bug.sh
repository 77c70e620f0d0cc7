#!/bin/sh
# time_to_bug.sh: time to find each finding (a benchmark: it prints figures,
# it is not a timed test), as Magma reports it, in the four arms of the
# deep-state aids (ci/lib/engines.sh's DEEP_STATE_ARMS: plain engines, structure-aware
# mutator only, allocator-state feedback only, both).  For every finding of
# FINDINGS.md, builds its single-bug variant (the seed with every other fix,
# --define=variant=ID) and runs TRIALS trials per engine and arm from an
# empty corpus (bug_trial.sh, seeds 1..TRIALS, two trials at a time, one
# core each): libFuzzer, and AFL++ with CMPLOG as the campaign runs it; each
# stopped at the first report whose first line carries the finding's
# signature (corpus/regressions/ID.expect, else FINDINGS.md's "Signature:")
# or at LIMIT seconds.  XV-4 is a race: threads_fuzz under ThreadSanitizer
# (both engines); the others run their allocator's target on ASan+UBSan.
# Reports found count, median, min, max, exec/s, and the Vargha-Delaney A12
# of each arm against plain (the chance that the arm finds it sooner;
# censored trials tie with each other and lose to any find); writes
# OUTDIR/time_to_bug.md, survival-ID.png per finding (the share of trials
# that have not yet found it against seconds, per arm and engine),
# data/trials.tsv, and prints the report.
# Run: sh bench/time_to_bug.sh OUTDIR [--quick] [--ids ID,...] [--arms ARM,...]
#        [--engines libfuzzer,afl] [--trials N] [--limit SECONDS]
#   full: every finding, every arm, both engines, TRIALS=10, LIMIT=120 (hours
#   on 2 cores: 9 x 2 x 4 x 10 trials of up to 120 s, two at a time);
#   --quick: XV-1, XCF-1, XV-4, arms plain and both, 2 trials, 10 s.
set -eu

ids_opt= arms_opt= engines_opt= trials_opt= limit_opt=
die0() { echo "time_to_bug.sh: $1" >&2; exit 2; }
rest=
while [ $# -gt 0 ]; do
	case $1 in
	--ids | --arms | --engines | --trials | --limit)
		[ $# -ge 2 ] || die0 "$1 needs a value"
		v=$(echo "$2" | tr ',' ' ')
		case $1 in
		--ids) ids_opt=$v ;; --arms) arms_opt=$v ;; --engines) engines_opt=$v ;;
		--trials) trials_opt=$2 ;; --limit) limit_opt=$2 ;;
		esac
		shift 2
		;;
	*) rest="$rest $1"; shift ;;
	esac
done
for n in "$trials_opt" "$limit_opt"; do
	case $n in '') ;; *[!0-9]* | 0) die0 "--trials and --limit take a positive whole number" ;; esac
done
# shellcheck disable=SC2086
set -- $rest
. "$(dirname "$0")/part.sh"
part_init time_to_bug "$@"
mkdir -p "$out/data"
all_ids=$(sed -n 's/^## \(XV-[0-9]*\|XCF-[0-9]*\):.*/\1/p' FINDINGS.md)
[ -n "$all_ids" ] || part_die "no finding headings (## XV-n: / ## XCF-n:) in FINDINGS.md"
if [ -n "$quick" ]; then
	ids="XV-1 XCF-1 XV-4" arms="plain both" trials=2 limit=10
else
	ids=$all_ids arms=$DEEP_STATE_ARMS trials=10 limit=120
fi
engines="libfuzzer afl"
ids=${ids_opt:-$ids} arms=${arms_opt:-$arms} engines=${engines_opt:-$engines}
trials=${trials_opt:-$trials} limit=${limit_opt:-$limit}
for id in $ids; do
	echo "$all_ids" | grep -qx -- "$id" || part_die "--ids: no finding $id (FINDINGS.md has: $(echo $all_ids))"
done
for a in $arms; do
	case " $DEEP_STATE_ARMS " in *" $a "*) ;; *) part_die "--arms: no arm $a (arms: $DEEP_STATE_ARMS)" ;; esac
done
for e in $engines; do
	case $e in libfuzzer | afl) ;; *) part_die "--engines: libfuzzer or afl, not $e" ;; esac
done

target_of() { manifest_get finding "$1" target; }

for id in $ids; do
	t=$(target_of "$id") cfg=$(manifest_get target "$(target_of "$id")" sanitizer)
	d=$tmp/$id
	mkdir -p "$d"
	if [ -s "corpus/regressions/$id.expect" ]; then
		cp "corpus/regressions/$id.expect" "$d/signature"
	else
		sed -n "/^## $id:/,/^## /s/^- Signature: \`\([^\`]*\)\`.*/\1/p" FINDINGS.md | head -n 1 >"$d/signature"
	fi
	[ -s "$d/signature" ] || part_die "$id: no signature in corpus/regressions/$id.expect or FINDINGS.md"
	echo "time_to_bug.sh: building $t for $id ($cfg, both engines)" >&2
	build_bins "$d" "$cfg" "--define=variant=$id" afl "$t" ||
		{ tail -n 30 "$d/build.log" >&2; part_die "build failed for $id ($cfg, $t)"; }
done

export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1
export TSAN_OPTIONS="halt_on_error=1:report_signal_unsafe=0:suppressions=$(pwd)/fuzzers/tsan.supp"
echo "time_to_bug.sh: $(echo $ids | wc -w) findings x $(echo $engines | wc -w) engines x $(echo $arms | wc -w) arms x $trials trials, at most $limit s each, two at a time" >&2
# Trials interleaved by seed, so that a run cut short still has every arm.
n=1
while [ "$n" -le "$trials" ]; do
	for id in $ids; do
		for e in $engines; do
			for a in $arms; do echo "$id $e $n $limit $tmp/$id $a"; done
		done
	done
	n=$((n + 1))
done | xargs -P 2 -L 1 sh bench/bug_trial.sh >"$tmp/trials" || part_die "a trial failed to run"
sh ci/tools/reap.sh "$tmp"

# $tmp/trials: ID ENGINE ARM SEED STATUS SECONDS OTHERS EXECS
printf 'finding\ttarget\tengine\tarm\tseed\tstatus\tseconds\tother_reports\texecutions\n' >"$out/data/trials.tsv"
sort -k1,1 -k2,2 -k3,3 -k4,4n "$tmp/trials" | while read -r id e a s st sec o x; do
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$id" "$(target_of "$id")" "$e" "$a" "$s" "$st" "$sec" "$o" "$x"
done >>"$out/data/trials.tsv"
for id in $ids; do
	for e in $engines; do
		for a in $arms; do
			# Survival: the share of trials that had not found it by each time.
			awk -v id="$id" -v e="$e" -v a="$a" '$1 == id && $2 == e && $3 == a && $5 == "found" { print $6 }' \
				"$tmp/trials" | sort -n |
				awk -v n="$trials" -v l="$limit" 'BEGIN { print "seconds\tnot_found_share"; print "0\t1" }
					{ k++; print $1 "\t" 1 - k / n } END { print l "\t" 1 - k / n }' \
				>"$out/data/survival-$id-$e-$a.tsv"
		done
	done
done

# stats ID ENGINE ARM: "found median min max other exec/s aim" over the trials;
# censored trials count as longer than LIMIT.
stats() {
	awk -v id="$1" -v e="$2" -v a="$3" -v l="$limit" -v race="$([ "$1" = XV-4 ] && [ "$2" = afl ] && echo 1 || echo 0)" '
		$1 == id && $2 == e && $3 == a { n++; t[n] = ($5 == "found") ? $6 : 1e30; f += ($5 == "found"); o += $7
			x += $8; secs += ($5 == "found") ? $6 : l }
		function show(v) { return v >= 1e30 ? ">" l : sprintf("%.1f", v) }
		END {
			if (!n) { print "0/0 - - - 0 - -"; exit }
			for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (t[j] < t[i]) { v = t[i]; t[i] = t[j]; t[j] = v }
			m = (n % 2) ? t[(n + 1) / 2] : (t[n / 2] >= 1e30 || t[n / 2 + 1] >= 1e30 ? 1e30 : (t[n / 2] + t[n / 2 + 1]) / 2)
			# The aim: every trial finds it, median at most 10 s (XV-4 on AFL++: 60 s), none over 60 s.
			aim = (f == n && m <= (race ? 60 : 10) && t[n] <= 60) ? "yes" : "no"
			printf "%d/%d %s %s %s %d %s %s\n", f, n, show(m), f ? show(t[1]) : "-", show(t[n]), o,
				(secs > 0) ? sprintf("%.0f", x / secs) : "-", aim }' "$tmp/trials"
}
# a12 ID ENGINE ARM: Vargha-Delaney A12 of ARM against plain (> 0.5: ARM finds it sooner).
a12() {
	awk -v id="$1" -v e="$2" -v a="$3" '
		$1 == id && $2 == e && ($3 == a || $3 == "plain") { v = ($5 == "found") ? $6 : 1e30
			if ($3 == a) x[++n] = v; if ($3 == "plain") y[++m] = v }
		END {
			if (!n || !m) { print "-"; exit }
			for (i = 1; i <= n; i++) for (j = 1; j <= m; j++) s += (x[i] < y[j]) ? 1 : (x[i] == y[j]) ? 0.5 : 0
			printf "%.2f\n", s / (n * m) }' "$tmp/trials"
}
for id in $ids; do
	gp -e "out='$out/survival-$id.png'; dir='$out/data'; id='$id'; arms='$arms'; engines='$engines'; limit=$limit" bench/time_to_bug.gp
done
{
	echo "## Time to bug"
	echo
	echo "Each finding on its single-bug variant (the seed with every other fix), from"
	echo "an empty corpus with the dictionary, one core per trial, $trials trials per engine"
	echo "and arm (libFuzzer \`-seed=1..$trials\`; AFL++ with CMPLOG, \`-s 1..$trials\`, from one zero"
	echo "byte, which it needs), each stopped at the first report carrying the"
	echo "finding's signature or at $limit s (libFuzzer: wall clock from its start;"
	echo "AFL++: the crash file's own time stamp, from the end of its start-up)."
	echo "Arms (\`ci/lib/engines.sh\` DEEP_STATE_ARMS; \`ALLOCFUZZ_MUTATOR\`, \`ALLOCFUZZ_STATE\`): plain (both off: the"
	echo "engines as before, libFuzzer with its length control), mutator (the structure-aware"
	echo "mutator only), feedback (the allocator-state probe only), both (the default)."
	echo "Median over all trials, a trial that did not find it counting as longer than"
	echo "$limit s; min and max over the trials. A12: Vargha-Delaney against plain, the"
	echo "chance that a trial of the arm finds it sooner than one of plain (0.5: no"
	echo "difference; censored trials tie with each other). exec/s: executions over"
	echo "fuzzing seconds of all the arm's trials. Aim (the deep-state issue): every trial finds"
	echo "it, median at most 10 s (XV-4 on AFL++: 60 s), none over 60 s. Other reports:"
	echo "reports with another first line, after which the trial went on."
	echo
	echo "| finding | target | engine | arm | found | median s | min s | max s | A12 vs plain | exec/s | other reports | aim met |"
	echo "|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|"
	for id in $ids; do
		t=$(target_of "$id")
		[ "$t" = threads_fuzz ] && t="threads_fuzz (TSan)" || t="$t (ASan+UBSan)"
		for e in $engines; do
			for a in $arms; do
				set -- $(stats "$id" "$e" "$a")
				echo "| $id | $t | $([ $e = afl ] && echo AFL++ || echo libFuzzer) | $a | $1 | $2 | $3 | $4 | $([ "$a" = plain ] && echo - || a12 "$id" "$e" "$a") | $6 | $5 | $7 |"
			done
		done
	done
	echo
	for id in $ids; do echo "![$id: share of trials not yet found, per arm and engine](survival-$id.png)"; done
} >"$out/time_to_bug.md"
cat "$out/time_to_bug.md"
