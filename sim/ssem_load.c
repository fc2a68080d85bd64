/* ssem_load.c -- load an SSEM store image from the file formats in use (see ssem_load.h).
 *
 * Syntax accepted
 * ---------------
 * All formats but .coe: a comment runs from ';' or "--" to the end of the line; blank lines are
 * ignored; CR LF line ends are accepted; a NUL byte is an error (not a text file).
 *
 * listing (SNP, mnemonic assembly, the babyutils dialect):
 *   line      := [origin] {label ':'} [statement]
 *   origin    := DECIMAL ':'  |  DECIMAL followed by blanks and a statement ("00  JMP 0")
 *                It sets the location counter (0..31). A statement goes to the location
 *                counter, which then moves on by one; it starts at 0.
 *   label     := [A-Za-z_.$][A-Za-z0-9_.$]*   names the current location (case-sensitive)
 *   statement := 32 binary digits, least significant first         (SNP: "0001: 0100...")
 *              | JMP|JRP|JPR|JMR|LDN|STO|SUB operand     (0..31, or a label)
 *              | CMP|SKN|STP|STOP|HLT                    (no operand)
 *              | NUM value   (decimal, 0x hex or 0b binary, optionally signed, or a label;
 *                             -2^31 .. 2^32-1: anything that fits in 32 bits)
 *              | BIN|BNUM bits  (32 binary digits, least significant first)
 *              | EJA target  (babyutils: the word target-1, for a JMP/JRP through it)
 *   Mnemonics are case-insensitive. Each store line may be defined once. Numbers are decimal
 *   even with leading zeros ("08"; babyutils' own assembler would read "010" as octal, but no
 *   known file depends on that). Lines not defined are 0.
 * rawbin: 1..32 rows of exactly 32 binary digits (least significant first); row i = line i.
 * hex: exactly 32 words, one a line, 1..8 hex digits with optional 0x, written in the normal
 *   order (most significant digit first); line i = store line i.
 * coe: "memory_initialization_radix = R ;" then "memory_initialization_vector = v, v ... ;".
 *   A line starting with ';' is a comment (unless a ';' is due there). R is 2, 10 or 16; in radix
 *   2 the digits are most significant first, as Xilinx writes them (NOT the SSEM listing order).
 *   The vector must hold a multiple of 32 words; program k is words 32k .. 32k+31.
 *
 * Detection: a file containing "memory_initialization_", or named *.coe, is coe; *.hex is hex;
 * otherwise the first line that is not blank or a comment decides: one token of more than 8
 * binary digits -> rawbin; one token of hex digits (optional 0x) -> hex; anything else -> listing.
 */
#include "ssem_load.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FILE_BYTES (1L << 20)
#define MAX_LINE 4096
#define MAX_LABELS 256
#define MAX_NAME 63
#define NUM_SAT ((uint64_t)1 << 40) /* numbers saturate here: big enough to be "too big" */

typedef struct {
    const char *path;
    char *err;
    size_t errlen;
} ctx_t;

