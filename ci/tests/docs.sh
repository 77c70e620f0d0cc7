#!/bin/sh
# docs.sh: the documents say what the code says.  Facts the code holds are
# read from it: fuzzers/FORMAT.md's operation and gfp tables are
# `opstext format`'s output, invariants/INVARIANTS.md is `invariant_table`'s;
# README's reference tables list exactly the environment variables the code
# reads, the configurations .bazelrc defines, the commands in ci/, and paths
# that exist.  Prints "N passed, M failed".
# Run: sh ci/tests/docs.sh
set -u
cd "$(dirname "$0")/../.."
. ci/lib/testlib.sh
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

bazel build //fuzzers:opstext //fuzzers:invariant_table >"$tmp/build.log" 2>&1 ||
	{ cat "$tmp/build.log"; fail "the tools that print the tables build"; finish; exit; }
bin=$(bazel info bazel-bin 2>/dev/null)	# not the bazel-bin link: another build may move it

# section FILE HEADING: the lines of a Markdown section, up to the next heading of its level or above.
section() {
	awk -v h="$2" '$0 == h { on = 1; next } on && /^#+ / && length($1) <= length(substr(h, 1, index(h, " ") - 1)) { exit } on' "$1"
}
# first_cells: the first cell of each table row of standard input, without its backquotes.
first_cells() {
	awk -F'|' '/^\|/ && $2 !~ /^ *-+:? *$/ { c = $2; gsub(/^ +| +$|`/, "", c); print c }' | sed 1d
}

sed -n '/^<!-- opstext format: generated/,/^<!-- opstext format: end -->/p' fuzzers/FORMAT.md |
	sed '1d;$d' >"$tmp/format.md"
"$bin/fuzzers/opstext" format >"$tmp/format.want"
if cmp -s "$tmp/format.md" "$tmp/format.want"; then
	pass "fuzzers/FORMAT.md's tables are opstext format's"
else
	fail "fuzzers/FORMAT.md's tables are not opstext format's output (paste it between the markers):"
	diff "$tmp/format.md" "$tmp/format.want" | head -n 20
fi

"$bin/fuzzers/invariant_table" >"$tmp/invariants.want"
if cmp -s invariants/INVARIANTS.md "$tmp/invariants.want"; then
	pass "invariants/INVARIANTS.md is every oracle's table"
else
	fail "invariants/INVARIANTS.md is not the oracles' tables (bazel run //fuzzers:invariant_table > invariants/INVARIANTS.md):"
	diff invariants/INVARIANTS.md "$tmp/invariants.want" | head -n 20
fi

# same NAME WANT GOT: the two lists (files, one item a line) are the same set.
same() {
	sort -u "$2" >"$2.s"
	sort -u "$3" >"$3.s"
	if cmp -s "$2.s" "$3.s"; then
		pass "$1"
	else
		fail "$1: $(comm -3 "$2.s" "$3.s" | tr -d '\t' | tr '\n' ' ')"
	fi
}

# The environment variables the code reads: getenv and env_switch in C, ALLOCFUZZ_* in the
# scripts, and those the repository rules name (bazel/*.bzl: a kernel tree of the user's).
{
	grep -rhoE '(getenv|env_switch)\("[A-Z_]+"' --include='*.c' allocators fuzzers invariants shim bench |
		sed 's/.*("//; s/"$//'
	grep -rhoE '\$\{?ALLOCFUZZ_[A-Z_]+' --include='*.sh' ci bench | sed 's/^\${\{0,1\}//'
	grep -rhoE '"ALLOCFUZZ_[A-Z0-9_]*[A-Z0-9]"' --include='*.bzl' bazel allocators | tr -d '"'
} >"$tmp/env.code"
section README.md "## Environment variables" | first_cells >"$tmp/env.readme"
same "README's environment variables are those the code reads" "$tmp/env.code" "$tmp/env.readme"

sed -n 's/^[a-z]*:\([a-z0-9-]*\) .*/\1/p' .bazelrc >"$tmp/configs.code"
section README.md "## Build configurations" | first_cells >"$tmp/configs.readme"
same "README's build configurations are .bazelrc's" "$tmp/configs.code" "$tmp/configs.readme"

ls ci/*.sh | sed 's#^#sh #' >"$tmp/commands.code"
section README.md "## Commands" | first_cells | awk '{ print $1, $2 }' >"$tmp/commands.readme"
same "README's commands are ci/'s" "$tmp/commands.code" "$tmp/commands.readme"

missing=""
for p in $(section README.md "## Layout" | first_cells | tr -d '`' | tr ',' ' '); do
	[ -e "$p" ] || missing="$missing $p"
done
for d in $(git ls-files | sed -n 's#^\([^/.][^/]*\)/.*#\1#p' | sort -u); do
	section README.md "## Layout" | first_cells | grep -q "^$d/" || missing="$missing (unlisted: $d/)"
done
if [ -z "$missing" ]; then pass "README's layout names every top-level folder, and only paths that exist"
else fail "README's layout:$missing"; fi
finish
