#!/bin/sh
# Runs ci/oss-fuzz/build.sh the way OSS-Fuzz does (libFuzzer and AFL++, each
# with address and with undefined), then checks what OSS-Fuzz's check_build
# checks: each target prints "Done 4 runs" for -seed=1337 -runs=4, has
# coverage instrumentation (warns under 100 edges), carries the requested
# sanitizer's calls (>= 1000 __asan, >= 168 __ubsan in the binary) and no
# other's (in our objects: the runtimes themselves call across), and
# under AFL++ reaches "All set and ready to roll" within 35 s.
# Run: sh ci/oss_fuzz_check.sh   (ends with "N passed, M failed")
set -u
cd "$(dirname "$0")/.."
sh ci/setup.sh || exit 1
. ci/lib.sh
. ci/testlib.sh
root=$(pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
targets=$(lib_targets default)
ubsan="array-bounds,bool,builtin,enum,float-divide-by-zero,integer-divide-by-zero,null,object-size,return,returns-nonnull-attribute,shift,signed-integer-overflow,unreachable,vla-bound"

calls() {	# calls BINARY PREFIX: call sites of PREFIX* functions
	objdump -d --no-show-raw-insn "$1" | grep -cE "call.*<$2"
}

refs() {	# refs OBJDIR REGEX: references of our objects to sanitizer functions
	nm -u "$1"/*.o | grep -cE " ($2)"
}

for engine in libfuzzer afl; do
	for sanitizer in address undefined; do
		name="$engine-$sanitizer"
		out="$scratch/$name/out" work="$scratch/$name/work"
		mkdir -p "$out" "$work"
		base="-O1 -fno-omit-frame-pointer -gline-tables-only"
		if [ "$sanitizer" = address ]; then
			san="-fsanitize=address -fsanitize-address-use-after-scope"
		else
			san="-fsanitize=$ubsan -fno-sanitize-recover=$ubsan"
		fi
		if [ "$engine" = libfuzzer ]; then
			cc=clang-14 cxx=clang++-14 lib="-fsanitize=fuzzer" cov="-fsanitize=fuzzer-no-link"
		else
			cc=afl-clang-fast cxx=afl-clang-fast++ lib=/usr/lib/afl/libAFLDriver.a cov=""
		fi
		if ! env CC="$cc" CXX="$cxx" CFLAGS="$base $san $cov" CXXFLAGS="$base $san $cov" \
			LIB_FUZZING_ENGINE="$lib" FUZZING_ENGINE="$engine" SANITIZER="$sanitizer" \
			ARCHITECTURE=x86_64 SRC="$scratch" ALLOCFUZZ_SRC="$root" OUT="$out" WORK="$work" \
			AFL_QUIET=1 bash ci/oss-fuzz/build.sh >"$scratch/$name.log" 2>&1; then
			fail "$name: build.sh failed:"
			tail -n 20 "$scratch/$name.log"
			continue
		fi
		pass "$name: build.sh"
		for t in $targets; do
			for f in "$t" "${t}_seed_corpus.zip" "$t.dict" "$t.options"; do
				[ -s "$out/$f" ] || fail "$name: $out/$f is missing"
			done
			objs="$work/allocfuzz-build/obj"
			if [ "$sanitizer" = address ]; then
				want=$(calls "$out/$t" __asan) min=1000
				extra=$(refs "$objs" "__ubsan|__msan|__tsan|__dfsan")
			else
				want=$(calls "$out/$t" __ubsan) min=168
				extra=$(refs "$objs" "__asan|__msan|__tsan|__dfsan")
			fi
			if [ "$want" -ge "$min" ] && [ "$extra" -eq 0 ]; then
				pass "$name $t: $want $sanitizer calls, none of other sanitizers"
			else
				fail "$name $t: $want $sanitizer calls (need $min), $extra of other sanitizers"
			fi
			if [ "$engine" = libfuzzer ]; then
				log="$scratch/$name-$t.run"
				(cd "$scratch" && "$out/$t" -seed=1337 -runs=4 >"$log" 2>&1)
				edges=$(sed -n 's/.*Loaded [0-9]* modules *(\([0-9]*\) inline 8-bit counters).*/\1/p' "$log" | head -n 1)
				if grep -q "Done 4 runs" "$log" && ! grep -q "no interesting inputs" "$log" &&
					[ -n "$edges" ] && [ "$edges" -gt 0 ]; then
					pass "$name $t: Done 4 runs, $edges edges"
					[ "$edges" -ge 100 ] || echo "warning: $name $t has only $edges edges"
				else
					fail "$name $t: -seed=1337 -runs=4 did not finish cleanly:"
					tail -n 15 "$log"
				fi
			else
				seeds="$scratch/$name-$t.seeds"
				mkdir -p "$seeds" && (cd "$seeds" && unzip -q -o "$out/${t}_seed_corpus.zip")
				log="$scratch/$name-$t.afl"
				( lib_afl_env
				exec timeout 35 afl-fuzz -i "$seeds" -o "$scratch/$name-$t.findings" -V 3 -m none \
					-- "$out/$t" >"$log" 2>&1 )
				if grep -q "All set and ready to roll" "$log"; then
					pass "$name $t: All set and ready to roll"
				else
					fail "$name $t: afl-fuzz did not start:"
					tail -n 15 "$log"
				fi
			fi
		done
	done
done
finish
