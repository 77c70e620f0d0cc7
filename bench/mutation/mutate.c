/*
 * mutate.c: the mutants of one C source file, for mutation testing of the
 * harness's oracles.  It lists every small fault it can inject (operators
 * swapped, constants moved by one, negations dropped, statements deleted,
 * locks removed or moved, kmap slots swapped, flags set where they were
 * cleared) and writes the source with one of them applied.
 *   mutate list FILE          one mutant a line, tab-separated:
 *                             ID LINE COLUMN FUNCTION OPERATOR FROM TO CODE
 *   mutate apply FILE ID OUT  FILE with mutant ID applied, into OUT
 * Comments, strings and preprocessor lines are never mutated.  IDs are the
 * order of the list, so they are stable for an unchanged FILE.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct mutant {
	size_t start, end;	/* the bytes replaced, [start, end) */
	const char *op;		/* operator class */
	char to[96];		/* replacement text */
	unsigned int line;
};

static char *src;
static size_t len;
static char *code;	/* src with comments, strings and # lines blanked */
static struct mutant *mut;
static size_t nmut, capmut;
static char (*func)[64];	/* per line: the function it is in, or "-" */

static void die(const char *msg, const char *arg)
{
	fprintf(stderr, "mutate: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
	exit(2);
}

static void add(size_t start, size_t end, const char *op, const char *to)
{
	unsigned int line = 1;
	size_t i;

	if (nmut == capmut) {
		capmut = capmut ? 2 * capmut : 256;
		mut = realloc(mut, capmut * sizeof(*mut));
		if (!mut)
			die("out of memory", NULL);
	}
	for (i = 0; i < start; i++)
		line += src[i] == '\n';
	mut[nmut].start = start;
	mut[nmut].end = end;
	mut[nmut].op = op;
	snprintf(mut[nmut].to, sizeof(mut[nmut].to), "%s", to);
	mut[nmut].line = line;
	nmut++;
}

static void load(const char *path)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 1 << 16;

	if (!f)
		die("cannot read", path);
	src = malloc(cap + 1);
	while (src && (len += fread(src + len, 1, cap - len, f)) == cap) {
		cap *= 2;
		src = realloc(src, cap + 1);
	}
	if (!src || ferror(f))
		die("cannot read", path);
	fclose(f);
	src[len] = 0;
}

/* Blanks what must not be mutated, keeping offsets and newlines. */
static void blank(void)
{
	size_t i = 0;
	int bol = 1;

	code = strdup(src);
	if (!code)
		die("out of memory", NULL);
	while (i < len) {
		char c = code[i];

		if (bol && c == '#') {		/* a preprocessor line, with continuations */
			while (i < len && !(code[i] == '\n' && code[i - 1] != '\\'))
				code[i++] = ' ';
			continue;
		}
		if (c == '/' && code[i + 1] == '*') {
			while (i < len && !(code[i] == '*' && code[i + 1] == '/'))
				code[i] = code[i] == '\n' ? '\n' : ' ', i++;
			if (i < len)
				code[i] = code[i + 1] = ' ', i += 2;
			continue;
		}
		if (c == '/' && code[i + 1] == '/') {
			while (i < len && code[i] != '\n')
				code[i++] = ' ';
			continue;
		}
		if (c == '"' || c == '\'') {
			code[i++] = ' ';
			while (i < len && code[i] != c) {
				if (code[i] == '\\')
					code[i++] = ' ';
				code[i++] = ' ';
			}
			if (i < len)
				code[i++] = ' ';
			continue;
		}
		if (c == '\n')
			bol = 1;
		else if (!isspace((unsigned char)c))
			bol = 0;
		i++;
	}
}

