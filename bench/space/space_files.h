/*
 * space_files.h: the files the space benchmark takes real pages from, found
 * by walking directories, sorted by path, so that one machine always gives
 * the same list.
 */
#ifndef _SPACE_FILES_H
#define _SPACE_FILES_H

#include <stdbool.h>
#include <stdint.h>

/* The pages stored: the kernel's PAGE_SIZE (the shim's too, checked where both are seen). */
#define SPACE_PAGE_SIZE	4096

enum space_file_kind {
	SPACE_FILE_ELF,		/* executables and shared libraries */
	SPACE_FILE_TEXT,	/* plain text: documentation, licenses */
};

struct space_files {
	char **path;		/* sorted by strcmp */
	uint32_t *pages;		/* whole pages in each file */
	unsigned int n;
	unsigned long skipped_compressed;	/* gzip, xz, ... by their magic bytes */
};

/*
 * Regular files (symlinks not followed, hard links counted once) of at least
 * one page under dirs whose first bytes say they are of kind.  Prints an
 * error naming the directory and returns -1 if a directory cannot be read.
 */
int space_files_find(struct space_files *f, const char *const *dirs,
		     unsigned int ndirs, enum space_file_kind kind);
void space_files_free(struct space_files *f);

#endif
