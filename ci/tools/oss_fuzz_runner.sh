#!/bin/sh
# The OSS-Fuzz base-runner, imitated without Docker, with upstream's rules and
# thresholds: test_all (moves $OUT away, finds the targets, runs
# bad_build_check on each, allows 10% broken), bad_build_check (engine,
# architecture, sanitizer calls by objdump -dC, startup), run_fuzzer (with the
# .options file, dictionary and seed corpus) and coverage (llvm-cov report).
# Run, with FUZZING_ENGINE, SANITIZER and OFZ_TMP (scratch) set as after
# ci/tools/oss_fuzz_compile.sh, and OUT for the last three:
#   sh ci/tools/oss_fuzz_runner.sh test_all OUT
#   sh ci/tools/oss_fuzz_runner.sh bad_build_check TARGET_PATH
#   sh ci/tools/oss_fuzz_runner.sh run_fuzzer TARGET [ENGINE ARGS...]
#   sh ci/tools/oss_fuzz_runner.sh coverage CORPUS_DIR   # CORPUS_DIR/<target>/ per target
# test_all and bad_build_check print "figures: TARGET edges=N asan=N ubsan=N
# msan=N dfsan=N" per target, for ci/oss_fuzz_check.sh's table.
# Deviations, each for this shared machine: per-run files go to $OFZ_TMP, not
# /tmp; vm.mmap_rnd_bits is left as it is; AFL++ runs end once "All set and
# ready to roll" is printed (see afl_check).
set -u

self=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
die() { echo "oss_fuzz_runner.sh: $*" >&2; exit 2; }
: "${FUZZING_ENGINE:?set FUZZING_ENGINE (libfuzzer or afl), as the runner image does}"
: "${SANITIZER:?set SANITIZER (address, undefined, memory or coverage)}"
: "${OFZ_TMP:?set OFZ_TMP to a scratch directory}"
ARCHITECTURE=${ARCHITECTURE:-x86_64}
export FUZZING_ENGINE SANITIZER ARCHITECTURE OFZ_TMP

# The base-runner image's environment.
export ASAN_OPTIONS="alloc_dealloc_mismatch=0:allocator_may_return_null=1:allocator_release_to_os_interval_ms=500:check_malloc_usable_size=0:detect_container_overflow=1:detect_odr_violation=0:detect_leaks=1:detect_stack_use_after_return=1:fast_unwind_on_fatal=0:handle_abort=1:handle_segv=1:handle_sigill=1:max_uar_stack_size_log=16:print_scariness=1:quarantine_size_mb=10:strict_memcmp=1:strip_path_prefix=/workspace/:symbolize=1:use_sigaltstack=1:dedup_token_length=3"
export MSAN_OPTIONS="print_stats=1:strip_path_prefix=/workspace/:symbolize=1:dedup_token_length=3"
export UBSAN_OPTIONS="print_stacktrace=1:print_summary=1:silence_unsigned_overflow=1:strip_path_prefix=/workspace/:symbolize=1:dedup_token_length=3"
export FUZZER_ARGS="-rss_limit_mb=2560 -timeout=25"
export AFL_FUZZER_ARGS="-m none"

# bad_build_check's thresholds.
MIN_RUNS=4
EDGES_WARN=100
ASAN_MIN=1000 ASAN_MAX_OTHER=0
DFSAN_MAX_OTHER=0
MSAN_MIN=1000 MSAN_MAX_OTHER=3
UBSAN_MIN=168 UBSAN_MAX_OTHER=200

