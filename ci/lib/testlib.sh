# testlib.sh: the counters every test script keeps, and its closing line.
# passed, failed and skipped are its state; no function sets another variable.
# Sourced from the repository root (or a Bazel test's runfiles root):
#   . ci/lib/testlib.sh; pass NAME; fail NAME [DETAIL]; check NAME CMD...; skip NAME WHY; finish

passed=0
failed=0
skipped=0

pass() {	# pass NAME
	passed=$((passed + 1))
	echo "ok $*"
}

fail() {	# fail NAME: counts and prints a failure (details follow on the caller's lines)
	failed=$((failed + 1))
	echo "FAIL $*"
}

skip() {	# skip NAME WHY: a check this build cannot make (a sanitizer it lacks); neither passed nor failed
	skipped=$((skipped + 1))
	echo "skip $1: $2"
}

check() {	# check NAME CMD...: passes if CMD exits 0 (its output is dropped; it runs in a subshell)
	if (shift; "$@") >/dev/null 2>&1; then pass "$1"; else fail "$1"; fi
}

finish() {	# finish: prints "N passed, M failed" (", K skipped" if any); true if nothing failed and something ran
	if [ "$skipped" -gt 0 ]; then
		echo "$passed passed, $failed failed, $skipped skipped"
	else
		echo "$passed passed, $failed failed"
	fi
	[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
}
