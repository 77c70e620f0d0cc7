/*
 * zsmalloc.c: the port's one translation unit: Linux's mm/zsmalloc.c as it
 * is, from the build's kernel tree (@linux_X_Y, bazel/kernel_source.bzl),
 * then the views its oracles read of the structures that file keeps private
 * (zs_view.h).  The views get no coverage instrumentation, and live in a
 * header so AFL++'s allowlist (by file name) leaves them out too: fuzzers
 * are steered by zsmalloc's own code alone.
 */
#include "mm/zsmalloc.c"

#pragma clang attribute push(__attribute__((no_sanitize("coverage"))), apply_to = function)
#include "zs_view_impl.h"
#pragma clang attribute pop
