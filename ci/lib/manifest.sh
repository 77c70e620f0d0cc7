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
