# build.sh: the fuzz targets' binaries, built and copied out of Bazel.
# Sourced from the repository root, not run:  . ci/lib/build.sh
# No function here sets a variable of its caller.

. ci/lib/afl.sh

# build_bins DIR SANITIZER "BAZEL-FLAGS" ENGINES TARGET...: builds each
# target's binaries and copies them to DIR (bazel-bin moves with every
# configuration): T_libfuzzer and T_replay always, T_afl and T_cmplog if
# ENGINES is afl or both, with AFL++'s custom mutator library
# (allocfuzz_afl_mutator.so, no sanitizer: afl-fuzz loads it). The build's
# output goes to DIR/build.log.
build_bins() (
	dir=$1 san=$2 flags=$3 engines=$4
	shift 4
	labels=""
	for t in "$@"; do labels="$labels //fuzzers:${t}_libfuzzer //fuzzers:${t}_replay"; done
	# shellcheck disable=SC2086
	bazel build --config="$san" $flags $labels >>"$dir/build.log" 2>&1 || exit 1
	bin=$(bazel info --config="$san" $flags bazel-bin 2>/dev/null)
	for t in "$@"; do cp "$bin/fuzzers/${t}_libfuzzer" "$bin/fuzzers/${t}_replay" "$dir/" || exit 1; done
	[ "$engines" != libfuzzer ] || exit 0
	afl=$(afl_config "$san")
	for cfg in "$afl" "$afl-cmplog"; do
		suffix=$([ "$cfg" = "$afl" ] && echo afl || echo cmplog)
		labels=""
		for t in "$@"; do labels="$labels //fuzzers:${t}_$suffix"; done
		# shellcheck disable=SC2086
		bazel build --config="$cfg" "$(afl_allowlist_flag)" $flags $labels >>"$dir/build.log" 2>&1 || exit 1
		bin=$(bazel info --config="$cfg" "$(afl_allowlist_flag)" $flags bazel-bin 2>/dev/null)
		for t in "$@"; do cp "$bin/fuzzers/${t}_$suffix" "$dir/" || exit 1; done
	done
	bazel build --config=bench //fuzzers:allocfuzz_afl_mutator.so >>"$dir/build.log" 2>&1 || exit 1
	cp "$(bazel info --config=bench bazel-bin 2>/dev/null)/fuzzers/allocfuzz_afl_mutator.so" "$dir/"
)
