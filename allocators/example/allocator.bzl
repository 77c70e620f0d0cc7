"""example: the allocator's description (bazel/allocator.bzl's allocator())."""

load("//bazel:allocator.bzl", "allocator")

EXAMPLE = allocator(
    name = "example",
    summary = "the recipe's worked example: first-fit runs of 64-byte chunks, a bitmap per page",
    profile = "//shim/linux-6",
    srcs = ["example.c"],
    hdrs = ["example.h"],
    oracles = [
        "oracles/ex_check.c",
        "oracles/ex_place.c",
    ],
    oracle_hdrs = ["oracles/ex_check.h"],
    size_class = "size_class.c",
    copts = ["-Wno-unused-parameter"],  # as the kernel builds: its callbacks ignore arguments
    default = False,  # a worked example: the test command fuzzes it, campaigns need not
)
