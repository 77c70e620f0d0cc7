#!/bin/sh
# The fuzzing campaign: fuzzes each target in turn for a time budget on all
# cores (libFuzzer fork mode; AFL++ one main and secondaries), prints a
# progress line per target every few seconds, then deduplicates crashes by
# signature, minimizes and decodes each new one, merges the committed seeds
# and everything found into a minimal corpus in OUT/<target>/merged, and
# writes a summary table and a JSON report. Exits 1 when a crash with a new
# signature was found. The checkout is left as it was unless --merge-corpus
# asks to write that minimal corpus back into corpus/<target>/ as text (new
# inputs added as found-*.txt, committed inputs it does not need removed;
# each printed).
# Run: sh ci/campaign.sh [--time SECONDS] [--engine libfuzzer|afl|both]
#        [--jobs N] [--out DIR] [--merge-corpus] [--corpus-root DIR]
#        [--known DIR] [--no-merge] [--seed-variant]
#        [--sanitizer asan-ubsan|tsan|msan] [--no-mutator] [--no-state-feedback]
#        [TARGET...]
# Defaults: 300 s per target, libfuzzer, all cores, out/campaign-<date>/,
# corpus/, known findings from corpus/regressions/*.expect, ASan+UBSan, the
# default targets of bazel/targets.bzl (threads_fuzz wants --sanitizer tsan;
# --sanitizer msan builds every binary with MemorySanitizer instead).
# Both engines use the structure-aware mutator (fuzzers/mutator.h) and the
# allocator-state feedback (fuzzers/state_probe.h) unless --no-mutator or
# --no-state-feedback turns one off (the plain engines: both).
# Crash files are copied, never moved or overwritten.
set -u
cd "$(dirname "$0")/.."
root=$(pwd)
sh ci/setup.sh || exit 1
. ci/lib/manifest.sh
. ci/lib/out.sh
. ci/lib/sanitizers.sh
. ci/lib/engines.sh
. ci/lib/build.sh
. ci/lib/triage.sh

seconds=300 engine=libfuzzer jobs=$(nproc) out="" corpus_root=corpus merge=1 variant="" sanitizer=asan-ubsan
known=corpus/regressions
export ALLOCFUZZ_MUTATOR=on ALLOCFUZZ_STATE=on
while [ $# -gt 0 ]; do
	case $1 in
	--time) seconds=$2; shift 2 ;;
	--engine) engine=$2; shift 2 ;;
	--jobs) jobs=$2; shift 2 ;;
	--out) out=$2; shift 2 ;;
	--corpus-root) corpus_root=$2; shift 2 ;;
	--known) known=$2; shift 2 ;;
	--no-merge) merge=0; shift ;;
	--merge-corpus) merge=2; shift ;;
	--seed-variant) variant="--config=seed"; shift ;;
	--sanitizer) sanitizer=$2; shift 2 ;;
	--no-mutator) ALLOCFUZZ_MUTATOR=off; shift ;;
	--no-state-feedback) ALLOCFUZZ_STATE=off; shift ;;
	-*) echo "campaign: unknown option $1 (see the first lines of ci/campaign.sh)" >&2; exit 2 ;;
	*) break ;;
	esac
done
targets=${*:-$(manifest_targets default)}
for t in $targets; do
	manifest_is_target "$t" || { echo "campaign: no fuzz target $t (bazel/targets.bzl lists them)" >&2; exit 2; }
done
case $seconds in ''|*[!0-9]*) echo "campaign: --time takes whole seconds" >&2; exit 2 ;; esac
case $jobs in ''|*[!0-9]*|0) echo "campaign: --jobs takes a positive number" >&2; exit 2 ;; esac
case $engine in libfuzzer|afl|both) ;; *) echo "campaign: --engine must be libfuzzer, afl or both" >&2; exit 2 ;; esac
case $sanitizer in
asan-ubsan|tsan|msan) ;;
*) echo "campaign: --sanitizer must be asan-ubsan, tsan or msan" >&2; exit 2 ;;
esac
out=$(new_out campaign "${out:-out/campaign-$(date +%Y%m%d-%H%M%S)}") || exit 2
mkdir -p "$out/bin"
known=$(cd "$known" 2>/dev/null && pwd) || { echo "campaign: --known $known is not a directory" >&2; exit 2; }

