/*
 * opstext.c: turns a fuzz input into text, one operation a line with the
 * slot and size it resolves to, and text back into canonical bytes.
 * Run: opstext decode INPUT [OUT.txt] | opstext encode INPUT.txt [OUT]
 *      opstext format   (the operation and gfp tables of fuzzers/FORMAT.md)
 * (OUT defaults to standard output.)
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ops.h"

#define STR2(x)	#x
#define STR(x)	STR2(x)
#define HEADER	"# allocfuzz ops v" STR(OPS_FORMAT_VERSION)

static void die(const char *fmt, const char *a, const char *b)
{
	fprintf(stderr, "opstext: ");
	fprintf(stderr, fmt, a, b);
	fputc('\n', stderr);
	exit(2);
}

static unsigned char *slurp(const char *path, size_t *len)
{
	unsigned char *data = NULL;
	size_t cap = 0, n;
	FILE *f = fopen(path, "rb");

	if (!f)
		die("cannot open %s: %s", path, strerror(errno));
	*len = 0;
	do {
		if (*len == cap && !(data = realloc(data, cap = cap ? 2 * cap : 4096)))
			die("out of memory reading %s%s", path, "");
		n = fread(data + *len, 1, cap - *len, f);
		*len += n;
	} while (n);
	if (ferror(f))
		die("cannot read %s: %s", path, strerror(errno));
	fclose(f);
	return data;
}

static FILE *output(const char *path, const char *mode)
{
	FILE *f = path ? fopen(path, mode) : stdout;

	if (!f)
		die("cannot create %s: %s", path, strerror(errno));
	return f;
}

/* Line comment: what a slot operation acts on, as far as the text can tell. */
static void slot_note(FILE *out, const struct op *op, const int *line_of, const u32 *size_of)
{
	if (op->kind == OP_MALLOC || op->kind > OP_FREE)
		return;
	if (!line_of[op->slot])
		fputs("\t# slot empty: does nothing", out);
	else
		fprintf(out, "\t# the %u-byte malloc of line %d, if it succeeded",
			size_of[op->slot], line_of[op->slot]);
}

static void decode(const char *in, const char *outpath)
{
	int line_of[OPS_SLOTS] = { 0 }, line = 1;
	u32 size_of[OPS_SLOTS] = { 0 };
	struct op_reader r;
	unsigned char *data;
	char text[128];
	struct op op;
	size_t len;
	FILE *out;

	data = slurp(in, &len);
	out = output(outpath, "w");
	fprintf(out, "%s\n", HEADER);
	op_reader_init(&r, data, len);
	while (op_next(&r, &op)) {
		line++;
		op_format(&op, text, sizeof(text));
		fputs(text, out);
		slot_note(out, &op, line_of, size_of);
		fputc('\n', out);
		if (op.kind == OP_MALLOC || op.kind == OP_RACE) {
			line_of[op.slot] = line;
			size_of[op.slot] = op.size;
		} else if (op.kind == OP_FREE) {
			line_of[op.slot] = 0;
		} else if (op.kind == OP_RECREATE) {
			memset(line_of, 0, sizeof(line_of));
		}
	}
	if (r.p < r.end)
		fprintf(out, "# %zu trailing byte(s) after operation %d are ignored\n",
			(size_t)(r.end - r.p), OPS_MAX);
	if (out != stdout)
		fclose(out);
	free(data);
}

static void encode(const char *in, const char *outpath)
{
	char *text, *line, *save, *hash, err[128], where[512];
	unsigned char bytes[16];
	struct op op;
	size_t len;
	int n = 0;
	FILE *out;

	text = (char *)slurp(in, &len);
	text = realloc(text, len + 1);
	text[len] = '\0';
	out = output(outpath, "wb");
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		n++;
		if ((hash = strchr(line, '#')))
			*hash = '\0';
		while (*line == ' ' || *line == '\t')
			line++;
		for (len = strlen(line); len && (line[len - 1] == ' ' || line[len - 1] == '\t' ||
						 line[len - 1] == '\r'); len--)
			line[len - 1] = '\0';
		if (!*line)
			continue;
		if (op_parse(line, &op, err, sizeof(err))) {
			snprintf(where, sizeof(where), "%s:%d", in, n);
			die("%s: %s", where, err);
		}
		fwrite(bytes, 1, op_encode(&op, bytes), out);
	}
	if (out != stdout)
		fclose(out);
	free(text);
}

/* The format's tables from the code that decodes it: fuzzers/FORMAT.md holds this output. */
static void format(void)
{
	unsigned int k, b, share;
	const struct operand *o;

	printf("| value | operation | operands | opcodes of 32 | what the harness does |\n");
	printf("|---:|---|---|---:|---|\n");
	for (k = 0; k < OP_KINDS; k++) {
		for (share = 0, b = 0; b < 32; b++)
			share += op_kind_of((u8)b) == k;
		printf("| %u | `%s` | ", k, op_name(k));
		for (o = op_operands(k); o->name; o++)
			printf("%s%s", o == op_operands(k) ? "" : ", ", o->name);
		printf("%s | %u | %s |\n", op_operands(k)->name ? "" : "none", share, op_does(k));
	}
	printf("\n| gfp | policy |\n|---:|---|\n");
	for (k = 0; k < GFP_POLICY_COUNT; k++)
		printf("| %u | `%s` |\n", k, gfp_policy_name[k]);
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "format")) {
		format();
		return 0;
	}
	if (argc < 3 || argc > 4 || (strcmp(argv[1], "decode") && strcmp(argv[1], "encode"))) {
		fprintf(stderr, "usage: opstext decode INPUT [OUT.txt] | opstext encode INPUT.txt [OUT] | opstext format\n");
		return 2;
	}
	if (!strcmp(argv[1], "decode"))
		decode(argv[2], argc == 4 ? argv[3] : NULL);
	else
		encode(argv[2], argc == 4 ? argv[3] : NULL);
	return 0;
}
