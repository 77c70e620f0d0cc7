# sanitizers.sh: the sanitizers' options for runs and replays, and which
# sanitizer a report or a binary has.  Sourced from the repository root (or
# a Bazel test's runfiles root), not run:  . ci/lib/sanitizers.sh
# No function here sets a variable of its caller.

# sanitizer_options: the options for libFuzzer runs and replays, NAME=value
# a line, for `env $(sanitizer_options) CMD` or a script's own
# `export $(sanitizer_options)` (no value holds a space): reports halt at
# once and abort (a crash, for every engine).
sanitizer_options() {
	echo ASAN_OPTIONS=abort_on_error=1:symbolize=1:detect_leaks=1
	echo UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1
	# libFuzzer's crash handler allocates in signal context; tsan.supp: its counters.
	echo "TSAN_OPTIONS=halt_on_error=1:abort_on_error=1:report_signal_unsafe=0:suppressions=$(pwd)/fuzzers/tsan.supp"
	echo MSAN_OPTIONS=halt_on_error=1:abort_on_error=1:symbolize=1
}

# report_sanitizer LINE: the sanitizer a report's first line comes from
# (asan, ubsan, msan, tsan); nothing for the harness's own reports.
report_sanitizer() {
	case $1 in
	*"runtime error:"*) echo ubsan ;;
	*AddressSanitizer*) echo asan ;;
	*MemorySanitizer*) echo msan ;;
	*ThreadSanitizer*) echo tsan ;;
	esac
}

# binary_has SANITIZER BINARY: true if BINARY was built with SANITIZER
# (asan, msan, tsan: its runtime; ubsan: calls to its handlers from code
# outside the runtimes, which all hold those handlers).
binary_has() {
	case $1 in
	asan) grep -qa __asan_init "$2" ;;
	msan) grep -qa __msan_init "$2" ;;
	tsan) grep -qa __tsan_init "$2" ;;
	ubsan) objdump -d --no-show-raw-insn "$2" |
		awk '/^[0-9a-f]+ <.*>:$/ { fn = $2 } /call.*<__ubsan_handle_/ && fn !~ /^<__/ { found = 1; exit } END { exit !found }' ;;
	*) return 1 ;;
	esac
}

# sanitizer_name SANITIZER: its full name, for messages.
sanitizer_name() {
	case $1 in
	asan) echo AddressSanitizer ;; ubsan) echo UndefinedBehaviorSanitizer ;;
	msan) echo MemorySanitizer ;; tsan) echo ThreadSanitizer ;; *) echo "$1" ;;
	esac
}
