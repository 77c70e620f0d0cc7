#!/bin/sh
# The tests one `bazel test` run reported, read from its build event file
# (--build_event_json_file=FILE), one a line, tab-separated:
#   LABEL STATUS CACHED LOG
# STATUS: Bazel's (PASSED, FAILED, TIMEOUT, FLAKY, ...); NOT_RUN for a test
# Bazel announced and then did not run (its build stopped first); NOT_BUILT
# for a test target that did not build. CACHED: yes for a result Bazel took
# from its cache (a valid result of this build), else no. LOG: the test.log
# Bazel named for that result, - if none. Only what that run reported: never
# a log an earlier run left behind.
# Run: sh ci/tools/bep_tests.sh FILE   (nothing printed: the run reported no test)
[ -r "${1:-}" ] || exit 0	# Bazel writes no file when it refuses its command line
jq -r -s '
	[.[] | select(.id.targetConfigured and .configured.testSize) | .id.targetConfigured.label] as $tests |
	[.[] | select(.id.testResult) | .id.testResult.label] as $announced |
	(.[] | select(.id.testResult) |
		[.id.testResult.label,
		(if .testResult then .testResult.status // "NO_STATUS" else "NOT_RUN" end),
		(if .testResult.cachedLocally then "yes" else "no" end),
		([.testResult.testActionOutput // [] | .[] | select(.name == "test.log") | .uri | sub("^file://"; "")] | .[0] // "-")]),
	(.[] | select(.id.targetCompleted) | select(.completed.success != true) |
		.id.targetCompleted.label | select(IN($tests[]) and (IN($announced[]) | not)) | [., "NOT_BUILT", "no", "-"])
	| @tsv' "$1"
