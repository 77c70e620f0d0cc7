#!/bin/sh
# Mutation testing of the harness: how many small faults injected into the
# fixed allocators its oracles report. For each allocator (bazel/build.manifest
# lists them; each one's port is one C file), a seeded sample of the mutants
# bench/mutation/mutate lists (operators, constants, negations, deleted
# statements, locks removed or moved, kmap slots swapped, flags set where
# cleared) is built (only the allocator's object is recompiled; the harness
# objects are built once, from the manifest's description of each binary,
# with the options Bazel gives each configuration) and tried in stages, each
# only on the survivors of the one before:
#   corpus  replay of the committed corpora and regression inputs of every
#           target that links the allocator (ASan+UBSan, every oracle on);
#   fuzz    libFuzzer on the allocator's own target (<allocator>_fuzz) for --fuzz-seconds;
#   tsan    threads_fuzz under ThreadSanitizer for --fuzz-seconds, from its
#           own and the allocator's corpus: races, and the paths only a
#           concurrent task reaches (allocators that join threads_fuzz);
#   msan    the corpus stage's replays again under MemorySanitizer: a read
#           of a local, field or page byte never written, which the
#           poison bytes of the other builds may hide (run even with
#           --fuzz-seconds 0).
# A mutant that does not compile is stillborn and left out. A survivor
# listed in bench/mutation/equivalent.tsv is equivalent (with its
# argument); any other is a survivor: a missing oracle or corpus input.
# Writes OUT/mutants.tsv (one row a mutant) and OUT/mutants.md, prints the
# latter. The kill rate is a figure, not a pass mark: the exit status is 0
# when it ran, 1 when an equivalence claim is refuted or stale, 2 on errors.
# Run: sh ci/mutants.sh [--allocator NAME|all] [--sample N]
#        [--seed S] [--fuzz-seconds S] [--jobs N] [--ids ID,...]
#        [--equivalent FILE] [--out DIR]
# Defaults: all, 100 per allocator, seed 1, 60 s, all cores,
# bench/mutation/equivalent.tsv, out/mutants-<date>/ (an existing OUT is
# refused). --ids tries exactly those mutants (of a single --allocator)
# instead of a sample. A listed equivalent that is killed (the claim is
# refuted) or that matches no mutant of the source any more (stale) is
# reported, and makes the exit status 1.
set -u
cd "$(dirname "$0")/.."
root=$(pwd)

allocators=all sample=100 seed=1 seconds=60 jobs=$(nproc) ids="" out=""
equivalent=bench/mutation/equivalent.tsv
die() { echo "mutants: $1" >&2; exit 2; }
while [ $# -gt 0 ]; do
	[ $# -ge 2 ] || die "$1 needs a value (see the first lines of ci/mutants.sh)"
	case $1 in
	--allocator) allocators=$2 ;;
	--sample) sample=$2 ;;
	--seed) seed=$2 ;;
	--fuzz-seconds) seconds=$2 ;;
	--jobs) jobs=$2 ;;
	--ids) ids=$2 ;;
	--equivalent) equivalent=$2 ;;
	--out) out=$2 ;;
	*) die "unknown option $1 (see the first lines of ci/mutants.sh)" ;;
	esac
	shift 2
done
. ci/lib/manifest.sh
. ci/lib/out.sh
known=" $(manifest_names allocator | tr '\n' ' ')"
# The allocators whose port is one C file: the mutants' subject (mutate lists one file's).
mutable=""
for a in $known; do
	[ "$(manifest_list "$(manifest_field "$(manifest_line library "//allocators/$a:fixed")" srcs)" | wc -l)" -eq 1 ] &&
		mutable="$mutable $a"
done
if [ "$allocators" = all ]; then
	allocators=$mutable
	for a in $known; do
		case "$mutable " in *" $a "*) ;; *) echo "mutants: $a left out: its port is more than one C file" >&2 ;; esac
	done
fi
for a in $allocators; do
	case $known in *" $a "*) ;; *) die "--allocator must be all or one of:$known" ;; esac
done
for n in "$sample" "$seed" "$seconds" "$jobs"; do
	case $n in ''|*[!0-9]*) die "--sample, --seed, --fuzz-seconds and --jobs take whole numbers" ;; esac
done
[ "$jobs" -gt 0 ] || die "--jobs takes a positive number"
[ -z "$ids" ] || [ "$(echo $allocators | wc -w)" -eq 1 ] || die "--ids needs one --allocator"
case $ids in *[!0-9,]*) die "--ids takes mutant numbers separated by commas" ;; esac
[ -f "$equivalent" ] && [ -r "$equivalent" ] || die "cannot read the equivalent list $equivalent"
out=$(new_out mutants "${out:-out/mutants-$(date +%Y%m%d-%H%M%S)}") || exit 2
sh ci/setup.sh || exit 1

