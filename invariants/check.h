/*
 * check.h: what the invariant checkers and the shadow model share.  A
 * checker reads an allocator's real state (pages through kmap, as kernel
 * code would), never changes it, and on the first violation reports it with
 * report_invariant() and aborts.
 */
#ifndef _ALLOCFUZZ_CHECK_H
#define _ALLOCFUZZ_CHECK_H

#include <stdint.h>
#include <allocfuzz/compiler.h>
#include "allocator.h"	/* enum check_mode */

/* Two words a step, for passes over whole arrays (the freelist diff, the model's compares). */
typedef uint64_t u64x2 __attribute__((vector_size(16)));
typedef uint64_t u64x2_unaligned __attribute__((vector_size(16), aligned(1)));

/* One invariant, declared once in its checker's table. */
struct invariant {
	const char *id;		/* stable: tests, FINDINGS.md and crash signatures name it */
	const char *what;	/* fixed text of the first line: no values, so one defect is one signature */
	const char *why;	/* why it must hold, from the allocator's design */
};

/*
 * Reports inv violated and aborts:
 *   allocfuzz: invariant <id> violated: <what>
 *     <fmt's lines: the values, the pool, page and offset>
 *     why: <why>
 *     <dump(arg), if dump is not NULL>
 * then report_end()'s dump hook and stack.
 */
__noreturn __printf(4, 5) void report_invariant(const struct invariant *inv,
						void (*dump)(void *arg), void *arg,
						const char *fmt, ...);

/*
 * Every table of invariants linked into a binary registers itself
 * (INVARIANTS_REGISTER), so a tool can list what the oracles can report
 * (fuzzers/invariant_table.c writes invariants/INVARIANTS.md from them).
 */
struct invariant_table {
	const struct invariant *inv;
	unsigned int count;
};
void invariant_table_register(const struct invariant *inv, unsigned int count);
/* The tables linked in; returns how many. */
unsigned int invariant_tables(const struct invariant_table **tables);

#define INVARIANTS_REGISTER(table)						\
	__attribute__((constructor)) static void register_invariants(void)	\
	{									\
		invariant_table_register((table), sizeof(table) / sizeof((table)[0]));	\
	}

#endif
