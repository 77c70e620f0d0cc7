/*
 * replay_main.c: the replay engine: a plain main that runs each file, and
 * each file of each directory, given on the command line through
 * LLVMFuzzerTestOneInput, for regression tests, gdb and valgrind.
 * Run: <target>_replay FILE|DIR...
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static int replay_file(const char *path)
{
	unsigned char *data = NULL;
	size_t len = 0, cap = 0, n;
	FILE *f = fopen(path, "rb");

	if (!f) {
		fprintf(stderr, "replay: cannot open %s: %s\n", path, strerror(errno));
		return 1;
	}
	do {
		if (len == cap && !(data = realloc(data, cap = cap ? 2 * cap : 4096))) {
			fprintf(stderr, "replay: out of memory reading %s\n", path);
			exit(2);
		}
		n = fread(data + len, 1, cap - len, f);
		len += n;
	} while (n);
	if (ferror(f)) {
		fprintf(stderr, "replay: cannot read %s: %s\n", path, strerror(errno));
		fclose(f);
		free(data);
		return 1;
	}
	fclose(f);
	/* Named first, so a report that follows is attributable to its input. */
	fprintf(stderr, "replay: running %s (%zu bytes)\n", path, len);
	LLVMFuzzerTestOneInput(data, len);
	free(data);
	return 0;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/* Returns how many files of dir could not be read; counts those that ran. */
static int replay_dir(const char *dir, int *ran)
{
	struct dirent **names;
	int i, n, errors = 0;
	char path[4096];
	struct stat st;

	n = scandir(dir, &names, NULL, by_name);
	if (n < 0) {
		fprintf(stderr, "replay: cannot list %s: %s\n", dir, strerror(errno));
		return 1;
	}
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]->d_name);
		if (names[i]->d_name[0] != '.' && !stat(path, &st) && S_ISREG(st.st_mode)) {
			if (replay_file(path))
				errors++;
			else
				(*ran)++;
		}
		free(names[i]);
	}
	free(names);
	return errors;
}

int main(int argc, char **argv)
{
	int i, errors = 0, ran = 0;
	struct stat st;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE|DIR...\n", argv[0]);
		return 2;
	}
	for (i = 1; i < argc; i++) {
		if (stat(argv[i], &st)) {
			fprintf(stderr, "replay: cannot open %s: %s\n", argv[i], strerror(errno));
			errors++;
		} else if (S_ISDIR(st.st_mode)) {
			errors += replay_dir(argv[i], &ran);
		} else if (replay_file(argv[i])) {
			errors++;
		} else {
			ran++;
		}
	}
	fprintf(stderr, "replay: %d input(s) ran without a report, %d could not be read\n",
		ran, errors);
	return errors ? 2 : 0;
}
