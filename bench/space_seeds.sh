#!/bin/sh
# space_seeds.sh: real-client seed inputs from the space bench's workload:
# the LZO sizes of this machine's pages (bench/space's space_sizes, the same
# page set the space part stores), stored and freed as ramzswap and zcache
# did (bench/space/space_policy.c: ramzswap keeps zero-filled pages as a flag
# and pages compressing above 3/4 of a page uncompressed outside the
# allocator; zcache rejects those above 7/8 and stores zero-filled ones), in
# a swap-like stream over the 64 slots: a fill, then a churn of stores
# (replacing a slot's copy), loads and deletes, a quarter of the slots hot.
# Writes corpus/<target>/real-ramzswap.txt and real-zcache.txt for
# every default target (bazel/build.manifest) as canonical text
# (opstext encode, then decode: what the round-trip test expects), and
# prints each file it wrote.  Review and commit them like any seed.
# Run: sh bench/space_seeds.sh [--seed N] [--ops N]   (defaults 1 and 160)
set -eu
cd "$(dirname "$0")/.."
. ci/lib/manifest.sh
seed=1 ops=160
while [ $# -gt 0 ]; do
	case $1 in
	--seed | --ops)
		[ $# -ge 2 ] || { echo "space_seeds.sh: $1 needs a number" >&2; exit 2; }
		case $2 in '' | *[!0-9]*) echo "space_seeds.sh: $1 takes a whole number" >&2; exit 2 ;; esac
		[ "$1" = --seed ] && seed=$2 || ops=$2
		shift 2
		;;
	*) echo "space_seeds.sh: unknown option $1 (see the first lines of bench/space_seeds.sh)" >&2; exit 2 ;;
	esac
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bazel build --config=bench //bench/space:space_sizes //fuzzers:opstext >"$tmp/build.log" 2>&1 ||
	{ tail -n 20 "$tmp/build.log" >&2; echo "space_seeds.sh: build failed" >&2; exit 1; }
bin=$(bazel info --config=bench bazel-bin 2>/dev/null)
mkdir "$tmp/sizes"
"$bin/bench/space/space_sizes" --out "$tmp/sizes" --pages 1024 --seed "$seed" >"$tmp/sizes.log" 2>&1 ||
	{ cat "$tmp/sizes.log" >&2; exit 1; }

# stream POLICY: the operations, from pages.tsv's zero and lzo columns.
stream() {
	awk -F '\t' -v policy="$1" -v ops="$ops" -v seed="$seed" '
		BEGIN { n = 0 }
		NR == 1 { next }
		{ zero[n] = $3; lzo[n] = $4; n++ }
		function rnd(k) { x = (x * 1103515245 + 12345) % 2147483648; return int(x / 65536) % k }
		# what the caller does with a page: the allocator gets it, or not
		function store(slot, p,   g) {
			if (policy == "ramzswap" && (zero[p] || lzo[p] > 3072)) return
			if (policy == "zcache" && lzo[p] > 3584) return
			printf "malloc slot=%d size=%d gfp=%s\n", slot, lzo[p], policy
			printf "write slot=%d seed=%d\n", slot, p % 256
			live[slot] = 1
		}
		END {
			print "# allocfuzz ops v2"
			x = seed + (policy == "zcache") * 7919
			p = 0
			for (s = 0; s < 64; s++) store(s, p++ % n)
			for (i = 0; i < ops; i++) {
				s = rnd(4) ? rnd(16) : 16 + rnd(48)	# hot slots 0-15 take 3/4
				r = rnd(100)
				if (r < 60) store(s, p++ % n)
				else if (r < 85) { if (live[s]) printf "read slot=%d\n", s }
				else if (live[s]) { printf "free slot=%d\n", s; live[s] = 0 }
			}
		}' "$tmp/sizes/pages.tsv"
}
for policy in ramzswap zcache; do
	stream "$policy" >"$tmp/$policy.txt"
	"$bin/fuzzers/opstext" encode "$tmp/$policy.txt" "$tmp/$policy.bin"
	for t in $(manifest_targets default); do
		"$bin/fuzzers/opstext" decode "$tmp/$policy.bin" "corpus/$t/real-$policy.txt"
		echo "space_seeds.sh: wrote corpus/$t/real-$policy.txt ($(grep -c '^malloc' "corpus/$t/real-$policy.txt") mallocs)"
	done
done
