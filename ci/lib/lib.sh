# lib.sh: what the ci/ and bench/ scripts know about targets, findings,
# engines and their settings, in one place. Sourced from the repository
# root (or a Bazel test's runfiles root), not run:  . ci/lib/lib.sh
# The lists come from bazel/build.manifest (ci/lib/manifest.sh).

# lib_new_out WHO DIR: creates DIR and prints its absolute path; a command
# never writes into an old output, so an existing DIR is refused (status 2).
lib_new_out() {
	if [ -e "$2" ] || [ -L "$2" ]; then
		echo "$1: $2 exists; nothing is written into an old output" >&2
		return 2
	fi
	mkdir -p "$2" && (cd "$2" && pwd)
}

. ci/lib/manifest.sh

# lib_targets [all|default|SANITIZER]: target names, one a line (default: default).
lib_targets() {
	manifest_targets "$@"
}

# lib_is_target NAME: true if NAME is a fuzz target.
lib_is_target() {
	manifest_is_target "$1"
}

# lib_sanitizer TARGET: the build a target is fuzzed with (asan-ubsan, tsan).
lib_sanitizer() {
	manifest_get target "$1" sanitizer
}

# lib_report_sanitizer LINE: the sanitizer a report's first line comes from
# (asan, ubsan, msan, tsan); nothing for the harness's own reports.
lib_report_sanitizer() {
	case $1 in
	*"runtime error:"*) echo ubsan ;;
	*AddressSanitizer*) echo asan ;;
	*MemorySanitizer*) echo msan ;;
	*ThreadSanitizer*) echo tsan ;;
	esac
}

# lib_binary_has SANITIZER BINARY: true if BINARY was built with SANITIZER
# (asan, msan, tsan: its runtime; ubsan: calls to its handlers from code
# outside the runtimes, which all hold those handlers).
lib_binary_has() {
	case $1 in
	asan) grep -qa __asan_init "$2" ;;
	msan) grep -qa __msan_init "$2" ;;
	tsan) grep -qa __tsan_init "$2" ;;
	ubsan) objdump -d --no-show-raw-insn "$2" |
		awk '/^[0-9a-f]+ <.*>:$/ { fn = $2 } /call.*<__ubsan_handle_/ && fn !~ /^<__/ { found = 1; exit } END { exit !found }' ;;
	*) return 1 ;;
	esac
}

# lib_sanitizer_name SANITIZER: its full name, for messages.
lib_sanitizer_name() {
	case $1 in
	asan) echo AddressSanitizer ;; ubsan) echo UndefinedBehaviorSanitizer ;;
	msan) echo MemorySanitizer ;; tsan) echo ThreadSanitizer ;; *) echo "$1" ;;
	esac
}

# lib_findings: the findings with a fix, "ID TARGET" a line, in patch order.
lib_findings() {
	manifest_findings
}

# lib_finding_target ID: the target whose input format and code finds ID.
lib_finding_target() {
	manifest_get finding "$1" target
}

# lib_harness_sources: the C files every fuzz target links besides the
# allocators and its own file, for builds without Bazel (the OSS-Fuzz
# build.sh, ci/mutants.sh); fuzzers/BUILD and invariants/BUILD say the same.
lib_harness_sources() {
	echo shim/src/*.c invariants/*.c allocators/*/*_adapter.c fuzzers/apply.c \
		fuzzers/fuzz_input.c fuzzers/harness.c fuzzers/ops.c \
		fuzzers/state_summary.c fuzzers/env_switch.c $(lib_probe_sources)
}

# lib_probe_sources: those of lib_harness_sources that get coverage
# instrumentation like the allocators (the state probe's branches;
# bazel/afl_allowlist.txt lists them for AFL++).
lib_probe_sources() {
	echo fuzzers/state_probe.c
}

# lib_mutator_sources: the structure-aware mutator and its libFuzzer hooks,
# linked into every libFuzzer target (fuzzers/BUILD's mutator_libfuzzer).
lib_mutator_sources() {
	echo fuzzers/mutator.c fuzzers/mutator_libfuzzer.c fuzzers/size_edges.c
}

