#!/bin/sh
# Line and branch coverage of the allocators from the committed corpora (or
# from the directories given), for the fixed and the seed variant: an HTML
# report and a per-file text summary each, under out/coverage-<variant>/.
# Run: sh ci/coverage.sh [CORPUS_DIR...]   (default: every corpus/ target + regressions)
set -u
cd "$(dirname "$0")/.."
sh ci/setup.sh || exit 1
. ci/lib/manifest.sh
targets=$(manifest_targets default)
for variant in fixed seed; do
	cfg="--config=coverage"
	[ "$variant" = seed ] && cfg="$cfg --config=seed"
	labels=""
	for t in $targets; do labels="$labels //fuzzers:${t}_replay //corpus:$t"; done
	bazel build $cfg $labels //corpus:regressions >/dev/null 2>&1 || {
		echo "coverage: build failed (bazel build $cfg $labels)" >&2
		exit 2
	}
	bin=$(bazel info $cfg bazel-bin 2>/dev/null)
	out="out/coverage-$variant"
	rm -rf "$out" && mkdir -p "$out/profiles"
	objects=""
	for t in $targets; do
		inputs="${*:-$bin/corpus/bin/$t corpus/regressions}"
		n=0
		# One process per input: an input that aborts loses only its own profile.
		for f in $(find $inputs -type f ! -name '*.txt' ! -name '*.expect' ! -name '*.md' | sort); do
			n=$((n + 1))
			( LLVM_PROFILE_FILE="$out/profiles/$t-$n.profraw" "$bin/fuzzers/${t}_replay" "$f" \
				>/dev/null 2>&1; : ) 2>/dev/null
		done
		objects="${objects:+$objects -object }$bin/fuzzers/${t}_replay"
	done
	llvm-profdata-14 merge -sparse "$out"/profiles/*.profraw -o "$out/all.profdata"
	# Only the allocators' own sources (allocators/NAME/NAME.c, or its fixed/ copy):
	# the harness, the shim, the oracles, the adapters and the registry are not what is measured.
	only="-ignore-filename-regex=(shim|fuzzers|invariants|_virtual_includes|oracles)/|(^|/)allocators/[^/]*\.c$|/(adapter|size_class)\.c$|\.h$"
	# shellcheck disable=SC2086
	llvm-cov-14 show -format=html -output-dir="$out/html" -instr-profile="$out/all.profdata" \
		"$only" $objects >/dev/null
	# shellcheck disable=SC2086
	llvm-cov-14 report -instr-profile="$out/all.profdata" "$only" $objects | tee "$out/summary.txt"
	# shellcheck disable=SC2086
	llvm-cov-14 show -instr-profile="$out/all.profdata" "$only" $objects \
		>"$out/lines.txt"
	echo "coverage ($variant): $out/summary.txt, $out/html/index.html, line counts in $out/lines.txt"
done
