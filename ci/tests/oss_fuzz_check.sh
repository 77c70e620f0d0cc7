#!/bin/sh
# The local OSS-Fuzz check of every build OSS-Fuzz makes (ci/oss_fuzz_check.sh,
# a user command), as a suite of the test command.
# Run: sh ci/tests/oss_fuzz_check.sh   (ends with "N passed, M failed")
exec sh "$(dirname "$0")/../oss_fuzz_check.sh"
