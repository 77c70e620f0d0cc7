#!/bin/sh
# End-to-end test of the campaign pipeline, the single-crash tool and the
# coverage command, with
# the deliberately crashing selftest_crash_fuzz target and one known finding:
# crashes are found, deduplicated, minimized, decoded and reported, the new
# one makes the exit status non-zero, originals are kept, corpus inputs come
# back as text, and a clean target exits 0.
# Run: sh ci/tests/campaign.sh   (ends with "N passed, M failed")
set -u
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. ci/lib/manifest.sh
. ci/lib/testlib.sh

mkdir -p "$tmp/known" "$tmp/corpus"
echo "allocfuzz: selftest check-reached" >"$tmp/known/SELF-1.expect"
cp -r corpus/selftest_crash_fuzz "$tmp/corpus/"
sh ci/campaign.sh --time 8 --jobs 2 --out "$tmp/c" --merge-corpus --corpus-root "$tmp/corpus" \
	--known "$tmp/known" selftest_crash_fuzz >"$tmp/c.log" 2>&1
status=$?
w="$tmp/c/selftest_crash_fuzz"
json="$tmp/c/report.json"
check "campaign: a new crash makes the exit status 1" test "$status" -eq 1
check "campaign: progress lines while fuzzing" grep -q '^\[selftest_crash_fuzz .*execs [0-9]' "$tmp/c.log"
check "campaign: the JSON report is valid JSON, with every field" jq -e '
	(keys_unsorted == ["out", "engine", "seconds_per_target", "mutator", "state_feedback", "targets", "new_crashes"]) and
	(.targets[0] | keys_unsorted == ["target", "execs", "corpus", "crash_files", "unique", "new",
		"added_to_corpus", "removed_from_corpus", "crashes"]) and
	(.targets[0].crashes[0] | keys_unsorted == ["signature", "known", "dir"])' "$json"
check "campaign: two signatures from many crash files" \
	jq -e '.targets[0] | .unique == 2 and .crash_files >= 3 and (.crashes | length) == 2' "$json"
check "campaign: the known finding is named, the other is new" \
	sh -c "grep -q 'SELF-1: allocfuzz: selftest check-reached' '$tmp/c.log' &&
		grep -q 'NEW: allocfuzz: selftest recreate-reached' '$tmp/c.log' && jq -e '.new_crashes == 1' '$json'"
