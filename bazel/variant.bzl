"""Seed, fixed and single-bug variants of one ported allocator.

The seed variant is the port as is.  The fixed variant is the same sources
with fixes/<ID>-<slug>.patch applied in the order of //bazel:findings.bzl,
one patch per finding, so a fix reads as a small patch against the seed.
only_<ID> applies every patch but <ID>'s (and those that hide it, HIDES):
the seed with that one defect.
Every library exports the same symbols, so a binary links exactly one.
"""

load("//bazel:findings.bzl", "FIXES", "HIDES")

def _patched(name, srcs, hdrs, patches):
    files = srcs + hdrs
    native.genrule(
        name = name + "_sources",
        srcs = files + patches,
        outs = [name + "/" + f for f in files],
        cmd = " && ".join([
            "d=$$(mktemp -d)",
            "cp " + " ".join(["$(location %s)" % f for f in files]) + " $$d/",
        ] + [
            "patch --quiet --no-backup-if-mismatch -p1 -d $$d < $(location %s)" % p
            for p in patches
        ] + [
            "cp $$d/%s $(RULEDIR)/%s/%s" % (f, name, f)
            for f in files
        ] + ["rm -rf $$d"]),
        message = "Applying %d fix(es) for %s" % (len(patches), name),
    )
    native.cc_library(
        name = name,
        srcs = [name + "/" + f for f in srcs],
        hdrs = [name + "/" + f for f in hdrs],
        strip_include_prefix = name,
        deps = ["//shim"],
        visibility = ["//visibility:public"],
    )

def allocator_variants(allocator, srcs, hdrs):
    pkg = native.package_name()
    native.cc_library(
        name = "seed",
        srcs = srcs,
        hdrs = hdrs,
        strip_include_prefix = "/" + pkg,
        deps = ["//shim"],
        visibility = ["//visibility:public"],
    )
    fixes = FIXES[allocator]
    patches = ["fixes/%s-%s.patch" % (i, slug) for (i, slug, _) in fixes]
    _patched("fixed", srcs, hdrs, patches)
    for (i, _, _) in fixes:
        left_out = [i] + HIDES.get(i, [])
        _patched("only_" + i, srcs, hdrs, [
            "fixes/%s-%s.patch" % (j, slug)
            for (j, slug, _) in fixes
            if j not in left_out
        ])