# Build, then copy the binaries and seeds: bazel-bin moves with every configuration.
seeds=""
for t in $targets; do seeds="$seeds //corpus:$t"; done
bazel build --config="$sanitizer" $variant //fuzzers:opstext $seeds >"$out/build.log" 2>&1 || {
	echo "campaign: build failed, see $out/build.log" >&2
	exit 2
}
cp bazel-bin/fuzzers/opstext "$out/bin/"
for t in $targets; do
	mkdir -p "$out/$t/seeds"
	cp bazel-bin/corpus/bin/"$t"/* "$out/$t/seeds/"
done
build_bins "$out/bin" "$sanitizer" "$variant" "$engine" $targets || {
	echo "campaign: build failed, see $out/bin/build.log" >&2
	exit 2
}

# shellcheck disable=SC2046
export $(sanitizer_options)
lf_jobs=$jobs afl_jobs=$jobs
if [ "$engine" = both ]; then
	lf_jobs=$(( (jobs + 1) / 2 ))
	afl_jobs=$(( jobs - lf_jobs ))
	[ "$afl_jobs" -gt 0 ] || afl_jobs=1
fi

# One progress line: what the engines have written so far.
progress() (	# progress TARGET ELAPSED
	t=$1 w="$out/$1" line=""
	if [ -f "$w/libfuzzer.log" ]; then
		last=$(grep -aE '^#[0-9]+' "$w/libfuzzer.log" | tail -n 1)
		line="libfuzzer $(echo "$last" | awk -v secs="$2" '{
			for (i = 1; i <= NF; i++) {
				if ($i == "cov:") c = $(i + 1); if ($i == "ft:") f = $(i + 1)
				if ($i == "corp:") p = $(i + 1); if ($i ~ /^exec\/s:?$/) e = $(i + 1)
				if ($i == "oom/timeout/crash:") x = $(i + 1)
			}
			n = $1; gsub(/[#:]/, "", n)
			if (!e && secs > 0) e = int(n / secs)	# fork mode reports 0 at first
			printf "execs %s exec/s %s cov %s ft %s corpus %s oom/timeout/crash %s", n, e, c, f, p, x }')"
	fi
	if [ -d "$w/afl" ]; then
		line="$line${line:+ | }afl $(cat "$w"/afl/*/fuzzer_stats 2>/dev/null | awk -F' *: *' '
			$1 == "execs_done" { n += $2 } $1 == "execs_per_sec" && $2 ~ /^[0-9.]+$/ { e += $2 }	# "inf" at first
			$1 == "edges_found" && $2 > g { g = $2 } $1 == "corpus_count" { c += $2 }
			$1 == "saved_crashes" { x += $2 }
			END { printf "execs %d exec/s %d edges %d corpus %d crashes %d", n, e, g, c, x }')"
	fi
	printf '[%s %4ss] %s\n' "$t" "$2" "${line:-starting}"
)

