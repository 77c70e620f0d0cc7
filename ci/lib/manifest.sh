# manifest.sh: what the build says (bazel/build.manifest: targets, allocators,
# findings, variants, libraries; bazel/manifest.bzl describes the lines),
# read for the scripts.  Sourced, not run:  . ci/lib/manifest.sh
# Every function prints its answer and sets no variable of its caller.

# manifest_file: the manifest's path (from the repository root or a test's runfiles root).
manifest_file() {
	echo "${ALLOCFUZZ_MANIFEST:-bazel/build.manifest}"
}

# manifest_get KIND NAME KEY: the value of KEY= in the KIND line named NAME.
manifest_get() {
	awk -v kind="$1" -v name="$2" -v key="$3" '
		$1 == kind && $2 == name {
			for (i = 3; i <= NF; i++)
				if (index($i, key "=") == 1) { print substr($i, length(key) + 2); exit }
		}' "$(manifest_file)"
}

# manifest_names KIND [KEY VALUE]: the names of KIND lines (with KEY=VALUE), in order.
manifest_names() {
	awk -v kind="$1" -v key="${2:-}" -v want="${3:-}" '
		$1 == kind {
			ok = key == ""
			for (i = 3; i <= NF; i++)
				if ($i == key "=" want) ok = 1
			if (ok) print $2
		}' "$(manifest_file)"
}

# manifest_targets [all|default|SANITIZER]: fuzz targets, one a line (default: default).
manifest_targets() {
	case ${1:-default} in
	all) manifest_names target ;;
	default) manifest_names target default yes ;;
	*) manifest_names target sanitizer "$1" ;;
	esac
}

# manifest_is_target NAME: true if NAME is a fuzz target.
manifest_is_target() {
	manifest_names target | grep -qx -- "$1"
}

# manifest_findings: "ID TARGET" a line, in patch order.
manifest_findings() {
	awk '$1 == "finding" { for (i = 3; i <= NF; i++) if ($i ~ /^target=/) print $2, substr($i, 8) }' \
		"$(manifest_file)"
}

# manifest_list VALUE: a manifest list (commas, "-" for none) one item a line.
manifest_list() {
	[ "$1" = - ] || printf '%s\n' "$1" | tr ',' '\n'
}

# manifest_line KIND NAME: the whole KIND line named NAME.
manifest_line() {
	awk -v kind="$1" -v name="$2" '$1 == kind && $2 == name { print; exit }' "$(manifest_file)"
}

# manifest_field LINE KEY: the value of KEY= in a manifest line.
manifest_field() {
	printf '%s\n' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"
}

# manifest_path GEN PATH: where PATH is: "@p" under GEN (manifest_variants makes it), else as it is.
manifest_path() {
	case $2 in @*) echo "$1/${2#@}" ;; *) echo "$2" ;; esac
}

# manifest_variants GEN: makes every patched variant of every allocator under GEN:
# its base's files, patched in order.  Status 1 when a patch does not apply.
manifest_variants() (
	gen=$1
	awk '$1 == "variant" && $4 ~ /^dir=@/ { print $2, $3 }' "$(manifest_file)" |
		while read -r a v; do
			line=$(awk -v a="$a" -v v="$v" '$1 == "variant" && $2 == a && $3 == v' "$(manifest_file)")
			dir=$(manifest_path "$gen" "$(manifest_field "$line" dir)")
			base=$(manifest_field "$line" base)
			mkdir -p "$dir" || exit 1
			for f in $(manifest_list "$(manifest_field "$line" files)"); do cp "$base/$f" "$dir/" || exit 1; done
			for p in $(manifest_list "$(manifest_field "$line" patches)"); do
				patch --quiet --forward --no-backup-if-mismatch -p1 -d "$dir" <"$p" || {
					echo "manifest: fix $p does not apply to the seed of $a" >&2
					exit 1
				}
			done
		done
)

# manifest_compile_lib CC "FLAGS" LABEL GEN OBJDIR [host]: compiles the library's
# sources with its own options and include directories (once: an object
# already in OBJDIR is kept) and prints the objects.  host: a build that is
# not the engine's leaves out the options that steer its instrumentation.
manifest_compile_lib() (
	cc=$1 flags=$2 label=$3 gen=$4 objdir=$5
	line=$(manifest_line library "$label")
	[ -n "$line" ] || { echo "manifest: no library $label" >&2; exit 1; }
	incs=""
	for d in $(manifest_list "$(manifest_field "$line" includes)"); do incs="$incs -I$(manifest_path "$gen" "$d")"; done
	copts=$(manifest_list "$(manifest_field "$line" copts)")
	[ "${6:-}" != host ] || copts=$(printf '%s\n' "$copts" | grep -v -- '-fno-sanitize=')
	for f in $(manifest_list "$(manifest_field "$line" srcs)"); do
		o="$objdir/$(printf '%s %s %s %s\n' "$cc" "$flags" "$label" "$f" | cksum | cut -d' ' -f1).o"
		if [ ! -f "$o" ]; then
			# shellcheck disable=SC2086
			$cc $flags $copts $incs -c "$(manifest_path "$gen" "$f")" -o "$o.tmp" && mv "$o.tmp" "$o" || exit 1
		fi
		echo "$o"
	done
)

# manifest_compile_binary CC "FLAGS" LABEL GEN OBJDIR [host] [SKIP-LIB...]: the
# objects of every library of the binary but the SKIP ones, then of its own
# sources (which see every library's include directories), printed.
manifest_compile_binary() (
	cc=$1 flags=$2 label=$3 gen=$4 objdir=$5
	shift 5
	host=""
	[ "${1:-}" != host ] || { host=host; shift; }
	line=$(manifest_line binary "$label")
	[ -n "$line" ] || { echo "manifest: no binary $label" >&2; exit 1; }
	incs=""
	for lib in $(manifest_list "$(manifest_field "$line" libs)"); do
		for d in $(manifest_list "$(manifest_field "$(manifest_line library "$lib")" includes)"); do
			case " $incs " in *" -I$(manifest_path "$gen" "$d") "*) ;; *) incs="$incs -I$(manifest_path "$gen" "$d")" ;; esac
		done
		case " $* " in *" $lib "*) continue ;; esac
		manifest_compile_lib "$cc" "$flags" "$lib" "$gen" "$objdir" $host || exit 1
	done
	for f in $(manifest_list "$(manifest_field "$line" srcs)"); do
		o="$objdir/$(printf '%s %s %s %s\n' "$cc" "$flags" "$label" "$f" | cksum | cut -d' ' -f1).o"
		if [ ! -f "$o" ]; then
			# shellcheck disable=SC2086
			$cc $flags $incs -c "$f" -o "$o.tmp" && mv "$o.tmp" "$o" || exit 1
		fi
		echo "$o"
	done
)
