"""Every allocator the harness fuzzes, one entry each: the one list that the
BUILD files, the fuzz targets, the findings and (through bazel/build.manifest)
every script read.  Adding an allocator is its folder and one line here
(allocators/README.md).  The order is the order a binary that links several
runs them in (differential_fuzz, threads_fuzz)."""

load("//allocators/example:allocator.bzl", "EXAMPLE")
load("//allocators/xcfmalloc:allocator.bzl", "XCFMALLOC")
load("//allocators/xvmalloc:allocator.bzl", "XVMALLOC")
load("//allocators/zsmalloc:allocator.bzl", "ZSMALLOC")
load("//bazel:allocator.bzl", _libraries = "allocator_libraries", _oracle_test = "allocator_oracle_test")

ALLOCATORS = [
    XVMALLOC,
    XCFMALLOC,
    EXAMPLE,
    ZSMALLOC,
]

def allocator_named(name):
    """The description of the allocator called name."""
    for a in ALLOCATORS:
        if a.name == name:
            return a
    fail("no allocator %s in allocators/allocators.bzl" % name)

def allocator_libraries(name):
    """allocators/<name>/BUILD's one call: every library of the allocator (bazel/allocator.bzl)."""
    _libraries(allocator_named(name), [a.name for a in ALLOCATORS].index(name))

def allocator_tests(name, src):
    """An oracle test of the allocator called name, in each of its builds (bazel/allocator.bzl)."""
    _oracle_test(name, src, a = allocator_named(name))
