#!/bin/bash -eu
# OSS-Fuzz / ClusterFuzzLite build script: builds every allocfuzz target with
# the compiler, flags and engine the builder gives ($CC $CXX $CFLAGS
# $CXXFLAGS $LIB_FUZZING_ENGINE $SANITIZER $FUZZING_ENGINE, into $OUT, with
# $WORK as scratch), plus <target>_seed_corpus.zip, <target>.dict and
# <target>.options beside each target. No Bazel: plain $CC, as the contract says.
# Run: by the builder; locally through ci/oss_fuzz_check.sh.
set -eu	# also when started as "bash build.sh", which ignores the #! line's flags
SRC_DIR=${ALLOCFUZZ_SRC:-$SRC/allocfuzz}
cd "$SRC_DIR"
. ci/lib.sh
build="$WORK/allocfuzz-build"
rm -rf "$build"
mkdir -p "$build/xv" "$build/xcf" "$build/obj"

# The fixed variants: the seed sources with their fixes applied in order.
cp allocators/xvmalloc/*.c allocators/xvmalloc/*.h "$build/xv/"
cp allocators/xcfmalloc/*.c allocators/xcfmalloc/*.h "$build/xcf/"
for p in allocators/xvmalloc/fixes/*.patch; do patch -s -p1 -d "$build/xv" <"$p"; done
for p in allocators/xcfmalloc/fixes/*.patch; do patch -s -p1 -d "$build/xcf" <"$p"; done

inc="-Ishim/include -Ishim/src -Iallocators -Iinvariants -Ifuzzers -I$build/xv -I$build/xcf"
# Coverage feedback from the allocators only (as the Bazel build does).
harness_cflags="$CFLAGS -std=gnu11 -D_GNU_SOURCE"
case "$CFLAGS" in *fuzzer-no-link*) harness_cflags="$harness_cflags -fno-sanitize=fuzzer-no-link" ;; esac
if [ "${FUZZING_ENGINE:-libfuzzer}" = afl ]; then
	export AFL_LLVM_ALLOWLIST="$SRC_DIR/bazel/afl_allowlist.txt"
fi

objs=""
for f in "$build/xv/xvmalloc.c" "$build/xcf/xcfmalloc.c"; do
	o="$build/obj/$(basename "$f" .c).o"
	$CC $CFLAGS -std=gnu11 $inc -c "$f" -o "$o"
	objs="$objs $o"
done
for f in $(lib_harness_sources); do
	o="$build/obj/$(echo "$f" | tr / _ | sed 's/\.c$/.o/')"
	$CC $harness_cflags $inc -c "$f" -o "$o"
	objs="$objs $o"
done

# The text tool, for the seed corpora: a host build, no sanitizer or engine.
${BUILD_CC:-cc} -std=gnu11 -O1 $inc fuzzers/opstext.c fuzzers/ops.c -o "$build/opstext"

for t in $(lib_targets default); do
	$CC $harness_cflags $inc -c "fuzzers/$t.c" -o "$build/obj/$t.o"
	$CXX $CXXFLAGS "$build/obj/$t.o" $objs $LIB_FUZZING_ENGINE -lpthread -o "$OUT/$t"
	mkdir -p "$build/seeds/$t"
	for txt in corpus/"$t"/*.txt; do
		"$build/opstext" encode "$txt" "$build/seeds/$t/$(basename "$txt" .txt)"
	done
	for bin in corpus/regressions/*.bin; do
		cp "$bin" "$build/seeds/$t/regression-$(basename "$bin" .bin)"
	done
	rm -f "$OUT/${t}_seed_corpus.zip"
	(cd "$build/seeds/$t" && zip -q -r "$OUT/${t}_seed_corpus.zip" .)
	cp corpus/allocfuzz.dict "$OUT/$t.dict"
	cat >"$OUT/$t.options" <<OPTIONS
[libfuzzer]
dict = $t.dict

[asan]
detect_leaks = 1

[ubsan]
halt_on_error = 1
print_stacktrace = 1
OPTIONS
done
