"""allocfuzz_target: every fuzz target of bazel/targets.bzl gets the same set of binaries.

  <name>_libfuzzer  libFuzzer engine (build with --config=asan-ubsan)
  <name>_afl        AFL++ engine via libAFLDriver.a (only with --config=afl);
                    its custom mutator is //fuzzers:allocfuzz_afl_mutator.so
  <name>_cmplog     AFL++ CMPLOG companion (only with --config=afl-cmplog)
  <name>_replay     plain main over files and directories (gdb, valgrind)
  <name>_replay_seed  the same, always against the seed variants (findings tests)
  <name>_run        launcher: time budget, corpus and artifact dirs, engine flags
Its regression test, which replays its corpus, is corpus/BUILD's
(//corpus:<name>_regression_test): the corpus sits above the fuzzers.

A target links the adapters of its allocators (TARGETS' "allocators"), in
the variant --define=variant=V selects (fixed by default; --config=seed is
variant=seed; V=<finding ID> is that bug alone).
"""

load("//bazel:findings.bzl", "VARIANTS", "allocator_variant")
load("//bazel:targets.bzl", "TARGETS")

def adapters(allocators, variant):
    """The adapter libraries of allocators (names) in a harness variant."""
    return ["//allocators/%s:adapter_%s" % (a, allocator_variant(a, variant)) for a in allocators]

def variant_adapters(allocators):
    """adapters() of the variant the build selects."""
    return select(dict(
        [("//fuzzers:variant_" + v, adapters(allocators, v)) for v in VARIANTS if v != "fixed"] +
        [("//conditions:default", adapters(allocators, "fixed"))],
    ))

def allocfuzz_target(name, deps):
    t = TARGETS[name]
    srcs = [t["src"]]
    all_deps = deps + variant_adapters(t["allocators"])
    seed_deps = deps + adapters(t["allocators"], "seed")

    # Every libFuzzer binary has the structure-aware mutator (ALLOCFUZZ_MUTATOR=off: libFuzzer's own).
    native.cc_binary(
        name = name + "_libfuzzer",
        srcs = srcs,
        deps = all_deps + ["//fuzzers:mutator_libfuzzer"],
        linkopts = ["-fsanitize=fuzzer"],
    )
    native.cc_binary(
        name = name + "_replay",
        srcs = srcs + ["//fuzzers:replay_main.c"],
        deps = all_deps,
    )
    native.cc_binary(
        name = name + "_replay_seed",
        srcs = srcs + ["//fuzzers:replay_main.c"],
        deps = seed_deps,
    )
    for engine in ["afl", "cmplog"]:
        native.cc_binary(
            name = name + "_" + engine,
            srcs = srcs,
            deps = all_deps,
            linkopts = ["/usr/lib/afl/libAFLDriver.a", "-lstdc++"],
            tags = ["manual"],  # needs afl-clang-fast: --config=afl or afl-cmplog
        )
    # ci/fuzz.sh builds the corpus and reads the dictionary from the workspace itself.
    native.sh_binary(
        name = name + "_run",
        srcs = ["//ci:fuzz.sh"],
        args = ["--target", name],
        data = [
            ":" + name + "_libfuzzer",
            ":" + name + "_replay",
        ],
    )
