/*
 * space_workload.h: the set of distinct 4 KiB pages the space benchmark
 * stores: real pages of executables, libraries and text found on the machine,
 * plus a share of zero-filled pages, picked with a seeded PRNG.
 */
#ifndef _SPACE_WORKLOAD_H
#define _SPACE_WORKLOAD_H

#include <stdbool.h>
#include <stdint.h>
#include "space_files.h"

#define SPACE_MAX_DIRS	8

enum space_class {
	SPACE_CLASS_ZERO,	/* zero-filled, made here */
	SPACE_CLASS_ELF,	/* a page of an executable or library */
	SPACE_CLASS_TEXT,	/* a page of a text file */
	SPACE_NCLASS,
};

struct space_workload_cfg {
	unsigned int pages;	/* distinct pages in the set */
	unsigned int zero_pct;	/* zero-filled share; then text_pct text, the rest ELF */
	unsigned int text_pct;
	uint64_t seed;
	/* If lzo_max: keep only non-zero pages whose LZO size is in [lzo_min, lzo_max]. */
	uint32_t lzo_min, lzo_max;
	const char *elf_dirs[SPACE_MAX_DIRS];
	unsigned int nelf;
	const char *text_dirs[SPACE_MAX_DIRS];
	unsigned int ntext;
};

struct space_page {
	enum space_class cls;
	bool zero;		/* every byte is 0 (file pages too may be) */
	uint32_t file;		/* index into the class's files */
	uint32_t index;		/* page number in that file */
};

struct space_workload {
	unsigned int n;
	uint8_t *data;		/* n pages, SPACE_PAGE_SIZE bytes each */
	struct space_page *page;
	struct space_files files[SPACE_NCLASS];	/* none for SPACE_CLASS_ZERO */
};

/* 0, or -1 after an error naming the directory or file at fault. */
int space_workload_build(struct space_workload *w, const struct space_workload_cfg *cfg);
void space_workload_free(struct space_workload *w);
const char *space_class_name(enum space_class cls);

static inline const uint8_t *space_page_data(const struct space_workload *w, unsigned int i)
{
	return w->data + (size_t)i * SPACE_PAGE_SIZE;
}

#endif
