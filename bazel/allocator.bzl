"""An allocator is a plug-in: one folder, allocators/<name>/, described once.

allocator() makes the description (allocators/<name>/allocator.bzl holds it,
allocators/allocators.bzl lists it); allocator_libraries() turns it into the
folder's libraries, in three layers that each depend only downwards:

  <variant>           the port: the allocator's own sources on its shim
                      profile, seed or patched (fixes/<ID>-<slug>.patch)
  oracles_<variant>   its invariant checker and placement oracle (oracles/)
  adapter_<variant>   adapter.c: binds the port and its oracles to the one
                      interface, allocators/allocator.h, and registers it

Variants: "seed" is the sources as they are; "fixed" has every fix applied
in the description's order; "only_<ID>" every fix but <ID>'s (and those that
hide it): the seed with that one defect.  Every variant exports the same
symbols, so a binary links exactly one.  The recipe: allocators/README.md.
"""

load("//bazel:copts.bzl", "HARNESS_COPTS")

def allocator(
        name,
        summary,
        profile,
        srcs,
        hdrs,
        oracles,
        oracle_hdrs,
        adapter = "adapter.c",
        size_class = None,
        fixes = [],
        hides = {},
        compare = False,
        threads = False,
        default = True,
        copts = []):
    """The description of one allocator; every field is read from here alone.

    Args:
      name: the folder allocators/<name>/, the fuzz target <name>_fuzz and its corpus/<name>_fuzz/.
      summary: one line: what it is and where it came from.
      profile: the shim profile its sources are written against (//shim/linux-2.6, //shim/linux-6).
      srcs, hdrs: the port's sources and headers, relative to its folder.
      oracles: its checker's and placement oracle's sources and private headers (oracles/...).
      oracle_hdrs: their public headers, for the adapter and the tests.
      adapter: the adapter's source.
      size_class: a source that registers its size classes from its headers (allocator.h), or None.
      fixes: (ID, slug, target) per finding with a fix, in the order the patches apply.
      hides: ID -> the fixes that also hide it, left out of its single-bug variant.
      compare: joins differential_fuzz.
      threads: joins threads_fuzz (its locks hold between real threads).
      default: its target is fuzzed by the campaign and OSS-Fuzz unless targets are named.
      copts: extra compiler options for the port.
    """
    return struct(
        name = name,
        summary = summary,
        profile = profile,
        srcs = srcs,
        hdrs = hdrs,
        oracles = oracles,
        oracle_hdrs = oracle_hdrs,
        adapter = adapter,
        size_class = size_class,
        fixes = fixes,
        hides = hides,
        compare = compare,
        threads = threads,
        default = default,
        copts = copts,
    )

def allocator_variants(a):
    """The variants of allocator a: seed, fixed, only_<ID> per fix."""
    return ["seed", "fixed"] + ["only_" + f[0] for f in a.fixes]

def _patch(a, i, slug):
    return "fixes/%s-%s.patch" % (i, slug)

def variant_patches(a, variant):
    """The patches of a variant, in the order they apply."""
    if variant == "seed":
        return []
    left_out = []
    if variant.startswith("only_"):
        i = variant[len("only_"):]
        left_out = [i] + a.hides.get(i, [])
    return [_patch(a, i, slug) for (i, slug, _) in a.fixes if i not in left_out]

def _patched(name, a, patches):
    files = a.srcs + a.hdrs
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
        srcs = [name + "/" + f for f in a.srcs],
        hdrs = [name + "/" + f for f in a.hdrs],
        copts = a.copts,
        strip_include_prefix = name,
        deps = [a.profile],
    )

def allocator_libraries(a, rank):
    """Every variant of allocator a, its oracles and its adapter (see the top of this file).

    rank: its place in allocators/allocators.bzl, the order binaries that link several run them in.
    """
    pkg = native.package_name()
    if pkg != "allocators/" + a.name:
        fail("allocator %s must live in allocators/%s, not %s" % (a.name, a.name, pkg))
    native.package(default_visibility = ["//visibility:public"])
    native.cc_library(
        name = "seed",
        srcs = a.srcs,
        hdrs = a.hdrs,
        copts = a.copts,
        strip_include_prefix = "/" + pkg,
        deps = [a.profile],
    )
    for v in allocator_variants(a)[1:]:
        _patched(v, a, variant_patches(a, v))

    # Its size classes from the seed's headers alone, for the mutator (no allocator code).
    if a.size_class:
        native.cc_library(
            name = "size_class",
            srcs = [a.size_class] + a.hdrs,
            copts = HARNESS_COPTS,
            alwayslink = True,  # registers itself (SIZE_CLASS_REGISTER)
            deps = [
                "//allocators:api",
                a.profile,
            ],
        )
    for v in allocator_variants(a):
        native.cc_library(
            name = "oracles_" + v,
            srcs = a.oracles,
            hdrs = a.oracle_hdrs,
            copts = HARNESS_COPTS,
            strip_include_prefix = "oracles",
            deps = [
                ":" + v,
                "//invariants:check",
                a.profile,
                "//shim",
            ],
        )
        native.cc_library(
            name = "adapter_" + v,
            srcs = [a.adapter],
            copts = HARNESS_COPTS + ["-DALLOCATOR_RANK=%d" % rank],
            alwayslink = True,  # registers itself (ALLOCATOR_REGISTER); nothing names it
            deps = [
                ":" + v,
                ":oracles_" + v,
                "//allocators:api",
                a.profile,
                "//shim",
            ],
        )

def allocator_oracle_test(allocator, src, variants = ["fixed"]):
    """src (<stem>_test.c) as a cc_test of allocator's port and oracles in each variant.

    The fixed variant's test is <stem>_test, another's <stem>_<variant>_test,
    built with -DCHECK_<VARIANT> (CHECK_SEED: the cases that differ on the seed).
    """
    stem = src[:-len("_test.c")]
    for v in variants:
        native.cc_test(
            name = stem + ("" if v == "fixed" else "_" + v) + "_test",
            srcs = [src],
            copts = [] if v == "fixed" else ["-DCHECK_" + v.upper()],
            deps = [
                "//allocators:api",
                "//allocators/%s:%s" % (allocator, v),
                "//allocators/%s:oracles_%s" % (allocator, v),
                "//shim",
                "//shim/test_runner:expect",
            ],
        )