for t in $targets; do
	w="$out/$t"
	mkdir -p "$w/corpus" "$w/artifacts"
	cp "$w/seeds/"* "$w/corpus/"
	pids=""
	if [ "$engine" != afl ]; then
		"$out/bin/${t}_libfuzzer" -fork="$lf_jobs" -ignore_crashes=1 -ignore_timeouts=1 \
			-ignore_ooms=1 -max_total_time="$seconds" -artifact_prefix="$w/artifacts/" \
			-dict="$root/corpus/allocfuzz.dict" $(libfuzzer_flags) "$w/corpus" >"$w/libfuzzer.log" 2>&1 &
		pids="$pids $!"
	fi
	if [ "$engine" != libfuzzer ]; then
		i=0
		while [ "$i" -lt "$afl_jobs" ]; do
			role=$([ "$i" -eq 0 ] && echo "-M main" || echo "-S s$i")
			# shellcheck disable=SC2086
			sh ci/tools/afl_fuzz.sh "$out/bin/${t}_afl" "$w/seeds" "$w/afl" "$seconds" $role \
				>"$w/afl-$i.log" 2>&1 &
			pids="$pids $!"
			i=$((i + 1))
		done
	fi
	start=$(date +%s)
	while :; do
		alive=0
		for p in $pids; do kill -0 "$p" 2>/dev/null && alive=1; done
		[ "$alive" -eq 1 ] || break
		sleep 5
		progress "$t" $(( $(date +%s) - start ))
	done
	for p in $pids; do wait "$p"; done
	sh ci/tools/reap.sh "$out/bin"
	progress "$t" $(( $(date +%s) - start ))
done