static int fail(const ctx_t *c, unsigned line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail(const ctx_t *c, unsigned line, const char *fmt, ...)
{
    if (c->err && c->errlen) {
        int n = snprintf(c->err, c->errlen, "%s:%u: ", c->path, line);
        if (n >= 0 && (size_t)n < c->errlen) {
            va_list ap;
            va_start(ap, fmt);
            vsnprintf(c->err + n, c->errlen - (size_t)n, fmt, ap);
            va_end(ap);
        }
    }
    return -1;
}

/* ---- characters (no <ctype.h>: no locale, no sign-extension traps) ---- */

static int is_blank(char ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\v' || ch == '\f'; }
static int is_digit(char ch) { return ch >= '0' && ch <= '9'; }
static int is_alpha(char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); }
static int is_ident_start(char ch) { return is_alpha(ch) || ch == '_' || ch == '.' || ch == '$'; }
static int is_ident(char ch) { return is_ident_start(ch) || is_digit(ch); }

static int digit_value(char ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F')
        return ch - 'A' + 10;
    return -1;
}

static char upper(char ch) { return (ch >= 'a' && ch <= 'z') ? (char)(ch - 'a' + 'A') : ch; }

static int same_nocase(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (upper(*a) != upper(*b))
            return 0;
    return *a == *b;
}

/* One character for a message: printable ASCII as 'c', the rest as \xNN. */
typedef struct {
    char s[8];
} chdesc_t;

static chdesc_t desc_char(char ch)
{
    chdesc_t d;
    unsigned char u = (unsigned char)ch;
    if (u >= 0x20 && u < 0x7f)
        snprintf(d.s, sizeof d.s, "'%c'", ch);
    else
        snprintf(d.s, sizeof d.s, "\\x%02X", u);
    return d;
}

/* A token (up to n characters) for a message: quoted, non-printing characters as '?',
 * shortened with "..." when long. */
typedef struct {
    char s[40];
} tokdesc_t;

static tokdesc_t desc_tok(const char *p, size_t n)
{
    tokdesc_t d;
    size_t k = 0, i;
    d.s[k++] = '\'';
    for (i = 0; i < n && i < 24; i++) {
        unsigned char u = (unsigned char)p[i];
        d.s[k++] = (u >= 0x20 && u < 0x7f) ? (char)u : '?';
    }
    if (i < n) {
        memcpy(d.s + k, "...", 3);
        k += 3;
    }
    d.s[k++] = '\'';
    d.s[k] = 0;
    return d;
}

static size_t tok_len(const char *p)
{
    size_t n = 0;
    while (p[n] && !is_blank(p[n]))
        n++;
    return n;
}

static const char *skip_blanks(const char *p)
{
    while (is_blank(*p))
        p++;
    return p;
}

/* ---- lines ---- */

typedef struct {
    const char *buf;
    size_t len, pos;
    unsigned lineno;
    char text[MAX_LINE + 1];
} lines_t;

static void lines_init(lines_t *r, const char *buf, size_t len)
{
    r->buf = buf;
    r->len = len;
    r->pos = 0;
    r->lineno = 0;
    r->text[0] = 0;
}

/* 1: the next line is in r->text (without its '\n'); 0: end of input; -1: error reported. */
static int next_line(const ctx_t *c, lines_t *r)
{
    size_t start, end, n;
    if (r->pos >= r->len)
        return 0;
    start = end = r->pos;
    while (end < r->len && r->buf[end] != '\n')
        end++;
    r->pos = end < r->len ? end + 1 : end;
    r->lineno++;
    n = end - start;
    if (memchr(r->buf + start, 0, n))
        return fail(c, r->lineno, "NUL byte in line (not a text file?)");
    if (n > MAX_LINE)
        return fail(c, r->lineno, "line longer than %d characters", MAX_LINE);
    memcpy(r->text, r->buf + start, n);
    r->text[n] = 0;
    return 1;
}

/* Remove a ';' or "--" comment and the blanks around what is left. */
static char *clean(char *s)
{
    size_t n;
    char *p;
    for (p = s; *p; p++) {
        if (*p == ';' || (p[0] == '-' && p[1] == '-')) {
            *p = 0;
            break;
        }
    }
    s = (char *)skip_blanks(s);
    n = strlen(s);
    while (n && is_blank(s[n - 1]))
        s[--n] = 0;
    return s;
}

/* ---- numbers ---- */

/* A whole token as [+-] (0x hex | 0b binary | decimal). 0 and *neg, *mag (saturating at
 * NUM_SAT), or -1 when it is not a number. */
static int token_number(const char *t, size_t n, int *neg, uint64_t *mag)
{
    size_t i = 0;
    unsigned base = 10;
    uint64_t v = 0;
    *neg = 0;
    if (i < n && (t[i] == '+' || t[i] == '-')) {
        *neg = t[i] == '-';
        i++;
    }
    if (i + 1 < n && t[i] == '0' && (t[i + 1] == 'x' || t[i + 1] == 'X')) {
        base = 16;
        i += 2;
    } else if (i + 1 < n && t[i] == '0' && (t[i + 1] == 'b' || t[i + 1] == 'B')) {
        base = 2;
        i += 2;
    }
    if (i >= n)
        return -1;
    for (; i < n; i++) {
        int d = digit_value(t[i]);
        if (d < 0 || (unsigned)d >= base)
            return -1;
        v = v * base + (unsigned)d;
        if (v > NUM_SAT)
            v = NUM_SAT;
    }
    *mag = v;
    return 0;
}

/* 32 binary digits, least significant first -> word; 0, or -1 with the error reported. */
static int row_bits(const ctx_t *c, unsigned line, const char *t, size_t n, uint32_t *out)
{
    uint32_t w = 0;
    size_t i;
    for (i = 0; i < n; i++) {
        if (t[i] != '0' && t[i] != '1')
            return fail(c, line, "bad binary digit %s in %s (column %zu of the row)",
                        desc_char(t[i]).s, desc_tok(t, n).s, i + 1);
    }
    if (n != 32)
        return fail(c, line, "binary row has %zu digits, expected 32", n);
    for (i = 0; i < 32; i++)
        if (t[i] == '1')
            w |= (uint32_t)1 << i;
    *out = w;
    return 0;
}

/* ---- listing: SNP, mnemonic assembly and the babyutils dialect ---- */

enum { M_INSN, M_NOARG, M_NUM, M_BIN, M_EJA };

static const struct {
    const char *name;
    unsigned char kind, op;
} mnemonics[] = {
    {"JMP", M_INSN, 0},  {"JRP", M_INSN, 1},  {"JPR", M_INSN, 1},   {"JMR", M_INSN, 1},
    {"LDN", M_INSN, 2},  {"STO", M_INSN, 3},  {"SUB", M_INSN, 4},   {"CMP", M_NOARG, 6},
    {"SKN", M_NOARG, 6}, {"STP", M_NOARG, 7}, {"STOP", M_NOARG, 7}, {"HLT", M_NOARG, 7},
    {"NUM", M_NUM, 0},   {"BIN", M_BIN, 0},   {"BNUM", M_BIN, 0},   {"EJA", M_EJA, 0},
};

enum { K_WORD, K_INSN_SYM, K_NUM_SYM, K_EJA_SYM };

typedef struct {
    unsigned line;  /* source line that defined it (0: not defined) */
    unsigned kind;  /* K_*: how pass 2 finishes the word */
    uint32_t value; /* the word; for K_INSN_SYM the opcode bits */
    char sym[MAX_NAME + 1];
} slot_t;

typedef struct {
    char name[MAX_NAME + 1];
    unsigned addr, line;
} label_t;

typedef struct {
    slot_t slot[32];
    unsigned order[32]; /* slots in the order the file defines them */
    unsigned nslots;
    label_t lab[MAX_LABELS];
    unsigned nlab;
} asm_t;

static const label_t *find_label(const asm_t *a, const char *name)
{
    for (unsigned i = 0; i < a->nlab; i++)
        if (strcmp(a->lab[i].name, name) == 0)
            return &a->lab[i];
    return NULL;
}

static int copy_name(const ctx_t *c, unsigned line, char *dst, const char *p, size_t n)
{
    if (n > MAX_NAME)
        return fail(c, line, "name %s longer than %d characters", desc_tok(p, n).s, MAX_NAME);
    memcpy(dst, p, n);
    dst[n] = 0;
    return 0;
}

/* The operand/value token of a statement: either a number (checked by the caller) or a label
 * (recorded in sl->sym). p points at the token, n is its length. 1: label; 0: number in
 * *neg and *mag; -1: error. */
static int operand(const ctx_t *c, unsigned line, const char *mn, const char *p, size_t n,
                   slot_t *sl, int *neg, uint64_t *mag)
{
    if (n == 0)
        return fail(c, line, "missing operand after %s", mn);
    if (is_ident_start(p[0])) {
        for (size_t i = 1; i < n; i++)
            if (!is_ident(p[i]))
                return fail(c, line, "bad operand %s for %s", desc_tok(p, n).s, mn);
        return copy_name(c, line, sl->sym, p, n) < 0 ? -1 : 1;
    }
    if (token_number(p, n, neg, mag) < 0)
        return fail(c, line, "bad number %s for %s", desc_tok(p, n).s, mn);
    return 0;
}

/* One statement (p: trimmed, non-empty) into the slot *sl. */
static int statement(const ctx_t *c, unsigned line, const char *p, slot_t *sl)
{
    size_t n = tok_len(p), m;
    const char *q, *rest;
    char mn[8];
    unsigned kind = 0, op = 0, i, found = 0;
    int neg = 0, r;
    uint64_t mag = 0;
    uint32_t w;

    if (is_digit(p[0])) { /* an SNP row, or a mistake */
        for (i = 0; i < n; i++)
            if (p[i] != '0' && p[i] != '1')
                break;
        if (i < n && n < 16) /* short and not binary: not meant as a row */
            return fail(c, line, "expected a mnemonic or 32 binary digits, got %s",
                        desc_tok(p, n).s);
        if (row_bits(c, line, p, n, &w) < 0)
            return -1;
        rest = skip_blanks(p + n);
        if (*rest)
            return fail(c, line, "unexpected %s after the binary row",
                        desc_tok(rest, tok_len(rest)).s);
        sl->kind = K_WORD;
        sl->value = w;
        return 0;
    }
    if (!is_ident_start(p[0]))
        return fail(c, line, "unexpected character %s", desc_char(p[0]).s);
    if (n < sizeof mn) {
        memcpy(mn, p, n);
        mn[n] = 0;
        for (i = 0; i < sizeof mnemonics / sizeof mnemonics[0]; i++) {
            if (same_nocase(mn, mnemonics[i].name)) {
                kind = mnemonics[i].kind;
                op = mnemonics[i].op;
                found = 1;
                break;
            }
        }
    }
    if (!found)
        return fail(c, line, "unknown mnemonic %s", desc_tok(p, n).s);
    for (i = 0; i < n; i++)
        mn[i] = upper(p[i]);
    mn[n] = 0;

    q = skip_blanks(p + n);
    m = tok_len(q);
    rest = skip_blanks(q + m);
    if (kind == M_NOARG) {
        if (m)
            return fail(c, line, "unexpected %s after %s (it takes no operand)",
                        desc_tok(q, m).s, mn);
        sl->kind = K_WORD;
        sl->value = (uint32_t)op << 13;
        return 0;
    }
    if (*rest)
        return fail(c, line, "unexpected %s after the operand of %s",
                    desc_tok(rest, tok_len(rest)).s, mn);
    if (kind == M_BIN) {
        if (m == 0)
            return fail(c, line, "missing operand after %s (32 binary digits)", mn);
        if (row_bits(c, line, q, m, &w) < 0)
            return -1;
        sl->kind = K_WORD;
        sl->value = w;
        return 0;
    }
    r = operand(c, line, mn, q, m, sl, &neg, &mag);
    if (r < 0)
        return -1;
    if (kind == M_INSN) {
        if (r == 1) {
            sl->kind = K_INSN_SYM;
            sl->value = (uint32_t)op << 13;
            return 0;
        }
        if ((neg && mag != 0) || mag > 31)
            return fail(c, line, "operand %s of %s out of range (0..31)", desc_tok(q, m).s, mn);
        sl->kind = K_WORD;
        sl->value = ((uint32_t)op << 13) | (uint32_t)mag;
        return 0;
    }
    /* NUM or EJA */
    if (r == 1) {
        sl->kind = kind == M_NUM ? K_NUM_SYM : K_EJA_SYM;
        return 0;
    }
    if (neg ? mag > ((uint64_t)1 << 31) : mag > 0xFFFFFFFFu)
        return fail(c, line, "value %s does not fit in 32 bits (-2147483648..4294967295)",
                    desc_tok(q, m).s);
    w = neg ? (uint32_t)0 - (uint32_t)mag : (uint32_t)mag;
    if (kind == M_EJA)
        w -= 1u;
    sl->kind = K_WORD;
    sl->value = w;
    return 0;
}

static int parse_listing(const ctx_t *c, lines_t *r, ssem_image_t *img)
{
    asm_t *a = calloc(1, sizeof *a);
    unsigned loc = 0, i;
    int rc, ret = -1;
    if (!a)
        return fail(c, 0, "out of memory");

    while ((rc = next_line(c, r)) > 0) {
        const char *p = clean(r->text), *q;
        unsigned line = r->lineno;
        slot_t *sl;
        if (!*p)
            continue;
        /* origin: "NN:" or "NN <statement>" */
        if (is_digit(*p)) {
            uint64_t v = 0;
            for (q = p; is_digit(*q); q++) {
                v = v * 10 + (unsigned)(*q - '0');
                if (v > NUM_SAT)
                    v = NUM_SAT;
            }
            if (*q == ':' || (is_blank(*q) && *skip_blanks(q))) {
                if (v > 31) {
                    fail(c, line, "store address %s out of range (0..31)",
                         desc_tok(p, (size_t)(q - p)).s);
                    goto out;
                }
                loc = (unsigned)v;
                p = skip_blanks(*q == ':' ? q + 1 : q);
            }
        }
        /* labels */
        while (is_ident_start(*p)) {
            size_t n = 1;
            const label_t *old;
            while (is_ident(p[n]))
                n++;
            q = skip_blanks(p + n);
            if (*q != ':')
                break;
            if (a->nlab == MAX_LABELS) {
                fail(c, line, "too many labels (more than %d)", MAX_LABELS);
                goto out;
            }
            if (copy_name(c, line, a->lab[a->nlab].name, p, n) < 0)
                goto out;
            old = find_label(a, a->lab[a->nlab].name);
            if (old) {
                fail(c, line, "label %s already defined at line %u", desc_tok(p, n).s, old->line);
                goto out;
            }
            a->lab[a->nlab].addr = loc;
            a->lab[a->nlab].line = line;
            a->nlab++;
            p = skip_blanks(q + 1);
        }
        if (!*p)
            continue;
        if (loc > 31) {
            fail(c, line, "too many words: store line %u is past the end of the store (0..31)", loc);
            goto out;
        }
        sl = &a->slot[loc];
        if (sl->line) {
            fail(c, line, "store line %u already defined at line %u", loc, sl->line);
            goto out;
        }
        if (statement(c, line, p, sl) < 0)
            goto out;
        sl->line = line;
        a->order[a->nslots++] = loc;
        loc++;
    }
    if (rc < 0)
        goto out;
    if (a->nslots == 0) {
        fail(c, 0, "no store words in the file (only labels, origins or comments)");
        goto out;
    }
    /* pass 2: labels */
    for (i = 0; i < a->nslots; i++) {
        slot_t *sl = &a->slot[a->order[i]];
        if (sl->kind != K_WORD) {
            const label_t *lb = find_label(a, sl->sym);
            if (!lb) {
                fail(c, sl->line, "undefined label '%s'", sl->sym);
                goto out;
            }
            if (sl->kind == K_INSN_SYM) {
                if (lb->addr > 31) {
                    fail(c, sl->line, "label '%s' = %u is out of range for an operand (0..31)",
                         sl->sym, lb->addr);
                    goto out;
                }
                sl->value |= lb->addr;
            } else if (sl->kind == K_NUM_SYM) {
                sl->value = lb->addr;
            } else {
                sl->value = (uint32_t)lb->addr - 1u;
            }
        }
        memcpy(&img->store[a->order[i]], &sl->value, sizeof sl->value);
    }
    ret = 0;
out:
    free(a);
    return ret;
}

/* ---- rawbin and hex: one word a line ---- */

static int parse_rawbin(const ctx_t *c, lines_t *r, ssem_image_t *img)
{
    unsigned n = 0;
    int rc;
    while ((rc = next_line(c, r)) > 0) {
        const char *p = clean(r->text), *rest;
        size_t len = tok_len(p);
        uint32_t w;
        if (!*p)
            continue;
        if (row_bits(c, r->lineno, p, len, &w) < 0)
            return -1;
        rest = skip_blanks(p + len);
        if (*rest)
            return fail(c, r->lineno, "unexpected %s after the binary row",
                        desc_tok(rest, tok_len(rest)).s);
        if (n == 32)
            return fail(c, r->lineno, "too many rows: the store has 32 lines");
        memcpy(&img->store[n++], &w, sizeof w);
    }
    return rc < 0 ? -1 : 0;
}

static int parse_hex(const ctx_t *c, lines_t *r, ssem_image_t *img)
{
    unsigned n = 0;
    int rc;
    while ((rc = next_line(c, r)) > 0) {
        const char *p = clean(r->text), *d, *rest;
        size_t len = tok_len(p), i, nd;
        uint32_t w = 0;
        if (!*p)
            continue;
        d = p;
        if (len >= 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
            d += 2;
        nd = len - (size_t)(d - p);
        if (nd == 0)
            return fail(c, r->lineno, "no hex digits in %s", desc_tok(p, len).s);
        for (i = 0; i < nd; i++) {
            if (digit_value(d[i]) < 0)
                return fail(c, r->lineno, "bad hex digit %s in %s", desc_char(d[i]).s,
                            desc_tok(p, len).s);
            w = (w << 4) | (uint32_t)digit_value(d[i]);
        }
        if (nd > 8)
            return fail(c, r->lineno, "value %s has %zu hex digits: more than 32 bits",
                        desc_tok(p, len).s, nd);
        rest = skip_blanks(p + len);
        if (*rest)
            return fail(c, r->lineno, "unexpected %s after the word",
                        desc_tok(rest, tok_len(rest)).s);
        if (n == 32)
            return fail(c, r->lineno, "too many words: a hex image holds exactly 32");
        memcpy(&img->store[n++], &w, sizeof w);
    }
    if (rc < 0)
        return -1;
    if (n != 32)
        return fail(c, 0, "hex image holds %u words, expected exactly 32", n);
    return 0;
}

/* ---- Xilinx .coe ---- */

static int coe_value(const ctx_t *c, unsigned line, unsigned radix, const char *t, size_t n,
                     uint32_t *out)
{
    uint64_t v = 0;
    size_t i, sig = 0;
    for (i = 0; i < n; i++) {
        int d = digit_value(t[i]);
        if (d < 0 || (unsigned)d >= radix)
            return fail(c, line, "bad radix-%u digit %s in %s", radix, desc_char(t[i]).s,
                        desc_tok(t, n).s);
        if (sig || d)
            sig++;
        v = v * radix + (unsigned)d;
        if (v > NUM_SAT)
            v = NUM_SAT;
    }
    if ((radix == 2 && sig > 32) || (radix == 16 && sig > 8) || v > 0xFFFFFFFFu)
        return fail(c, line, "value %s does not fit in 32 bits", desc_tok(t, n).s);
    *out = (uint32_t)v;
    return 0;
}

static int parse_coe(const ctx_t *c, lines_t *r, int index, ssem_image_t *img)
{
    enum { S_KEY, S_EQ, S_RADIX, S_SEMI, S_VAL, S_SEP } st = S_KEY;
    unsigned radix = 0, which = 0, want = index < 0 ? 0u : (unsigned)index;
    unsigned long nwords = 0;
    int have_vec = 0, rc;
    static const char kw_radix[] = "memory_initialization_radix";
    static const char kw_vector[] = "memory_initialization_vector";

    while ((rc = next_line(c, r)) > 0) {
        const char *p = skip_blanks(r->text);
        unsigned line = r->lineno;
        if (*p == ';' && st != S_SEMI && st != S_SEP)
            continue; /* comment line */
        while (*p) {
            size_t n;
            if (is_blank(*p)) {
                p++;
                continue;
            }
            if (*p == ';') {
                if (st == S_KEY)
                    break; /* a comment after a finished statement */
                if (st == S_SEMI || st == S_SEP) {
                    st = S_KEY;
                    p++;
                    continue;
                }
                if (st == S_VAL)
                    return fail(c, line, nwords ? "missing value after ','"
                                                : "empty memory_initialization_vector");
                return fail(c, line, "unexpected ';' (expected '=')");
            }
            if (*p == '=') {
                if (st != S_EQ)
                    return fail(c, line, "unexpected '='");
                st = which == 1 ? S_RADIX : S_VAL;
                p++;
                continue;
            }
            if (*p == ',') {
                if (st != S_SEP)
                    return fail(c, line, "unexpected ','");
                st = S_VAL;
                p++;
                continue;
            }
            if (!is_ident(*p) || *p == '.' || *p == '$')
                return fail(c, line, "unexpected character %s", desc_char(*p).s);
            for (n = 0; is_ident(p[n]) && p[n] != '.' && p[n] != '$'; n++)
                ;
            switch (st) {
            case S_KEY: {
                char kw[sizeof kw_vector];
                if (n >= sizeof kw)
                    return fail(c, line, "unknown keyword %s", desc_tok(p, n).s);
                memcpy(kw, p, n);
                kw[n] = 0;
                if (same_nocase(kw, kw_radix)) {
                    if (radix)
                        return fail(c, line, "memory_initialization_radix given twice");
                    if (have_vec)
                        return fail(c, line, "memory_initialization_radix after the vector");
                    which = 1;
                } else if (same_nocase(kw, kw_vector)) {
                    if (have_vec)
                        return fail(c, line, "memory_initialization_vector given twice");
                    if (!radix)
                        return fail(c, line,
                                    "memory_initialization_vector before memory_initialization_radix");
                    which = 2;
                    have_vec = 1;
                } else {
                    return fail(c, line, "unknown keyword %s", desc_tok(p, n).s);
                }
                st = S_EQ;
                break;
            }
            case S_RADIX: {
                int neg;
                uint64_t v;
                if (token_number(p, n, &neg, &v) < 0 || (v != 2 && v != 10 && v != 16))
                    return fail(c, line, "unsupported radix %s (2, 10 or 16)", desc_tok(p, n).s);
                radix = (unsigned)v;
                st = S_SEMI;
                break;
            }
            case S_VAL:
            case S_SEP: {
                uint32_t w = 0;
                if (coe_value(c, line, radix, p, n, &w) < 0)
                    return -1;
                if (nwords / 32 == want)
                    memcpy(&img->store[nwords % 32], &w, sizeof w);
                nwords++;
                st = S_SEP;
                break;
            }
            case S_EQ:
                return fail(c, line, "expected '=' before %s", desc_tok(p, n).s);
            case S_SEMI:
                return fail(c, line, "expected ';' before %s", desc_tok(p, n).s);
            }
            p += n;
        }
    }
    if (rc < 0)
        return -1;
    if (st != S_KEY)
        return fail(c, r->lineno, "unexpected end of file (missing ';'?)");
    if (!have_vec)
        return fail(c, 0, "no memory_initialization_vector");
    if (nwords % 32)
        return fail(c, 0, "vector holds %lu words, not a multiple of 32 (32 words a program)",
                    nwords);
    if (want >= nwords / 32)
        return fail(c, 0, "program index %d out of range: the file holds %lu programs (0..%lu)",
                    index, nwords / 32, nwords / 32 - 1);
    return 0;
}

/* ---- entry point ---- */

enum { F_LISTING, F_RAWBIN, F_HEX, F_COE };

static int has_keyword(const char *buf, size_t len)
{
    static const char kw[] = "memory_initialization_";
    size_t k = sizeof kw - 1;
    for (size_t i = 0; i + k <= len; i++) {
        size_t j = 0;
        while (j < k && upper(buf[i + j]) == upper(kw[j]))
            j++;
        if (j == k)
            return 1;
    }
    return 0;
}

static int ext_is(const char *path, const char *ext)
{
    const char *slash = strrchr(path, '/'), *dot = strrchr(path, '.');
    if (!dot || (slash && dot < slash))
        return 0;
    return same_nocase(dot + 1, ext);
}

/* Classify by the first significant line. 1 and *fmt, 0 when there is none, -1 on error. */
static int classify(const ctx_t *c, const char *buf, size_t len, int *fmt)
{
    lines_t *r = malloc(sizeof *r);
    int rc;
    if (!r)
        return fail(c, 0, "out of memory");
    lines_init(r, buf, len);
    while ((rc = next_line(c, r)) > 0) {
        const char *p = clean(r->text);
        size_t n = tok_len(p), i, bin = 0, hex = 0, h0 = 0;
        if (!*p)
            continue;
        *fmt = F_LISTING;
        if (!p[n]) {
            for (i = 0; i < n && (p[i] == '0' || p[i] == '1'); i++)
                bin++;
            if (n >= 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
                h0 = 2;
            for (i = h0; i < n && digit_value(p[i]) >= 0; i++)
                hex++;
            if (bin == n && n > 8)
                *fmt = F_RAWBIN;
            else if (hex + h0 == n && hex > 0)
                *fmt = F_HEX;
        }
        free(r);
        return 1;
    }
    free(r);
    return rc;
}

int ssem_load_file(const char *path, int index, ssem_image_t *img, char *err, size_t errlen)
{
    ctx_t c;
    FILE *f;
    char *buf;
    size_t len, i;
    int fmt = F_LISTING, rc;
    lines_t *r;

    c.path = path ? path : "(null)";
    c.err = err;
    c.errlen = errlen;
    if (err && errlen)
        err[0] = 0;
    if (!img)
        return fail(&c, 0, "no image to load into");
    memset(img, 0, sizeof *img);
    if (!path || !*path)
        return fail(&c, 0, "no file name");
    if (index < -1)
        return fail(&c, 0, "program index %d out of range", index);

    f = fopen(path, "rb");
    if (!f)
        return fail(&c, 0, "cannot open: %s", strerror(errno));
    /* read it all, growing the buffer; one byte more than the limit tells "too large" */
    buf = NULL;
    len = 0;
    {
        size_t cap = 0;
        for (;;) {
            size_t got;
            if (len == cap) {
                size_t ncap = cap ? cap * 4 : 4096;
                char *nb;
                if (ncap > (size_t)MAX_FILE_BYTES + 1)
                    ncap = (size_t)MAX_FILE_BYTES + 1;
                if (ncap == cap)
                    break;
                nb = realloc(buf, ncap);
                if (!nb) {
                    fclose(f);
                    free(buf);
                    return fail(&c, 0, "out of memory");
                }
                buf = nb;
                cap = ncap;
            }
            errno = 0;
            got = fread(buf + len, 1, cap - len, f);
            len += got;
            if (ferror(f)) {
                int e = errno;
                fclose(f);
                free(buf);
                return fail(&c, 0, "cannot read: %s", e ? strerror(e) : "read error");
            }
            if (got == 0 || feof(f))
                break;
        }
    }
    fclose(f);
    if (len > (size_t)MAX_FILE_BYTES) {
        free(buf);
        return fail(&c, 0, "file is larger than %ld bytes: not an SSEM program", MAX_FILE_BYTES);
    }
    for (i = 0; i < len && (is_blank(buf[i]) || buf[i] == '\n'); i++)
        ;
    if (i == len) {
        free(buf);
        return fail(&c, 0, "empty file");
    }

    if (ext_is(path, "coe") || has_keyword(buf, len)) {
        fmt = F_COE;
    } else if (ext_is(path, "hex")) {
        fmt = F_HEX;
    } else {
        rc = classify(&c, buf, len, &fmt);
        if (rc <= 0) {
            free(buf);
            if (rc == 0)
                fail(&c, 0, "no program in the file (only comments)");
            return -1;
        }
    }
    if (fmt != F_COE && index > 0) {
        free(buf);
        return fail(&c, 0, "program index %d out of range: the file holds one program (0)", index);
    }

    r = malloc(sizeof *r);
    if (!r) {
        free(buf);
        return fail(&c, 0, "out of memory");
    }
    lines_init(r, buf, len);
    switch (fmt) {
    case F_COE:
        rc = parse_coe(&c, r, index, img);
        break;
    case F_HEX:
        rc = parse_hex(&c, r, img);
        break;
    case F_RAWBIN:
        rc = parse_rawbin(&c, r, img);
        break;
    default:
        rc = parse_listing(&c, r, img);
        break;
    }
    free(r);
    free(buf);
    if (rc < 0)
        memset(img, 0, sizeof *img);
    return rc < 0 ? -1 : 0;
}
