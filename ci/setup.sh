#!/bin/sh
# Installs the Debian 12 packages allocfuzz needs, if any are missing.
# Run: sh ci/setup.sh   (as root it installs; otherwise it prints the command)
# Idempotent: with everything present it does nothing and exits 0.
set -eu

PACKAGES="bazel-bootstrap clang-14 libclang-rt-14-dev llvm-14 lld-14 afl++ patch zip unzip
gnuplot-nox liblzo2-dev liblz4-dev python3"

missing=""
for p in $PACKAGES; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
		missing="$missing $p"
done
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
