/*
 * space_files.c: walks directories for the files the space benchmark reads
 * pages from, keeps those of the kind asked for, sorted by path.
 */
#define _GNU_SOURCE	/* asprintf */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "space_files.h"

struct found {
	char *path;
	dev_t dev;
	ino_t ino;
	uint32_t pages;
};

struct walk {
	struct found *v;
	size_t n, cap;
	enum space_file_kind kind;
	unsigned long skipped_compressed;
};

/* Compressed formats gain nothing from a second compression: not workload pages. */
static bool is_compressed(const uint8_t *b, size_t len)
{
	static const struct {
		const char *magic;
		size_t len;
	} formats[] = {
		{ "\x1f\x8b", 2 },		/* gzip (man pages, changelogs) */
		{ "\xfd" "7zXZ", 5 },		/* xz */
		{ "BZh", 3 },			/* bzip2 */
		{ "\x28\xb5\x2f\xfd", 4 },	/* zstd */
		{ "PK\x03\x04", 4 },		/* zip, jar */
		{ "\x89PNG", 4 },
		{ "\xff\xd8\xff", 3 },		/* JPEG */
		{ "GIF8", 4 },
	};
	size_t i;

	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (len >= formats[i].len && !memcmp(b, formats[i].magic, formats[i].len))
			return true;
	return false;
}

/* Text: no NUL and at most 1 in 20 bytes outside printable ASCII, whitespace, UTF-8. */
static bool is_text(const uint8_t *b, size_t len)
{
	size_t i, odd = 0;

	for (i = 0; i < len; i++) {
		if (!b[i])
			return false;
		if (b[i] < 0x20 && b[i] != '\t' && b[i] != '\n' && b[i] != '\r' && b[i] != '\f')
			odd++;
		else if (b[i] == 0x7f)
			odd++;
	}
	return odd * 20 <= len;
}

static bool is_kind(struct walk *w, const char *path)
{
	uint8_t head[SPACE_PAGE_SIZE];
	ssize_t len;
	int fd;

	fd = open(path, O_RDONLY | O_NOFOLLOW);
	if (fd < 0)
		return false;	/* unreadable files are simply not candidates */
	len = pread(fd, head, sizeof(head), 0);
	close(fd);
	if (len < (ssize_t)sizeof(head))
		return false;
	if (is_compressed(head, len)) {
		w->skipped_compressed++;
		return false;
	}
	if (w->kind == SPACE_FILE_ELF)
		return !memcmp(head, "\x7f" "ELF", 4);
	return is_text(head, len);
}

static void add(struct walk *w, const char *path, const struct stat *st)
{
	if (w->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 1024;
		w->v = realloc(w->v, w->cap * sizeof(*w->v));
		if (!w->v)
			abort();
	}
	w->v[w->n].path = strdup(path);
	if (!w->v[w->n].path)
		abort();
	w->v[w->n].dev = st->st_dev;
	w->v[w->n].ino = st->st_ino;
	w->v[w->n].pages = (uint32_t)(st->st_size / SPACE_PAGE_SIZE);
	w->n++;
}

/* Subdirectories we cannot open are skipped; only the top level must be readable. */
static void walk_dir(struct walk *w, const char *dir)
{
	struct dirent *e;
	struct stat st;
	char *path;
	DIR *d;

	d = opendir(dir);
	if (!d)
		return;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (asprintf(&path, "%s/%s", dir, e->d_name) < 0)
			abort();
		if (!lstat(path, &st)) {
			if (S_ISDIR(st.st_mode))
				walk_dir(w, path);
			else if (S_ISREG(st.st_mode) && st.st_size >= SPACE_PAGE_SIZE &&
				 st.st_size / SPACE_PAGE_SIZE <= UINT32_MAX && is_kind(w, path))
				add(w, path, &st);
		}
		free(path);
	}
	closedir(d);
}

static int by_inode(const void *a, const void *b)
{
	const struct found *x = a, *y = b;

	if (x->dev != y->dev)
		return x->dev < y->dev ? -1 : 1;
	if (x->ino != y->ino)
		return x->ino < y->ino ? -1 : 1;
	return strcmp(x->path, y->path);
}

static int by_path(const void *a, const void *b)
{
	return strcmp(((const struct found *)a)->path, ((const struct found *)b)->path);
}

int space_files_find(struct space_files *f, const char *const *dirs,
		     unsigned int ndirs, enum space_file_kind kind)
{
	struct walk w = { .kind = kind };
	struct stat st;
	unsigned int i;
	size_t j, k;
	DIR *d;

	memset(f, 0, sizeof(*f));
	for (i = 0; i < ndirs; i++) {
		d = opendir(dirs[i]);
		if (!d || stat(dirs[i], &st)) {
			fprintf(stderr, "space: cannot read directory %s: %s\n", dirs[i],
				strerror(errno));
			if (d)
				closedir(d);
			return -1;
		}
		closedir(d);
		walk_dir(&w, dirs[i]);
	}
	/* Hard links (e.g. the Mesa drivers) are one file: keep the first path. */
	qsort(w.v, w.n, sizeof(*w.v), by_inode);
	for (j = 0, k = 0; j < w.n; j++) {
		if (k && w.v[k - 1].dev == w.v[j].dev && w.v[k - 1].ino == w.v[j].ino) {
			free(w.v[j].path);
			continue;
		}
		w.v[k++] = w.v[j];
	}
	qsort(w.v, k, sizeof(*w.v), by_path);
	f->n = (unsigned int)k;
	f->path = calloc(k ? k : 1, sizeof(*f->path));
	f->pages = calloc(k ? k : 1, sizeof(*f->pages));
	if (!f->path || !f->pages)
		abort();
	for (j = 0; j < k; j++) {
		f->path[j] = w.v[j].path;
		f->pages[j] = w.v[j].pages;
	}
	f->skipped_compressed = w.skipped_compressed;
	free(w.v);
	return 0;
}

void space_files_free(struct space_files *f)
{
	unsigned int i;

	for (i = 0; i < f->n; i++)
		free(f->path[i]);
	free(f->path);
	free(f->pages);
	memset(f, 0, sizeof(*f));
}
