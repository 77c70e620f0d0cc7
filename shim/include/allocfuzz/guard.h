/*
 * allocfuzz/guard.h: page-sized memory between guard pages, for the builds
 * without AddressSanitizer (the fast lane, MSan, TSan, bare): what ASan's
 * redzones see there, a hardware fault sees here, at the access.  A slot is
 * one page, readable and writable, with a page that no access may touch on
 * either side; a load or store that runs off either end of a slot's page
 * faults, and the fault handler reports it with the first line its kind's
 * describe function prints, then aborts.  A fault anywhere else goes to the
 * handler that was there before (libFuzzer's, the sanitizers', the default).
 * Slots come from one reserved region and return to it; nothing is
 * protected or unprotected after the region is set up, so taking and giving
 * slots costs no system call.  With ASan these are not built (GUARD_ON is 0):
 * callers use the C heap, whose redzones ASan checks.
 */
#ifndef _ALLOCFUZZ_GUARD_H
#define _ALLOCFUZZ_GUARD_H

#include <stdbool.h>
#include <stddef.h>
#include <allocfuzz/sanitizer.h>

#ifdef SAN_ASAN
#define GUARD_ON	0
#else
#define GUARD_ON	1
#endif

enum guard_kind {
	GUARD_PAGE,	/* a shim page's memory (page.c) */
	GUARD_BUFFER,	/* a caller's buffer of the model (invariants/model.c) */
	GUARD_KINDS,
};

/*
 * Reports a fault at addr, which lies off the end (after true) or before the
 * start (after false) of the slot page mem, handed out as tag: prints the
 * report (report_begin ... report_end) and does not return.
 */
typedef void (*guard_describe_fn)(const void *tag, const void *mem, const void *addr, bool after);
void guard_describe(enum guard_kind kind, guard_describe_fn fn);

/* A fresh slot page (contents unspecified), tagged for the describe function; aborts when out of slots. */
void *guard_take(enum guard_kind kind, const void *tag);
/* Retags a slot page already taken (its tag moves with it). */
void guard_retag(void *mem, const void *tag);
/* Gives a slot page back; it may be handed out again at once. */
void guard_give(void *mem);

#endif