# options FILE SECTION: a section of an .options file as parse_options.py
# gives it: "-k=v ..." for libfuzzer, "k=v:..." for the sanitizers.
options() {
	[ -f "$1" ] || return 0
	awk -v want="$2" '
		/^[ \t]*[#;]/ || /^[ \t]*$/ { next }
		/^[ \t]*\[/ { s = $0; gsub(/^[ \t]*\[|\][ \t]*$/, "", s); next }
		s == want {
			line = $0; i = index(line, "="); j = index(line, ":")
			if (i == 0 || (j > 0 && j < i)) i = j
			if (i == 0) next
			k = substr(line, 1, i - 1); v = substr(line, i + 1)
			gsub(/^[ \t]+|[ \t]+$/, "", k); gsub(/^[ \t]+|[ \t]+$/, "", v)
			out = out (n++ ? sep : "") pre tolower(k) "=" v
		}
		END { if (n) print out }' sep="$([ "$2" = libfuzzer ] && echo ' ' || echo ':')" \
		pre="$([ "$2" = libfuzzer ] && echo '-')" "$1"
}

# run_fuzzer TARGET ARGS...: as the runner's run_fuzzer.
run_fuzzer() {
	: "${OUT:?}"
	fuzzer=$1
	shift
	export PATH="$OUT:$PATH"
	cd "$OUT" || die "no $OUT"
	corpus=${CORPUS_DIR:-}
	if [ -z "$corpus" ]; then
		corpus="$OFZ_TMP/${fuzzer}_corpus"
		rm -rf "$corpus" && mkdir -p "$corpus"
	fi
	fout="$OFZ_TMP/${fuzzer}_${FUZZING_ENGINE}_${SANITIZER}_out"
	rm -rf "$fout" && mkdir -p "$fout"
	if [ -f "${fuzzer}_seed_corpus.zip" ] && [ -z "${SKIP_SEED_CORPUS:-}" ]; then
		echo "Using seed corpus: ${fuzzer}_seed_corpus.zip"
		unzip -o -d "$corpus/" "${fuzzer}_seed_corpus.zip" >/dev/null
	fi
	opts="$fuzzer.options"
	o=$(options "$opts" asan); [ -n "$o" ] && export ASAN_OPTIONS="$ASAN_OPTIONS:$o"
	o=$(options "$opts" msan); [ -n "$o" ] && export MSAN_OPTIONS="$MSAN_OPTIONS:$o"
	o=$(options "$opts" ubsan); [ -n "$o" ] && export UBSAN_OPTIONS="$UBSAN_OPTIONS:$o"
	libfuzzer_opts=$(options "$opts" libfuzzer)
	# The dictionary: the .options file's dict, else <target>.dict.
	dict=$(sed -n 's/^[[:space:]]*dict[[:space:]]*=[[:space:]]*\(.*\)/\1/p' "$opts" 2>/dev/null | tail -n 1)
	[ -z "$dict" ] && [ -f "$fuzzer.dict" ] && dict="$fuzzer.dict"
	if [ "$FUZZING_ENGINE" = afl ]; then
		export ASAN_OPTIONS="$ASAN_OPTIONS:abort_on_error=1:symbolize=0:detect_odr_violation=0:"
		export MSAN_OPTIONS="$MSAN_OPTIONS:exit_code=86:symbolize=0"
		export UBSAN_OPTIONS="$UBSAN_OPTIONS:symbolize=0"
		export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_TRY_AFFINITY=1 AFL_FAST_CAL=1
		export AFL_CMPLOG_ONLY_NEW=1 AFL_FORKSRV_INIT_TMOUT=30000 AFL_IGNORE_PROBLEMS=1 AFL_IGNORE_UNKNOWN_ENVS=1
		args="$AFL_FUZZER_ARGS"
		[ -e "$OUT/afl_cmplog.txt" ] && args="$args -c $OUT/$fuzzer"
		[ -e "$OUT/afl++.dict" ] && args="$args -x $OUT/afl++.dict"
		args="$args -t 5000+"
		echo input >"$corpus/input"	# afl-fuzz wants one input at least
		# Upstream's own command line, not ci/tools/afl_fuzz.sh's: this imitates OSS-Fuzz's runner.
		cmd="$OUT/afl-fuzz $args -i $corpus -o $fout ${dict:+-x $dict} $* -- $OUT/$fuzzer"
		echo "afl++ setup:"
		env | grep '^AFL_'
		cat "$OUT/afl_options.txt"
	elif [ "$FUZZING_ENGINE" = libfuzzer ]; then
		cmd="$OUT/$fuzzer -- $FUZZER_ARGS $*"
		[ -z "${SKIP_SEED_CORPUS:-}" ] && cmd="$cmd $corpus"
		[ -n "$libfuzzer_opts" ] && cmd="$cmd $libfuzzer_opts"
		case $cmd in *-dict=*) ;; *) [ -f "$fuzzer.dict" ] && cmd="$cmd -dict=$fuzzer.dict" ;; esac
		cmd="$cmd < /dev/null"
	else
		die "run_fuzzer: engine $FUZZING_ENGINE is not imitated"
	fi
	echo "$cmd"
	unset OUT	# the target must not rely on it
	exec sh -c "$cmd"
}

