"""The findings of FINDINGS.md that have a fix, per allocator, in the order
their patches apply (allocators/<allocator>/fixes/<ID>-<slug>.patch).

Every finding also names a single-bug variant: the seed with every fix but
that finding's, so a time-to-bug trial is not cut short by another defect.
Build one with --define=variant=<ID>; plain builds use the fixed variant.
"""

FIXES = {
    "xvmalloc": [
        ("XV-1", "misaligned-block-header"),
        ("XV-2", "shift-by-word-size"),
        ("XV-3", "largest-sizes-never-fit"),
        ("XV-4", "total-pages-race"),
        ("XV-5", "concurrent-growth-leaves-empty-page"),
    ],
    "xcfmalloc": [
        ("XCF-1", "sleeping-alloc-under-spinlock"),
        ("XCF-2", "scatter-gather-never-used"),
        ("XCF-3", "smallest-freelist-skipped"),
    ],
}

# Fixes that also hide another finding, left out of its single-bug variant:
# XV-5's fix allocates from the page it grew without a freelist search, so
# it serves the 4089-4092 byte requests that XV-3 makes fail.
HIDES = {
    "XV-3": ["XV-5"],
}

FINDING_IDS = [i for a in FIXES for (i, _) in FIXES[a]]

# Whole-harness variants: both allocators seed, both fixed, or one finding.
VARIANTS = ["seed", "fixed"] + FINDING_IDS

def library_variants(allocator):
    """Every library variant of `allocator`: seed, fixed, only_<ID> per finding."""
    return ["seed", "fixed"] + ["only_" + i for (i, _) in FIXES[allocator]]

def allocator_variant(allocator, variant):
    """The library of `allocator` (and its checker) in a harness variant."""
    if variant in ["seed", "fixed"]:
        return variant
    if variant in [i for (i, _) in FIXES[allocator]]:
        return "only_" + variant
    return "fixed"
