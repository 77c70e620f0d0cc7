#!/bin/bash -eu
# Copyright 2026 the allocfuzz authors
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#      http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.
#
################################################################################
# OSS-Fuzz / ClusterFuzzLite build script of allocfuzz: builds the default fuzz
# targets of bazel/targets.bzl against the fixed allocators (the seeds with
# the fixes of bazel/findings.bzl applied in order) with the builder's $CC $CXX
# $CFLAGS $CXXFLAGS $LIB_FUZZING_ENGINE into $OUT ($WORK is scratch), each with
# <target>_seed_corpus.zip, <target>.dict and <target>.options. No Bazel.
# Every target has the structure-aware mutator (libFuzzer's custom mutator
# hooks; AFL++ builds also get $OUT/allocfuzz_afl_mutator.so for
# AFL_CUSTOM_MUTATOR_LIBRARY) and the allocator-state probe, both on;
# ALLOCFUZZ_MUTATOR=off or ALLOCFUZZ_STATE=off in the build's environment
# builds without the mutator or with the probe off by default.
# Run: by the builder, from the Dockerfile's WORKDIR (the source tree):
#   bash -eux $SRC/build.sh;   locally: sh ci/oss_fuzz_check.sh
set -euo pipefail	# errors stop the build however it is started ("bash build.sh" ignores the #! flags)

# What every target links besides the allocators and fuzzers/<target>.c: ci/lib/lib.sh's lib_harness_sources.
HARNESS_INCLUDES="-Ishim/include -Ishim/src -Iallocators -Iinvariants -Ifuzzers"
# The allocators: allocators/<name>/<name>.c, patched by allocators/<name>/fixes/.
ALLOCATORS="xvmalloc xcfmalloc"

die() { echo "build.sh: $*" >&2; exit 1; }

[ -f ci/lib/lib.sh ] && [ -f bazel/targets.bzl ] ||
	die "run me from the allocfuzz source tree (the Dockerfile's WORKDIR), not $PWD"
for v in CC CXX CFLAGS CXXFLAGS LIB_FUZZING_ENGINE OUT WORK; do
	[ -n "${!v:-}" ] || die "\$$v is not set (the builder sets it)"
done
. ci/lib/lib.sh
targets=$(lib_targets default)
findings=$(lib_findings)
[ -n "$targets" ] || die "no default target in bazel/targets.bzl"
[ -n "$findings" ] || die "no finding with a fix in bazel/findings.bzl"

build="$WORK/allocfuzz-build"
rm -rf "$build"
mkdir -p "$build/obj" "$build/seeds"

# The fixed variants, as bazel/variant.bzl makes them: every fix, in findings.bzl's order.
for a in $ALLOCATORS; do
	mkdir -p "$build/$a"
	cp "allocators/$a"/*.c "allocators/$a"/*.h "$build/$a/"
done
echo "$findings" | while read -r id _; do
	set -- allocators/*/fixes/"$id"-*.patch
	[ $# -eq 1 ] && [ -f "$1" ] || die "finding $id: want one allocators/*/fixes/$id-*.patch, found: $*"
	a=$(basename "$(dirname "$(dirname "$1")")")
	patch --quiet --forward --no-backup-if-mismatch -p1 -d "$build/$a" <"$1" ||
		die "fix $1 does not apply to the seed of $a"
done

inc="$HARNESS_INCLUDES"
for a in $ALLOCATORS; do inc="-I$build/$a $inc"; done
# Coverage feedback from the allocators only, as the Bazel build (bazel/copts.bzl).
harness_cflags="$CFLAGS -std=gnu11 -D_GNU_SOURCE"
case "$CFLAGS" in *fuzzer-no-link*) harness_cflags="$harness_cflags -fno-sanitize=fuzzer-no-link" ;; esac
# The deep-state switches (fuzzers/mutator.h, fuzzers/state_probe.h), at build time here.
for v in ALLOCFUZZ_MUTATOR ALLOCFUZZ_STATE; do
	case "${!v:-on}" in on|off) ;; *) die "$v=${!v}: expected on or off" ;; esac
done
[ "${ALLOCFUZZ_STATE:-on}" = on ] || harness_cflags="$harness_cflags -DALLOCFUZZ_STATE_DEFAULT=0"
if [ "${FUZZING_ENGINE:-libfuzzer}" = afl ]; then
	export AFL_LLVM_ALLOWLIST="$PWD/bazel/afl_allowlist.txt"
fi

objs=""
for a in $ALLOCATORS; do
	$CC $CFLAGS -std=gnu11 $inc -c "$build/$a/$a.c" -o "$build/obj/$a.o"
	objs="$objs $build/obj/$a.o"
done
probe=" $(lib_probe_sources) "
mutator=
[ "${ALLOCFUZZ_MUTATOR:-on}" = off ] || mutator=$(lib_mutator_sources)
for f in $(lib_harness_sources) $mutator; do
	[ -f "$f" ] || die "harness source $f is missing"
	o="$build/obj/$(echo "$f" | tr / _ | sed 's/\.c$/.o/')"
	case "$probe" in
	*" $f "*) $CC $CFLAGS -std=gnu11 -D_GNU_SOURCE $inc -c "$f" -o "$o" ;;	# instrumented: state feedback
	*) $CC $harness_cflags $inc -c "$f" -o "$o" ;;
	esac
	objs="$objs $o"
done
# AFL++'s custom mutator library: a host build that afl-fuzz loads, no sanitizer.
if [ "${FUZZING_ENGINE:-libfuzzer}" = afl ] && [ -n "$mutator" ]; then
	${BUILD_CC:-cc} -std=gnu11 -O2 -shared -fPIC $inc fuzzers/mutator_afl.c fuzzers/mutator.c \
		fuzzers/size_edges.c fuzzers/ops.c fuzzers/env_switch.c -o "$OUT/allocfuzz_afl_mutator.so"
fi

# The text tool, for the seed corpora: a host build, no sanitizer or engine.
${BUILD_CC:-cc} -std=gnu11 -O1 $inc fuzzers/opstext.c fuzzers/ops.c -o "$build/opstext"

for t in $targets; do
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
