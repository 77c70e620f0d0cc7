#!/bin/sh
# seed_diff.sh: show the port's deviations from the original seed patches.
# Usage (from the repo root): sh allocators/seed_diff.sh [xvmalloc|xcfmalloc]
# (no argument: both).  Seeds are read from ../shared/seeds relative to the
# repo root, or from $SEEDS_DIR if set.  Prints unified diffs seed -> port.

here=$(cd "$(dirname "$0")" && pwd) || exit 2
root=$(git -C "$here" rev-parse --show-toplevel 2>/dev/null) || root=$(cd "$here/.." && pwd)
seeds=${SEEDS_DIR:-$root/../shared/seeds}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/seed" "$tmp/port"

need() {
	for f; do
		[ -f "$f" ] || { echo "seed_diff.sh: missing file: $f" >&2; exit 2; }
	done
}

# xvmalloc: seed has normal newlines; take the '+' lines of each new file.
xvmalloc() {
	s=$seeds/003_d919fb7d55996f36.txt
	need "$s" "$root/allocators/xvmalloc/xvmalloc.c" \
		"$root/allocators/xvmalloc/xvmalloc.h" "$root/allocators/xvmalloc/xvmalloc_int.h"
	for f in xvmalloc.c xvmalloc.h xvmalloc_int.h; do
		awk -v p="+++ b/drivers/staging/ramzswap/$f" '
			$0 == p { on = 1; getline; next }
			on && /^\+/ { print substr($0, 2); next }
			{ on = 0 }' "$s" >"$tmp/seed/$f"
		cp "$root/allocators/xvmalloc/$f" "$tmp/port/$f"
		(cd "$tmp" && diff -u "seed/$f" "port/$f" | sed "1,2s/	.*//")
	done
}

# One token per line: identifiers/numbers whole, any other non-blank char alone.
tokens() {
	awk '{ s = $0
		while (match(s, /[A-Za-z0-9_]+|[^A-Za-z0-9_ \t]/)) {
			print substr(s, RSTART, RLENGTH); s = substr(s, RSTART + RLENGTH) } }'
}

# xcfmalloc: the seed lost its newlines, so every diff line is " +<text>" and
# a '+' marker cannot be told from the '+' operator.  Both sides are therefore
# put in that same form ('+' before every port line) and compared as tokens.
# The port's xcfmalloc_int.h is spliced in at its #include, where the moved
# region stood in the seed.
xcfmalloc() {
	s=$seeds/000_3de771246511319a.txt
	d=$root/allocators/xcfmalloc
	need "$s" "$d/xcfmalloc.c" "$d/xcfmalloc.h" "$d/xcfmalloc_int.h"
	for f in xcfmalloc.c xcfmalloc.h; do
		awk -v p="+++ b/drivers/staging/zcache/$f @@ " '{
			s = substr($0, index($0, p) + length(p))
			s = substr(s, index(s, " @@") + 3)	# skip hunk header
			e = index(s, " diff --git "); if (!e) e = index(s, " -- ")
			print substr(s, 1, e - 1) }' "$s" | tokens >"$tmp/seed/$f"
	done
	awk -v ih="$d/xcfmalloc_int.h" '{ print "+" $0 }
		/^#include "xcfmalloc_int.h"/ { while ((getline l < ih) > 0) print "+" l }' \
		"$d/xcfmalloc.c" | tokens >"$tmp/port/xcfmalloc.c"
	sed 's/^/+/' "$d/xcfmalloc.h" | tokens >"$tmp/port/xcfmalloc.h"
	for f in xcfmalloc.c xcfmalloc.h; do
		(cd "$tmp" && diff -u "seed/$f" "port/$f" | sed "1,2s/	.*//")
	done
}

case ${1:-all} in
xvmalloc) xvmalloc ;;
xcfmalloc) xcfmalloc ;;
all) xvmalloc; xcfmalloc ;;
*) echo "usage: sh allocators/seed_diff.sh [xvmalloc|xcfmalloc]" >&2; exit 2 ;;
esac
exit 0
