"""Compiler options shared by BUILD files."""

# Harness code (shim, checkers, model, drivers) gets no coverage
# instrumentation: fuzzers should be steered by the allocators' code alone,
# and the harness's own branches would only slow them down.
HARNESS_COPTS = ["-fno-sanitize=fuzzer-no-link"]
