/* cms_dis.c -- build/cms-dis: translation-mode bundles as text (docs/translator.md).
 *
 *   cms-dis [--slots N] [--base ADDR] WORD...        hex words on the command line
 *   cms-dis [--slots N] [--base ADDR] FILE           a TC dump: binary (little-endian words) or hex words
 *   cms-dis [--slots N] [--base ADDR] --file FILE    the same, for a file whose name looks like a word
 *   cms-dis [--slots N] [--base ADDR] [-]            hex words from stdin
 *
 * One line per operation: TC address, slot, word, the operation in docs/isa.md's notation (a
 * taken branch's target after "->"); an illegal operation (unknown encoding, reserved field,
 * register >= TR_COUNT, class not allowed in its slot) as "illegal 0x...: reason". A blank line
 * between bundles. Exit status: 0 done (also with illegal operations: they are the output),
 * 3 the input cannot be read or is not words, 64 bad command line.
 */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nm.h"

#define EXIT_INPUT 3
#define EXIT_USAGE 64

static void usage(FILE *f)
{
    fprintf(f,
            "usage: cms-dis [--slots N] [--base ADDR] [WORD... | FILE | --file FILE | -]\n"
            "  WORD         32-bit operation words in hex (0x optional), one bundle per N words\n"
            "  FILE         a TC dump: binary (little-endian 32-bit words) or hex words as text\n"
            "               ('#' starts a comment; words separated by blanks, commas or lines)\n"
            "  -            hex words from stdin (also without arguments)\n"
            "  --slots N    operations per bundle, 2, 4 or 8 (default %d)\n"
            "  --base ADDR  TC address of the first word (default 0x%08x)\n"
            "exit status: 0 done (illegal operations are flagged in the output), 3 unreadable\n"
            "input, 64 bad command line\n",
            CMS_SLOTS_DEFAULT, (unsigned)CMS_TC_BASE);
}

static int usage_error(const char *msg, const char *arg)
{
    fprintf(stderr, "cms-dis: %s '%s' (try --help)\n", msg, arg);
    return EXIT_USAGE;
}

/* a hex word: optional 0x, 1..8 hex digits, nothing else */
static int parse_hex(const char *s, size_t n, uint32_t *v)
{
    size_t i = 0;
    uint32_t x = 0;
    if (n > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) i = 2;
    if (n - i < 1 || n - i > 8) return 0;
    for (; i < n; i++) {
        int c = (unsigned char)s[i];
        if (!isxdigit(c)) return 0;
        x = x << 4 | (uint32_t)(isdigit(c) ? c - '0' : tolower(c) - 'a' + 10);
    }
    *v = x;
    return 1;
}

static int parse_num(const char *s, uint32_t *v)
{
    char *end;
    unsigned long x;
    errno = 0;
    x = strtoul(s, &end, 0);
    if (!*s || *end || errno || x > 0xffffffffUL || s[0] == '-') return 0;
    *v = (uint32_t)x;
    return 1;
}

typedef struct {
    uint32_t *w;
    size_t n, cap;
} words;

static int push(words *ws, uint32_t v)
{
    if (ws->n == ws->cap) {
        size_t cap = ws->cap ? ws->cap * 2 : 256;
        uint32_t *p = realloc(ws->w, cap * sizeof *p);
        if (!p) return 0;
        ws->w = p;
        ws->cap = cap;
    }
    ws->w[ws->n++] = v;
    return 1;
}

/* hex words as text; 0 and a message on a bad token */
static int parse_text(const char *name, const char *t, size_t len, words *ws)
{
    size_t i = 0, line = 1;
    while (i < len) {
        size_t j;
        uint32_t v;
        char c = t[i];
        if (c == '\n') { line++; i++; continue; }
        if (isspace((unsigned char)c) || c == ',') { i++; continue; }
        if (c == '#') { while (i < len && t[i] != '\n') i++; continue; }
        for (j = i; j < len && !isspace((unsigned char)t[j]) && t[j] != ',' && t[j] != '#'; j++) {}
        if (!parse_hex(t + i, j - i, &v)) {
            fprintf(stderr, "cms-dis: %s:%zu: not a hex word: '%.*s'\n", name, line,
                    (int)(j - i > 40 ? 40 : j - i), t + i);
            return 0;
        }
        if (!push(ws, v)) { fprintf(stderr, "cms-dis: out of memory\n"); return 0; }
        i = j;
    }
    return 1;
}

