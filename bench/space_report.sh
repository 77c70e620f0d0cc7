#!/bin/sh
# space_report.sh: writes the space benchmark's Markdown section to stdout:
# the prose of space_report.md with each @name@ filled in from the TSV files
# space.sh left in OUT/data (tables and figures beside the published ones).
# Run (by space.sh): sh bench/space_report.sh OUT MODE SECONDS
#   MODE: "full" or "--quick"; SECONDS: wall time of the runs
set -eu

[ $# -eq 3 ] || { echo "usage: sh bench/space_report.sh OUT MODE SECONDS" >&2; exit 2; }
out=$1
mode=$2
runtime=$3
mixed=$out/data/mixed
t75=$out/data/text75
for f in "$mixed/summary.tsv" "$mixed/compression.tsv" "$mixed/workload.tsv" \
	"$t75/summary.tsv" "$t75/compression.tsv"; do
	[ -r "$f" ] || { echo "space_report.sh: cannot read $f" >&2; exit 1; }
done

tsv() {	# tsv FILE PROGRAM: awk PROGRAM over a TSV; v("name") is the named column
	awk -F '\t' "function v(n) { return \$(col[n]) }
NR == 1 { for (i = 1; i <= NF; i++) col[\$i] = i; next }
$2" "$1"
}
first() {	# first FILE NAME: NAME in the first row
	tsv "$1" "NR == 2 { print v(\"$2\") }"
}
class() {	# class CLASS FIELD: a field of workload.tsv's row for CLASS
	tsv "$mixed/workload.tsv" "v(\"class\") == \"$1\" { print v(\"$2\") }"
}

pages_table() {	# pages_table SUMMARY: pages used against ideal, one row per run
	echo "| allocator | variant | comp | policy | peak ideal | peak pages | peak overhead | end ideal | end pages | end overhead | xcf reserve | failures |"
	echo "|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
	tsv "$1" '{ printf "| %s | %s | %s | %s | %.0f | %d | %+.1f%% | %.0f | %d | %+.1f%% | %d | %d |\n",
		v("allocator"), v("variant"), v("comp"), v("policy"), v("peak_ideal"), v("peak_pages"),
		v("peak_over_pct"), v("end_ideal"), v("end_pages"), v("end_over_pct"), v("end_reserve"),
		v("failures") }'
}

meta_table() {	# meta_table SUMMARY: metadata and effective compression at the end
	echo "| allocator | variant | comp | policy | objects | in 2 blocks | headers in pages | descriptors (slab) | reserve | all of it | effective compression | data compressed to |"
	echo "|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
	tsv "$1" '{
		ideal = v("end_bytes")
		hdr = v("header_bytes")
		if (v("desc_size") > 0)
			desc = sprintf("%d x %d B = %.0f KiB (%.2f%%)", v("end_descs"), v("desc_size"),
				v("desc_bytes") / 1024, v("desc_pct"))
		else
			desc = "none"
		if (v("allocator") == "xcfmalloc")
			res = sprintf("%d pages + %d descs", v("end_reserve"), v("end_reserve_descs"))
		else
			res = "none"
		meta = v("desc_bytes") + v("end_reserve_descs") * v("desc_size") + v("pool_bytes")
		all = v("end_pages") + v("end_reserve") + meta / 4096
		over = ideal > 0 ? (all * 4096 / ideal - 1) * 100 : 0
		printf "| %s | %s | %s | %s | %d | %d | %.0f KiB (%.2f%%) | %s | %s | %.0f pages (%+.1f%%) | %.2f%% | %.2f%% |\n",
			v("allocator"), v("variant"), v("comp"), v("policy"), v("end_objects"),
			v("end_blocks") - v("end_objects"), hdr / 1024, v("header_pct"), desc, res,
			all, over,
			v("eff_compression_pct"), v("data_compression_pct") }'
}

policy_table() {	# policy_table SUMMARY: what each policy did with the stream (xvmalloc fixed's rows)
	echo "| comp | policy | stores | to the allocator | zero flags | own pages | rejected | zero-filled into the allocator | at end: in allocator / flags / own pages / rejected |"
	echo "|---|---|---:|---:|---:|---:|---:|---:|---|"
	tsv "$1" 'v("allocator") == "xvmalloc" && v("variant") == "fixed" {
		printf "| %s | %s | %d | %d | %d | %d | %d | %d | %d / %d / %d / %d |\n", v("comp"),
			v("policy"), v("stores"), v("store_alloc"), v("store_zero_flag"),
			v("store_own_page"), v("store_reject"), v("zero_in_pool"), v("end_objects"),
			v("end_zero_flags"), v("end_own_pages"), v("end_rejected") }'
}

policy_same() {	# policy_same SUMMARY: "yes" if every allocator saw the same stores
	tsv "$1" '{ k = v("comp") " " v("policy")
		s = v("stores") " " v("store_alloc") " " v("store_zero_flag") " " v("store_own_page") " " v("store_reject")
		if (k in seen && seen[k] != s) diff = 1
		seen[k] = s }
		END { print diff ? "no" : "yes" }'
}

