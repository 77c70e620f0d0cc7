#!/bin/sh
# Prints the signature of a report read on standard input: its first report
# line with addresses blanked, then up to three frames of our code, as
#   <first line> @ frame1 < frame2 < frame3
# Run: REPLAY CRASH 2>&1 | sh ci/signature.sh
awk '
function clean(s) {
	gsub(/0x[0-9a-fA-F]+/, "0x?", s)
	sub(/^.*runtime error:/, "runtime error:", s)
	sub(/^==[0-9]+==ERROR: /, "", s)
	sub(/ on address 0x\?.*$/, "", s)
	return s
}
!first && (/^allocfuzz: / || /runtime error:/ || /ERROR: AddressSanitizer/ || /ERROR: libFuzzer/) {
	first = clean($0)
	next
}
first && n < 3 && /^ *#[0-9]+ 0x[0-9a-f]+ in / {
	fn = $4
	file = $5
	# Frames of the sanitizers, the report machinery and libc say nothing of the bug.
	if (fn ~ /^(__|report_|print_stack|shim_|fail$|abort|raise)/) next
	if (file !~ /(allocators|invariants|fuzzers|shim)\//) next
	frames = frames (n ? " < " : "") fn
	n++
}
END {
	if (!first) exit 1
	print first (frames != "" ? " @ " frames : "")
}'