/* a whole stream; binary when it holds a byte that hex text cannot */
static int read_input(FILE *f, const char *name, words *ws)
{
    char *buf = NULL;
    size_t len = 0, cap = 0, i;
    int text = 1, ok;
    for (;;) {
        size_t got;
        if (len == cap) {
            char *p = realloc(buf, cap = cap ? cap * 2 : 4096);
            if (!p) { free(buf); fprintf(stderr, "cms-dis: out of memory\n"); return 0; }
            buf = p;
        }
        got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0) break;
    }
    if (ferror(f)) {
        fprintf(stderr, "cms-dis: %s: read error\n", name);
        free(buf);
        return 0;
    }
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)buf[i];
        if (!(isprint(c) || isspace(c))) { text = 0; break; }
    }
    if (text) {
        ok = parse_text(name, buf, len, ws);
    } else if (len % 4) {
        fprintf(stderr, "cms-dis: %s: binary, but %zu bytes is not a whole number of words\n", name, len);
        ok = 0;
    } else {
        ok = 1;
        for (i = 0; i < len && ok; i += 4) {
            const unsigned char *b = (const unsigned char *)buf + i;
            ok = push(ws, (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24);
        }
    }
    free(buf);
    return ok;
}

static void print(const words *ws, unsigned slots, uint32_t base)
{
    size_t i;
    for (i = 0; i < ws->n; i++) {
        unsigned slot = (unsigned)(i % slots);
        uint32_t addr = base + 4u * (uint32_t)i;
        char text[128];
        nm_op op;
        if (slot == 0 && i) putchar('\n');
        nm_dis_slot(ws->w[i], slots, slot, text, sizeof text);
        printf("%08x  %u  %08x  %s", (unsigned)addr, slot, (unsigned)ws->w[i], text);
        if (nm_decode_slot(ws->w[i], slots, slot, &op) == NM_OK && (op.op == NM_BR || op.op == NM_J))
            printf("  -> %08x", (unsigned)(addr + op.imm));
        putchar('\n');
    }
    if (ws->n % slots)
        printf("# the last bundle is incomplete: %zu of %u words\n", ws->n % slots, slots);
}

int main(int argc, char **argv)
{
    unsigned slots = CMS_SLOTS_DEFAULT;
    uint32_t base = CMS_TC_BASE, v;
    words ws = { NULL, 0, 0 };
    const char *file = NULL;
    int i, npos = 0, nwords = 0, rc = 0;

    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            free(ws.w);
            return 0;
        } else if (!strcmp(a, "--file")) {
            if (i + 1 >= argc) { free(ws.w); return usage_error("missing value after", a); }
            if (file || nwords) { free(ws.w); return usage_error("more than one input:", argv[i + 1]); }
            file = argv[++i];
        } else if (!strcmp(a, "--slots") || !strcmp(a, "--base")) {
            if (i + 1 >= argc) { free(ws.w); return usage_error("missing value after", a); }
            if (!parse_num(argv[++i], &v)) { free(ws.w); return usage_error("not a number:", argv[i]); }
            if (a[2] == 's') {
                if (!nm_slots_valid(v)) { free(ws.w); return usage_error("--slots must be 2, 4 or 8, not", argv[i]); }
                slots = v;
            } else {
                if (v & 3) { free(ws.w); return usage_error("--base must be a multiple of 4, not", argv[i]); }
                base = v;
            }
        } else if (a[0] == '-' && a[1]) {
            free(ws.w);
            return usage_error("unknown option", a);
        } else {
            argv[npos++] = argv[i];   /* positionals, kept in argv[0..npos-1] (entries already read) */
        }
    }
    /* one positional that is not a word (or "-"): a file; otherwise every one is a word */
    if (npos == 1 && !file && !parse_hex(argv[0], strlen(argv[0]), &v)) {
        file = argv[0];
        npos = 0;
    }
    for (i = 0; i < npos; i++) {
        if (file) {
            free(ws.w);
            return usage_error("more than one input:", argv[i]);
        }
        if (!parse_hex(argv[i], strlen(argv[i]), &v)) {
            free(ws.w);
            return usage_error("not a hex word:", argv[i]);
        }
        if (!push(&ws, v)) { free(ws.w); return EXIT_INPUT; }
        nwords++;
    }
    if (!nwords) {
        FILE *f = stdin;
        const char *name = "<stdin>";
        if (file && strcmp(file, "-")) {
            f = fopen(file, "rb");
            if (!f) {
                fprintf(stderr, "cms-dis: cannot open %s: %s\n", file, strerror(errno));
                return EXIT_INPUT;
            }
            name = file;
        }
        if (!read_input(f, name, &ws)) rc = EXIT_INPUT;
        if (f != stdin) fclose(f);
    }
    if (!rc) print(&ws, slots, base);
    free(ws.w);
    return rc;
}
