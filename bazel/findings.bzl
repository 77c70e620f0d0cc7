"""The findings of FINDINGS.md that have a fix, per allocator, in the order
their patches apply (allocators/<allocator>/fixes/<ID>-<slug>.patch), each
with the target that finds it (its repro replays there; XV-4 is a race).
Read by ci/lib.sh too, with sed: keep one finding a line, in this form.

Every finding also names a single-bug variant: the seed with every fix but
that finding's, so a time-to-bug trial is not cut short by another defect.
Build one with --define=variant=<ID>; plain builds use the fixed variant.
"""

FIXES = {
    "xvmalloc": [
        ("XV-1", "misaligned-block-header", "xvmalloc_fuzz"),
        ("XV-2", "shift-by-word-size", "xvmalloc_fuzz"),
        ("XV-3", "largest-sizes-never-fit", "xvmalloc_fuzz"),
        ("XV-4", "total-pages-race", "threads_fuzz"),
        ("XV-5", "concurrent-growth-leaves-empty-page", "xvmalloc_fuzz"),
        ("XV-6", "total-bytes-read-unlocked", "threads_fuzz"),
    ],
    "xcfmalloc": [
        ("XCF-1", "sleeping-alloc-under-spinlock", "xcfmalloc_fuzz"),
        ("XCF-2", "scatter-gather-never-used", "xcfmalloc_fuzz"),
        ("XCF-3", "smallest-freelist-skipped", "xcfmalloc_fuzz"),
    ],
}

# Fixes that also hide another finding, left out of its single-bug variant:
# XV-5's fix allocates from the page it grew without a freelist search, so
# it serves the 4089-4092 byte requests that XV-3 makes fail.
HIDES = {
    "XV-3": ["XV-5"],
}

FINDING_IDS = [f[0] for a in FIXES for f in FIXES[a]]

FINDING_TARGET = {f[0]: f[2] for a in FIXES for f in FIXES[a]}

# Whole-harness variants: both allocators seed, both fixed, or one finding.
VARIANTS = ["seed", "fixed"] + FINDING_IDS

def library_variants(allocator):
    """Every library variant of `allocator`: seed, fixed, only_<ID> per finding."""
    return ["seed", "fixed"] + ["only_" + f[0] for f in FIXES[allocator]]

def allocator_variant(allocator, variant):
    """The library of `allocator` (and its checker) in a harness variant."""
    if variant in ["seed", "fixed"]:
        return variant
    if variant in [f[0] for f in FIXES[allocator]]:
        return "only_" + variant
    return "fixed"
