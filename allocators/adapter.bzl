"""One adapter library (allocators/allocator.h) per variant of an allocator.

adapter_<variant> is the adapter's source on that variant, its invariant
checker and its placement oracle, so a binary that links one adapter links
one variant of each.
"""

load("//bazel:copts.bzl", "HARNESS_COPTS")
load("//bazel:findings.bzl", "library_variants")

def allocator_adapters(allocator, src, checker, place):
    """adapter_<v> for every variant v of allocator; checker + v and place + v are its oracles."""
    for v in library_variants(allocator):
        native.cc_library(
            name = "adapter_" + v,
            srcs = [src],
            copts = HARNESS_COPTS,
            visibility = ["//visibility:public"],
            deps = [
                ":" + v,
                checker + v,
                place + v,
                "//allocators:allocator",
                "//allocators:callers",
                "//shim",
            ],
        )
