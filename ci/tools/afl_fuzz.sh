#!/bin/sh
# Starts afl-fuzz with the project's settings; every script starts AFL++
# here (only ci/tools/oss_fuzz_runner.sh starts it its own way, as OSS-Fuzz's
# runner does): AFL++'s environment (ci/lib/afl.sh's afl_options), no memory
# limit, the dictionary, the CMPLOG companion, and the structure-aware
# mutator library unless ALLOCFUZZ_MUTATOR=off. It becomes afl-fuzz (exec):
# the status, the process and its output are afl-fuzz's.
# Run, from the repository root:
#   sh ci/tools/afl_fuzz.sh BINARY IN OUT SECONDS [--no-cmplog] [AFL-FUZZ FLAGS...]
#   BINARY: a TARGET_afl as ci/lib/build.sh's build_bins copies it, with
#   TARGET_cmplog and allocfuzz_afl_mutator.so beside it; IN, OUT: afl-fuzz's
#   -i and -o; SECONDS: its time budget (-V); --no-cmplog: the target alone,
#   at its own speed; FLAGS: more of afl-fuzz's (a role -M NAME or -S NAME,
#   -s SEED, ...). More environment: env NAME=value sh ci/tools/afl_fuzz.sh ...
set -eu
[ $# -ge 4 ] || { echo "usage: sh ci/tools/afl_fuzz.sh BINARY IN OUT SECONDS [--no-cmplog] [AFL-FUZZ FLAGS...]" >&2; exit 2; }
bin=$1 in=$2 out=$3 seconds=$4
shift 4
cmplog=${bin%_afl}_cmplog
if [ "${1:-}" = --no-cmplog ]; then
	cmplog=""
	shift
fi
. ci/lib/afl.sh
# shellcheck disable=SC2046
export $(afl_options)
if [ "${ALLOCFUZZ_MUTATOR:-on}" = off ]; then
	unset AFL_CUSTOM_MUTATOR_LIBRARY
else
	AFL_CUSTOM_MUTATOR_LIBRARY="$(cd "$(dirname "$bin")" && pwd)/allocfuzz_afl_mutator.so"
	export AFL_CUSTOM_MUTATOR_LIBRARY
fi
exec afl-fuzz -i "$in" -o "$out" -V "$seconds" -m none -x corpus/allocfuzz.dict \
	${cmplog:+-c "$cmplog"} "$@" -- "$bin"
