#!/bin/sh
# mutation.sh: mutation testing of the harness's oracles (a benchmark: it
# prints figures, it is not a timed test).  Runs ci/mutants.sh: a seeded
# sample of mutants of each fixed allocator, each built and tried in stages
# (the committed corpora, libFuzzer for SECONDS, threads_fuzz under
# ThreadSanitizer for SECONDS, the corpus again under MemorySanitizer), and
# reports the kill rate per stage, the first
# report line of every kill, the survivors and the equivalent mutants of
# bench/mutation/equivalent.tsv with their arguments.  Writes
# OUTDIR/mutation.md and OUTDIR/data/mutants.tsv, and prints the report.
# Run: sh bench/mutation.sh OUTDIR [--quick]
#   full: SAMPLE=100 per allocator, SECONDS=60;  --quick: SAMPLE=4, SECONDS=2
set -eu

. "$(dirname "$0")/part.sh"
part_init mutation "$@"
mkdir -p "$out/data"
if [ -n "$quick" ]; then sample=4 seconds=2; else sample=100 seconds=60; fi

# Exit 1 (a refuted or stale equivalence claim) still has its report, which says so.
sh ci/mutants.sh --sample "$sample" --fuzz-seconds "$seconds" --out "$tmp/m" >"$tmp/log" 2>&1 ||
	[ $? -eq 1 ] || { tail -n 30 "$tmp/log" >&2; part_die "ci/mutants.sh failed"; }
cp "$tmp/m/mutants.tsv" "$out/data/"
# The command's report, one heading level down, as a section of the bench's.
sed -e '1s/.*/## Mutation testing/' -e '2,$s/^#/##/' \
	-e "s#command: \`sh ci/mutants.sh\`#command: \`sh ci/mutants.sh --sample $sample --fuzz-seconds $seconds\`#" \
	"$tmp/m/mutants.md" >"$out/mutation.md"
cat "$out/mutation.md"
