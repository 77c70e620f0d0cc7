/*
 * check.h: what the invariant checkers share.  A checker reads an
 * allocator's real state (pages through kmap, as kernel code would), never
 * changes it, and on the first violation prints
 *   allocfuzz: invariant <id> violated: <detail>
 * then the pool, page and offset and a dump of that page's blocks, and aborts.
 */
#ifndef _ALLOCFUZZ_CHECK_H
#define _ALLOCFUZZ_CHECK_H

enum check_mode {
	CHECK_NONE,		/* no invariant checks */
	CHECK_INCREMENTAL,	/* pool-wide counters and lists, pages touched since the last clear */
	CHECK_FULL,		/* everything, every page */
};

#endif