new=$(grep -l recreate-reached "$w"/crashes/*/signature.txt | head -n 1)
d=$(dirname "${new:-$tmp/none/x}")
check "campaign: the new crash is minimized" \
	sh -c "[ -s '$d/minimized' ] && [ \$(wc -c <'$d/minimized') -le \$(wc -c <'$d/original') ]"
check "campaign: the minimized crash is decoded" grep -q '^recreate gfp=' "$d/minimized.txt"
check "campaign: its report is kept" grep -q '^allocfuzz: selftest recreate-reached' "$d/report.txt"
check "campaign: every crash file is kept" \
	sh -c "[ \$(ls '$w/artifacts' | wc -l) -eq \$(wc -l <'$w/signatures.tsv') ]"
# The text form's first line, as the committed inputs have it.
header=$(head -n 1 "$(ls corpus/selftest_crash_fuzz/*.txt | head -n 1)")
check "campaign --merge-corpus: new inputs come back as text ($header)" \
	sh -c "ls '$tmp/corpus/selftest_crash_fuzz/'found-*.txt && ! head -q -n 1 '$tmp/corpus/selftest_crash_fuzz/'found-*.txt | grep -qvxF '$header'"
check "campaign --merge-corpus: the corpus is the minimal merge, no more" \
	test "$(ls "$tmp/corpus/selftest_crash_fuzz" | wc -l)" -eq "$(ls "$w/merged" | wc -l)"
check "campaign --merge-corpus: every addition and removal is printed" sh -c "
	[ \$(grep -c '^corpus: added ' '$tmp/c.log') -eq \$(jq '.targets[0].added_to_corpus' '$json') ] &&
	[ \$(grep -c '^corpus: removed ' '$tmp/c.log') -eq \$(jq '.targets[0].removed_from_corpus' '$json') ]"
check "campaign: the deep-state aids are on by default" jq -e '.mutator == "on" and .state_feedback == "on"' "$json"
sh ci/campaign.sh --time 2 --jobs 1 --no-merge --no-mutator --no-state-feedback --out "$tmp/plain" \
	selftest_crash_fuzz >"$tmp/plain.log" 2>&1
check "campaign --no-mutator --no-state-feedback: both off in its report" \
	jq -e '.mutator == "off" and .state_feedback == "off"' "$tmp/plain/report.json"
sh ci/campaign.sh --time 1 --out "$tmp/c" selftest_crash_fuzz >/dev/null 2>&1
check "campaign: refuses to write into an old campaign" test $? -eq 2
before=$(git status --porcelain 2>&1)
sh ci/campaign.sh --time 5 --jobs 1 --out "$tmp/clean" xvmalloc_fuzz >"$tmp/clean.log" 2>&1
check "campaign: a clean target exits 0" test $? -eq 0
check "campaign: without --merge-corpus the checkout is left as it was" \
	test "$(git status --porcelain 2>&1)" = "$before"
check "campaign: the merged corpus is kept in the output" test -n "$(ls "$tmp/clean/xvmalloc_fuzz/merged")"
check "campaign: bad option rejected" sh -c "! sh ci/campaign.sh --engine honggfuzz"
# One AFL++ per target on 2 cores: each must start although the last left its CMPLOG child behind.
sh ci/campaign.sh --time 5 --engine afl --jobs 1 --out "$tmp/afl" --no-merge \
	$(manifest_targets default) >"$tmp/afl.log" 2>&1
check "campaign: AFL++ runs clean on every default target in turn" test $? -eq 0
for t in $(manifest_targets default); do
	check "campaign: AFL++ fuzzed $t" test -f "$tmp/afl/$t/afl/main/fuzzer_stats"
done
check "campaign: no fuzzer process is left behind" sh -c '
	for p in /proc/[0-9]*; do case $(readlink "$p/exe" 2>/dev/null) in "$1"/*) exit 1 ;; esac; done' sh "$tmp/afl/bin"
# threads_fuzz on ThreadSanitizer, both engines: the seed's counter race (XV-4,
# found in seconds) comes out under its TSan signature; the fixed variant is clean.
sh ci/campaign.sh --time 15 --engine both --jobs 2 --sanitizer tsan --seed-variant --no-merge \
	--out "$tmp/tsan-seed" threads_fuzz >"$tmp/tsan-seed.log" 2>&1
status=$?
check "campaign --sanitizer tsan: the seed's race is a new crash" sh -c "[ $status -eq 1 ] &&
	grep -q '^threads_fuzz NEW: WARNING: ThreadSanitizer: data race @ stat_' '$tmp/tsan-seed.log'"
sh ci/campaign.sh --time 5 --engine both --jobs 2 --sanitizer tsan --no-merge \
	--out "$tmp/tsan" threads_fuzz >"$tmp/tsan.log" 2>&1
check "campaign --sanitizer tsan: the fixed variant runs clean" test $? -eq 0
check "campaign --sanitizer tsan: both engines fuzzed" sh -c "
	grep -qE '^#[0-9]+: cov' '$tmp/tsan/threads_fuzz/libfuzzer.log' && [ -f '$tmp/tsan/threads_fuzz/afl/main/fuzzer_stats' ]"
for b in libfuzzer afl cmplog replay; do
	check "campaign --sanitizer tsan: threads_fuzz_$b is built with TSan" grep -qa __tsan_init "$tmp/tsan/bin/threads_fuzz_$b"
done
# MemorySanitizer, both engines: selftest_crash_fuzz's fault operation branches
# on a kmalloc byte it never wrote, which only MSan reports; the fixed
# allocators run clean with every binary built with MSan.
sh ci/campaign.sh --time 10 --engine both --jobs 2 --sanitizer msan --no-merge --known "$tmp/known" \
	--out "$tmp/msan-self" selftest_crash_fuzz >"$tmp/msan-self.log" 2>&1
status=$?
check "campaign --sanitizer msan: an uninitialised read is a new crash under MSan's signature" sh -c "[ $status -eq 1 ] &&
	grep -q '^selftest_crash_fuzz NEW: WARNING: MemorySanitizer: use-of-uninitialized-value @ LLVMFuzzerTestOneInput' '$tmp/msan-self.log'"
# AFL++ saves one crash of a target without coverage (all paths look alike),
# so its part is: it fuzzed, and its MSan binary aborts on libFuzzer's input
# with AFL++'s MSAN_OPTIONS (a crash for afl-fuzz).
msan_crash=$(grep '^WARNING: MemorySanitizer: use-of-uninitialized-value.*/artifacts/crash-' \
	"$tmp/msan-self/selftest_crash_fuzz/signatures.tsv" | head -n 1 | cut -f3)
check "campaign --sanitizer msan: libFuzzer reports it" test -n "$msan_crash"
check "campaign --sanitizer msan: AFL++ fuzzed, and its binary aborts with MSan's report on that input" sh -c "
	[ -f '$tmp/msan-self/selftest_crash_fuzz/afl/main/fuzzer_stats' ] && . ci/lib/afl.sh &&
	{ env \$(afl_options) '$tmp/msan-self/bin/selftest_crash_fuzz_afl' '${msan_crash:-/nonexistent}' >'$tmp/msan-afl.log' 2>&1; [ \$? -eq 134 ]; } &&
	grep -q 'WARNING: MemorySanitizer: use-of-uninitialized-value' '$tmp/msan-afl.log'"
check "campaign --sanitizer msan: its report names where the byte was allocated" \
	sh -c "grep -l 'MemorySanitizer' '$tmp/msan-self/selftest_crash_fuzz'/crashes/*/report.txt | xargs grep -A3 'Memory was marked as uninitialized' | grep -q 'in shim_kmalloc'"
sh ci/campaign.sh --time 5 --engine both --jobs 2 --sanitizer msan --no-merge \
	--out "$tmp/msan" xvmalloc_fuzz >"$tmp/msan.log" 2>&1
check "campaign --sanitizer msan: the fixed variant runs clean" test $? -eq 0
check "campaign --sanitizer msan: both engines fuzzed" sh -c "
	grep -qE '^#[0-9]+: cov' '$tmp/msan/xvmalloc_fuzz/libfuzzer.log' && [ -f '$tmp/msan/xvmalloc_fuzz/afl/main/fuzzer_stats' ]"
for b in libfuzzer afl cmplog replay; do
	check "campaign --sanitizer msan: xvmalloc_fuzz_$b is built with MSan" sh -c "
		grep -qa __msan_init '$tmp/msan/bin/xvmalloc_fuzz_$b' && ! grep -qa __asan_init '$tmp/msan/bin/xvmalloc_fuzz_$b'"
done
check "campaign: unknown sanitizer rejected" sh -c "! sh ci/campaign.sh --sanitizer hwasan"
sh ci/crash.sh selftest_crash_fuzz "$d/original" --out "$tmp/one" >"$tmp/one.log" 2>&1
check "crash.sh: prints the signature" grep -q '^signature: allocfuzz: selftest recreate-reached' "$tmp/one.log"
check "crash.sh: prints the operations and the replay command" \
	sh -c "grep -q '^  recreate gfp=' '$tmp/one.log' && grep -q 'selftest_crash_fuzz_replay $tmp/one/minimized' '$tmp/one.log'"
check "crash.sh: the given file is untouched" cmp -s "$d/original" "$tmp/one/original"
sh ci/coverage.sh >"$tmp/cov.log" 2>&1
check "coverage: per-file summaries of both variants" sh -c "
	grep -qE '^xvmalloc/fixed/xvmalloc.c +[0-9]' out/coverage-fixed/summary.txt &&
	grep -qE '^xcfmalloc/fixed/xcfmalloc.c +[0-9]' out/coverage-fixed/summary.txt &&
	grep -qE '^xvmalloc/xvmalloc.c +[0-9]' out/coverage-seed/summary.txt &&
	[ -s out/coverage-fixed/html/index.html ] && [ -s out/coverage-seed/lines.txt ]"
finish
