#!/bin/sh
# Bad command lines, missing files, broken text, a bad ALLOCFUZZ_CHECK or ALLOCFUZZ_OFF get
# a clear error naming the culprit; empty and odd inputs run clean.
# Run (as a Bazel test): sh cli_test.sh REPLAY OPSTEXT
set -u
replay=$1
opstext=$2
tmp=${TEST_TMPDIR:-$(mktemp -d)}
. ci/lib/testlib.sh
expect() {	# expect NAME EXPECTED_STATUS PATTERN CMD...
	name=$1 want=$2 pattern=$3
	shift 3
	"$@" >"$tmp/out" 2>&1
	got=$?
	if [ "$got" -eq "$want" ] && grep -q -- "$pattern" "$tmp/out"; then
		pass "$name"
	else
		fail "$name: status $got (wanted $want), output:"
		cat "$tmp/out"
	fi
}

: >"$tmp/empty"
printf '\377\377\377\377\377\377\377' >"$tmp/odd"
mkdir -p "$tmp/dir" && cp "$tmp/empty" "$tmp/odd" "$tmp/dir/"
printf '# allocfuzz ops v3\nmalloc slot=1 size=2 gfp=zcache\nfrea slot=1\n' >"$tmp/bad.txt"

expect "replay: no arguments" 2 "usage:" "$replay"
expect "replay: missing file named" 2 "cannot open $tmp/nope" "$replay" "$tmp/nope"
expect "replay: the others still run" 2 "1 input(s) ran without a report, 1 could not be read" \
	"$replay" "$tmp/nope" "$tmp/empty"
expect "replay: empty input runs" 0 "1 input(s) ran" "$replay" "$tmp/empty"
expect "replay: any bytes run" 0 "1 input(s) ran" "$replay" "$tmp/odd"
expect "replay: a directory runs each file" 0 "2 input(s) ran" "$replay" "$tmp/dir"
expect "replay: bad ALLOCFUZZ_CHECK named" 2 "ALLOCFUZZ_CHECK=fast" \
	env ALLOCFUZZ_CHECK=fast "$replay" "$tmp/empty"
expect "replay: bad ALLOCFUZZ_OFF named, with the names it takes" 2 "ALLOCFUZZ_OFF=model,fast: fast is none of: model, poison, shim" \
	env ALLOCFUZZ_OFF=model,fast "$replay" "$tmp/empty"
expect "replay: ALLOCFUZZ_OFF=list prints the names" 0 "^poison$" \
	env ALLOCFUZZ_OFF=list "$replay" "$tmp/empty"
expect "replay: an oracle switched off says so" 0 "ALLOCFUZZ_OFF=shim,poison: these oracles are off" \
	env ALLOCFUZZ_OFF=shim,poison "$replay" "$tmp/odd"
expect "opstext: usage" 2 "usage:" "$opstext" frobnicate x
expect "opstext: missing file named" 2 "cannot open $tmp/nope" "$opstext" decode "$tmp/nope"
expect "opstext: bad line named with file and line" 2 "$tmp/bad.txt:3: unknown operation" \
	"$opstext" encode "$tmp/bad.txt" "$tmp/out.bin"
expect "opstext: any bytes decode" 0 "# allocfuzz ops v3" "$opstext" decode "$tmp/odd"
finish
