#!/bin/sh
# Tests the mutation testing command on a few chosen mutants of xvmalloc:
# one that does not compile is stillborn, a deleted insert_block() is killed
# by the committed corpus, a lock moved past an unlocked freelist walk is
# killed under ThreadSanitizer, a dead store listed as equivalent is judged
# equivalent, a claim that a kill refutes and a stale claim are reported
# (exit 1); every claim of bench/mutation/equivalent.tsv still matches a
# mutant of the fixed sources; bad arguments are refused.
# Run: sh ci/tests/mutants.sh   (ends with "N passed, M failed")
set -u
cd "$(dirname "$0")/../.."
. ci/lib/testlib.sh
tmp=$(mktemp -d)
[ -n "${KEEP:-}" ] && echo "kept $tmp" || trap 'rm -rf "$tmp"' EXIT

bazel build //bench/mutation:mutate //allocators/xvmalloc:fixed_sources \
	//allocators/xcfmalloc:fixed_sources >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; exit 1; }
for a in xvmalloc xcfmalloc; do
	bazel-bin/bench/mutation/mutate list "bazel-bin/allocators/$a/fixed/$a.c" >"$tmp/$a.list"
done
# pick FUNCTION OPERATOR CODE: the first xvmalloc mutant with these fields
pick() {
	awk -F'\t' -v f="$1" -v o="$2" -v c="$3" '$4 == f && $5 == o && $8 == c { print $1; exit }' "$tmp/xvmalloc.list"
}
stillborn=$(pick - flag "static void set_flag(struct block_header *block, enum blockflags flag)")
corpus=$(pick xv_free statement "insert_block(pool, page, offset, block);")
tsan=$(pick xv_malloc lock-move "spin_lock(&pool->lock);")
equivalent=$(pick remove_block statement "flindex = slindex / BITS_PER_LONG;")
check "the chosen mutants exist" test -n "$stillborn" -a -n "$corpus" -a -n "$tsan" -a -n "$equivalent"

# The committed claims, one that the corpus kill refutes, and one that matches nothing.
cp bench/mutation/equivalent.tsv "$tmp/eq"
awk -F'\t' -v OFS='\t' -v id="$corpus" '$1 == id { print "xvmalloc", $4, $5, $8, $3, $7, "claimed to test the refutation" }' \
	"$tmp/xvmalloc.list" >>"$tmp/eq"
printf 'xvmalloc\txv_malloc\tstatement\tno_such_line();\t2\t;\tclaimed to test staleness\n' >>"$tmp/eq"
sh ci/mutants.sh --allocator xvmalloc --ids "$stillborn,$corpus,$tsan,$equivalent" --fuzz-seconds 5 \
	--jobs 2 --equivalent "$tmp/eq" --out "$tmp/m" >"$tmp/m.log" 2>&1
status=$?
check "a refuted or stale claim makes the exit status 1" test "$status" -eq 1
# ended ID STATUS STAGE REPORT: mutant ID's row of mutants.tsv ends so (REPORT: its start)
ended() {
	awk -F'\t' -v id="$1" -v s="$2" -v g="$3" -v r="$4" \
		'$2 == id && $10 == s && $11 == g && index($12, r) == 1 { ok = 1 } END { exit !ok }' "$tmp/m/mutants.tsv"
}
check "a mutant that does not compile is stillborn" ended "$stillborn" stillborn - ""
check "a deleted insert_block() is killed by the corpus" ended "$corpus" killed corpus "allocfuzz: "
check "a lock moved past a freelist walk is killed under TSan" \
	ended "$tsan" killed tsan "WARNING: ThreadSanitizer: data race"
check "a listed dead store is equivalent, with its argument" \
	ended "$equivalent" equivalent - "remove_block() never reads flindex"
check "the refuted claim is reported" grep -q "^- refuted: xvmalloc, line [0-9]* of the list: mutant #$corpus (allocfuzz: " "$tmp/m/mutants.md"
check "the stale claim is reported" grep -q '^- stale: xvmalloc, line [0-9]* of the list matches no mutant' "$tmp/m/mutants.md"
check "the report's table counts every mutant" grep -qE '^\| xvmalloc \| 4 \| 1 \| 1 \| 0 \| 1 \| 0 \| 1 \| 0 \|' "$tmp/m/mutants.md"

# Every committed claim still names a mutant of the fixed sources.
stale=$(awk -F'\t' '
	FILENAME ~ /\.list$/ { a = FILENAME; sub(/.*\//, "", a); sub(/\.list$/, "", a)
		seen[a "\t" $4 "\t" $5 "\t" $8 "\t" $3 "\t" $7] = 1; next }
	!/^#/ && NF >= 7 && !(($1 "\t" $2 "\t" $3 "\t" $4 "\t" $5 "\t" $6) in seen) { print FNR }' \
	"$tmp/xvmalloc.list" "$tmp/xcfmalloc.list" bench/mutation/equivalent.tsv)
check "every claim of bench/mutation/equivalent.tsv matches a mutant (stale lines: ${stale:-none})" test -z "$stale"
check "every claim has an argument" sh -c "! awk -F'\t' '!/^#/ && (NF < 7 || length(\$7) < 20)' bench/mutation/equivalent.tsv | grep -q ."

check "an unknown option is refused" sh -c "sh ci/mutants.sh --fast; [ \$? -eq 2 ]"
check "--ids needs one allocator" sh -c "sh ci/mutants.sh --ids 1; [ \$? -eq 2 ]"
check "an existing output is refused" sh -c "sh ci/mutants.sh --out '$tmp/m' --allocator xvmalloc --ids 1; [ \$? -eq 2 ]"
finish
