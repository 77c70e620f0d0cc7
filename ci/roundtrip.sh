#!/bin/sh
# Checks the text form of every committed input: text -> bytes -> text is
# identical, and each regression's NAME.bin is exactly what NAME.txt encodes to.
# Run (as a Bazel test): sh ci/roundtrip.sh OPSTEXT FILE.txt|FILE.bin...
set -u
opstext=$1
shift
tmp=${TEST_TMPDIR:-$(mktemp -d)}
passed=0
failed=0
for f in "$@"; do
	case $f in
	*.txt)
		if "$opstext" encode "$f" "$tmp/b" && "$opstext" decode "$tmp/b" "$tmp/t" &&
			cmp -s "$f" "$tmp/t"; then
			passed=$((passed + 1))
		else
			failed=$((failed + 1))
			echo "FAIL $f: text -> bytes -> text differs:"
			diff "$f" "$tmp/t" | head -20
		fi
		;;
	*.bin)
		if "$opstext" encode "${f%.bin}.txt" "$tmp/b" && cmp -s "$f" "$tmp/b"; then
			passed=$((passed + 1))
		else
			failed=$((failed + 1))
			echo "FAIL $f: is not what ${f%.bin}.txt encodes to"
		fi
		;;
	esac
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
