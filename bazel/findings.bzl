"""The findings of FINDINGS.md that have a fix, from the allocators'
descriptions (allocators/<name>/allocator.bzl: fixes, in patch order, each
with the target that finds it).

Every finding also names a single-bug variant: the seed with every fix but
that finding's, so a time-to-bug trial is not cut short by another defect.
Build one with --define=variant=<ID>; plain builds use the fixed variant.
"""

load("//allocators:allocators.bzl", "ALLOCATORS")

FIXES = {a.name: a.fixes for a in ALLOCATORS}

FINDING_IDS = [f[0] for a in ALLOCATORS for f in a.fixes]

FINDING_TARGET = {f[0]: f[2] for a in ALLOCATORS for f in a.fixes}

# Whole-harness variants: every allocator seed, every one fixed, or one finding.
VARIANTS = ["seed", "fixed"] + FINDING_IDS

def allocator_variant(allocator, variant):
    """The library variant of allocator (a name) in a harness variant."""
    if variant in ["seed", "fixed"]:
        return variant
    if variant in [f[0] for f in FIXES[allocator]]:
        return "only_" + variant
    return "fixed"
