#!/bin/sh
# The deep-state aids with AFL++ and through the scripts (part of the test
# command; Bazel's own tests cover libFuzzer, fuzzers/tests): the state
# probe's branches are in AFL++'s map (afl-showmap maps more entries for the
# seeds with ALLOCFUZZ_STATE on than off), AFL++ loads the custom mutator
# library and keeps inputs it made (queue entries named by it), lib.sh's
# arms set the switches, and the campaign and launcher refuse nothing they
# document and take --no-mutator / --no-state-feedback.
# Prints "N passed, M failed".  Run: sh ci/tests/deep_state.sh
set -u
cd "$(dirname "$0")/.."
sh ci/setup.sh >/dev/null || exit 1
. ci/lib/lib.sh
. ci/lib/testlib.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
t=xcfmalloc_fuzz

if lib_build_bins "$tmp" asan-ubsan "" afl "$t" && bazel build "//corpus:$t" >>"$tmp/build.log" 2>&1; then
	pass "AFL++ binaries and the custom mutator library build"
else
	fail "build:"
	tail -n 20 "$tmp/build.log"
	finish
	exit 1
fi
mkdir -p "$tmp/seeds"
cp bazel-bin/corpus/bin/$t/* "$tmp/seeds/"
lib_afl_env
entries() {	# entries STATE: map entries of all the seeds together
	rm -rf "$tmp/maps-$1"
	ALLOCFUZZ_STATE=$1 afl-showmap -C -i "$tmp/seeds" -o "$tmp/maps-$1" -m none -t 5000 \
		-- "$tmp/${t}_afl" >"$tmp/showmap-$1.log" 2>&1
	sed -n 's/.*Captured \([0-9]*\) tuples.*/\1/p' "$tmp/showmap-$1.log" | tail -n 1
}
on=$(entries on) off=$(entries off)
echo "afl-showmap: $on map entries with the probe on, $off off"
check "AFL++'s map has more entries with the state probe on ($on) than off ($off)" \
	test "${on:-0}" -gt "${off:-0}"
nm "$tmp/${t}_afl" | grep -q ' T state_probe_hit$' && objdump -d --no-show-raw-insn "$tmp/${t}_afl" |
	awk '/<state_probe_hit>:/ { on = 1; next } /^$/ { on = 0 } on && /__afl_area_ptr|__sanitizer_cov_trace_pc_guard/ { n++ } END { exit !(n > 10) }'
check "state_probe_hit carries AFL++'s instrumentation" [ $? -eq 0 ]

mkdir -p "$tmp/in" && cp "$tmp/seeds"/* "$tmp/in/"
( lib_arm_env both
lib_afl_mutator "$tmp"
AFL_DEBUG_CHILD=0 exec afl-fuzz -i "$tmp/in" -o "$tmp/afl" -V 15 -m none -s 1 -- "$tmp/${t}_afl" \
	>"$tmp/afl.log" 2>&1 )
check "afl-fuzz loaded the custom mutator library" grep -q "allocfuzz_afl_mutator.so" "$tmp/afl.log"
n=$(ls "$tmp/afl/default/queue" 2>/dev/null | grep -c 'allocfuzz-ops')
echo "queue entries made by the custom mutator in 15 s: $n"
check "AFL++ kept inputs the custom mutator made ($n)" test "$n" -gt 0

for a in $LIB_ARMS; do
	got=$( (lib_arm_env "$a" && echo "$ALLOCFUZZ_MUTATOR $ALLOCFUZZ_STATE") )
	case $a in plain) want="off off" ;; mutator) want="on off" ;; feedback) want="off on" ;; both) want="on on" ;; esac
	check "arm $a sets the switches to $want" test "$got" = "$want"
done
check "an unknown arm is refused" sh -c '. ci/lib/lib.sh; ! lib_arm_env fast'
check "with the mutator off libFuzzer gets its length control back" \
	test "$(ALLOCFUZZ_MUTATOR=off sh -c '. ci/lib/lib.sh; lib_libfuzzer_flags')" = -len_control=100
check "with it on, libFuzzer gets no extra flag" test -z "$(ALLOCFUZZ_MUTATOR=on sh -c '. ci/lib/lib.sh; lib_libfuzzer_flags')"
check "AFL++'s library is unset with the mutator off" \
	test -z "$(AFL_CUSTOM_MUTATOR_LIBRARY=x ALLOCFUZZ_MUTATOR=off sh -c '. ci/lib/lib.sh; lib_afl_mutator /d; echo "${AFL_CUSTOM_MUTATOR_LIBRARY:-}"')"
for s in ci/campaign.sh ci/fuzz.sh; do
	for o in --no-mutator --no-state-feedback; do
		check "$s documents and parses $o" sh -c "grep -q -- '$o' '$s' && grep -q -- '$o) ALLOCFUZZ_' '$s'"
	done
done
finish
