#!/bin/sh
# The smoke run: drives both allocators, seed and fixed variants, through
# malloc/write/read/get-size/free with random operations under ASan+UBSan, the shim's checks, the shadow model and the
# invariant checkers, and prints what it did and every report.
# Run: sh ci/smoke.sh [--ops N] [--seed S] [--check none|incremental|full]
# Exit status: that of the fixed variants (the seed variants' reports are
# known findings, printed, not hidden).
set -u
cd "$(dirname "$0")/.."
sh ci/setup.sh || exit 1
bazel build --config=asan-ubsan //fuzzers:smoke_seed //fuzzers:smoke_fixed >&2 || exit 1
echo "== seed variants (the seeds' own code; reports here are findings) =="
bazel-bin/fuzzers/smoke_seed "$@"
echo "== fixed variants (one patch per finding, see FINDINGS.md) =="
bazel-bin/fuzzers/smoke_fixed "$@"
