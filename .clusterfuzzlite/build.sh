#!/bin/bash -eu
# ClusterFuzzLite builds exactly what OSS-Fuzz builds.
exec bash "$SRC/allocfuzz/ci/oss-fuzz/build.sh"