# afl_check TARGET LOG: bad_build_check's AFL++ run. Its verdicts are "All set
# and ready to roll" printed, and no "target binary crashed/terminated",
# which afl-fuzz prints only while starting its fork server, before "All set":
# so the run ends there rather than at 35 s, with the same verdicts.
afl_check() {
	: >"$2"
	(AFL_FORKSRV_INIT_TMOUT=30000 AFL_NO_UI=1 SKIP_SEED_CORPUS=1 \
		exec timeout --preserve-status -s INT 35s sh "$self" run_fuzzer "$1") >"$2" 2>&1 &
	pid=$!
	while kill -0 "$pid" 2>/dev/null && ! grep -q "All set and ready to roll" "$2"; do sleep 1; done
	kill -INT "$pid" 2>/dev/null
	wait "$pid"
}

# bad_build_check TARGET_PATH: upstream's four checks; exits with how many failed.
bad_build_check() {
	fuzzer=$1
	name=$(basename "$fuzzer")
	log="$OFZ_TMP/$name.output"
	failed=0
	edges="" asan="" ubsan="" msan="" dfsan=""

	# check_engine
	if [ "$FUZZING_ENGINE" = libfuzzer ]; then
		"$fuzzer" -- -seed=1337 -runs=$MIN_RUNS >"$log" 2>&1
		if grep -q "ERROR: no interesting inputs were found. Is the code instrumented" "$log"; then
			echo "BAD BUILD: $fuzzer does not seem to have coverage instrumentation."
			cat "$log"
			failed=$((failed + 1))
		else
			edges=$(sed -nE 's/.*INFO: Loaded [0-9]+ module.*\(.*(counters|guards)\):[[:space:]]+([0-9]+).*/\2/p' "$log" | head -n 1)
			if [ -n "$edges" ] && [ "$edges" -lt $EDGES_WARN ]; then
				echo "BAD BUILD: $fuzzer seems to have only partial coverage instrumentation."
			fi
		fi
	elif [ "$FUZZING_ENGINE" = afl ]; then
		afl_check "$name" "$log"
		if ! grep -q "All set and ready to roll" "$log"; then
			echo "BAD BUILD: fuzzing $fuzzer with afl-fuzz failed."
			cat "$log"
			failed=$((failed + 1))
		fi
	fi

	# check_architecture
	case $ARCHITECTURE in
	x86_64) arch="x86-64" insn='callq?\s+[0-9a-f]+\s+<' ;;
	i386) arch="80386" insn='call\s+[0-9a-f]+\s+<' ;;
	aarch64) arch="aarch64" insn='bl\s+[0-9a-f]+\s+<' ;;
	*) echo "UNSUPPORTED ARCHITECTURE"; exit 1 ;;
	esac
	if ! file "$fuzzer" | grep -q "$arch"; then
		echo "BAD BUILD $fuzzer is not built for architecture: $ARCHITECTURE"
		echo "file command output: $(file "$fuzzer")"
		failed=$((failed + 1))
	fi

	# check_mixed_sanitizers: call sites in the whole binary, demangled.
	dis="$OFZ_TMP/$name.objdump"
	objdump -dC "$fuzzer" >"$dis"
	asan=$(grep -cE "${insn}__asan" "$dis")
	dfsan=$(grep -cE "${insn}__dfsan" "$dis")
	msan=$(grep -cE "${insn}__msan" "$dis")
	ubsan=$(grep -cE "${insn}__ubsan" "$dis")
	rm -f "$dis"
	[ "$ARCHITECTURE" = i386 ] && UBSAN_MAX_OTHER=280
	bad=""
	case $SANITIZER in
	address)
		[ "$asan" -lt $ASAN_MIN ] && bad="does not seem to be compiled with ASan"
		[ -z "$bad" ] && [ "$dfsan" -gt $DFSAN_MAX_OTHER ] && bad="seems to be compiled with DFSan"
		[ -z "$bad" ] && [ "$msan" -gt $MSAN_MAX_OTHER ] && bad="seems to be compiled with MSan"
		[ -z "$bad" ] && [ "$ubsan" -gt $UBSAN_MAX_OTHER ] && bad="seems to be compiled with UBSan"
		;;
	memory)
		[ "$asan" -gt $ASAN_MAX_OTHER ] && bad="seems to be compiled with ASan"
		[ -z "$bad" ] && [ "$dfsan" -gt $DFSAN_MAX_OTHER ] && bad="seems to be compiled with DFSan"
		[ -z "$bad" ] && [ "$msan" -lt $MSAN_MIN ] && bad="does not seem to be compiled with MSan"
		[ -z "$bad" ] && [ "$ubsan" -gt $UBSAN_MAX_OTHER ] && bad="seems to be compiled with UBSan"
		;;
	undefined)
		# Upstream checks UBSan builds of libFuzzer only.
		if [ "$FUZZING_ENGINE" = libfuzzer ]; then
			[ "$asan" -gt $ASAN_MAX_OTHER ] && bad="seems to be compiled with ASan"
			[ -z "$bad" ] && [ "$dfsan" -gt $DFSAN_MAX_OTHER ] && bad="seems to be compiled with DFSan"
			[ -z "$bad" ] && [ "$msan" -gt $MSAN_MAX_OTHER ] && bad="seems to be compiled with MSan"
			[ -z "$bad" ] && [ "$ubsan" -lt $UBSAN_MIN ] && bad="does not seem to be compiled with UBSan"
		fi
		;;
	esac
	if [ -n "$bad" ]; then
		echo "BAD BUILD: $SANITIZER build of $fuzzer $bad."
		failed=$((failed + 1))
	fi

	# check_startup_crash
	passed=0
	if [ "$FUZZING_ENGINE" = libfuzzer ]; then
		(SKIP_SEED_CORPUS=1 sh "$self" run_fuzzer "$name" -seed=1337 -runs=$MIN_RUNS) >"$log" 2>&1
		grep -q "Done $MIN_RUNS runs" "$log" && passed=1
	elif [ "$FUZZING_ENGINE" = afl ]; then
		afl_check "$name" "$log"
		grep -qE "target binary (crashed|terminated)" "$log" || passed=1
	else
		passed=1
	fi
	if [ $passed -eq 0 ]; then
		echo "BAD BUILD: $fuzzer seems to have either startup crash or exit:"
		cat "$log"
		failed=$((failed + 1))
	fi
	echo "figures: $name edges=${edges:--} asan=$asan ubsan=$ubsan msan=$msan dfsan=$dfsan"
	exit $failed
}

