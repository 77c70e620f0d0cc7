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
# targets with the builder's $CC $CXX $CFLAGS $CXXFLAGS $LIB_FUZZING_ENGINE
# into $OUT ($WORK is scratch), each with <target>_seed_corpus.zip,
# <target>.dict and <target>.options. No Bazel: what to compile comes from
# bazel/build.manifest, the BUILD files' own description of each binary
# (its libraries' sources, include directories and options; the fixed
# allocator variants, as the seeds with their fixes applied in order).
# Every target has the structure-aware mutator (libFuzzer's custom mutator
# hooks; AFL++ builds also get $OUT/allocfuzz_afl_mutator.so for
# AFL_CUSTOM_MUTATOR_LIBRARY) and the allocator-state probe, both on;
# ALLOCFUZZ_MUTATOR=off or ALLOCFUZZ_STATE=off in the build's environment
# builds without the mutator or with the probe off by default.
# Run: by the builder, from the Dockerfile's WORKDIR (the source tree):
#   bash -eux $SRC/build.sh;   locally: sh ci/oss_fuzz_check.sh
set -euo pipefail	# errors stop the build however it is started ("bash build.sh" ignores the #! flags)
shopt -s inherit_errexit	# and inside $(...), where the objects are compiled

die() { echo "build.sh: $*" >&2; exit 1; }

[ -f ci/lib/manifest.sh ] && [ -f bazel/build.manifest ] ||
	die "run me from the allocfuzz source tree (the Dockerfile's WORKDIR), not $PWD"
for v in CC CXX CFLAGS CXXFLAGS LIB_FUZZING_ENGINE OUT WORK; do
	[ -n "${!v:-}" ] || die "\$$v is not set (the builder sets it)"
done
. ci/lib/manifest.sh
targets=$(manifest_targets default)
[ -n "$targets" ] || die "no default target in bazel/build.manifest"
# The C dialect every Bazel configuration compiles with (.bazelrc, through the manifest).
std=$(manifest_list "$(manifest_get config asan-ubsan copts)" | grep '^-std=' | tail -n 1)
[ -n "$std" ] || die "bazel/build.manifest names no -std= for the asan-ubsan configuration"

build="$WORK/allocfuzz-build"
gen="$build/gen"	# where the manifest's "@path" files are made
rm -rf "$build"
mkdir -p "$build/obj" "$build/seeds" "$gen"

# The deep-state switches (fuzzers/mutator.h, fuzzers/state_probe.h), at build time here.
for v in ALLOCFUZZ_MUTATOR ALLOCFUZZ_STATE; do
	case "${!v:-on}" in on|off) ;; *) die "$v=${!v}: expected on or off" ;; esac
done
defines=""
[ "${ALLOCFUZZ_STATE:-on}" = on ] || defines="-DALLOCFUZZ_STATE_DEFAULT=0"
if [ "${FUZZING_ENGINE:-libfuzzer}" = afl ]; then
	export AFL_LLVM_ALLOWLIST="$PWD/bazel/afl_allowlist.txt"	# the allocators and the probe, as Bazel builds them
fi

# The variants the binaries link: each base's files, patched in the manifest's order.
manifest_variants "$gen" || die "a fix does not apply; see above"
flags="$CFLAGS $std $defines"
host_flags="$std $defines"

# Without the mutator: its libFuzzer hooks are left out, so libFuzzer mutates alone.
skip=""
[ "${ALLOCFUZZ_MUTATOR:-on}" = on ] || skip="//fuzzers:mutator_libfuzzer"

# AFL++'s custom mutator library: a host build that afl-fuzz loads, no sanitizer.
if [ "${FUZZING_ENGINE:-libfuzzer}" = afl ] && [ -z "$skip" ]; then
	objs=$(manifest_compile_binary "${BUILD_CC:-cc}" "-O2 -fPIC $host_flags" \
		//fuzzers:allocfuzz_afl_mutator.so "$gen" "$build/obj" host)
	${BUILD_CC:-cc} -shared $objs -o "$OUT/allocfuzz_afl_mutator.so"
fi

# The text tool, for the seed corpora: a host build, no sanitizer or engine.
objs=$(manifest_compile_binary "${BUILD_CC:-cc}" "-O1 $host_flags" //fuzzers:opstext "$gen" \
	"$build/obj" host)
${BUILD_CC:-cc} $objs -lpthread -o "$build/opstext"

for t in $targets; do
	objs=$(manifest_compile_binary "$CC" "$flags" "//fuzzers:${t}_libfuzzer" "$gen" "$build/obj" $skip)
	$CXX $CXXFLAGS $objs $LIB_FUZZING_ENGINE -lpthread -o "$OUT/$t"
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
