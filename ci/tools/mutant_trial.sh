#!/bin/sh
# One mutant's trial (ci/mutants.sh runs it, several at a time): builds the
# mutant of ALLOCATOR's fixed source and tries to kill it in stages
# (corpus, fuzz, tsan, msan; see ci/mutants.sh). Prints one line, tab-separated:
#   ALLOCATOR ID killed|survived|stillborn STAGE FIRST-REPORT-LINE
# Run: sh ci/tools/mutant_trial.sh OUT SECONDS ALLOCATOR ID
#   OUT is ci/mutants.sh's directory (bin/, gen/, objs/, inputs/); the
#   trial works in OUT/ALLOCATOR-ID/ and keeps its logs there.
set -u
out=$1 seconds=$2 a=$3 id=$4
cd "$(dirname "$0")/../.."
. ci/lib/manifest.sh
w=$out/$a-$id
mkdir -p "$w"
own=${a}_fuzz
# The targets that link the allocator and replay its corpus (threads_fuzz is the tsan stage's).
replayed=$(for t in $(manifest_targets asan-ubsan); do
	manifest_list "$(manifest_get target "$t" allocators)" | grep -qx "$a" && echo "$t"
done)
result() {	# result STATUS STAGE REPORT: the trial's line, then the end
	printf '%s\t%s\t%s\t%s\t%s\n' "$a" "$id" "$1" "$2" "$3"
	exit 0
}
# first LOG STATUS: the report that killed it; a hang (timeout's 124) is a kill too
first() (
	line=$(sh ci/tools/signature.sh --first-line <"$1") || line="(exit $2 without a report line)"
	[ "$2" -ne 124 ] || line="(timeout: no end in the time allowed)"
	# A kernel BUG names the mutant's own copy: keep the file name only.
	echo "$line" | sed 's#BUG at [^ ]*/#BUG at #' | cut -c1-160 | tr '\t' ' '
)

"$out/bin/mutate" apply "$(cat "$out/objs/$a.src")" "$id" "$w/$a.c" || result stillborn - "mutate apply failed"
# link CONFIG BINARY: $w/BINARY from the binary's other objects (ci/mutants.sh) and the
# mutant, compiled as Bazel compiles the allocator's port in CONFIG (the manifest)
link() (
	flags=$(manifest_list "$(manifest_get config "$1" copts)" | tr '\n' ' ')
	port=$(manifest_line library "//allocators/$a:fixed")
	copts=$(manifest_list "$(manifest_field "$port" copts)" | tr '\n' ' ')
	incs=""
	for d in $(manifest_list "$(manifest_field "$port" includes)"); do incs="$incs -I$(manifest_path "$out/gen" "$d")"; done
	if [ ! -f "$w/$a-$1.o" ]; then
		clang-14 $flags $copts $incs -c "$w/$a.c" -o "$w/$a-$1.o" 2>"$w/compile-$1.log" || exit 2
	fi
	case $2 in *_libfuzzer) engine=-fsanitize=fuzzer ;; *) engine="" ;; esac
	# lld, as Bazel links: TSan names the coverage counters as tsan.supp expects.
	clang-14 -fuse-ld=lld $flags $(cat "$out/objs/$1/$a/$2") "$w/$a-$1.o" $engine -lpthread \
		-o "$w/$2" 2>"$w/link.log" || exit 2
)

export ASAN_OPTIONS=detect_leaks=1:symbolize=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export TSAN_OPTIONS="halt_on_error=1:report_signal_unsafe=0:suppressions=$(pwd)/fuzzers/tsan.supp"
export MSAN_OPTIONS=halt_on_error=1:symbolize=1

# stage_msan: the corpus stage's replays under MemorySanitizer (see ci/mutants.sh).
stage_msan() {
	for t in $replayed; do
		link msan "${t}_replay" || result stillborn - "MSan link failed"
		timeout 60 "$w/${t}_replay" "$out/inputs/$t" "$out/inputs/regressions" >"$w/msan-$t.log" 2>&1
		rc=$?
		[ "$rc" -eq 0 ] || result killed msan "$(first "$w/msan-$t.log" "$rc")"
	done
	result survived - ""
}

# Stage corpus: every committed input of every target that links the allocator.
for t in $replayed; do
	link asan-ubsan "${t}_replay" ||
		result stillborn - "$(sed -n 's#^[^ ]*/##p' "$w/compile-asan-ubsan.log" 2>/dev/null | head -n 1 | cut -c1-160)"
	timeout 60 "$w/${t}_replay" "$out/inputs/$t" "$out/inputs/regressions" >"$w/corpus-$t.log" 2>&1
	rc=$?
	[ "$rc" -eq 0 ] || result killed corpus "$(first "$w/corpus-$t.log" "$rc")"
done
[ "$seconds" -gt 0 ] || stage_msan

# Stage fuzz: libFuzzer on the allocator's own target, from its corpus.
link asan-ubsan "${own}_libfuzzer" || result stillborn - "link failed"
mkdir -p "$w/corpus" && cp "$out/inputs/$own"/* "$w/corpus/"
timeout $((seconds + 30)) "$w/${own}_libfuzzer" -seed=1 -timeout=10 -max_total_time="$seconds" \
	-dict=corpus/allocfuzz.dict -artifact_prefix="$w/" "$w/corpus" >"$w/fuzz.log" 2>&1
rc=$?
[ "$rc" -eq 0 ] || result killed fuzz "$(first "$w/fuzz.log" "$rc")"

# Stage tsan: two threads on one pool, for locking and the paths only a
# concurrent task reaches (a grower that finds another's page first). Seeded
# with the allocator's own corpus too: one format, and its longer inputs give
# the threads more to interleave than the threads target's two seeds.
if [ -s "$out/objs/tsan/$a/threads_fuzz_libfuzzer" ]; then
	link tsan threads_fuzz_libfuzzer || result stillborn - "TSan link failed"
	mkdir -p "$w/tcorpus"
	for t in threads_fuzz "$own"; do
		for f in "$out/inputs/$t"/*; do cp "$f" "$w/tcorpus/$t-${f##*/}"; done
	done
	timeout $((seconds + 30)) "$w/threads_fuzz_libfuzzer" -seed=1 -timeout=10 -max_total_time="$seconds" \
		-dict=corpus/allocfuzz.dict -artifact_prefix="$w/t-" "$w/tcorpus" >"$w/tsan.log" 2>&1
	rc=$?
	[ "$rc" -eq 0 ] || result killed tsan "$(first "$w/tsan.log" "$rc")"
fi
stage_msan
