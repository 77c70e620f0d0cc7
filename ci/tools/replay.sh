#!/bin/sh
# Replays one input until it reports, at most TRIES times (a race shows on
# some replays only), and prints the output of the last replay. Exits 1 when
# no replay reported (as ci/tools/signature.sh judges a report).
# Run: sh ci/tools/replay.sh TRIES REPLAY-BINARY INPUT
tries=$1 bin=$2 input=$3
signature=$(dirname "$0")/signature.sh
log=$(mktemp)
trap 'rm -f "$log"' EXIT
n=0
while [ "$n" -lt "$tries" ]; do
	n=$((n + 1))
	# The subshell (kept by "; :") takes the shell's "Aborted" notice with it.
	( "$bin" "$input" >"$log" 2>&1; : ) 2>/dev/null
	sh "$signature" <"$log" >/dev/null && break
done
cat "$log"
sh "$signature" <"$log" >/dev/null