# Known findings: the first lines the regression repros expect. Only the
# seed variant still has them: on the fixed variant every report is new.
known_id() (	# known_id SIGNATURE: prints the finding id, or nothing
	[ -n "$variant" ] || [ "$known" != "$root/corpus/regressions" ] || exit 0
	for e in "$known"/*.expect; do
		[ -f "$e" ] || continue
		case $1 in *"$(cat "$e")"*) basename "$e" .expect; exit 0 ;; esac
	done
)

# report.json is put together by jq (every string escaped): a line of JSON
# per crash in OUT/TARGET/crashes.jsonl, per target in OUT/targets.jsonl.
summary="$out/summary.txt"
printf '%-22s %10s %8s %8s %8s %8s %8s %8s\n' target execs corpus crashes unique new added removed >"$summary"
new_total=0
: >"$out/targets.jsonl"
for t in $targets; do
	w="$out/$t"
	mkdir -p "$w/crashes"
	# Every crash file of every engine, with its signature.
	: >"$w/signatures.tsv"
	for f in "$w"/artifacts/crash-* "$w"/artifacts/leak-* "$w"/afl/*/crashes/id:*; do
		[ -f "$f" ] || continue
		# A race shows on some replays only: up to 10 before calling it flaky.
		sig=$(sh ci/tools/replay.sh 10 "$out/bin/${t}_replay" "$f" | sh ci/tools/signature.sh)
		[ -n "$sig" ] || sig="(no report in 10 replays: flaky or engine-only)"
		printf '%s\t%s\t%s\n' "$sig" "$(wc -c <"$f")" "$f" >>"$w/signatures.tsv"
	done
	crashes=$(wc -l <"$w/signatures.tsv")
	unique=0 new=0
	: >"$w/crashes.jsonl"
	# The smallest file stands for its signature.
	sort -t "$(printf '\t')" -k1,1 -k2,2n "$w/signatures.tsv" |
		awk -F '\t' '$1 != last { print; last = $1 }' >"$w/unique.tsv"
	while IFS="$(printf '\t')" read -r sig size file; do
		unique=$((unique + 1))
		id=$(known_id "$sig")
		dir="$w/crashes/$unique"
		mkdir -p "$dir"
		cp "$file" "$dir/original"
		printf '%s\n' "$sig" >"$dir/signature.txt"
		if [ -z "$id" ]; then
			new=$((new + 1))
			triage_crash "$dir" "$t" "$out/bin"
		else
			"$out/bin/opstext" decode "$dir/original" "$dir/original.txt"
			( "$out/bin/${t}_replay" "$dir/original" >"$dir/report.txt" 2>&1; : ) 2>/dev/null
		fi
		jq -nc --arg signature "$sig" --arg known "$id" --arg dir "$dir" \
			'{signature: $signature, known: $known, dir: $dir}' >>"$w/crashes.jsonl"
	done <"$w/unique.tsv"
	new_total=$((new_total + new))
	# A set cover of the features of the committed seeds and of all that was
	# found: libFuzzer's merge into a fresh directory.
	added=0 removed=0
	if [ "$merge" -ge 1 ]; then
		mkdir -p "$w/merged"
		set -- "$w/seeds" "$w/corpus"
		[ -d "$w/afl" ] && for q in "$w"/afl/*/queue; do set -- "$@" "$q"; done
		"$out/bin/${t}_libfuzzer" -merge=1 -merge_control_file="$w/merge.control" \
			"$w/merged" "$@" >"$w/merge.log" 2>&1
		ls "$w/merged" | sort >"$w/merged.list"
	fi
	if [ "$merge" -eq 2 ]; then
		mkdir -p "$corpus_root/$t"
		: >"$w/seeds.sha1"
		for f in "$w/seeds"/*; do
			sha=$(sha1sum <"$f" | cut -d' ' -f1)
			echo "$sha" >>"$w/seeds.sha1"
			grep -qx "$sha" "$w/merged.list" && continue
			txt="$corpus_root/$t/$(basename "$f").txt"
			[ -f "$txt" ] || continue
			rm "$txt" && removed=$((removed + 1)) && echo "corpus: removed $txt (its features are covered)"
		done
		# libFuzzer names merged inputs by their SHA-1.
		for f in "$w/merged"/*; do
			sha=$(basename "$f")
			grep -qx "$sha" "$w/seeds.sha1" && continue
			txt="$corpus_root/$t/found-$(echo "$sha" | cut -c1-12).txt"
			[ -e "$txt" ] && continue
			"$out/bin/opstext" decode "$f" "$txt" && added=$((added + 1)) && echo "corpus: added $txt"
		done
	fi
	execs=$(grep -aE '^#[0-9]+' "$w/libfuzzer.log" 2>/dev/null | tail -n 1 | sed 's/^#\([0-9]*\).*/\1/')
	afl_execs=$(cat "$w"/afl/*/fuzzer_stats 2>/dev/null | awk -F' *: *' '$1 == "execs_done" { n += $2 } END { print n + 0 }')
	execs=$(( ${execs:-0} + afl_execs ))
	corpus=$(ls "$w/corpus" | wc -l)
	printf '%-22s %10s %8s %8s %8s %8s %8s %8s\n' "$t" "$execs" "$corpus" "$crashes" "$unique" "$new" "$added" "$removed" >>"$summary"
	jq -nc --arg target "$t" --argjson execs "$execs" --argjson corpus "$corpus" \
		--argjson crash_files "$crashes" --argjson unique "$unique" --argjson new "$new" \
		--argjson added "$added" --argjson removed "$removed" --slurpfile crashes "$w/crashes.jsonl" \
		'{target: $target, execs: $execs, corpus: $corpus, crash_files: $crash_files, unique: $unique,
		new: $new, added_to_corpus: $added, removed_from_corpus: $removed, crashes: $crashes}' >>"$out/targets.jsonl"
done
report_json="$out/report.json"
jq -n --arg out "$out" --arg engine "$engine" --argjson seconds "$seconds" --arg mutator "$ALLOCFUZZ_MUTATOR" \
	--arg state "$ALLOCFUZZ_STATE" --slurpfile targets "$out/targets.jsonl" --argjson new "$new_total" \
	'{out: $out, engine: $engine, seconds_per_target: $seconds, mutator: $mutator, state_feedback: $state,
	targets: $targets, new_crashes: $new}' >"$report_json"

echo
cat "$summary"
for t in $targets; do
	for d in "$out/$t"/crashes/*; do
		[ -f "$d/signature.txt" ] || continue
		id=$(known_id "$(cat "$d/signature.txt")")
		printf '%s %s: %s\n' "$t" "${id:-NEW}" "$(cat "$d/signature.txt")"
		[ -z "$id" ] && printf '    reproduce: %s %s\n' "$out/bin/${t}_replay" "$d/minimized"
	done
done
echo "report: $report_json"
[ "$new_total" -eq 0 ]
