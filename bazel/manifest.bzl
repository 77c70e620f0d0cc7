"""build_manifest: what the BUILD files say, as plain lines for the builds
without Bazel (OSS-Fuzz's build.sh, ci/mutants.sh) and every script
(ci/lib/*.sh).  Bazel stays the build: this writes down what it does.
bazel/build.manifest is its committed copy (ci/manifest.sh writes and
checks it, and the test command fails when it drifts), so that a build
without Bazel reads the same facts.

One record a line, fields separated by spaces, lists by commas, "-" empty:
  allocator NAME profile=LABEL default=yes|no compare=yes|no threads=yes|no
  variant ALLOCATOR VARIANT dir=DIR base=DIR files=F,.. patches=P,..
  finding ID allocator=NAME slug=SLUG target=TARGET
  target NAME sanitizer=SAN default=yes|no allocators=A,..
  binary LABEL srcs=F,.. libs=LABEL,..     (every library it links, deps first)
  library LABEL srcs=F,.. includes=DIR,.. copts=OPT,..
  config NAME copts=OPT,..                 (ci/manifest.sh: Bazel's --copt of each config)
A path is relative to the source tree; "@path" is made by a variant line:
base's files, patched in order, in dir.  Binaries are built in the default
configuration: the fixed variants.
"""

load("//allocators:allocators.bzl", "ALLOCATORS")
load("//bazel:allocator.bzl", "allocator_variants", "variant_patches")
load("//bazel:targets.bzl", "TARGETS")

_ManifestInfo = provider(fields = ["libs", "includes", "srcs"])

def _path(f):
    return f.short_path if f.is_source else "@" + f.short_path

def _list(items):
    return ",".join(items) if items else "-"

def _yes(b):
    return "yes" if b else "no"

def _include_dir(ctx, target):
    """The directory a library's strip_include_prefix exposes, or None."""
    prefix = getattr(ctx.rule.attr, "strip_include_prefix", "")
    if not prefix:
        return None
    pkg = target.label.package
    d = prefix[1:] if prefix.startswith("/") else (pkg + "/" + prefix if pkg else prefix)
    hdrs = getattr(ctx.rule.files, "hdrs", [])
    return "@" + d if hdrs and not hdrs[0].is_source else d

def _manifest_aspect_impl(target, ctx):
    below = [d[_ManifestInfo] for d in getattr(ctx.rule.attr, "deps", []) if _ManifestInfo in d]
    own = _include_dir(ctx, target)
    includes = depset([own] if own else [], transitive = [i.includes for i in below])
    srcs = [_path(f) for f in getattr(ctx.rule.files, "srcs", []) if f.extension == "c"]
    libs = depset(transitive = [i.libs for i in below], order = "postorder")
    if ctx.rule.kind == "cc_library":
        record = "library %s srcs=%s includes=%s copts=%s" % (
            target.label,
            _list(srcs),
            _list(includes.to_list()),
            _list(ctx.rule.attr.copts),
        )
        libs = depset([record], transitive = [libs], order = "postorder")
    return [_ManifestInfo(libs = libs, includes = includes, srcs = srcs)]

_manifest_aspect = aspect(
    implementation = _manifest_aspect_impl,
    attr_aspects = ["deps"],
)

def _lists():
    lines = []
    for a in ALLOCATORS:
        lines.append("allocator %s profile=%s default=%s compare=%s threads=%s" % (
            a.name,
            a.profile,
            _yes(a.default),
            _yes(a.compare),
            _yes(a.threads),
        ))
        base = "allocators/" + a.name
        for v in allocator_variants(a):
            lines.append("variant %s %s dir=%s base=%s files=%s patches=%s" % (
                a.name,
                v,
                base if v == "seed" else "@%s/%s" % (base, v),
                base,
                _list(a.srcs + a.hdrs),
                _list([base + "/" + p for p in variant_patches(a, v)]),
            ))
        for (i, slug, t) in a.fixes:
            lines.append("finding %s allocator=%s slug=%s target=%s" % (i, a.name, slug, t))
    for t in TARGETS:
        lines.append("target %s sanitizer=%s default=%s allocators=%s" % (
            t,
            TARGETS[t]["sanitizer"],
            _yes(TARGETS[t]["default"]),
            _list(TARGETS[t]["allocators"]),
        ))
    return lines

def _manifest_impl(ctx):
    lines = _lists()
    libs = {}
    for b in ctx.attr.binaries:
        info = b[_ManifestInfo]
        records = info.libs.to_list()
        for r in records:
            libs[r.split(" ")[1]] = r
        lines.append("binary %s srcs=%s libs=%s" % (
            b.label,
            _list(info.srcs),
            _list([r.split(" ")[1] for r in records]),
        ))
    lines += [libs[label] for label in sorted(libs)]
    out = ctx.actions.declare_file(ctx.label.name + ".txt")
    ctx.actions.write(out, "\n".join(lines) + "\n")
    return [DefaultInfo(files = depset([out]))]

build_manifest = rule(
    implementation = _manifest_impl,
    attrs = {"binaries": attr.label_list(aspects = [_manifest_aspect])},
)

def _config_copts_impl(ctx):
    out = ctx.actions.declare_file(ctx.label.name + ".txt")
    copts = ctx.fragments.cpp.copts + ctx.fragments.cpp.conlyopts
    ctx.actions.write(out, _list(copts) + "\n")
    return [DefaultInfo(files = depset([out]))]

# The --copt and --conlyopt of the configuration it is built in.
config_copts = rule(
    implementation = _config_copts_impl,
    fragments = ["cpp"],
)
