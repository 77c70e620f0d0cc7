#!/bin/sh
# The local OSS-Fuzz check: checks ci/oss-fuzz/ as OSS-Fuzz's presubmit does
# (and reports project.yaml's values a maintainer must still set), then makes
# every build OSS-Fuzz makes from project.yaml (each engine with each
# sanitizer it supports: AFL++ with address only; plus the coverage build) the
# way the builder makes it (ci/tools/oss_fuzz_compile.sh: the Dockerfile's layout,
# the base images' flags, bash -eux build.sh) and runs the base-runner's
# test_all on it (ci/tools/oss_fuzz_runner.sh: $OUT moved, targets found there,
# bad_build_check's rules and thresholds, run_fuzzer with the .options file,
# AFL++ with SKIP_SEED_CORPUS=1); the coverage build gets its llvm-cov report.
# Ends with a table of the figures and "N passed, M failed".
# Run: sh ci/oss_fuzz_check.sh [--src TREE] [BUILD...]
#   TREE: the source tree to build (default: this one); BUILD: ENGINE-SANITIZER
#   (libfuzzer-address, ...), default every build of `ci/tools/oss_fuzz_presubmit.sh builds`.
set -u
cd "$(dirname "$0")/.."
root=$(pwd)
tree=$root
while [ $# -gt 0 ]; do
	case $1 in
	--src) [ $# -ge 2 ] && [ -d "$2" ] || { echo "oss_fuzz_check.sh: --src needs a directory" >&2; exit 2; }
		tree=$(cd "$2" && pwd); shift 2 ;;
	-*) echo "oss_fuzz_check.sh: unknown option $1 (usage: [--src TREE] [ENGINE-SANITIZER...])" >&2; exit 2 ;;
	*) break ;;
	esac
done
sh ci/setup.sh || exit 1
. ci/lib/manifest.sh
. ci/lib/testlib.sh
all_builds=$(sh ci/tools/oss_fuzz_presubmit.sh builds "$tree/ci/oss-fuzz") || exit 2
builds=${*:-$all_builds}
for b in $builds; do
	echo "$all_builds" | grep -qx -- "$b" ||
		{ echo "oss_fuzz_check.sh: OSS-Fuzz makes no build '$b' here (it makes: $(echo $all_builds))" >&2; exit 2; }
done
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
targets=$(manifest_targets default)

# presubmit: errors fail; maintainer-must-set values are reported as warnings.
if sh ci/tools/oss_fuzz_presubmit.sh check "$tree/ci/oss-fuzz" >"$scratch/presubmit" 2>&1; then
	pass "presubmit of ci/oss-fuzz"
else
	fail "presubmit of ci/oss-fuzz:"
fi
cat "$scratch/presubmit"

figures="$scratch/figures"
: >"$figures"
for b in $builds; do
	engine=${b%%-*} sanitizer=${b#*-}
	d="$scratch/$b"
	mkdir -p "$d/tmp"
	if ! workdir=$(sh ci/tools/oss_fuzz_compile.sh stage oss-fuzz "$tree" "$d/src" 2>"$d/stage.log"); then
		fail "$b: the Dockerfile does not stage:"
		cat "$d/stage.log"
		continue
	fi
	if ! sh ci/tools/oss_fuzz_compile.sh compile "$engine" "$sanitizer" "$d/src" "$workdir" "$d/out" "$d/work" \
		>"$d/build.log" 2>&1; then
		fail "$b: build.sh failed:"
		tail -n 20 "$d/build.log"
		continue
	fi
	pass "$b: build.sh"
	for t in $targets; do
		for f in "$t" "${t}_seed_corpus.zip" "$t.dict" "$t.options"; do
			[ -s "$d/out/$f" ] || fail "$b: build.sh wrote no $f"
		done
	done
	if [ "$sanitizer" = coverage ]; then
		for t in $targets; do
			mkdir -p "$d/corpus/$t" && unzip -q -o "$d/out/${t}_seed_corpus.zip" -d "$d/corpus/$t"
		done
		if OUT="$d/out" FUZZING_ENGINE=$engine SANITIZER=$sanitizer OFZ_TMP="$d/tmp" \
			sh ci/tools/oss_fuzz_runner.sh coverage "$d/corpus" >"$d/coverage.log" 2>&1 &&
			[ -s "$d/out/report/index.html" ] &&
			lines=$(python3 -c 'import json,sys; t=json.load(open(sys.argv[1]))["data"][0]["totals"]["lines"]; print(t["covered"], t["count"]) if t["covered"] > 0 else sys.exit(1)' \
				"$d/out/report/linux/summary.json"); then
			set -- $lines
			pass "$b: llvm-cov report of the seed corpora: $1 of $2 lines"
			# every default target's allocators' own sources (their ports' files)
			for a in $(for t in $targets; do manifest_list "$(manifest_get target "$t" allocators)"; done | sort -u); do
				for f in $(manifest_list "$(manifest_field "$(manifest_line library "//allocators/$a:fixed")" srcs)"); do
					grep -q "/${f##*/}\"" "$d/out/report/linux/summary.json" || fail "$b: the report has no ${f##*/}"
				done
			done
			echo "$b - lines=$1/$2" >>"$figures"
		else
			fail "$b: coverage report:"
			tail -n 20 "$d/coverage.log"
		fi
		continue
	fi
	OUT="$d/out" FUZZING_ENGINE=$engine SANITIZER=$sanitizer OFZ_TMP="$d/tmp" \
		sh ci/tools/oss_fuzz_runner.sh test_all "$d/out" >"$d/test_all.log" 2>&1
	rc=$?
	found=$(sed -n 's/^figures: \([^ ]*\) .*/\1/p' "$d/test_all.log" | sort | tr '\n' ' ')
	want=$(echo "$targets" | sort | tr '\n' ' ')
	if [ "$rc" -eq 0 ] && ! grep -q "BAD BUILD" "$d/test_all.log"; then
		pass "$b: test_all (bad_build_check on every target)"
	else
		fail "$b: test_all:"
		grep -v '^AFL_' "$d/test_all.log" | tail -n 40
	fi
	if [ "$found" = "$want" ]; then
		pass "$b: targets found in \$OUT are bazel/targets.bzl's: $found"
	else
		fail "$b: targets found in \$OUT: $found; bazel/targets.bzl's: $want"
	fi
	[ -z "$(ls -A "$d/tmp/not-out" 2>/dev/null)" ] || fail "$b: test_all left files in its moved \$OUT"
	[ -x "$d/out/$(echo "$targets" | head -n 1)" ] || fail "$b: test_all did not move \$OUT back"
	sed -n "s/^figures: /$b /p" "$d/test_all.log" >>"$figures"
done

# What upstream requires, beside what the builds gave.
echo "build target figures (upstream: edges > 0, warn < 100; address: asan >= 1000, ubsan <= 200,"
echo "  msan <= 3, dfsan 0; undefined (libFuzzer): ubsan >= 168, asan 0, msan <= 3; memory: msan >= 1000,"
echo "  asan 0, ubsan <= 200; AFL++: no edge count; coverage: a report)"
cat "$figures"
finish
