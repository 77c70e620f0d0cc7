#!/bin/sh
# Checks the text form of every committed input: text -> bytes -> text is
# identical, and each regression's NAME.bin is exactly what NAME.txt encodes to.
# Run (as a Bazel test): sh ci/tools/roundtrip.sh OPSTEXT FILE.txt|FILE.bin...
set -u
. ci/lib/testlib.sh
opstext=$1
shift
tmp=${TEST_TMPDIR:-$(mktemp -d)}
for f in "$@"; do
	case $f in
	*.txt)
		if "$opstext" encode "$f" "$tmp/b" && "$opstext" decode "$tmp/b" "$tmp/t" &&
			cmp -s "$f" "$tmp/t"; then
			pass "$f"
		else
			fail "$f: text -> bytes -> text differs:"
			diff "$f" "$tmp/t" | head -20
		fi
		;;
	*.bin)
		if "$opstext" encode "${f%.bin}.txt" "$tmp/b" && cmp -s "$f" "$tmp/b"; then
			pass "$f"
		else
			fail "$f: is not what ${f%.bin}.txt encodes to"
		fi
		;;
	esac
done
finish
