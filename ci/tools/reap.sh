#!/bin/sh
# Kills every process whose executable lies under DIR. afl-fuzz 4.04c leaves
# its CMPLOG child stopped when -V ends; still bound to a core, such a child
# makes the next afl-fuzz refuse to start ("No more free CPU cores").
# Run: sh ci/tools/reap.sh DIR    (after the fuzzers that ran from DIR have ended)
dir=$(cd "$1" 2>/dev/null && pwd) || { echo "reap.sh: no directory $1" >&2; exit 2; }
for p in /proc/[0-9]*; do
	case $(readlink "$p/exe" 2>/dev/null) in
	"$dir"/*) kill -9 "${p#/proc/}" 2>/dev/null ;;
	esac
done
exit 0
