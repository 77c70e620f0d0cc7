#!/bin/sh
# Two corruptions of one invariant that differ only in a value give one crash
# signature (ci/tools/signature.sh), with the values on the detail lines and no
# digit on the first line beyond the id's: one defect, one signature.
# Run (as a Bazel test): sh signature_test.sh SIGNATURE_CASES SIGNATURE.SH
set -u
cases=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
sig=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
. ci/lib/testlib.sh
cd "${TEST_TMPDIR:-$(mktemp -d)}"	# the logs a.log and b.log
result() {	# result NAME STATUS
	if [ "$2" -eq 0 ]; then pass "$1"; else fail "$1"; fi
}
same() {	# same ID CASE VALUE1 VALUE2 [--first-line]: one signature for both values
	id=$1 case=$2
	"$cases" "$case" "$3" >a.log 2>&1
	"$cases" "$case" "$4" >b.log 2>&1
	a=$(sh "$sig" ${5:-} <a.log) b=$(sh "$sig" ${5:-} <b.log)
	echo "  $case $3: $a"
	echo "  $case $4: $b"
	case $a in "allocfuzz: invariant $id violated: "*) s=0 ;; *) s=1 ;; esac
	result "$case: the report is of $id" $s
	[ -n "$a" ] && [ "$a" = "$b" ]
	result "$case: values $3 and $4 give one signature" $?
	# The values are on the detail lines: the reports differ there.
	! cmp -s a.log b.log
	result "$case: the reports differ in their values" $?
	rest=$(sed -n 's/^allocfuzz: invariant [^ ]* violated//p' a.log | head -n 1)
	case $rest in *[0-9]*) s=1 ;; '') s=1 ;; *) s=0 ;; esac
	result "$case: no digit on the first line beyond the id's" $s
}
cd "${TEST_TMPDIR:-$(mktemp -d)}" || exit 1
same xv.block.prev-offset xv_prev_offset 8 12
same xcf.block.prevoffset xcf_prevoffset 5 9
same model.bytes model_bytes_xv 7 150
same model.bytes model_bytes_xcf 3 299
same model.size model_size_xv 1 2
same model.malloc-failed model_malloc_failed 2000 3000
# The allocator's name is a value too: both allocators' model.bytes share the first line.
"$cases" model_bytes_xv 7 >a.log 2>&1
"$cases" model_bytes_xcf 3 >b.log 2>&1
a=$(sh "$sig" --first-line <a.log) b=$(sh "$sig" --first-line <b.log)
[ -n "$a" ] && [ "$a" = "$b" ]
result "model.bytes: one first line for xvmalloc and xcfmalloc" $?
finish