# is_target PATH: test_all's rule: an executable ELF or shell script in
# $OUT, not a tool, whose bytes hold LLVMFuzzerTestOneInput.
is_target() {
	n=$(basename "$1")
	case $n in llvm-symbolizer | afl-* | jazzer_*) return 1 ;; esac
	[ -f "$1" ] && [ -x "$1" ] || return 1
	file "$1" | grep -qE 'ELF|shell script' || return 1
	grep -q LLVMFuzzerTestOneInput "$1"
}

# test_all OUT: moves OUT's files to a new directory first, so a build that
# relies on its own path fails here as it would upstream.
test_all() {
	initial=$1
	mkdir -p "$OFZ_TMP/not-out"
	moved=$(mktemp -d "$OFZ_TMP/not-out/XXXXXX")
	for f in "$initial"/* "$initial"/.[!.]*; do [ -e "$f" ] && mv "$f" "$moved/"; done
	export OUT="$moved"
	targets=""
	for f in "$moved"/*; do is_target "$f" && targets="$targets $f"; done
	ok=0
	if [ -z "$targets" ]; then
		echo "ERROR: No fuzz targets found."
	else
		total=0 broken=0
		# Upstream runs the targets in parallel (a pool per core), then retries the broken ones.
		for t in $targets; do
			total=$((total + 1))
			(sh "$self" bad_build_check "$t" >"$OFZ_TMP/$(basename "$t").check" 2>&1; echo $? >"$OFZ_TMP/$(basename "$t").rc") &
			[ $((total % $(nproc))) -eq 0 ] && wait
		done
		wait
		for t in $targets; do
			n=$(basename "$t")
			if [ "$(cat "$OFZ_TMP/$n.rc")" -ne 0 ]; then
				echo "INFO: retrying $n"
				sh "$self" bad_build_check "$t" >"$OFZ_TMP/$n.check" 2>&1
				echo $? >"$OFZ_TMP/$n.rc"
			fi
			echo "INFO: performed bad build checks for $t"
			cat "$OFZ_TMP/$n.check"
			[ "$(cat "$OFZ_TMP/$n.rc")" -eq 0 ] || broken=$((broken + 1))
		done
		allowed=${ALLOWED_BROKEN_TARGETS_PERCENTAGE:-10}
		if [ $((100 * broken)) -gt $((allowed * total)) ]; then
			echo "ERROR: $broken of $total fuzz targets seem to be broken (over $allowed%)."
		else
			echo "$total fuzzers total, $broken seem to be broken."
			ok=1
		fi
	fi
	for f in "$moved"/* "$moved"/.[!.]*; do [ -e "$f" ] && mv "$f" "$initial/"; done
	rmdir "$moved"
	[ $ok -eq 1 ]
}

# coverage CORPUS_DIR: the runner's coverage script for C: every target over
# its corpus with -merge=1, profiles merged, an HTML report and summary.json
# under $OUT/report/linux/, one summary per target under $OUT/fuzzer_stats/.
coverage() {
	: "${OUT:?}"
	corpora=$1
	cd "$OUT" || die "no $OUT"
	dumps="$OUT/dumps" stats="$OUT/fuzzer_stats" logs="$OUT/logs" report="$OUT/report"
	rm -rf "$dumps" "$stats" "$logs" "$report"
	mkdir -p "$dumps" "$stats" "$logs" "$report/linux"
	common="-path-equivalence=/,$OUT -ignore-filename-regex=.*src/libfuzzer/.*"
	objects="" profiles="" rc=0
	for t in $(find . -maxdepth 1 -type f -executable -printf '%P\n' | grep -v -x -F -e llvm-symbolizer); do
		dummy="$OUT/dummy_corpus_dir_for_$t"
		rm -rf "$dummy" && mkdir -p "$dummy"
		LLVM_PROFILE_FILE="$dumps/$t.%1m.profraw" timeout 1h "$OUT/$t" -merge=1 -timeout=100 \
			"$dummy" "$corpora/$t" >"$logs/$t.log" 2>&1
		cov_rc=$?
		if [ $cov_rc -ne 0 ] || grep -qE "^==[0-9]+== ERROR: libFuzzer:" "$logs/$t.log"; then
			echo "Error occured while running $t: exit $cov_rc"
			cat "$logs/$t.log"
			rc=1
		fi
		rm -rf "$dummy"
		ls "$dumps/$t".*.profraw >/dev/null 2>&1 || continue
		llvm-profdata-14 merge -j=1 -sparse "$dumps/$t".*.profraw -o "$dumps/$t.profdata" || rc=1
		rm -f "$dumps/$t".*.profraw
		llvm-cov-14 export -summary-only -instr-profile="$dumps/$t.profdata" -object="$t" $common \
			>"$stats/$t.json" || rc=1
		profiles="$profiles $dumps/$t.profdata"
		if [ -z "$objects" ]; then objects="$t"; else objects="$objects -object=$t"; fi
	done
	[ -n "$profiles" ] || { echo "ERROR: no target wrote a profile"; return 1; }
	llvm-profdata-14 merge -sparse $profiles -o "$dumps/merged.profdata" || return 1
	llvm-cov-14 show -format=html -output-dir="$report" -instr-profile="$dumps/merged.profdata" \
		$objects $common || return 1
	llvm-cov-14 export -summary-only -instr-profile="$dumps/merged.profdata" $objects $common \
		>"$report/linux/summary.json" || return 1
	return $rc
}

[ $# -ge 1 ] || die "usage: test_all OUT | bad_build_check TARGET_PATH | run_fuzzer TARGET ARGS... | coverage CORPUS_DIR"
cmd=$1
shift
case $cmd in
test_all) [ $# -eq 1 ] || die "usage: test_all OUT"; test_all "$1" ;;
bad_build_check) [ $# -eq 1 ] || die "usage: bad_build_check TARGET_PATH"; bad_build_check "$1" ;;
run_fuzzer) [ $# -ge 1 ] || die "usage: run_fuzzer TARGET ARGS..."; run_fuzzer "$@" ;;
coverage) [ $# -eq 1 ] || die "usage: coverage CORPUS_DIR"; coverage "$1" ;;
*) die "unknown command '$cmd'" ;;
esac
