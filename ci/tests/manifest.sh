#!/bin/sh
# bazel/build.manifest and bazel/afl_allowlist.txt are what the BUILD files
# say now: ci/manifest.sh's own check, as a suite of the test command.
# Run: sh ci/tests/manifest.sh   (ends with "N passed, M failed")
exec sh "$(dirname "$0")/../manifest.sh" check
