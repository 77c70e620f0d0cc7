"""xcfmalloc: the allocator's description (bazel/allocator.bzl's allocator())."""

load("//bazel:allocator.bzl", "allocator")

XCFMALLOC = allocator(
    name = "xcfmalloc",
    summary = "zcache, 2011, never merged: scatter-gather blocks with descriptors, sentinels and a reserve",
    profile = "//shim/linux-2.6",
    srcs = ["xcfmalloc.c"],
    hdrs = [
        "xcfmalloc.h",
        "xcfmalloc_int.h",
    ],
    oracles = [
        "oracles/xcf_check.c",
        "oracles/xcf_check_int.h",
        "oracles/xcf_dump.c",
        "oracles/xcf_place.c",
    ],
    size_class = "size_class.c",
    oracle_hdrs = [
        "oracles/xcf_check.h",
        "oracles/xcf_place.h",
    ],
    # The findings of FINDINGS.md with a fix, in patch order, each with the target that finds it.
    fixes = [
        ("XCF-1", "sleeping-alloc-under-spinlock", "xcfmalloc_fuzz"),
        ("XCF-2", "scatter-gather-never-used", "xcfmalloc_fuzz"),
        ("XCF-3", "smallest-freelist-skipped", "xcfmalloc_fuzz"),
    ],
    compare = True,
    threads = True,
)
