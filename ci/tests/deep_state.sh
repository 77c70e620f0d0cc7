#!/bin/sh
# The deep-state aids with AFL++ and through the scripts (part of the test
# command; Bazel's own tests cover libFuzzer, fuzzers/tests): the state
# probe's branches are in AFL++'s map (afl-showmap maps more entries for the
# seeds with ALLOCFUZZ_STATE on than off), AFL++ loads the custom mutator
# library and keeps inputs it made (queue entries named by it); the one
# AFL++ launcher (ci/tools/afl_fuzz.sh) gives afl-fuzz the project's
# settings, and no other script starts it; ci/lib/engines.sh's arms give
# the switches; the campaign and fuzz.sh refuse nothing they document and
# take --no-mutator / --no-state-feedback.
# Prints "N passed, M failed".  Run: sh ci/tests/deep_state.sh
set -u
cd "$(dirname "$0")/../.."
sh ci/setup.sh >/dev/null || exit 1
. ci/lib/engines.sh
. ci/lib/build.sh
. ci/lib/testlib.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
t=xcfmalloc_fuzz

if build_bins "$tmp" asan-ubsan "" afl "$t" && bazel build "//corpus:$t" >>"$tmp/build.log" 2>&1; then
	pass "AFL++ binaries and the custom mutator library build"
else
	fail "build:"
	tail -n 20 "$tmp/build.log"
	finish
	exit 1
fi
mkdir -p "$tmp/seeds"
cp bazel-bin/corpus/bin/$t/* "$tmp/seeds/"
# shellcheck disable=SC2046
export $(afl_options)
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
# shellcheck disable=SC2046
env $(arm_switches both) AFL_DEBUG_CHILD=0 sh ci/tools/afl_fuzz.sh "$tmp/${t}_afl" "$tmp/in" "$tmp/afl" 15 \
	--no-cmplog -s 1 >"$tmp/afl.log" 2>&1
check "afl-fuzz loaded the custom mutator library" grep -q "allocfuzz_afl_mutator.so" "$tmp/afl.log"
n=$(ls "$tmp/afl/default/queue" 2>/dev/null | grep -c 'allocfuzz-ops')
echo "queue entries made by the custom mutator in 15 s: $n"
check "AFL++ kept inputs the custom mutator made ($n)" test "$n" -gt 0

# The launcher, through a stand-in afl-fuzz that writes down its arguments and environment.
mkdir "$tmp/stand-in"
printf '#!/bin/sh\n{ printf "%%s\\n" "$@"; env; } >"$STAND_IN_OUT"\n' >"$tmp/stand-in/afl-fuzz"
chmod +x "$tmp/stand-in/afl-fuzz"
launch() (	# launch OUT "FLAGS" [NAME=value...]: the launcher with FLAGS -S s1 in that environment; the stand-in's lines in OUT
	o=$1 flags=$2
	shift 2
	# shellcheck disable=SC2086
	env PATH="$tmp/stand-in:$PATH" STAND_IN_OUT="$o" "$@" sh ci/tools/afl_fuzz.sh "$tmp/${t}_afl" IN OUT 7 $flags -S s1
)
launch "$tmp/launch-on" "" ALLOCFUZZ_MUTATOR=on ASAN_OPTIONS=detect_leaks=1 AFL_NO_UI=0
check "the launcher gives afl-fuzz its input, output, time, no memory limit, the dictionary and the role" \
	sh -c "tr '\n' ' ' <'$tmp/launch-on' | grep -q '^-i IN -o OUT -V 7 -m none -x corpus/allocfuzz.dict -c $tmp/${t}_cmplog -S s1 -- $tmp/${t}_afl '"
check "the launcher gives AFL++'s environment over the caller's" \
	sh -c "grep -qx 'ASAN_OPTIONS=abort_on_error=1:symbolize=0:detect_leaks=0' '$tmp/launch-on' &&
		grep -qx 'MSAN_OPTIONS=exit_code=86:halt_on_error=1:abort_on_error=1:symbolize=0' '$tmp/launch-on' &&
		grep -qx 'AFL_NO_UI=1' '$tmp/launch-on' && grep -qx 'AFL_NO_AFFINITY=1' '$tmp/launch-on'"
check "with the mutator on, AFL++ loads the library beside the binary" \
	grep -qx "AFL_CUSTOM_MUTATOR_LIBRARY=$tmp/allocfuzz_afl_mutator.so" "$tmp/launch-on"
launch "$tmp/launch-off" "" ALLOCFUZZ_MUTATOR=off AFL_CUSTOM_MUTATOR_LIBRARY=x
check "AFL++'s library is unset with the mutator off" sh -c "! grep -q '^AFL_CUSTOM_MUTATOR_LIBRARY=' '$tmp/launch-off'"
launch "$tmp/launch-alone" --no-cmplog
check "--no-cmplog leaves the CMPLOG companion out" sh -c "! grep -qx -- -c '$tmp/launch-alone' && grep -qx -- '-S' '$tmp/launch-alone'"
check "no script starts afl-fuzz but the launcher (and the OSS-Fuzz runner's imitation)" sh -c "
	! grep -lE '^[^#]*afl-fuzz +(-|\\\$)' ci/*.sh ci/tools/*.sh ci/tests/*.sh bench/*.sh |
		grep -vx -e ci/tools/afl_fuzz.sh -e ci/tools/oss_fuzz_runner.sh"

for a in $DEEP_STATE_ARMS; do
	got=$(arm_switches "$a")
	case $a in plain) want="off off" ;; mutator) want="on off" ;; feedback) want="off on" ;; both) want="on on" ;; esac
	check "arm $a sets the switches to $want" test "$got" = "ALLOCFUZZ_MUTATOR=${want% *} ALLOCFUZZ_STATE=${want#* }"
done
check "an unknown arm is refused" sh -c '. ci/lib/engines.sh; ! arm_switches fast'
check "with the mutator off libFuzzer gets its length control back" \
	test "$(ALLOCFUZZ_MUTATOR=off sh -c '. ci/lib/engines.sh; libfuzzer_flags')" = -len_control=100
check "with it on, libFuzzer gets no extra flag" test -z "$(ALLOCFUZZ_MUTATOR=on sh -c '. ci/lib/engines.sh; libfuzzer_flags')"
for s in ci/campaign.sh ci/fuzz.sh; do
	for o in --no-mutator --no-state-feedback; do
		check "$s documents and parses $o" sh -c "grep -q -- '$o' '$s' && grep -q -- '$o) ALLOCFUZZ_' '$s'"
	done
done
finish