# The deep-state aids, each on by default with its switch (fuzzers/mutator.h:
# ALLOCFUZZ_MUTATOR, fuzzers/state_probe.h: ALLOCFUZZ_STATE), and the arms a
# comparison runs: neither (the plain engines), one, or both.
LIB_ARMS="plain mutator feedback both"

# lib_arm_env ARM: exports the two switches for ARM; status 2 for no such arm.
lib_arm_env() {
	case $1 in
	plain) export ALLOCFUZZ_MUTATOR=off ALLOCFUZZ_STATE=off ;;
	mutator) export ALLOCFUZZ_MUTATOR=on ALLOCFUZZ_STATE=off ;;
	feedback) export ALLOCFUZZ_MUTATOR=off ALLOCFUZZ_STATE=on ;;
	both) export ALLOCFUZZ_MUTATOR=on ALLOCFUZZ_STATE=on ;;
	*) return 2 ;;
	esac
}

# lib_libfuzzer_flags: libFuzzer flags the switches in the environment ask
# for: with the mutator off, libFuzzer's default length control, which the
# mere presence of a custom mutator turns off, so that the engine is plain.
lib_libfuzzer_flags() {
	[ "${ALLOCFUZZ_MUTATOR:-on}" != off ] || echo -len_control=100
}

# lib_afl_mutator DIR: exports AFL_CUSTOM_MUTATOR_LIBRARY (DIR's copy of
# //fuzzers:allocfuzz_afl_mutator.so, lib_build_bins puts it there) unless
# ALLOCFUZZ_MUTATOR=off, which unsets it.
lib_afl_mutator() {
	if [ "${ALLOCFUZZ_MUTATOR:-on}" = off ]; then
		unset AFL_CUSTOM_MUTATOR_LIBRARY
	else
		export AFL_CUSTOM_MUTATOR_LIBRARY="$1/allocfuzz_afl_mutator.so"
	fi
}

# lib_afl_config SANITIZER: the AFL++ Bazel config for a sanitizer's build
# (its CMPLOG companion is the same name with -cmplog).
lib_afl_config() {
	case $1 in
	tsan) echo afl-tsan ;;
	msan) echo afl-msan ;;
	*) echo afl ;;
	esac
}

# lib_afl_allow: the Bazel flag that limits AFL++'s instrumentation to the allocators.
lib_afl_allow() {
	echo "--action_env=AFL_LLVM_ALLOWLIST=$(pwd)/bazel/afl_allowlist.txt"
}

# lib_build_bins DIR SANITIZER "BAZEL-FLAGS" ENGINES TARGET...: builds each
# target's binaries and copies them to DIR (bazel-bin moves with every
# configuration): T_libfuzzer and T_replay always, T_afl and T_cmplog if
# ENGINES is afl or both, with AFL++'s custom mutator library
# (allocfuzz_afl_mutator.so, no sanitizer: afl-fuzz loads it). The build's
# output goes to DIR/build.log.
lib_build_bins() {
	dir=$1 san=$2 flags=$3 engines=$4
	shift 4
	labels=""
	for t in "$@"; do labels="$labels //fuzzers:${t}_libfuzzer //fuzzers:${t}_replay"; done
	# shellcheck disable=SC2086
	bazel build --config="$san" $flags $labels >>"$dir/build.log" 2>&1 || return 1
	bin=$(bazel info --config="$san" $flags bazel-bin 2>/dev/null)
	for t in "$@"; do cp "$bin/fuzzers/${t}_libfuzzer" "$bin/fuzzers/${t}_replay" "$dir/"; done
	[ "$engines" != libfuzzer ] || return 0
	afl=$(lib_afl_config "$san")
	for cfg in "$afl" "$afl-cmplog"; do
		suffix=$([ "$cfg" = "$afl" ] && echo afl || echo cmplog)
		labels=""
		for t in "$@"; do labels="$labels //fuzzers:${t}_$suffix"; done
		# shellcheck disable=SC2086
		bazel build --config="$cfg" "$(lib_afl_allow)" $flags $labels >>"$dir/build.log" 2>&1 || return 1
		bin=$(bazel info --config="$cfg" "$(lib_afl_allow)" $flags bazel-bin 2>/dev/null)
		for t in "$@"; do cp "$bin/fuzzers/${t}_$suffix" "$dir/"; done
	done
	bazel build --config=bench //fuzzers:allocfuzz_afl_mutator.so >>"$dir/build.log" 2>&1 || return 1
	cp "$(bazel info --config=bench bazel-bin 2>/dev/null)/fuzzers/allocfuzz_afl_mutator.so" "$dir/"
}