# What the trials need, copied out of bazel-bin (which moves with every build).
labels="//bench/mutation:mutate //fuzzers:opstext //corpus:regressions"
for t in $(manifest_targets all); do labels="$labels //corpus:$t"; done
bazel build $labels >"$out/build.log" 2>&1 || die "build failed, see $out/build.log"
mkdir -p "$out/bin" "$out/gen" "$out/inputs" "$out/objs"
cp bazel-bin/bench/mutation/mutate bazel-bin/fuzzers/opstext "$out/bin/"
for t in $(manifest_targets all); do
	mkdir -p "$out/inputs/$t" && cp bazel-bin/corpus/bin/$t/* "$out/inputs/$t/"
done
mkdir -p "$out/inputs/regressions" && cp corpus/regressions/*.bin "$out/inputs/regressions/"
manifest_variants "$out/gen" || die "the fixed variants do not build; see above"

# Each allocator's port library and its one source, the mutants' subject.
for a in $allocators; do
	srcs=$(manifest_list "$(manifest_field "$(manifest_line library "//allocators/$a:fixed")" srcs)")
	[ "$(echo "$srcs" | wc -w)" -eq 1 ] || die "$a: the port is not one C file ($srcs)"
	manifest_path "$out/gen" "$srcs" >"$out/objs/$a.src"
done

# The binaries' objects but the allocator's, per configuration (Bazel's options,
# from the manifest): a trial adds its mutant's object and links.  Each list
# is OUT/objs/CONFIG/ALLOCATOR/BINARY.
objects() (	# objects CONFIG BINARY...: builds them for every allocator tried
	flags=$(manifest_list "$(manifest_get config "$1" copts)" | tr '\n' ' ')
	c=$1
	shift
	for a in $allocators; do
		mkdir -p "$out/objs/$c/$a"
		for b in "$@"; do
			manifest_line binary "//fuzzers:$b" | grep -q "//allocators/$a:" || continue
			manifest_compile_binary clang-14 "$flags" "//fuzzers:$b" "$out/gen" "$out/objs" \
				"//allocators/$a:fixed" >"$out/objs/$c/$a/$b" 2>>"$out/build.log" || exit 1
		done
	done
)
replays=$(for t in $(manifest_targets asan-ubsan); do echo "${t}_replay"; done)
objects asan-ubsan $replays $(for a in $allocators; do echo "${a}_fuzz_libfuzzer"; done) ||
	die "the harness does not build; see $out/build.log"
objects msan $replays || die "the MSan harness does not build; see $out/build.log"

# The sample: every mutant, shuffled with the seed, the first N.
: >"$out/trials"
for a in $allocators; do
	"$out/bin/mutate" list "$(cat "$out/objs/$a.src")" >"$out/$a.list" || die "mutate list failed on $a"
	if [ -n "$ids" ]; then
		echo "$ids" | tr ',' '\n' | awk -F'\t' 'NR == FNR { want[$1] = 1; next } ($1 in want)' - "$out/$a.list"
	else
		awk -v seed="$seed" 'BEGIN { srand(seed) } { print rand() "\t" $0 }' "$out/$a.list" |
			sort -k1,1g | cut -f2- | head -n "$sample" | sort -n
	fi | awk -v a="$a" -F'\t' '{ print a "\t" $0 }' >>"$out/trials"
done
[ "$seconds" -eq 0 ] || objects tsan threads_fuzz_libfuzzer || die "the TSan harness does not build; see $out/build.log"
echo "mutants: $(wc -l <"$out/trials") mutants of $(echo $allocators), $seconds s fuzzing per stage, $jobs at a time" >&2
cut -f1,2 "$out/trials" | tr '\t' ' ' |
	xargs -P "$jobs" -L 1 sh ci/tools/mutant_trial.sh "$out" "$seconds" >"$out/results" ||
	die "a trial failed to run"
sh ci/tools/reap.sh "$out"

# One row a mutant: what it was, and how it ended.
printf 'allocator\tid\tline\tcolumn\tfunction\toperator\tfrom\tto\tcode\tstatus\tstage\treport\n' >"$out/mutants.tsv"
awk -F'\t' -v OFS='\t' '
	FILENAME == ARGV[1] { if ($0 !~ /^#/ && NF >= 7) eq[$1 "\t" $2 "\t" $3 "\t" $4 "\t" $5 "\t" $6] = $7; next }
	FILENAME == ARGV[2] { res[$1 "\t" $2] = $3 "\t" $4 "\t" $5; next }
	{
		split(res[$1 "\t" $2], r, "\t")
		status = r[1]; stage = r[2]; report = r[3]
		k = $1 "\t" $5 "\t" $6 "\t" $9 "\t" $4 "\t" $8
		if (status == "survived" && (k in eq)) {
			status = "equivalent"; report = eq[k]
		}
		print $0, status, stage, report
	}' "$equivalent" "$out/results" "$out/trials" | sort -t "$(printf '\t')" -k1,1 -k2,2n >>"$out/mutants.tsv"

# Claims of $equivalent that a kill refutes, or that no mutant matches any more.
awk -F'\t' -v tried=" $allocators " '
	FILENAME == ARGV[1] {
		if ($0 !~ /^#/ && NF >= 7 && index(tried, " " $1 " "))
			claim[$1 "\t" $2 "\t" $3 "\t" $4 "\t" $5 "\t" $6] = FNR
		next
	}
	FILENAME == ARGV[2] { if ($10 == "killed") killed[$1 "\t" $5 "\t" $6 "\t" $9 "\t" $4 "\t" $8] = "#" $2 " (" $12 ")"; next }
	{ a = FILENAME; sub(/.*\//, "", a); sub(/\.list$/, "", a); seen[a "\t" $4 "\t" $5 "\t" $8 "\t" $3 "\t" $7] = 1 }
	END {
		for (k in claim) {
			split(k, f, "\t")
			if (k in killed)
				printf "- refuted: %s, line %d of the list: mutant %s is killed\n", f[1], claim[k], killed[k]
			else if (!(k in seen))
				printf "- stale: %s, line %d of the list matches no mutant of the source\n", f[1], claim[k]
		}
	}' "$equivalent" "$out/mutants.tsv" $(for a in $allocators; do echo "$out/$a.list"; done) |
	sort >"$out/claims"

{
	echo "# Mutation testing"
	echo
	echo "Commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), seed $seed, $seconds s per fuzzing stage; command: \`sh ci/mutants.sh$( [ -n "$ids" ] && echo " --ids $ids")\`."
	echo
	echo "| allocator | sampled | stillborn | killed: corpus | fuzz | tsan | msan | equivalent | survived | kill rate | by corpus |"
	echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
	for a in $allocators; do
		awk -F'\t' -v a="$a" '$1 == a { n++; s[$10 == "killed" ? $11 : $10]++ }
			END { live = n - s["stillborn"] - s["equivalent"]; k = s["corpus"] + s["fuzz"] + s["tsan"] + s["msan"]
				printf "| %s | %d | %d | %d | %d | %d | %d | %d | %d | %s | %s |\n", a, n, s["stillborn"],
					s["corpus"], s["fuzz"], s["tsan"], s["msan"], s["equivalent"], s["survived"],
					live ? sprintf("%.1f%%", 100 * k / live) : "-",
					live ? sprintf("%.1f%%", 100 * s["corpus"] / live) : "-" }' "$out/mutants.tsv"
	done
	echo
	echo "Kill rate: killed / (sampled - stillborn - equivalent). Every mutant with its first report line: \`mutants.tsv\`."
	echo
	echo "## Survivors"
	echo
	awk -F'\t' '$10 == "survived" { printf "- %s #%s, %s() line %s (%s: `%s` -> `%s`): `%s`\n", $1, $2, $5, $3, $6, $7, $8, $9; n++ }
		END { if (!n) print "None." }' "$out/mutants.tsv"
	echo
	echo "## Equivalent"
	echo
	awk -F'\t' '$10 == "equivalent" { printf "- %s #%s, %s() line %s (%s: `%s` -> `%s`): %s\n", $1, $2, $5, $3, $6, $7, $8, $12; n++ }
		END { if (!n) print "None." }' "$out/mutants.tsv"
	echo
	echo "## Equivalence claims refuted or stale"
	echo
	cat "$out/claims"
	[ -s "$out/claims" ] || echo "None."
	echo
	echo "## Kills by report"
	echo
	awk -F'\t' '$10 == "killed" { n[$12]++ } END { for (r in n) printf "| %d | %s |\n", n[r], r }' "$out/mutants.tsv" |
		sort -t '|' -k2,2nr | { echo "| mutants | first report line |"; echo "|---:|---|"; cat; }
} >"$out/mutants.md"
cat "$out/mutants.md"
[ ! -s "$out/claims" ]
