"""kernel_source: a few files of a Linux kernel tree, as an external repository.

The files come from Debian's linux-source-X.Y package (/usr/src/linux-source-
X.Y.tar.xz, which ci/setup.sh installs), or from the user's own tree when the
environment variable ALLOCFUZZ_LINUX_X_Y names one (export it, or pass
--repo_env=ALLOCFUZZ_LINUX_6_12=/path/to/linux).  They land in Bazel's output
base, never in the checkout, and nothing is downloaded.  The tree's Makefile
must say version X.Y.

The repository's one library, @<name>//:kernel, exposes the files under
their kernel paths (#include "mm/zsmalloc.c": a source is included as code,
with its warnings; <linux/zsmalloc.h>: a header of the kernel's API) and
defines LINUX_VERSION_CODE from the tree's own Makefile, as the kernel's
generated <linux/version.h> would; its RELEASE file holds "X.Y.Z".
"""

def _makefile_version(text):
    """VERSION, PATCHLEVEL and SUBLEVEL of a kernel Makefile, as ints."""
    v = {}
    for line in text.splitlines()[:10]:
        parts = line.split("=")
        if len(parts) == 2 and parts[0].strip() in ["VERSION", "PATCHLEVEL", "SUBLEVEL"]:
            v[parts[0].strip()] = int(parts[1].strip() or "0")
    if len(v) != 3:
        return None
    return (v["VERSION"], v["PATCHLEVEL"], v["SUBLEVEL"])

def _impl(ctx):
    version = ctx.attr.version
    env = "ALLOCFUZZ_LINUX_" + version.replace(".", "_")
    tree = ctx.os.environ.get(env, "")
    files = ["Makefile"] + ctx.attr.files
    if tree:
        for f in files:
            src = ctx.path(tree + "/" + f)
            if not src.exists:
                fail("%s=%s: the tree has no %s" % (env, tree, f))
            ctx.symlink(src, f)
        origin = tree
    else:
        tarball = "/usr/src/linux-source-%s.tar.xz" % version
        if not ctx.path(tarball).exists:
            fail(("%s is missing: install Debian's linux-source-%s (sh ci/setup.sh does), " +
                  "or point %s at a kernel tree") % (tarball, version, env))
        top = "linux-source-" + version
        r = ctx.execute(
            ["tar", "-xJf", tarball, "--strip-components=1"] + [top + "/" + f for f in files],
            timeout = 600,
        )
        if r.return_code:
            fail("extracting %s from %s: %s" % (", ".join(files), tarball, r.stderr))
        origin = tarball
    v = _makefile_version(ctx.read("Makefile"))
    if not v or "%d.%d" % (v[0], v[1]) != version:
        fail("%s is not a Linux %s tree (its Makefile says %s)" % (origin, version, v))
    release = "%d.%d.%d" % v
    ctx.file("RELEASE", release + "\n")
    ctx.file("BUILD", """# Linux {release} from {origin} (bazel/kernel_source.bzl): files as they are.
package(default_visibility = ["//visibility:public"])

exports_files(["RELEASE"])

cc_library(
    name = "kernel",
    hdrs = {hdrs},
    textual_hdrs = {textual},
    includes = ["include"],
    defines = ["LINUX_VERSION_CODE={code}"],
)
""".format(
        release = release,
        origin = origin,
        hdrs = repr([f for f in ctx.attr.files if f.endswith(".h")]),
        textual = repr([f for f in ctx.attr.files if f.endswith(".c")]),
        code = v[0] * 65536 + v[1] * 256 + min(v[2], 255),
    ))

kernel_source = repository_rule(
    implementation = _impl,
    attrs = {
        "version": attr.string(mandatory = True, doc = "X.Y: the linux-source-X.Y package"),
        "files": attr.string_list(mandatory = True, doc = "paths in the tree: sources (.c) and headers (.h)"),
    },
    environ = [
        "ALLOCFUZZ_LINUX_6_1",
        "ALLOCFUZZ_LINUX_6_12",
    ],
    local = False,
)
