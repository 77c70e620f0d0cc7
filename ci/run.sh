#!/bin/sh
# The main job: the fuzzing campaign over every target (see ci/campaign.sh
# for the options: --time, --engine libfuzzer|afl|both, --jobs, ...).
# Run: sh ci/run.sh [campaign options] [TARGET...]
exec sh "$(dirname "$0")/campaign.sh" "$@"
