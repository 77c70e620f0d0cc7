#!/bin/sh
# One mutant's trial (ci/mutants.sh runs it, several at a time): builds the
# mutant of ALLOCATOR's fixed source and tries to kill it in stages
# (corpus, fuzz, tsan, msan; see ci/mutants.sh). Prints one line, tab-separated:
#   ALLOCATOR ID killed|survived|stillborn STAGE FIRST-REPORT-LINE
# Run: sh ci/tools/mutant_trial.sh OUT SECONDS ALLOCATOR ID
#   OUT is ci/mutants.sh's directory (bin/, src/, obj-*/, inputs/); the
#   trial works in OUT/ALLOCATOR-ID/ and keeps its logs there.
set -u
out=$1 seconds=$2 a=$3 id=$4
cd "$(dirname "$0")/.."
. ci/lib/lib.sh
w=$out/$a-$id
mkdir -p "$w"
other=$([ "$a" = xvmalloc ] && echo xcfmalloc || echo xvmalloc)
own=$([ "$a" = xvmalloc ] && echo xvmalloc_fuzz || echo xcfmalloc_fuzz)
result() {	# result STATUS STAGE REPORT: the trial's line, then the end
	printf '%s\t%s\t%s\t%s\t%s\n' "$a" "$id" "$1" "$2" "$3"
	exit 0
}
# first LOG STATUS: the report that killed it; a hang (timeout's 124) is a kill too
first() {
	line=$(sh ci/tools/signature.sh --first-line <"$1") || line="(exit $2 without a report line)"
	[ "$2" -ne 124 ] || line="(timeout: no end in the time allowed)"
	# A kernel BUG names the mutant's own copy: keep the file name only.
	echo "$line" | sed 's#BUG at [^ ]*/#BUG at #' | cut -c1-160 | tr '\t' ' '
}

"$out/bin/mutate" apply "$out/src/$a/$a.c" "$id" "$w/$a.c" || result stillborn - "mutate apply failed"
# link SANITIZER TARGET ENGINE: $w/TARGET_ENGINE from the harness objects and the mutant
link() {
	o=$out/obj-$1
	eval "flags=\$MUTANTS_CFLAGS_$(echo "$1" | tr a-z A-Z)"
	if [ ! -f "$w/$a-$1.o" ]; then
		clang-14 $flags -fsanitize=fuzzer-no-link $MUTANTS_INC -I"$out/src/$a" \
			-c "$w/$a.c" -o "$w/$a-$1.o" 2>"$w/compile-$1.log" || return 2
	fi
	if [ "$3" = replay ]; then engine="$o/fuzzers_replay_main.o"; else engine=-fsanitize=fuzzer; fi
	objs=$(ls "$o"/*.o | grep -v -e '/fuzzers_replay_main.o$' -e '_fuzz.o$' -e "/$a.o\$")
	# lld, as Bazel links: TSan names the coverage counters as tsan.supp expects.
	clang-14 -fuse-ld=lld $flags $objs "$o/fuzzers_$2.o" "$w/$a-$1.o" $engine -lpthread -o "$w/$2_$3" \
		2>"$w/link.log" || return 2
}

export ASAN_OPTIONS=detect_leaks=1:symbolize=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export TSAN_OPTIONS="halt_on_error=1:report_signal_unsafe=0:suppressions=$(pwd)/fuzzers/tsan.supp"
export MSAN_OPTIONS=halt_on_error=1:symbolize=1

# stage_msan: the corpus stage's replays under MemorySanitizer (see ci/mutants.sh).
stage_msan() {
	for t in "$own" differential_fuzz; do
		link msan "$t" replay || result stillborn - "MSan link failed"
		timeout 60 "$w/${t}_replay" "$out/inputs/$t" "$out/inputs/regressions" >"$w/msan-$t.log" 2>&1
		rc=$?
		[ "$rc" -eq 0 ] || result killed msan "$(first "$w/msan-$t.log" "$rc")"
	done
	result survived - ""
}

# Stage corpus: every committed input of every target that links the allocator.
for t in "$own" differential_fuzz; do
	link asan "$t" replay ||
		result stillborn - "$(sed -n 's#^[^ ]*/##p' "$w/compile-asan.log" 2>/dev/null | head -n 1 | cut -c1-160)"
	timeout 60 "$w/${t}_replay" "$out/inputs/$t" "$out/inputs/regressions" >"$w/corpus-$t.log" 2>&1
	rc=$?
	[ "$rc" -eq 0 ] || result killed corpus "$(first "$w/corpus-$t.log" "$rc")"
done
[ "$seconds" -gt 0 ] || stage_msan

# Stage fuzz: libFuzzer on the allocator's own target, from its corpus.
link asan "$own" libfuzzer || result stillborn - "link failed"
mkdir -p "$w/corpus" && cp "$out/inputs/$own"/* "$w/corpus/"
timeout $((seconds + 30)) "$w/${own}_libfuzzer" -seed=1 -timeout=10 -max_total_time="$seconds" \
	-dict=corpus/allocfuzz.dict -artifact_prefix="$w/" "$w/corpus" >"$w/fuzz.log" 2>&1
rc=$?
[ "$rc" -eq 0 ] || result killed fuzz "$(first "$w/fuzz.log" "$rc")"

# Stage tsan: two threads on one pool, for locking and the paths only a
# concurrent task reaches (a grower that finds another's page first). Seeded
# with the allocator's own corpus too: one format, and its longer inputs give
# the threads more to interleave than the threads target's two seeds.
link tsan threads_fuzz libfuzzer || result stillborn - "TSan link failed"
mkdir -p "$w/tcorpus"
for t in threads_fuzz "$own"; do
	for f in "$out/inputs/$t"/*; do cp "$f" "$w/tcorpus/$t-${f##*/}"; done
done
timeout $((seconds + 30)) "$w/threads_fuzz_libfuzzer" -seed=1 -timeout=10 -max_total_time="$seconds" \
	-dict=corpus/allocfuzz.dict -artifact_prefix="$w/t-" "$w/tcorpus" >"$w/tsan.log" 2>&1
rc=$?
[ "$rc" -eq 0 ] || result killed tsan "$(first "$w/tsan.log" "$rc")"
stage_msan
