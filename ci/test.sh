#!/bin/sh
# The test command: installs what is missing, runs every Bazel test with no
# flags (the default build is ASan+UBSan), then the suites that run outside
# Bazel, as ci/tests/registry lists them, and prints one line per test and,
# last, the total "N passed, M failed" (the cases skipped for a sanitizer the
# build lacks are counted on the line before).
# It counts only what this run ran: the tests `bazel test` reported in its
# build event file (a cached result is a result of this build: counted, and
# said "(cached)"); a test whose status is not PASSED, or whose log has no
# "N passed, M failed" line, counts as failed; a `bazel test` that ran no
# test at all (flags refused, a broken BUILD file) ends the run, failed.
# The naming rule: a Bazel test is a target named *_test in a BUILD file,
# its source beside it; a suite the test command runs outside Bazel (because
# it drives Bazel, compilers or engines itself) is ci/tests/NAME.sh, listed
# in ci/tests/registry with its tier.
# Run: sh ci/test.sh [--quick] [extra bazel test flags]
#   --quick: the edit-test loop: every Bazel test (cached where nothing
#   changed) and the registry's quick suites only, under 2 minutes once
#   built; without it, every suite: the full run CI makes (.ci/run).
set -u
cd "$(dirname "$0")/.."
sh ci/setup.sh || exit 1

tier=full
for a do
	shift
	if [ "$a" = --quick ]; then tier=quick; else set -- "$@" "$a"; fi
done

passed=0
failed=0
skipped=0
result_re='^[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?$'
count() {	# count "N passed, M failed[, K skipped]" [AT-LEAST-FAILED]: adds to the totals
	set -- $(echo "$1" | awk -v least="${2:-0}" '{ f = $3 + 0; print $1 + 0, (f < least ? least : f), $5 + 0 }')
	passed=$((passed + $1))
	failed=$((failed + $2))
	skipped=$((skipped + $3))
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# no flags: .bazelrc's default is ASan+UBSan
bazel test "$@" --build_event_json_file="$tmp/bep.json" //... >"$tmp/bazel.log" 2>&1
rc=$?
[ "$rc" -eq 0 ] || tail -n 40 "$tmp/bazel.log"
sh ci/tools/bep_tests.sh "$tmp/bep.json" | sort >"$tmp/tests"
if ! awk -F '\t' '$2 != "NOT_RUN" && $2 != "NOT_BUILT" { ran = 1 } END { exit !ran }' "$tmp/tests"; then
	echo "FAIL bazel test ran no test (exit $rc: flags refused or the build broken; its output is above)"
	echo "0 passed, 1 failed"
	exit 1
fi
tab=$(printf '\t')
while IFS=$tab read -r label status cached log; do
	how=""
	[ "$cached" = no ] || how=" (cached)"
	line=""
	[ "$log" = - ] || line=$(grep -E "$result_re" "$log" | tail -n 1)
	case $label in
	*_test) ;;
	*) echo "FAIL $label: a Bazel test's name ends in _test (ci/tests/registry says why)"; count "" 1 ;;
	esac
	if [ "$status" = PASSED ] && [ -n "$line" ]; then
		echo "$label: $line$how"
		count "$line"
	elif [ "$status" = PASSED ]; then
		echo "FAIL $label: no \"N passed, M failed\" line in its log$how: $log"
		count "" 1
	else
		echo "FAIL $label: $status${line:+, $line}$how$([ "$log" = - ] || echo ": $log")"
		count "$line" 1
	fi
done <"$tmp/tests"
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
	echo "FAIL bazel test exited $rc (its output is above)"
	count "" 1
fi

# The suites outside Bazel: each ci/tests/NAME.sh, run from the registry.
registry=ci/tests/registry
suite() {	# suite NAME: runs ci/tests/NAME.sh and adds its "N passed, M failed[, K skipped]" to the totals
	start=$(date +%s)
	result=$(sh "ci/tests/$1.sh" </dev/null 2>&1)
	status=$?
	took="$(($(date +%s) - start)) s"
	line=$(echo "$result" | grep -E "$result_re" | tail -n 1)
	if [ -z "$line" ]; then
		echo "$result" | tail -n 20
		echo "FAIL ci/tests/$1.sh: no result, exit $status ($took)"
		count "" 1
		return
	fi
	echo "$result" | grep -E '^(FAIL|warning|skip)'
	case $status:$line in
	0:"0 passed, 0 failed"*) echo "FAIL ci/tests/$1.sh: it ran nothing ($took)"; count "$line" 1; return ;;
	0:*) ;;
	*) echo "FAIL ci/tests/$1.sh: exit $status after $line ($took)"; count "$line" 1; return ;;
	esac
	echo "ci/tests/$1.sh: $line ($took)"
	count "$line"
}
for f in ci/tests/*.sh; do
	awk -v n="$(basename "$f" .sh)" '$1 == n { found = 1 } END { exit !found }' "$registry" ||
		{ echo "FAIL $f: not in $registry"; count "" 1; }
done
while read -r name suite_tier what; do
	case $name in '' | '#'*) continue ;; esac
	if [ ! -f "ci/tests/$name.sh" ] || [ -z "$what" ]; then
		echo "FAIL $registry: $name: no ci/tests/$name.sh, or no word of what it checks"
		count "" 1
		continue
	fi
	case $suite_tier in
	quick) suite "$name" ;;
	full) [ "$tier" = quick ] || suite "$name" ;;
	*) echo "FAIL $registry: $name's tier is $suite_tier, not quick or full"; count "" 1 ;;
	esac
done <"$registry"

# CI reads the last line: it stays "N passed, M failed"; skips are said before it.
[ "$skipped" -eq 0 ] || echo "$skipped skipped (a case needing a sanitizer the build lacks)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
