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

Builds: an allocator compiled from a kernel tree in several versions and
configurations names each one (allocator_build()); the flag
--//allocators:build=<name>-<build> picks one for every library above (its
default_build otherwise), and the adapter registers under that full name,
so reports say which build ran.  Its oracle tests run in every build.
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
        copts = [],
        builds = {},
        default_build = None):
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
      builds: build name -> allocator_build(): the versions and configurations it is built in.
      default_build: the build when --//allocators:build names none of them.
    """
    if builds and default_build not in builds:
        fail("allocator %s: default_build must be one of its builds" % name)
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
        builds = builds,
        default_build = default_build,
    )

def allocator_build(deps = [], copts = []):
    """One build of an allocator: what every library of it gets in that build.

    Args:
      deps: libraries (a kernel tree's files: @linux_X_Y//:kernel).
      copts: compiler options (the kernel configuration's -DCONFIG_*).
    """
    return struct(deps = deps, copts = copts)

def _build_flag_impl(ctx):
    return []

# The flag's rule: allocators/BUILD's //allocators:build ("": every allocator's default build).
allocator_build_flag = rule(
    implementation = _build_flag_impl,
    build_setting = config.string(flag = True),
)

def build_name(a, b):
    """The full name of allocator a's build b: the flag's value, the adapter's name in reports."""
    return "%s-%s" % (a.name, b)

def _per_build(a, values):
    """values[build] as the build selected (values: build name -> list), or [] without builds."""
    if not a.builds:
        return []
    return select(dict(
        [("//allocators/%s:build_%s" % (a.name, b), values[b]) for b in a.builds if b != a.default_build] +
        [("//conditions:default", values[a.default_build])],
    ))

def _build_deps(a):
    return _per_build(a, {b: a.builds[b].deps for b in a.builds})

def _build_copts(a):
    return _per_build(a, {b: a.builds[b].copts for b in a.builds})

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
        copts = a.copts + _build_copts(a),
        strip_include_prefix = name,
        deps = [a.profile] + _build_deps(a),
    )

def allocator_libraries(a, rank):
    """Every variant of allocator a, its oracles and its adapter (see the top of this file).

    rank: its place in allocators/allocators.bzl, the order binaries that link several run them in.
    """
    pkg = native.package_name()
    if pkg != "allocators/" + a.name:
        fail("allocator %s must live in allocators/%s, not %s" % (a.name, a.name, pkg))
    native.package(default_visibility = ["//visibility:public"])
    for b in a.builds:
        native.config_setting(
            name = "build_" + b,
            flag_values = {"//allocators:build": build_name(a, b)},
        )
    native.cc_library(
        name = "seed",
        srcs = a.srcs,
        hdrs = a.hdrs,
        copts = a.copts + _build_copts(a),
        strip_include_prefix = "/" + pkg,
        deps = [a.profile] + _build_deps(a),
    )
    for v in allocator_variants(a)[1:]:
        _patched(v, a, variant_patches(a, v))

    # Its size classes from the seed's headers alone, for the mutator (no allocator code).
    if a.size_class:
        native.cc_library(
            name = "size_class",
            srcs = [a.size_class] + a.hdrs,
            copts = HARNESS_COPTS + _build_copts(a),
            alwayslink = True,  # registers itself (SIZE_CLASS_REGISTER)
            deps = [
                "//allocators:api",
                a.profile,
            ] + _build_deps(a),
        )
    for v in allocator_variants(a):
        native.cc_library(
            name = "oracles_" + v,
            srcs = a.oracles,
            hdrs = a.oracle_hdrs,
            copts = HARNESS_COPTS + _build_copts(a),
            strip_include_prefix = "oracles",
            deps = [
                ":" + v,
                "//invariants:check",
                a.profile,
                "//shim",
            ] + _build_deps(a),
        )
        native.cc_library(
            name = "adapter_" + v,
            srcs = [a.adapter],
            copts = HARNESS_COPTS + ["-DALLOCATOR_RANK=%d" % rank] + _build_copts(a) +
                    _per_build(a, {b: ["-DALLOCATOR_BUILD=\\\"%s\\\"" % build_name(a, b)] for b in a.builds}),
            alwayslink = True,  # registers itself (ALLOCATOR_REGISTER); nothing names it
            deps = [
                ":" + v,
                ":oracles_" + v,
                "//allocators:api",
                a.profile,
                "//shim",
            ] + _build_deps(a),
        )

def _to_build_impl(settings, attr):
    return {"//allocators:build": attr.build}

_to_build = transition(
    implementation = _to_build_impl,
    inputs = [],
    outputs = ["//allocators:build"],
)

def _build_test_impl(ctx):
    test = ctx.attr.test[0][DefaultInfo]
    exe = ctx.actions.declare_file(ctx.label.name)
    ctx.actions.symlink(output = exe, target_file = test.files_to_run.executable, is_executable = True)
    return [DefaultInfo(
        executable = exe,
        runfiles = ctx.runfiles(files = [test.files_to_run.executable]).merge(test.default_runfiles),
    )]

# A test target built in another build of its allocator (--//allocators:build=build).
allocator_build_test = rule(
    implementation = _build_test_impl,
    test = True,
    attrs = {
        "test": attr.label(cfg = _to_build, executable = True, mandatory = True),
        "build": attr.string(mandatory = True),
        "_allowlist_function_transition": attr.label(
            default = "@bazel_tools//tools/allowlists/function_transition_allowlist",
        ),
    },
)

def allocator_oracle_test(allocator, src, variants = ["fixed"], a = None):
    """src (<stem>_test.c) as a cc_test of allocator's port and oracles in each variant.

    The fixed variant's test is <stem>_test, another's <stem>_<variant>_test,
    built with -DCHECK_<VARIANT> (CHECK_SEED: the cases that differ on the seed).
    With a, the allocator's description, and builds in it: the tests take
    each build's options, and run in every build: <stem>[_<variant>]_<build>_test
    runs the test built with --//allocators:build=<allocator>-<build>.
    """
    stem = src[:-len("_test.c")]
    for v in variants:
        base = stem + ("" if v == "fixed" else "_" + v)
        name = base + "_test"
        native.cc_test(
            name = name,
            srcs = [src],
            copts = ([] if v == "fixed" else ["-DCHECK_" + v.upper()]) + (_build_copts(a) if a else []),
            deps = [
                "//allocators:api",
                "//allocators/%s:%s" % (allocator, v),
                "//allocators/%s:oracles_%s" % (allocator, v),
                "//shim",
                "//shim/test_runner:expect",
            ],
        )
        for b in (a.builds if a else {}):
            if b != a.default_build:
                allocator_build_test(
                    name = "%s_%s_test" % (base, b),
                    test = ":" + name,
                    build = build_name(a, b),
                )
