# afl.sh: AFL++'s settings: its environment, its Bazel configurations, what
# it instruments.  ci/tools/afl_fuzz.sh starts afl-fuzz with them, for every
# script.  Sourced from the repository root, not run:  . ci/lib/afl.sh
# No function here sets a variable of its caller.

. ci/lib/sanitizers.sh

# afl_options: the environment of afl-fuzz and the targets it runs, NAME=value
# a line (a later line wins), for `env $(afl_options) CMD` or `export`: the
# sanitizers' options, with what AFL++ wants: no leak detection and no
# symbolizer in the target, and MSan's exit code 86 (afl-fuzz refuses
# MSAN_OPTIONS without exit_code=86 and symbolize=0); no UI, no CPU pinning
# (a stopped CMPLOG child keeps its core), no frequency check, and crashes
# are signals, so a missing core_pattern handler does not matter.
afl_options() {
	sanitizer_options
	echo ASAN_OPTIONS=abort_on_error=1:symbolize=0:detect_leaks=0
	echo MSAN_OPTIONS=exit_code=86:halt_on_error=1:abort_on_error=1:symbolize=0
	echo AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
}

# afl_config SANITIZER: the AFL++ Bazel config for a sanitizer's build
# (its CMPLOG companion is the same name with -cmplog).
afl_config() {
	case $1 in
	tsan) echo afl-tsan ;;
	msan) echo afl-msan ;;
	*) echo afl ;;
	esac
}

# afl_allowlist_flag: the Bazel flag that limits AFL++'s instrumentation to the allocators.
afl_allowlist_flag() {
	echo "--action_env=AFL_LLVM_ALLOWLIST=$(pwd)/bazel/afl_allowlist.txt"
}
