#!/bin/sh
# Tests that ci/tools/oss_fuzz_runner.sh keeps upstream's rules, on small targets
# built here: test_all finds targets in $OUT as upstream does (not the
# symbolizer, AFL++'s tools, files without LLVMFuzzerTestOneInput or not
# executable) and moves $OUT first (a target reading its build-time $OUT
# fails); bad_build_check counts calls over the whole binary (an address
# build with UBSan mixed in fails, as an undefined build with ASan does),
# checks the architecture and the coverage instrumentation; run_fuzzer takes
# the .options file's settings; AFL++ starts with SKIP_SEED_CORPUS=1.
# Run: sh ci/tests/oss_fuzz_runner.sh   (ends with "N passed, M failed")
set -u
cd "$(dirname "$0")/../.."
sh ci/setup.sh || exit 1
. ci/lib/testlib.sh
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
runner="$(pwd)/ci/tools/oss_fuzz_runner.sh"

# A target with many signed operations, so that an UBSan build holds more
# __ubsan calls than the runtime alone (upstream's thresholds are 168 and 200).
src="$scratch/t.c"
{
	echo '#include <stddef.h>'
	echo '#include <stdint.h>'
	echo '#include <stdlib.h>'
	echo '#include <string.h>'
	echo '#include <stdio.h>'
	echo 'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) {'
	echo '	int x = 1;'
	echo '	if (n < 8) return 0;'
	echo '	if (memcmp(d, "CRASH", 5) == 0) abort();'
	i=0
	while [ $i -lt 120 ]; do echo "	x = x * (int)d[$((i % 8))] + (int)d[$(((i + 3) % 8))];"; i=$((i + 1)); done
	echo '	return x == 7 ? 0 : 0;'
	echo '}'
	echo '#ifdef NEEDS'
	echo 'int LLVMFuzzerInitialize(int *argc, char ***argv) {'
	echo '	FILE *f = fopen(NEEDS, "r");'
	printf '%s\n' '	if (!f) { fprintf(stderr, "cannot open %s\n", NEEDS); abort(); }'	# dash's echo would expand the \n
	echo '	fclose(f);'
	echo '	return 0;'
	echo '}'
	echo '#endif'
} >"$src"
ubsan="-fsanitize=signed-integer-overflow,shift -fno-sanitize-recover=all"

# build DIR NAME FLAGS...: a libFuzzer target DIR/NAME.
build() {
	d=$1 n=$2
	shift 2
	mkdir -p "$d"
	clang-14 -O1 -gline-tables-only "$@" "$src" -o "$d/$n" 2>>"$scratch/build.log"
}

# bbc ENGINE SANITIZER TARGET [ARCH]: bad_build_check's output; sets $rc.
bbc() {
	out=$(FUZZING_ENGINE=$1 SANITIZER=$2 ARCHITECTURE=${4:-x86_64} OFZ_TMP="$scratch" \
		OUT=$(dirname "$3") sh "$runner" bad_build_check "$3" 2>&1)
	rc=$?
}

a="$scratch/a"
build "$a" t_asan -fsanitize=address,fuzzer || fail "cannot build an ASan target"
bbc libfuzzer address "$a/t_asan"
[ "$rc" -eq 0 ] && pass "an ASan build passes bad_build_check" || { fail "an ASan build:"; echo "$out"; }
echo "$out" | grep -q "^figures: t_asan edges=[0-9]" && pass "edges read from libFuzzer's startup lines" ||
	{ fail "no edge count:"; echo "$out" | tail -n 3; }
bbc libfuzzer address "$a/t_asan" aarch64
echo "$out" | grep -q "is not built for architecture: aarch64" && [ "$rc" -ne 0 ] &&
	pass "the architecture check fails an x86-64 binary for aarch64" || { fail "architecture check:"; echo "$out"; }

build "$a" t_mixed -fsanitize=address,fuzzer $ubsan || fail "cannot build an ASan+UBSan target"
bbc libfuzzer address "$a/t_mixed"
echo "$out" | grep -q "seems to be compiled with UBSan" && [ "$rc" -ne 0 ] &&
	pass "an address build with UBSan mixed in fails ($(echo "$out" | sed -n 's/^figures: [^ ]* //p'))" ||
	{ fail "an ASan+UBSan build passes as address:"; echo "$out"; }
build "$a" t_ubsan -fsanitize=fuzzer $ubsan || fail "cannot build a UBSan target"
bbc libfuzzer undefined "$a/t_ubsan"
[ "$rc" -eq 0 ] && pass "a UBSan build passes as undefined" || { fail "a UBSan build:"; echo "$out"; }
bbc libfuzzer undefined "$a/t_mixed"
echo "$out" | grep -q "seems to be compiled with ASan" && [ "$rc" -ne 0 ] &&
	pass "an undefined build with ASan fails" || { fail "an ASan+UBSan build passes as undefined:"; echo "$out"; }
bbc libfuzzer memory "$a/t_asan"
echo "$out" | grep -q "seems to be compiled with ASan" && [ "$rc" -ne 0 ] &&
	pass "a memory build with ASan fails" || { fail "an ASan build passes as memory:"; echo "$out"; }

n="$scratch/nocov"
mkdir -p "$n"
clang-14 -O1 -fsanitize=address -c "$src" -o "$n/t.o" && clang-14 -fsanitize=address,fuzzer "$n/t.o" -o "$n/t_nocov"
bbc libfuzzer address "$n/t_nocov"
echo "$out" | grep -q "does not seem to have coverage instrumentation" && [ "$rc" -ne 0 ] &&
	pass "a target without coverage instrumentation fails" || { fail "uninstrumented target:"; echo "$out"; }

