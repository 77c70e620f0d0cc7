#!/bin/sh
# layers.sh: the build's layers depend only downwards, and no package
# depends on itself through others.  From the bottom:
#   runtime   //shim:shim                      the shim's runtime
#   api       //allocators:api                 the one adapter interface
#   profiles  //shim/linux-*                   a kernel generation's API over the runtime
#   ports     //allocators/<name>:<variant>    an allocator's own sources
#   oracles   //invariants:check, //allocators/<name>:oracles_*
#   binding   //allocators/<name>:adapter_*, //invariants:model
#   harness   //fuzzers:* libraries but the targets' binaries
# A layer's targets may use only the layers below it (a port: its profile;
# an oracle: its port and the framework; the harness: no allocator at all).
# Then every package edge of deps(//...) must leave the graph without a
# cycle (tsort finds one).  Prints "N passed, M failed".
# Run: sh ci/tests/layers.sh
set -u
cd "$(dirname "$0")/../.."
. ci/lib/testlib.sh

ports=$(bazel query 'attr(name, "^(seed|fixed|only_.*)$", kind(cc_library, //allocators/...))' 2>/dev/null | tr '\n' ' ')
oracles="//invariants:check $(bazel query 'attr(name, "^oracles_", //allocators/...)' 2>/dev/null | tr '\n' ' ')"
binding="//invariants:model $(bazel query 'attr(name, "^adapter_", //allocators/...)' 2>/dev/null | tr '\n' ' ')"
harness=$(bazel query 'kind(cc_library, //fuzzers:*)' 2>/dev/null | tr '\n' ' ')
[ -n "$ports" ] && [ -n "$binding" ] && [ -n "$harness" ] || { fail "bazel query lists the layers"; finish; exit; }

set_of() {	# set_of LABEL...: a query expression for the set
	echo "set($*)"
}

# above NAME "BELOW" "ABOVE": no target of BELOW depends on one of ABOVE.
above() {
	bad=$(bazel query "deps($(set_of $2)) intersect $(set_of $3)" 2>/dev/null)
	if [ -z "$bad" ]; then
		pass "$1"
	else
		fail "$1: $(echo "$bad" | head -n 5 | tr '\n' ' ')"
	fi
}
above "the runtime uses no profile, allocator, oracle or harness" //shim:shim \
	"$(bazel query '//shim/... except //shim:shim' 2>/dev/null | tr '\n' ' ') $ports $oracles $binding $harness"
above "the interface uses nothing of the project" //allocators:api "//shim:shim $ports $oracles $binding $harness"
above "the ports use only their profiles" "$ports" "//allocators:api $oracles $binding $harness"
above "the oracles use no adapter or harness" "$oracles" "$binding $harness"
above "the binding layer uses no harness" "$binding" "$harness"
above "the harness names no allocator: the targets link them" "$harness" \
	"$(echo "$ports $oracles $binding" | tr ' ' '\n' | grep -v '^//invariants:' | tr '\n' ' ')"

# Package edges: "a" -> "b" of the dependency graph, by package, into tsort.
bazel query --output=graph --nograph:factored 'deps(//...) intersect //...' 2>/dev/null |
	sed -n 's/^ *"\([^"]*\)" -> "\([^"]*\)".*/\1 \2/p' |
	sed 's#:[^ ]*##g' | awk '$1 != $2' | sort -u >"${TEST_TMPDIR:-/tmp}/layers.edges.$$"
if [ ! -s "${TEST_TMPDIR:-/tmp}/layers.edges.$$" ]; then
	fail "bazel query gives the dependency graph"
elif tsort <"${TEST_TMPDIR:-/tmp}/layers.edges.$$" >/dev/null 2>"${TEST_TMPDIR:-/tmp}/layers.tsort.$$"; then
	pass "no package cycle ($(wc -l <"${TEST_TMPDIR:-/tmp}/layers.edges.$$") package edges)"
else
	fail "a package cycle: $(grep -v 'input contains a loop' "${TEST_TMPDIR:-/tmp}/layers.tsort.$$" | sed 's/^tsort: //' | tr '\n' ' ')"
fi
rm -f "${TEST_TMPDIR:-/tmp}/layers.edges.$$" "${TEST_TMPDIR:-/tmp}/layers.tsort.$$"
finish
