/*
 * space_workload.c: picks the benchmark's pages.  A page is zero-filled,
 * text or ELF by the configured shares; a real page comes from a file chosen
 * uniformly from the sorted list, then a page uniformly within it, so that
 * a few huge libraries do not make up the whole set.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "space_compress.h"
#include "space_rng.h"
#include "space_workload.h"

/* Draws per page a size filter may take before the set is given up as too rare. */
#define FILTER_TRIES	1000

const char *space_class_name(enum space_class cls)
{
	static const char *const names[SPACE_NCLASS] = { "zero", "elf", "text" };

	return cls < SPACE_NCLASS ? names[cls] : "?";
}

static bool all_zero(const uint8_t *b)
{
	size_t i;

	for (i = 0; i < SPACE_PAGE_SIZE; i++)
		if (b[i])
			return false;
	return true;
}

static int read_page(const char *path, uint32_t index, uint8_t *buf)
{
	ssize_t len;
	int fd;

	fd = open(path, O_RDONLY | O_NOFOLLOW);
	if (fd < 0) {
		fprintf(stderr, "space: cannot open %s: %s\n", path, strerror(errno));
		return -1;
	}
	len = pread(fd, buf, SPACE_PAGE_SIZE, (off_t)index * SPACE_PAGE_SIZE);
	if (len != SPACE_PAGE_SIZE) {
		fprintf(stderr, "space: cannot read page %u of %s: %s\n", index, path,
			len < 0 ? strerror(errno) : "file shrank");
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

static enum space_class pick_class(struct space_rng *r, const struct space_workload_cfg *cfg)
{
	uint64_t x = space_rng_below(r, 100);

	if (x < cfg->zero_pct)
		return SPACE_CLASS_ZERO;
	if (x < cfg->zero_pct + cfg->text_pct)
		return SPACE_CLASS_TEXT;
	return SPACE_CLASS_ELF;
}

static int no_files(const char *what, const char *const *dirs, unsigned int ndirs)
{
	unsigned int i;

	fprintf(stderr, "space: no %s file of a page or more under", what);
	for (i = 0; i < ndirs; i++)
		fprintf(stderr, " %s", dirs[i]);
	fprintf(stderr, "\n");
	return -1;
}

static int find_files(struct space_workload *w, const struct space_workload_cfg *cfg)
{
	bool elf = cfg->zero_pct + cfg->text_pct < 100, text = cfg->text_pct;

	if (elf && space_files_find(&w->files[SPACE_CLASS_ELF], cfg->elf_dirs, cfg->nelf,
				    SPACE_FILE_ELF))
		return -1;
	if (text && space_files_find(&w->files[SPACE_CLASS_TEXT], cfg->text_dirs, cfg->ntext,
				     SPACE_FILE_TEXT))
		return -1;
	if (elf && !w->files[SPACE_CLASS_ELF].n)
		return no_files("ELF", cfg->elf_dirs, cfg->nelf);
	if (text && !w->files[SPACE_CLASS_TEXT].n)
		return no_files("text", cfg->text_dirs, cfg->ntext);
	return 0;
}

/* With a size filter, a file page must compress to [lzo_min, lzo_max] bytes. */
static bool wanted(const struct space_workload_cfg *cfg, const uint8_t *buf, bool zero)
{
	uint32_t len;

	if (!cfg->lzo_max)
		return true;
	if (zero)
		return false;
	len = space_lzo_size(buf);
	return len >= cfg->lzo_min && len <= cfg->lzo_max;
}

/* One page into p and buf; -1 after an error naming the file. */
static int pick_page(struct space_workload *w, const struct space_workload_cfg *cfg,
		     struct space_rng *r, struct space_page *p, uint8_t *buf)
{
	const struct space_files *f;
	unsigned long tries;

	for (tries = 0; tries < FILTER_TRIES; tries++) {
		memset(p, 0, sizeof(*p));
		memset(buf, 0, SPACE_PAGE_SIZE);
		p->cls = pick_class(r, cfg);
		if (p->cls != SPACE_CLASS_ZERO) {
			f = &w->files[p->cls];
			p->file = (uint32_t)space_rng_below(r, f->n);
			p->index = (uint32_t)space_rng_below(r, f->pages[p->file]);
			if (read_page(f->path[p->file], p->index, buf))
				return -1;
		}
		p->zero = all_zero(buf);
		if (p->cls == SPACE_CLASS_ZERO || wanted(cfg, buf, p->zero))
			return 0;
	}
	fprintf(stderr, "space: no page with an LZO size of %u-%u bytes in %d draws\n",
		cfg->lzo_min, cfg->lzo_max, FILTER_TRIES);
	return -1;
}

int space_workload_build(struct space_workload *w, const struct space_workload_cfg *cfg)
{
	struct space_rng r;
	unsigned int i;

	memset(w, 0, sizeof(*w));
	if (find_files(w, cfg))
		goto fail;
	w->n = cfg->pages;
	w->data = calloc(w->n, SPACE_PAGE_SIZE);
	w->page = calloc(w->n, sizeof(*w->page));
	if (!w->data || !w->page)
		abort();
	space_rng_seed(&r, cfg->seed);
	for (i = 0; i < w->n; i++)
		if (pick_page(w, cfg, &r, &w->page[i], w->data + (size_t)i * SPACE_PAGE_SIZE))
			goto fail;
	return 0;
fail:
	space_workload_free(w);
	return -1;
}

void space_workload_free(struct space_workload *w)
{
	int c;

	for (c = 0; c < SPACE_NCLASS; c++)
		space_files_free(&w->files[c]);
	free(w->data);
	free(w->page);
	memset(w, 0, sizeof(*w));
}