# test_all: discovery and the moved $OUT.
o="$scratch/out"
build "$o" good -fsanitize=address,fuzzer
build "$o" needs_out -fsanitize=address,fuzzer "-DNEEDS=\"$o/needs_out.dat\""
echo data >"$o/needs_out.dat"
cp "$o/good" "$o/llvm-symbolizer"
cp "$o/good" "$o/afl-fuzz"
cp "$o/good" "$o/not_executable" && chmod -x "$o/not_executable"
printf '#!/bin/sh\necho hello\n' >"$o/script" && chmod +x "$o/script"
(cd "$o" && ./needs_out -runs=1 >/dev/null 2>&1) && pass "needs_out runs in its build-time \$OUT" ||
	fail "needs_out does not run even in place"
out=$(FUZZING_ENGINE=libfuzzer SANITIZER=address OFZ_TMP="$scratch" sh "$runner" test_all "$o" 2>&1)
rc=$?
checked=$(echo "$out" | sed -n 's|^INFO: performed bad build checks for .*/||p' | sort | tr '\n' ' ')
[ "$checked" = "good needs_out " ] && pass "test_all finds the targets as upstream: $checked" ||
	fail "test_all checked: $checked (want: good needs_out)"
echo "$out" | grep -q "cannot open $o/needs_out.dat" &&
	pass "test_all moves \$OUT first: a target that reads its build-time \$OUT fails" ||
	{ fail "needs_out was not caught:"; echo "$out" | tail -n 10; }
[ "$rc" -ne 0 ] && pass "1 broken target of 2 is over the 10% allowed" || fail "test_all passed with a broken target"
[ -x "$o/good" ] && [ -f "$o/needs_out.dat" ] && pass "test_all moves \$OUT back" || fail "test_all did not move \$OUT back"

# run_fuzzer: the .options file's settings reach libFuzzer and the sanitizer.
printf 'ab\ncd\n' | sed 's/.*/"&"/' >"$o/other.dict"
printf '[libfuzzer]\ndict = other.dict\nmax_len = 9\n\n[asan]\nmalloc_fill_byte = 171\n' >"$o/good.options"
out=$(cd "$scratch" && FUZZING_ENGINE=libfuzzer SANITIZER=address OFZ_TMP="$scratch" OUT="$o" SKIP_SEED_CORPUS=1 \
	sh "$runner" run_fuzzer good -runs=4 2>&1)
echo "$out" | grep -q -- "-dict=other.dict -max_len=9" && echo "$out" | grep -q "Dictionary: 2 entries" &&
	echo "$out" | grep -q "Done 4 runs" && pass "run_fuzzer takes the dict and max_len of the .options file" ||
	{ fail "run_fuzzer and the options file:"; echo "$out" | head -n 5; }
printf '#include <stdlib.h>\n#include <string.h>\nint LLVMFuzzerInitialize(int *c, char ***v) { const char *o = getenv("ASAN_OPTIONS"); if (!o || !strstr(o, ":malloc_fill_byte=171")) abort(); return 0; }\n' >"$scratch/env.c"
clang-14 -O1 -fsanitize=address,fuzzer "$scratch/env.c" "$src" -o "$o/good" 2>>"$scratch/build.log"
out=$(cd "$scratch" && FUZZING_ENGINE=libfuzzer SANITIZER=address OFZ_TMP="$scratch" OUT="$o" SKIP_SEED_CORPUS=1 \
	sh "$runner" run_fuzzer good -runs=4 2>&1)
echo "$out" | grep -q "Done 4 runs" && pass "run_fuzzer appends the .options file's [asan] to ASAN_OPTIONS" ||
	{ fail "run_fuzzer and [asan]:"; echo "$out" | tail -n 5; }

# AFL++: bad_build_check starts it with SKIP_SEED_CORPUS=1.
f="$scratch/afl"
mkdir -p "$f/seeds"
AFL_QUIET=1 afl-clang-fast -O1 -fsanitize=address -c "$src" -o "$f/t.o" 2>>"$scratch/build.log" &&
	AFL_QUIET=1 afl-clang-fast++ -fsanitize=address "$f/t.o" /usr/lib/afl/libAFLDriver.a -o "$f/t_afl" 2>>"$scratch/build.log" ||
	fail "cannot build an AFL++ target"
cp -L /usr/bin/afl-fuzz "$f/"
: >"$f/afl_options.txt"
printf 'CRASH...' >"$f/seeds/crash"
(cd "$f/seeds" && zip -q "$f/t_afl_seed_corpus.zip" crash)
bbc afl address "$f/t_afl"
[ "$rc" -eq 0 ] && pass "AFL++ reaches All set and ready to roll" ||
	{ fail "AFL++ bad_build_check:"; echo "$out" | grep -v '^AFL_' | tail -n 15; }
grep -q "Using seed corpus" "$scratch/t_afl.output" && fail "bad_build_check's AFL++ run used the seed corpus" ||
	pass "bad_build_check's AFL++ run leaves the seed corpus out"
out=$(FUZZING_ENGINE=afl SANITIZER=address OFZ_TMP="$scratch" OUT="$f" AFL_NO_UI=1 \
	timeout -s INT 5s sh "$runner" run_fuzzer t_afl 2>&1)
echo "$out" | grep -q "Using seed corpus: t_afl_seed_corpus.zip" &&
	pass "run_fuzzer without SKIP_SEED_CORPUS uses it (the control)" || { fail "the control:"; echo "$out" | head -n 5; }
finish
