#!/bin/sh
# Prints the signature of a report read on standard input: its first report
# line with addresses and pids blanked, then up to three frames of our code, as
#   <first line> @ frame1 < frame2 < frame3
# With --first-line, only the first line. Exits 1 when there is no report.
# Run: REPLAY CRASH 2>&1 | sh ci/tools/signature.sh [--first-line]
case ${1:-} in
''|--first-line) ;;
*) echo "signature.sh: unknown argument '$1' (only --first-line)" >&2; exit 2 ;;
esac
awk -v first_line="${1:-}" '
function clean(s) {
	gsub(/0x[0-9a-fA-F]+/, "0x?", s)
	sub(/^.*runtime error:/, "runtime error:", s)
	sub(/^==[0-9]+== ?/, "", s)
	sub(/ \(pid=[0-9]+\)/, "", s)
	sub(/ on address 0x\?.*$/, "", s)
	return s
}
!first && (/^allocfuzz: / || /runtime error:/ || /(ERROR|WARNING): [A-Za-z]+Sanitizer/ || /ERROR: libFuzzer/) {
	first = clean($0)
	next
}
# ASan, UBSan and LSan frames read "#0 0x... in fn file"; TSan frames "#0 fn file".
first && n < 3 && /^ *#[0-9]+ / {
	if ($3 == "in") { fn = $4; file = $5 } else { fn = $2; file = $3 }
	# Frames of the sanitizers, the report machinery and libc say nothing of the bug.
	if (fn ~ /^(__|report_|print_stack|shim_|fail$|abort|raise)/) next
	if (file !~ /(allocators|invariants|fuzzers|shim)\//) next
	frames = frames (n ? " < " : "") fn
	n++
}
END {
	if (!first) exit 1
	print first (frames != "" && !first_line ? " @ " frames : "")
}'
