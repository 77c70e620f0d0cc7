#!/bin/sh
# The deep-state aids in a libFuzzer binary: the state probe's branches are
# instrumented and reached (libFuzzer's -print_coverage lists
# state_probe_hit as covered, and the seeds cover more edges with the probe
# on than off); the custom mutator and crossover are what libFuzzer runs
# (its mutation sequences name them), and ALLOCFUZZ_MUTATOR=off leaves
# libFuzzer's own; a bad switch value is a clear error.
# Run (as a Bazel test): sh deep_libfuzzer_test.sh LIBFUZZER_BINARY SEED...
set -u
bin=$1
shift
tmp=${TEST_TMPDIR:-$(mktemp -d)}
. ci/lib/testlib.sh
mkdir -p "$tmp/seeds"
cp "$@" "$tmp/seeds/"
export ASAN_OPTIONS=detect_leaks=0

cov() {	# cov STATE: the edges the seeds cover with ALLOCFUZZ_STATE=STATE
	ALLOCFUZZ_STATE=$1 "$bin" -runs=0 "$tmp/seeds" 2>&1 | sed -n 's/.*INITED cov: \([0-9]*\).*/\1/p'
}
on=$(cov on) off=$(cov off)
echo "seed coverage: probe on $on, off $off"
check "the seeds cover more edges with the probe on ($on) than off ($off)" test "${on:-0}" -gt "${off:-0}"
ALLOCFUZZ_STATE=on "$bin" -runs=0 -print_coverage=1 "$tmp/seeds" >"$tmp/print" 2>&1
check "-print_coverage lists state_probe_hit as covered" grep -q '^COVERED_FUNC: .* state_probe_hit ' "$tmp/print"
ALLOCFUZZ_STATE=off "$bin" -runs=0 -print_coverage=1 "$tmp/seeds" >"$tmp/print-off" 2>&1
check "with ALLOCFUZZ_STATE=off it is never reached" sh -c "! grep -q '^COVERED_FUNC: .* state_probe_hit ' '$tmp/print-off'"

mkdir -p "$tmp/c1" "$tmp/c2"
"$bin" -seed=1 -runs=3000 "$tmp/c1" >"$tmp/on.log" 2>&1
check "libFuzzer runs the custom mutator" grep -q 'MS: .*Custom-' "$tmp/on.log"
check "and the custom crossover" grep -q 'MS: .*CustomCrossOver-' "$tmp/on.log"
ALLOCFUZZ_MUTATOR=off "$bin" -seed=1 -runs=3000 "$tmp/c2" >"$tmp/off.log" 2>&1
check "ALLOCFUZZ_MUTATOR=off: no crossover of ours" sh -c "! grep -q 'CustomCrossOver-' '$tmp/off.log'"
check "ALLOCFUZZ_MUTATOR=off: libFuzzer's own mutations show" grep -qE 'MS: .*(ChangeByte|InsertByte|EraseBytes|CopyPart|ChangeBit|ShuffleBytes|ChangeBinInt|InsertRepeatedBytes|ChangeASCIIInt|CrossOver)-' "$tmp/off.log"
for v in ALLOCFUZZ_MUTATOR ALLOCFUZZ_STATE; do
	env "$v=maybe" "$bin" -runs=1 "$tmp/c1" >"$tmp/bad" 2>&1
	rc=$?
	check "$v=maybe exits 2 naming the variable" sh -c "[ $rc -eq 2 ] && grep -q '$v=maybe: expected on or off' '$tmp/bad'"
done
finish
