#!/bin/sh
# bug_trial.sh: one time-to-bug trial (ci/bench/time_to_bug.sh runs it, two
# at a time): libFuzzer from an empty corpus with -seed=SEED until its first
# report carries SIGNATURE or LIMIT seconds have passed.  A report with
# another first line is counted and fuzzing goes on from the same corpus for
# the time left.  Prints one line: ID SEED found|censored SECONDS OTHER-REPORTS
# Run: sh ci/bench/bug_trial.sh ID SEED LIMIT DIR
#   DIR holds fuzzer (the binary), signature (one line), dict; the trial
#   works in DIR/SEED/ and keeps every report's input and log there.
set -u
id=$1 seed=$2 limit=$3 dir=$4
w=$dir/$seed
mkdir -p "$w/corpus"
want=$(cat "$dir/signature")
now() { date +%s.%N; }
elapsed=0 others=0 run=0
while :; do
	left=$(awk -v l="$limit" -v e="$elapsed" 'BEGIN { printf "%d", l - e }')
	[ "$left" -gt 0 ] || { echo "$id $seed censored $limit $others"; exit 0; }
	run=$((run + 1))
	start=$(now)
	"$dir/fuzzer" -seed="$seed" -max_total_time="$left" -dict="$dir/dict" \
		-handle_term=0 -artifact_prefix="$w/run$run-" "$w/corpus" >"$w/run$run.log" 2>&1
	rc=$?
	elapsed=$(awk -v e="$elapsed" -v s="$start" -v n="$(now)" 'BEGIN { printf "%.3f", e + n - s }')
	[ "$rc" -eq 0 ] && { echo "$id $seed censored $limit $others"; exit 0; }
	first=$(grep -m1 -E '^allocfuzz: |runtime error:|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|WARNING: ThreadSanitizer' "$w/run$run.log")
	case $first in
	*"$want"*) echo "$id $seed found $elapsed $others"; exit 0 ;;
	esac
	others=$((others + 1))
	echo "bug_trial.sh: $id seed $seed: another report, going on: ${first:-exit $rc, no report line} ($w/run$run.log)" >&2
done
