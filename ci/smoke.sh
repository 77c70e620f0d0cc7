#!/bin/sh
# The smoke run: drives both allocators, seed and fixed variants, through
# malloc/write/read/get-size/free with random operations under ASan+UBSan,
# the shim's checks, the shadow model and the invariant checkers, one
# process each, and prints what each did or the report that stopped it.
# Run: sh ci/smoke.sh [--ops N] [--seed S] [--check none|incremental|full]
# Exit status: 1 if a fixed variant reported (the seed variants' reports are
# known findings, printed, not hidden).
set -u
cd "$(dirname "$0")/.."
sh ci/setup.sh || exit 1
. ci/lib/manifest.sh
bazel build --config=asan-ubsan //fuzzers:smoke_seed //fuzzers:smoke_fixed >&2 || exit 1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
status=0
for variant in seed fixed; do
	for a in $(manifest_names allocator); do
		log=$(mktemp)
		if "bazel-bin/fuzzers/smoke_$variant" "$a" "$@" >"$log" 2>&1; then
			cat "$log"
		else
			printf '%-9s (%s): stopped by a report: %s\n' "$a" "$variant" \
				"$(sh ci/tools/signature.sh <"$log" || tail -n 3 "$log")"
			[ "$variant" = fixed ] && status=1
		fi
		rm -f "$log"
	done
done
exit $status
