"""Seed and fixed variants of one ported allocator.

The seed variant is the port as is.  The fixed variant is the same sources
with fixes/*.patch applied in the order given, one patch per finding, so a
fix reads as a small patch against the seed.  Both always build; each
library exports the same symbols, so a binary links exactly one of them.
"""

def allocator_variants(srcs, hdrs, patches):
    pkg = native.package_name()
    native.cc_library(
        name = "seed",
        srcs = srcs,
        hdrs = hdrs,
        strip_include_prefix = "/" + pkg,
        deps = ["//shim"],
        visibility = ["//visibility:public"],
    )
    files = srcs + hdrs
    native.genrule(
        name = "fixed_sources",
        srcs = files + patches,
        outs = ["fixed/" + f for f in files],
        cmd = " && ".join([
            "d=$$(mktemp -d)",
            "cp " + " ".join(["$(location %s)" % f for f in files]) + " $$d/",
        ] + [
            "patch --quiet --no-backup-if-mismatch -p1 -d $$d < $(location %s)" % p
            for p in patches
        ] + [
            "cp $$d/%s $(@D)/fixed/%s" % (f, f)
            for f in files
        ] + ["rm -rf $$d"]),
        message = "Applying %d fix(es) to %s" % (len(patches), pkg),
    )
    native.cc_library(
        name = "fixed",
        srcs = ["fixed/" + f for f in srcs],
        hdrs = ["fixed/" + f for f in hdrs],
        strip_include_prefix = "fixed",
        deps = ["//shim"],
        visibility = ["//visibility:public"],
    )