static int ident(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* The last non-blank byte before i, or 0. */
static char before(size_t i)
{
	while (i-- > 0)
		if (!isspace((unsigned char)code[i]))
			return code[i];
	return 0;
}

/* True if an operator at i is binary: an operand ends just before it. */
static int binary_at(size_t i)
{
	char b = before(i);

	return ident(b) || b == ')' || b == ']';
}

static int at(size_t i, const char *s)
{
	return !strncmp(code + i, s, strlen(s));
}

/* Operators, longest first; to == NULL: skip the token unchanged. */
static const struct {
	const char *from, *to, *op;
	int binary;	/* only where an operand precedes */
} swaps[] = {
	{ "<<=", NULL, NULL, 0 }, { ">>=", NULL, NULL, 0 },
	{ "->", NULL, NULL, 0 },
	{ "&&", "||", "logical", 0 }, { "||", "&&", "logical", 0 },
	{ "<=", "<", "relational", 0 }, { ">=", ">", "relational", 0 },
	{ "==", "!=", "relational", 0 }, { "!=", "==", "relational", 0 },
	{ "<<", ">>", "arithmetic", 0 }, { ">>", "<<", "arithmetic", 0 },
	{ "++", "--", "arithmetic", 0 }, { "--", "++", "arithmetic", 0 },
	{ "+=", "-=", "arithmetic", 0 }, { "-=", "+=", "arithmetic", 0 },
	{ "|=", "&=", "arithmetic", 0 }, { "&=", "|=", "arithmetic", 0 },
	{ "<", "<=", "relational", 0 }, { ">", ">=", "relational", 0 },
	{ "+", "-", "arithmetic", 1 }, { "-", "+", "arithmetic", 1 },
	{ "&", "|", "arithmetic", 1 }, { "|", "&", "arithmetic", 1 },
	{ "!", "", "negation", 0 },
};

/* Words swapped with their opposite: kernel-specific mutants. */
static const struct {
	const char *from, *to, *op;
} words[] = {
	{ "KM_USER0", "KM_USER1", "kmap-slot" }, { "KM_USER1", "KM_USER0", "kmap-slot" },
	{ "set_flag", "clear_flag", "flag" }, { "clear_flag", "set_flag", "flag" },
	{ "__set_bit", "__clear_bit", "flag" }, { "__clear_bit", "__set_bit", "flag" },
	{ "XCF_BLOCK_FREE", "XCF_BLOCK_USED", "flag" }, { "XCF_BLOCK_USED", "XCF_BLOCK_FREE", "flag" },
};

static void tokens(void)
{
	size_t i = 0, k, n;
	char buf[32];

	while (i < len) {
		if (isdigit((unsigned char)code[i]) && !(i && ident(code[i - 1]))) {
			unsigned long long v;
			char *end;

			v = strtoull(code + i, &end, 0);
			n = (size_t)(end - (code + i));
			while (ident(code[i + n]))		/* suffixes: u, UL, ... */
				n++;
			snprintf(buf, sizeof(buf), "%llu", v + 1);
			add(i, i + n, "constant", buf);
			snprintf(buf, sizeof(buf), "%llu", v - 1);
			if (v)
				add(i, i + n, "constant", buf);
			i += n;
			continue;
		}
		if (ident(code[i])) {
			for (n = 0; ident(code[i + n]); n++)
				;
			for (k = 0; k < sizeof(words) / sizeof(words[0]); k++)
				if (n == strlen(words[k].from) && at(i, words[k].from))
					add(i, i + n, words[k].op, words[k].to);
			i += n;
			continue;
		}
		for (k = 0; k < sizeof(swaps) / sizeof(swaps[0]); k++)
			if (at(i, swaps[k].from))
				break;
		if (k == sizeof(swaps) / sizeof(swaps[0])) {
			i++;
			continue;
		}
		n = strlen(swaps[k].from);
		if (swaps[k].to && (!swaps[k].binary || binary_at(i)) &&
		    !(!strcmp(swaps[k].from, "!") && code[i + 1] == '='))
			add(i, i + n, swaps[k].op, swaps[k].to);
		i += n;
	}
}

/* A line that is one whole simple statement: its span, without indentation. */
static int statement(size_t bol, size_t eol, size_t *s, size_t *e)
{
	int depth = 0;
	size_t i;

	for (*s = bol; *s < eol && isspace((unsigned char)code[*s]); (*s)++)
		;
	for (*e = eol; *e > *s && isspace((unsigned char)code[*e - 1]); (*e)--)
		;
	if (*e <= *s || code[*e - 1] != ';' || !(ident(code[*s]) || code[*s] == '*'))
		return 0;
	if (at(*s, "return") || at(*s, "break") || at(*s, "continue") || at(*s, "goto"))
		return 0;
	for (i = *s; i < *e; i++) {
		depth += code[i] == '(' ? 1 : code[i] == ')' ? -1 : 0;
		if (code[i] == '{' || code[i] == '}' || depth < 0)
			return 0;
	}
	/* A declaration ("type name ...;") is no statement to delete. */
	for (i = *s; i < *e && ident(code[i]); i++)
		;
	while (i < *e && (code[i] == ' ' || code[i] == '*' || code[i] == '\t'))
		i++;
	if (i < *e && ident(code[i]) && ident(code[*s]))
		return 0;
	return depth == 0;
}

static int is_lock(size_t s)
{
	return at(s, "spin_lock(") || at(s, "spin_unlock(") || at(s, "preempt_disable(") ||
	       at(s, "preempt_enable(");
}

/* Deleted statements (";"), and locks removed or moved one statement. */
static void lines(void)
{
	size_t bol, eol, s, e, ps = 0, pe = 0;
	int cur, prev = 0;
	char buf[96];

	for (bol = 0; bol < len; bol = eol + 1) {
		for (eol = bol; eol < len && code[eol] != '\n'; eol++)
			;
		cur = statement(bol, eol, &s, &e);
		if (cur)
			add(s, e, is_lock(s) ? "lock" : "statement", ";");
		/* Two statements on consecutive lines: a lock moves across the other. */
		if (cur && prev && (is_lock(s) || is_lock(ps)) && e - ps < sizeof(buf)) {
			snprintf(buf, sizeof(buf), "%.*s%.*s%.*s", (int)(e - s), src + s,
				 (int)(s - pe), src + pe, (int)(pe - ps), src + ps);
			add(ps, e, "lock-move", buf);
		}
		prev = cur;
		ps = s;
		pe = e;
	}
}

/* Names each line's enclosing function: a name followed by "(" at file scope, then "{". */
static void functions(void)
{
	unsigned int line = 1, lines = 1;
	char cand[64] = "-", cur[64] = "-";
	int depth = 0;
	size_t i, k, n;

	for (i = 0; i < len; i++)
		lines += src[i] == '\n';
	func = calloc(lines + 1, sizeof(*func));
	if (!func)
		die("out of memory", NULL);
	strcpy(func[1], cur);
	for (i = 0; i < len; i++) {
		char c = code[i];

		if (c == '\n') {
			strcpy(func[++line], cur);
		} else if (depth == 0 && ident(c) && (i == 0 || !ident(code[i - 1]))) {
			for (n = 0; ident(code[i + n]); n++)
				;
			for (k = i + n; k < len && isspace((unsigned char)code[k]); k++)
				;
			if (code[k] == '(' && n < sizeof(cand))
				snprintf(cand, sizeof(cand), "%.*s", (int)n, code + i);
			i += n - 1;
		} else if (c == '{') {
			if (depth++ == 0)
				strcpy(cur, cand);
		} else if (c == '}' && depth > 0 && --depth == 0) {
			strcpy(cur, "-");
		}
	}
}

static int bystart(const void *a, const void *b)
{
	const struct mutant *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return strcmp(x->op, y->op);
}

/* A field for the list: tabs and newlines shown as spaces. */
static void field(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		putchar(s[i] == '\t' || s[i] == '\n' ? ' ' : s[i]);
}

int main(int argc, char **argv)
{
	size_t i, id;
	char *end;
	FILE *out;

	if (argc < 3 || (strcmp(argv[1], "list") && strcmp(argv[1], "apply")))
		die("usage: mutate list FILE | mutate apply FILE ID OUT", NULL);
	load(argv[2]);
	blank();
	tokens();
	lines();
	functions();
	qsort(mut, nmut, sizeof(*mut), bystart);
	if (!strcmp(argv[1], "list")) {
		for (i = 0; i < nmut; i++) {
			size_t bol = mut[i].start, eol = mut[i].start, col;

			while (bol > 0 && src[bol - 1] != '\n')
				bol--;
			col = mut[i].start - bol + 1;
			while (eol < len && src[eol] != '\n')
				eol++;
			while (bol < eol && isspace((unsigned char)src[bol]))
				bol++;
			printf("%zu\t%u\t%zu\t%s\t%s\t", i, mut[i].line, col, func[mut[i].line],
			       mut[i].op);
			field(src + mut[i].start, mut[i].end - mut[i].start);
			putchar('\t');
			field(mut[i].to, strlen(mut[i].to));
			putchar('\t');
			field(src + bol, eol - bol);
			putchar('\n');
		}
		return 0;
	}
	if (argc != 5)
		die("usage: mutate apply FILE ID OUT", NULL);
	id = strtoul(argv[3], &end, 10);
	if (*end || !*argv[3] || id >= nmut)
		die("no such mutant", argv[3]);
	out = fopen(argv[4], "wb");
	if (!out)
		die("cannot write", argv[4]);
	fwrite(src, 1, mut[id].start, out);
	fputs(mut[id].to, out);
	fwrite(src + mut[id].end, 1, len - mut[id].end, out);
	if (fclose(out))
		die("cannot write", argv[4]);
	return 0;
}
