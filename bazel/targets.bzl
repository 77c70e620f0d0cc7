"""The fuzz targets: one small file each, fuzzers/<name>.c, and corpus/<name>/.

The one list of them, read by fuzzers/BUILD and corpus/BUILD, and by
ci/lib.sh (so every script and the OSS-Fuzz build.sh) with sed: keep one
entry a line, in this exact form.

  sanitizer  the build it is fuzzed with (asan-ubsan, or tsan for races)
  default    fuzzed by the campaign and OSS-Fuzz unless targets are named
"""

TARGETS = {
    "xvmalloc_fuzz": {"sanitizer": "asan-ubsan", "default": True},
    "xcfmalloc_fuzz": {"sanitizer": "asan-ubsan", "default": True},
    "differential_fuzz": {"sanitizer": "asan-ubsan", "default": True},
    "threads_fuzz": {"sanitizer": "tsan", "default": False},
    "selftest_crash_fuzz": {"sanitizer": "asan-ubsan", "default": False},
}

# Targets whose binaries and regression tests come from the plain rule in fuzzers/BUILD.
HARNESS_TARGETS = [t for t in TARGETS if t not in ["threads_fuzz", "selftest_crash_fuzz"]]
