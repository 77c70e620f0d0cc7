#!/bin/sh
# space_report.sh: writes the space benchmark's Markdown section to stdout
# from the TSV files space.sh left in OUT/data, beside the published figures
# each table compares to.
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

pages=$(first "$mixed/compression.tsv" pages)
slots=$(first "$mixed/summary.tsv" slots)
churn=$(first "$mixed/summary.tsv" churn_ops)
live=$(tsv "$mixed/summary.tsv" 'NR == 2 { s = v("store_pct"); d = 100 - s - v("load_pct")
	p = s + d ? 100 * s / (s + d) : 0; printf "%.0f", p }')
t75_pages=$(first "$t75/compression.tsv" pages)
t75_slots=$(first "$t75/summary.tsv" slots)
t75_churn=$(first "$t75/summary.tsv" churn_ops)
t75_ratio=$(tsv "$t75/compression.tsv" 'v("comp") == "lzo" { printf "%.1f", 100 * v("mean_bytes") / 4096 }')
if [ "$mode" = full ]; then
	run="full run"
else
	run="\`--quick\` smoke run: small sizes, figures only indicative"
fi

cat <<EOF
## Allocator space efficiency

Measured $(date -u +%Y-%m-%d) on $(uname -m), $(nproc) cores ($run; the runs took
$runtime s) by \`sh bench/space.sh OUTDIR$( [ "$mode" = full ] || echo " --quick")\`.
Build: \`bazel build --config=bench\`: clang-14, \`-std=gnu11 -O2 -g
-fno-omit-frame-pointer\`, no sanitizers, one binary per allocator variant.
The allocators run on allocfuzz's user-space kernel shim, which fills every
page it hands out or takes back with poison bytes, keeps freed pages in a
quarantine, records every page and slab object in a hash table and takes a
mutex for every kmap and allocation; operations per second measure the shim
as much as the allocator and only compare the allocators with each other.
64-bit: xcfmalloc's descriptor is 32 bytes (24 on the cover letter's 32-bit
machine) and its block header 16 bytes (with the debug sentinel the seed
enables); xvmalloc's block header is 4 bytes on both.

### Workload

- $pages distinct 4 KiB pages, picked with a seeded PRNG (seed $(first "$mixed/summary.tsv" seed)) from
  sorted file lists: $(class zero pages) zero-filled (zswap's data: 10-20% of pages are),
  $(class text pages) of text files and $(class elf pages) of ELF executables and
  libraries ($(class elf zero_filled) of those are zero-filled too). Text from
  $(class text dirs) ($(class text files) files whose first page has no NUL byte and
  few control bytes); ELF from $(class elf dirs) ($(class elf files) files). Hard
  links count once; gzip, xz, bzip2, zstd, zip, PNG, JPEG and GIF files are
  skipped by their magic bytes ($(class text skipped_compressed) under the text directories), so no
  man page (all gzip) is used. A file page is a file chosen uniformly, then a
  page in it uniformly, so that a few huge libraries do not make the set.
  These are file pages, not the anonymous memory a swap device sees.
- Each page compressed once with LZO (\`lzo1x_1_compress\`, liblzo2, what
  ramzswap and zcache called) and LZ4 (\`LZ4_compress_default\`, liblz4), and
  decompressed again to check it.
- A swap-like stream over $slots swap slots: a fill phase stores a random page
  of the set into every slot in order, then $churn churn operations:
  $(first "$mixed/summary.tsv" store_pct)% stores (the slot's old copy freed, then malloc and write
  of the compressed bytes), $(first "$mixed/summary.tsv" load_pct)% loads (read back and compared
  byte for byte with \`memcmp\`; a difference stops the bench) and the rest
  deletes; $(first "$mixed/summary.tsv" hot_ops_pct)% of the operations go to the $(first "$mixed/summary.tsv" hot_pct)% hot slots. In the
  steady state a slot is live with probability stores / (stores + deletes),
  $live%, so the working set is larger than the pool's steady state. The stream depends only on the
  seed: the same for every allocator, compressor and policy.
- Caller policies, one per run, each stated with its numbers below:
  **ramzswap** (xvmalloc's caller, 2009): a zero-filled page is a flag in the
  slot, no allocation; a page compressing to more than PAGE_SIZE/4*3 (3072)
  bytes is stored uncompressed in a page of its own outside the allocator.
  **zcache** (xcfmalloc's caller, 2011): a page compressing to more than
  PAGE_SIZE/8*7 (3584) bytes is rejected (goes to the swap device); zero-filled
  pages are stored like any other. Both allocators run under both policies.
  Each allocator gets its own caller's gfp mask under both: xvmalloc
  \`GFP_NOIO | __GFP_HIGHMEM\` (ramzswap_write()), xcfmalloc zcache's
  \`__GFP_FS | __GFP_NORETRY | __GFP_NOWARN | __GFP_NOMEMALLOC\`; ramzswap's
  own pages are allocated with \`GFP_NOIO | __GFP_HIGHMEM\`.
- Oracles during the runs: every load compared, every get-size compared with
  the size allocated, the allocators' page and descriptor counts compared with
  the shim's at every sample, the invariant checker in full after the fill,
  after the churn and after freeing everything, and the shim's leak report at
  teardown.

### Compressed sizes

$(sizes_table "$mixed/compression.tsv")

Ratio: uncompressed bytes over compressed bytes of the pages (not a mean of
per-page ratios, which the zero pages would dominate).

$(hist_table "$mixed/histogram.tsv")

![Compressed-size histogram, LZO and LZ4](sizes.png)

Published: average compression ratio on general data about 2.6-2.8 (LZO,
LZ4); desktop swap traces (2008): the most common LZO size near 2,600 bytes,
plus many pages under 64 bytes. Ours are file pages of one Debian machine
with $(class zero pages) zero pages of $pages; swapped anonymous memory (heaps,
stacks) is a different mix.

### Pages used against ideal

Ideal = live compressed bytes in the allocator / 4096. Peak compares the
most pool pages at any time with the most live bytes at any time (what the
compcache wiki's "ideal" most likely was); end compares both after the last
churn operation. Pool pages exclude xcfmalloc's reserve of free pages (as
\`xcf_get_total_size_bytes()\` does; the reserve column holds it) and the
ramzswap policy's uncompressed pages (next table).

$(pages_table "$mixed/summary.tsv")

![Pool pages against ideal, LZO, ramzswap policy](pages-lzo-ramzswap.png)
![Pool pages against ideal, LZO, zcache policy](pages-lzo-zcache.png)
![Pool pages against ideal, LZ4, ramzswap policy](pages-lz4-ramzswap.png)
![Pool pages against ideal, LZ4, zcache policy](pages-lz4-zcache.png)

Published: xvmalloc's patch claims memory use within 12% of ideal; compcache
wiki, 1M random mallocs and frees: ideal 26,042 KB against xvmalloc 28,248 KB
(+8.4%); a desktop-biased workload: 24,212 KB against 25,485 KB (+5.2%). Our
setup differs: 64-bit, user space, sizes from real compressed pages filtered
by the caller's policy, a fill then a churn.

### What the policies did

Counts of xvmalloc fixed's runs; every allocator saw the same stores: $(policy_same "$mixed/summary.tsv").
Allocation failures are per run in the table above.

$(policy_table "$mixed/summary.tsv")

### Metadata and effective compression (end of the churn)

Headers in pages: xvmalloc's 4-byte header per object, xcfmalloc's 16-byte
header per block (an allocation is 1 block, or 2 with scatter-gather: "in 2
blocks" counts those), in
bytes and percent of the ideal; they are inside the pool pages. Descriptors:
xcfmalloc's block descriptors (slab objects, used and free blocks, counted
by the allocator and the shim) outside the pages. Reserve: xcfmalloc's free
pages kept for later and their descriptors. All of it: pool pages, reserve,
descriptors and the pool structure, in pages and against the ideal. The pool
structures:
xvmalloc $(tsv "$mixed/summary.tsv" 'v("allocator") == "xvmalloc" { print v("pool_bytes"); exit }') bytes (kmalloc'ed rounded up to whole pages),
xcfmalloc $(tsv "$mixed/summary.tsv" 'v("allocator") == "xcfmalloc" { print v("pool_bytes"); exit }') bytes. Effective compression = pool pages / pages stored in
the allocator; data compressed to = live compressed bytes / (pages stored x
4096).

$(meta_table "$mixed/summary.tsv")

### The cover letter's condition: text compressing to 70-80%

$t75_pages text pages whose LZO size is 2867-3277 bytes (70-80% of a page; mean
$t75_ratio%), no zero pages, LZO only, $t75_slots slots, $t75_churn churn operations.

$(pages_table "$t75/summary.tsv")

$(meta_table "$t75/summary.tsv")

![Pool pages against ideal, text at 70-80%, LZO, zcache policy](pages-text75-lzo-zcache.png)

Published (xcfmalloc's cover letter, 2011: 32-bit, a 256 MB cgroup, English
text compressing to 75% with LZO, zcache): effective compression 99.95% with
xvmalloc against 78.11% with xcfmalloc; zero-filled pages 1.93% against
3.72%; descriptors 24 bytes. Compare our zcache rows' effective compression.
Differences: 64-bit (32-byte descriptors, 16-byte headers), a user-space
shim with no memory limit (so no allocation fails for lack of memory), our
text pages rather than theirs, and no zero-filled pages here.

### Speed

$(speed_table "$mixed/summary.tsv")

Operations: fill stores plus churn operations; seconds exclude the invariant
checks. Single thread, no lock contention; \`nice\` and other jobs on the
machine change these figures, the space figures do not.

Raw data: \`data/mixed/\` and \`data/text75/\`: \`summary.tsv\` (every
figure of every run), \`samples-*.tsv\` (the time series), \`compression.tsv\`,
\`histogram.tsv\`, \`pages.tsv\` (each page's file and sizes), \`workload.tsv\`.
EOF
