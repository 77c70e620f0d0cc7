#!/bin/sh
# The bench's smoke test (part of the test command; it asserts what the
# report holds, never how fast anything ran): sh bench/bench.sh --quick must
# write every section with its tables and plots, and must refuse to write
# into an existing directory.  Prints "N passed, M failed".
# Run: sh ci/tests/bench.sh
set -u
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. ci/lib/testlib.sh
b=$tmp/bench
sh bench/bench.sh --quick --out "$b" >"$tmp/stdout" 2>"$tmp/stderr"
rc=$?
[ "$rc" -eq 0 ] || tail -n 30 "$tmp/stderr"
check "bench --quick exits 0" [ "$rc" -eq 0 ]
r=$b/report.md
check "report is printed" cmp "$r" "$tmp/stdout"
for s in "Harness throughput" "Coverage over time" "Time to bug" "Allocator space efficiency" "Mutation testing"; do
	check "section: $s" grep -qx "## $s" "$r"
done
# Throughput: 3 targets x (replay, live), every mode (bare, none, incremental,
# full) a number of exec/s, then three ratios; and operations/s per target.
check "throughput: 6 rows of numbers" test "$(grep -cE '^\| [a-z_]+_fuzz \| (replay|live) \| [0-9]+ \| [0-9]+ \| [0-9]+ \| [0-9]+ \| [0-9.]+ \| [0-9.]+ \| [0-9.]+ \|' "$r")" -eq 6
check "throughput: 3 rows of operations/s" test "$(grep -cE '^\| [a-z_]+_fuzz \| [0-9]{4,} \| [0-9]{4,} \| [0-9]{4,} \| [0-9]{4,} \|$' "$r")" -eq 3
# Cost: every oracle on, then checker, model, poison, shim, all off and bare, each "exec/s (share%)".
check "throughput: 3 rows of what each oracle costs" test "$(grep -cE '^\| [a-z_]+_fuzz \| [0-9]+ \|( [0-9]+ \(-?[0-9]+%\) \|){6}$' "$r")" -eq 3
check "throughput: AFL++ runs each target persistent, with shared-memory test cases" \
	test "$(grep -cE '^\| [a-z_]+_fuzz \| [0-9]+ \| [0-9]+ \| [0-9.]+ \| persistent shmem_testcase' "$r")" -eq 3
check "coverage: libFuzzer reached allocator edges" awk -F '\t' 'NR > 1 && $2 > 10 { ok = 1 } END { exit !ok }' "$b/coverage_time/data/xvmalloc_fuzz-libfuzzer.tsv"
for e in libfuzzer afl; do
	check "coverage: $e's inputs reached state features beside allocator edges" awk -F '\t' \
		'NR > 1 && $2 > 10 && $3 > 10 { ok = 1 } END { exit !ok }' "$b/coverage_time/data/xvmalloc_fuzz-$e-state.tsv"
done
check "coverage: AFL++ reached allocator edges" awk -F '\t' 'NR > 1 && $2 > 10 { ok = 1 } END { exit !ok }' "$b/coverage_time/data/xvmalloc_fuzz-afl.tsv"
# The shallowest findings are found in well under a second: a miss is a broken pipeline.
for id in XV-1 XCF-1; do
	check "time to bug: $id found in every trial by both engines in both arms" \
		test "$(grep -cE "^\| $id \| [^|]+ \| (libFuzzer|AFL\+\+) \| (plain|both) \| 2/2 \|" "$r")" -eq 4
done
check "time to bug: XV-4 ran on ThreadSanitizer with both engines in both arms" \
	test "$(grep -cE "^\| XV-4 \| threads_fuzz \(TSan\) \| (libFuzzer|AFL\+\+) \| (plain|both) \| [0-2]/2 \|" "$r")" -eq 4
check "time to bug: an A12 against plain for every arm that is not plain" \
	test "$(grep -cE "^\| (XV|XCF)-[0-9]+ \| [^|]+ \| [^|]+ \| both \| [0-9]+/2 \| [^|]+ \| [^|]+ \| [^|]+ \| [01]\.[0-9][0-9] \|" "$r")" -eq 6
check "time to bug: exec/s of every row that ran" \
	test "$(grep -cE "^\| (XV|XCF)-[0-9]+ \| .* \| [0-9-]+ \| [0-9]+ \| (yes|no) \|$" "$r")" -eq 12
check "space: a row per allocator variant" test "$(grep -cE '^\| (xvmalloc|xcfmalloc)' "$b/space/space.md")" -ge 4
check "mutation: a row per allocator, every sampled mutant judged" \
	test "$(grep -cE '^\| (xvmalloc|xcfmalloc) \| 4 \| [0-9]+ \| [0-9]+ \| [0-9]+ \| [0-9]+ \| [0-9]+ \| [0-9]+ \|' "$r")" -eq 2
pngs=$(sed -n 's/.*](\([^)]*\.png\)).*/\1/p' "$r")
check "report links plots" test -n "$pngs"
for p in $pngs; do
	check "plot $p is a PNG" sh -c 'od -An -tx1 -N8 "$1" | grep -q "89 50 4e 47 0d 0a 1a 0a"' sh "$b/$p"
done
cp "$r" "$tmp/before"
sh bench/bench.sh --quick --out "$b" space >"$tmp/again" 2>&1
check "an existing OUT is refused" [ $? -eq 2 ]
check "and left as it was" cmp "$r" "$tmp/before"
finish