# lib_sanitizer_env: sanitizer options for libFuzzer runs and replays:
# reports halt at once and abort (a crash, for every engine).
lib_sanitizer_env() {
	export ASAN_OPTIONS=abort_on_error=1:symbolize=1:detect_leaks=1
	export UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1
	# libFuzzer's crash handler allocates in signal context; tsan.supp: its counters.
	export TSAN_OPTIONS="halt_on_error=1:abort_on_error=1:report_signal_unsafe=0:suppressions=$(pwd)/fuzzers/tsan.supp"
	export MSAN_OPTIONS=halt_on_error=1:abort_on_error=1:symbolize=1
}

# lib_afl_env: the same for afl-fuzz, plus its own settings. AFL++ wants no
# leak detection and no symbolizer in the target, and MSan's exit code 86
# (afl-fuzz refuses MSAN_OPTIONS without exit_code=86 and symbolize=0); no UI,
# no CPU pinning (a stopped CMPLOG child keeps its core), no frequency check,
# and crashes are signals, so a missing core_pattern handler does not matter.
lib_afl_env() {
	lib_sanitizer_env
	export ASAN_OPTIONS=abort_on_error=1:symbolize=0:detect_leaks=0
	export MSAN_OPTIONS=exit_code=86:halt_on_error=1:abort_on_error=1:symbolize=0
	export AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
}

# lib_triage DIR TARGET BINDIR: DIR/original is a crash input of TARGET;
# minimizes it with BINDIR/TARGET_libfuzzer into DIR/minimized (a copy of the
# original if it does not minimize), decodes both into .txt, and keeps the
# replay's report in DIR/report.txt. The original is never changed.
lib_triage() {
	d=$1 t=$2 b=$3
	# libFuzzer's own byte mutations: minimize_crash keeps any smaller input
	# that crashes, and whole-operation deletions drift to another crash
	# (another signature) far sooner than byte changes do.
	# Bounded: under TSan, two threads crashing at once can deadlock libFuzzer's
	# crash handler against TSan's report lock, and the run would never end.
	( ALLOCFUZZ_MUTATOR=off timeout -k 10 300 "$b/${t}_libfuzzer" -minimize_crash=1 -runs=10000 \
		-exact_artifact_path="$d/minimized" "$d/original" >"$d/minimize.log" 2>&1; : ) 2>/dev/null
	[ -s "$d/minimized" ] || cp "$d/original" "$d/minimized"
	( "$b/${t}_replay" "$d/minimized" >"$d/report.txt" 2>&1; : ) 2>/dev/null
	# Even so a smaller input may crash another way: then the original stands.
	if [ "$(sh ci/tools/signature.sh <"$d/report.txt")" != "$( ("$b/${t}_replay" "$d/original" 2>&1; :) 2>/dev/null |
		sh ci/tools/signature.sh)" ]; then
		cp "$d/original" "$d/minimized"
		( "$b/${t}_replay" "$d/minimized" >"$d/report.txt" 2>&1; : ) 2>/dev/null
	fi
	"$b/opstext" decode "$d/minimized" "$d/minimized.txt"
	"$b/opstext" decode "$d/original" "$d/original.txt"
}
