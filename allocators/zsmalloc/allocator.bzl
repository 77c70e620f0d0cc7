"""zsmalloc: the allocator's description (bazel/allocator.bzl's allocator()).

Linux's mm/zsmalloc.c is compiled as it is from the build's kernel tree
(@linux_6_1, @linux_6_12: Debian's linux-source packages, bazel/kernel_source.bzl).
Its builds are the one place where versions and configurations differ:
  6.1-debian, 6.12-debian  Debian's own configuration (linux-config-6.1 and
                           -6.12, amd64): COMPACTION and ZPOOL on, 6.12's
                           chain size 8, a module in 6.1, built in in 6.12
  6.1-small, 6.12-small    the smallest one: no COMPACTION (no page
                           migration, no deferred free), no ZPOOL
Pick one with --//allocators:build=zsmalloc-6.12-small (6.1-debian by default).
"""

load("//bazel:allocator.bzl", "allocator", "allocator_build")

_DEBIAN = [
    "-DCONFIG_COMPACTION=1",
    "-DCONFIG_ZPOOL=1",
]

# Debian's 6.1 builds it as a module (CONFIG_ZSMALLOC=m), its 6.12 into the kernel (=y).
_MODULE = ["-DCONFIG_ZSMALLOC_MODULE=1"]

# 6.12 asks for a chain length in every configuration: Kconfig's default, and Debian's.
_CHAIN = ["-DCONFIG_ZSMALLOC_CHAIN_SIZE=8"]

ZSMALLOC = allocator(
    name = "zsmalloc",
    summary = "zram's and zswap's allocator: Linux's mm/zsmalloc.c as it is, from Debian's 6.1 and 6.12 sources",
    profile = "//shim/linux-6",
    srcs = [
        "zsmalloc.c",
        "zpool.c",
    ],
    hdrs = [
        "zpool_registry.h",
        "zs_view.h",
        "zs_view_impl.h",
    ],
    oracles = [
        "oracles/zs_check.c",
        "oracles/zs_place.c",
    ],
    oracle_hdrs = ["oracles/zs_check.h"],
    size_class = "size_class.c",
    # As Kbuild compiles it: the module's name (pr_fmt), the kernel's warnings
    # (-Wall without -Wextra's, no -Wpointer-sign); what would mean the shim
    # declares something wrongly is an error.
    copts = [
        "-DKBUILD_MODNAME=\\\"zsmalloc\\\"",
        "-Wno-pointer-sign",
        "-Wno-sign-compare",
        "-Wno-unused-parameter",
        "-Wno-missing-field-initializers",
        "-Werror=implicit-function-declaration",
        "-Werror=incompatible-pointer-types",
        "-Werror=int-conversion",
    ],
    builds = {
        "6.1-debian": allocator_build(
            deps = ["@linux_6_1//:kernel"],
            copts = _DEBIAN + _MODULE,
        ),
        "6.1-small": allocator_build(
            deps = ["@linux_6_1//:kernel"],
            copts = _MODULE,
        ),
        "6.12-debian": allocator_build(
            deps = ["@linux_6_12//:kernel"],
            copts = _DEBIAN + _CHAIN,
        ),
        "6.12-small": allocator_build(
            deps = ["@linux_6_12//:kernel"],
            copts = _CHAIN,
        ),
    },
    default_build = "6.1-debian",
    # Its sources come from a kernel tree: the builds without Bazel (OSS-Fuzz's, the
    # campaign's defaults) do not have one yet.
    default = False,
)
