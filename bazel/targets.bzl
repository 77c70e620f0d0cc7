"""The fuzz targets, derived from the allocators (allocators/allocators.bzl):
<name>_fuzz for each allocator, differential_fuzz over those marked compare,
threads_fuzz over those marked threads, and the campaign's own selftest.
Each has one small source in fuzzers/ and its corpus in corpus/<target>/.

  sanitizer   the build it is fuzzed with (asan-ubsan, or tsan for races)
  default     fuzzed by the campaign and OSS-Fuzz unless targets are named
  allocators  the allocators it links, in the registry's order
  src         its source in fuzzers/
"""

load("//allocators:allocators.bzl", "ALLOCATORS")

def _target(sanitizer, default, allocators, src):
    return {"sanitizer": sanitizer, "default": default, "allocators": allocators, "src": src}

TARGETS = dict(
    [(a.name + "_fuzz", _target("asan-ubsan", a.default, [a.name], "allocator_fuzz.c")) for a in ALLOCATORS] + [
        ("differential_fuzz", _target("asan-ubsan", True, [a.name for a in ALLOCATORS if a.compare], "differential_fuzz.c")),
        ("threads_fuzz", _target("tsan", False, [a.name for a in ALLOCATORS if a.threads], "threads_fuzz.c")),
        ("selftest_crash_fuzz", _target("asan-ubsan", False, [], "selftest_crash_fuzz.c")),
    ],
)

# Targets that run the harness on allocators (selftest_crash_fuzz runs none).
HARNESS_TARGETS = [t for t in TARGETS if TARGETS[t]["allocators"]]