speed_table() {	# speed_table SUMMARY
	echo "| allocator | variant | comp | policy | operations | seconds | operations/s | verified loads | invariant checks (s) |"
	echo "|---|---|---|---|---:|---:|---:|---:|---:|"
	tsv "$1" '{ printf "| %s | %s | %s | %s | %d | %.2f | %.0f | %d | %.2f |\n", v("allocator"),
		v("variant"), v("comp"), v("policy"), v("fill_ops") + v("churn_ops"), v("seconds"),
		v("ops_per_sec"), v("verified_loads"), v("check_seconds") }'
}

sizes_table() {	# sizes_table COMPRESSION
	echo "| comp | pages | mean size | median | ratio, all pages | ratio, non-zero | ELF | text | most common size (64 B bins, >= 64 B) | < 64 B | > 3072 | > 3584 | > 4096 |"
	echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
	tsv "$1" '{ printf "| %s | %d | %d B | %d B | %.2f | %.2f | %.2f | %.2f | %d-%d B (%.1f%%) | %.1f%% | %.1f%% | %.1f%% | %.1f%% |\n",
		v("comp"), v("pages"), v("mean_bytes"), v("median_bytes"), v("ratio_all"),
		v("ratio_nonzero"), v("ratio_elf"), v("ratio_text"), v("mode_from"), v("mode_to"),
		v("mode_pct"), v("under_64_pct"), v("over_3072_pct"), v("over_3584_pct"),
		v("over_4096_pct") }'
}

hist_table() {	# hist_table HISTOGRAM: 128-byte bins merged into 256-byte rows
	echo "| compressed size | LZO pages | LZO % | LZ4 pages | LZ4 % |"
	echo "|---|---:|---:|---:|---:|"
	tsv "$1" '{ b = int(v("from") / 256); lzo[b] += v("lzo"); lz4[b] += v("lz4")
		lp[b] += v("lzo_pct"); zp[b] += v("lz4_pct"); if (b > last) last = b }
		END { for (b = 0; b <= last; b++)
			printf "| %d-%d B | %d | %.1f | %d | %.1f |\n", b * 256, b * 256 + 255,
				lzo[b], lp[b], lz4[b], zp[b] }'
}

vals=$(mktemp -d)
trap 'rm -rf "$vals"' EXIT
put() {	# put NAME VALUE: the template's @NAME@ becomes VALUE
	printf '%s\n' "$2" >"$vals/$1"
}
put date "$(date -u +%Y-%m-%d)"
put machine "$(uname -m)"
put cores "$(nproc)"
if [ "$mode" = full ]; then
	put run "full run"
	put quick ""
else
	put run "\`--quick\` smoke run: small sizes, figures only indicative"
	put quick " --quick"
fi
put runtime "$runtime"
put pages "$(first "$mixed/compression.tsv" pages)"
for n in seed slots churn_ops store_pct load_pct hot_pct hot_ops_pct; do
	put "$n" "$(first "$mixed/summary.tsv" "$n")"
done
for f in zero.pages text.pages elf.pages elf.zero_filled text.dirs text.files elf.dirs \
	elf.files text.skipped_compressed; do
	put "$(echo "$f" | tr . _)" "$(class "${f%%.*}" "${f#*.}")"
done
put live "$(tsv "$mixed/summary.tsv" 'NR == 2 { s = v("store_pct"); d = 100 - s - v("load_pct")
	p = s + d ? 100 * s / (s + d) : 0; printf "%.0f", p }')"
put t75_pages "$(first "$t75/compression.tsv" pages)"
put t75_slots "$(first "$t75/summary.tsv" slots)"
put t75_churn_ops "$(first "$t75/summary.tsv" churn_ops)"
put t75_ratio "$(tsv "$t75/compression.tsv" 'v("comp") == "lzo" { printf "%.1f", 100 * v("mean_bytes") / 4096 }')"
for a in xv xcf; do
	put ${a}_pool_bytes "$(tsv "$mixed/summary.tsv" "v(\"allocator\") == \"${a}malloc\" { print v(\"pool_bytes\"); exit }")"
done
sizes_table "$mixed/compression.tsv" >"$vals/sizes_table"
hist_table "$mixed/histogram.tsv" >"$vals/hist_table"
pages_table "$mixed/summary.tsv" >"$vals/pages_table"
policy_same "$mixed/summary.tsv" >"$vals/policy_same"
policy_table "$mixed/summary.tsv" >"$vals/policy_table"
meta_table "$mixed/summary.tsv" >"$vals/meta_table"
pages_table "$t75/summary.tsv" >"$vals/t75_pages_table"
meta_table "$t75/summary.tsv" >"$vals/t75_meta_table"
speed_table "$mixed/summary.tsv" >"$vals/speed_table"

# Each @name@ of the template becomes the file vals/name, its last newline dropped.
awk -v vals="$vals" '{
	line = ""
	while (match($0, /@[a-z0-9_]+@/)) {
		f = vals "/" substr($0, RSTART + 1, RLENGTH - 2)
		v = ""
		n = 0
		while ((r = (getline l <f)) > 0)
			v = v (n++ ? "\n" : "") l
		if (r < 0) {
			print "space_report.sh: nothing for " substr($0, RSTART, RLENGTH) >"/dev/stderr"
			exit 1
		}
		close(f)
		line = line substr($0, 1, RSTART - 1) v
		$0 = substr($0, RSTART + RLENGTH)
	}
	print line $0
}' "$(dirname "$0")/space_report.md"
