/* classfile.c -- the class file reader (classfile.h). */
#include "classfile.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* the JVMS mnemonics, by opcode (0x00..0xc9) */
static const char *const op_names[0xca] = {
    "nop", "aconst_null", "iconst_m1", "iconst_0", "iconst_1", "iconst_2", "iconst_3",
    "iconst_4", "iconst_5", "lconst_0", "lconst_1", "fconst_0", "fconst_1", "fconst_2",
    "dconst_0", "dconst_1", "bipush", "sipush", "ldc", "ldc_w", "ldc2_w", "iload", "lload",
    "fload", "dload", "aload", "iload_0", "iload_1", "iload_2", "iload_3", "lload_0", "lload_1",
    "lload_2", "lload_3", "fload_0", "fload_1", "fload_2", "fload_3", "dload_0", "dload_1",
    "dload_2", "dload_3", "aload_0", "aload_1", "aload_2", "aload_3", "iaload", "laload",
    "faload", "daload", "aaload", "baload", "caload", "saload", "istore", "lstore", "fstore",
    "dstore", "astore", "istore_0", "istore_1", "istore_2", "istore_3", "lstore_0", "lstore_1",
    "lstore_2", "lstore_3", "fstore_0", "fstore_1", "fstore_2", "fstore_3", "dstore_0",
    "dstore_1", "dstore_2", "dstore_3", "astore_0", "astore_1", "astore_2", "astore_3",
    "iastore", "lastore", "fastore", "dastore", "aastore", "bastore", "castore", "sastore",
    "pop", "pop2", "dup", "dup_x1", "dup_x2", "dup2", "dup2_x1", "dup2_x2", "swap", "iadd",
    "ladd", "fadd", "dadd", "isub", "lsub", "fsub", "dsub", "imul", "lmul", "fmul", "dmul",
    "idiv", "ldiv", "fdiv", "ddiv", "irem", "lrem", "frem", "drem", "ineg", "lneg", "fneg",
    "dneg", "ishl", "lshl", "ishr", "lshr", "iushr", "lushr", "iand", "land", "ior", "lor",
    "ixor", "lxor", "iinc", "i2l", "i2f", "i2d", "l2i", "l2f", "l2d", "f2i", "f2l", "f2d",
    "d2i", "d2l", "d2f", "i2b", "i2c", "i2s", "lcmp", "fcmpl", "fcmpg", "dcmpl", "dcmpg",
    "ifeq", "ifne", "iflt", "ifge", "ifgt", "ifle", "if_icmpeq", "if_icmpne", "if_icmplt",
    "if_icmpge", "if_icmpgt", "if_icmple", "if_acmpeq", "if_acmpne", "goto", "jsr", "ret",
    "tableswitch", "lookupswitch", "ireturn", "lreturn", "freturn", "dreturn", "areturn",
    "return", "getstatic", "putstatic", "getfield", "putfield", "invokevirtual",
    "invokespecial", "invokestatic", "invokeinterface", "invokedynamic", "new", "newarray",
    "anewarray", "arraylength", "athrow", "checkcast", "instanceof", "monitorenter",
    "monitorexit", "wide", "multianewarray", "ifnull", "ifnonnull", "goto_w", "jsr_w",
};

const char *cf_opname(unsigned op)
{
    return op < 0xca ? op_names[op] : NULL;
}

static uint32_t rd_u4(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int32_t rd_s4(const uint8_t *p)
{
    return (int32_t)rd_u4(p);
}

/* fixed lengths; 0 for the variable ones (tableswitch, lookupswitch, wide) */
static uint32_t fixed_len(unsigned op)
{
    switch (op) {
    case 0x10: case 0x12: case 0x15: case 0x16: case 0x17: case 0x18: case 0x19:
    case 0x36: case 0x37: case 0x38: case 0x39: case 0x3a: case 0xa9: case 0xbc:
        return 2;
    case 0x11: case 0x13: case 0x14: case 0x84: case 0xb2: case 0xb3: case 0xb4: case 0xb5:
    case 0xb6: case 0xb7: case 0xb8: case 0xbb: case 0xbd: case 0xc0: case 0xc1:
    case 0xc6: case 0xc7: case 0xa8:
        return 3;
    case 0xc5:
        return 4;
    case 0xb9: case 0xba: case 0xc8: case 0xc9:
        return 5;
    case 0xaa: case 0xab: case 0xc4:
        return 0;
    default:
        if (op >= 0x99 && op <= 0xa7)
            return 3;
        return 1;
    }
}

uint32_t cf_insn_len(const uint8_t *code, uint32_t code_len, uint32_t pc)
{
    if (pc >= code_len)
        return 0;
    unsigned op = code[pc];
    if (op >= 0xca)
        return 0;
    uint32_t n = fixed_len(op);
    if (n)
        return pc + n <= code_len ? n : 0;
    if (op == 0xc4) { /* wide */
        if (pc + 1 >= code_len)
            return 0;
        n = code[pc + 1] == 0x84 ? 6 : 4;
        return pc + n <= code_len ? n : 0;
    }
    uint32_t p = (pc + 4) & ~3u; /* the operands, 4-byte aligned */
    if (op == 0xaa) {
        if ((uint64_t)p + 12 > code_len)
            return 0;
        int32_t lo = rd_s4(code + p + 4), hi = rd_s4(code + p + 8);
        if (hi < lo || (int64_t)hi - lo >= 65536)
            return 0;
        uint64_t end = (uint64_t)p + 12 + 4 * ((uint64_t)hi - lo + 1);
        return end <= code_len ? (uint32_t)(end - pc) : 0;
    }
    if ((uint64_t)p + 8 > code_len)
        return 0;
    int32_t np = rd_s4(code + p + 4);
    if (np < 0 || np >= 65536)
        return 0;
    uint64_t end = (uint64_t)p + 8 + 8 * (uint64_t)np;
    return end <= code_len ? (uint32_t)(end - pc) : 0;
}

/* ---------------------------------------------------------------- parsing */

static int valid_desc(const char *d, int method);

typedef struct {
    const uint8_t *p, *end;
    const char *path;
    char *err;
    size_t errlen;
    int failed;
    cf_class *c;
} rd;

static void fail(rd *r, const char *fmt, ...)
{
    if (r->failed)
        return;
    r->failed = 1;
    int n = snprintf(r->err, r->errlen, "%s: ", r->path);
    if (n < 0 || (size_t)n >= r->errlen)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->err + n, r->errlen - (size_t)n, fmt, ap);
    va_end(ap);
    cf_one_line(r->err);
}

void cf_one_line(char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            *s = '?';
}

static int need(rd *r, size_t n, const char *what)
{
    if (r->failed)
        return 0;
    if ((size_t)(r->end - r->p) < n) {
        fail(r, "truncated (%s)", what);
        return 0;
    }
    return 1;
}

static unsigned u1(rd *r, const char *what)
{
    if (!need(r, 1, what))
        return 0;
    return *r->p++;
}

static unsigned u2(rd *r, const char *what)
{
    if (!need(r, 2, what))
        return 0;
    unsigned v = (unsigned)r->p[0] << 8 | r->p[1];
    r->p += 2;
    return v;
}

static uint32_t u4(rd *r, const char *what)
{
    if (!need(r, 4, what))
        return 0;
    uint32_t v = rd_u4(r->p);
    r->p += 4;
    return v;
}

static void *zalloc(rd *r, size_t n)
{
    void *p = calloc(1, n ? n : 1);
    if (!p)
        fail(r, "out of memory");
    return p;
}

static int check_mutf8(const uint8_t *s, unsigned n)
{
    for (unsigned i = 0; i < n;) {
        unsigned b = s[i];
        if (b == 0 || b >= 0xf0)
            return 0;
        if (b < 0x80) {
            i++;
        } else if ((b & 0xe0) == 0xc0) {
            if (i + 1 >= n || (s[i + 1] & 0xc0) != 0x80)
                return 0;
            i += 2;
        } else if ((b & 0xf0) == 0xe0) {
            if (i + 2 >= n || (s[i + 1] & 0xc0) != 0x80 || (s[i + 2] & 0xc0) != 0x80)
                return 0;
            i += 3;
        } else {
            return 0;
        }
    }
    return 1;
}

const char *cf_utf8(const cf_class *c, unsigned i)
{
    return c->cp[i].str;
}

const char *cf_class_name(const cf_class *c, unsigned i)
{
    return c->cp[c->cp[i].a].str;
}

#define TAG(t) (1u << (t))

static int cp_want(rd *r, unsigned i, uint32_t tags, const char *what)
{
    if (r->failed)
        return 0;
    if (i == 0 || i >= r->c->ncp) {
        fail(r, "constant pool index %u out of range (1 to %u) in %s", i, r->c->ncp - 1u, what);
        return 0;
    }
    if (!(tags >> r->c->cp[i].tag & 1u)) {
        fail(r, "constant pool entry %u (tag %u) is of the wrong kind for %s", i,
             r->c->cp[i].tag, what);
        return 0;
    }
    return 1;
}

static void read_cp(rd *r)
{
    cf_class *c = r->c;
    c->ncp = (uint16_t)u2(r, "constant_pool_count");
    if (r->failed)
        return;
    if (c->ncp == 0) {
        fail(r, "constant_pool_count is 0");
        return;
    }
    c->cp = zalloc(r, sizeof(cf_cp) * c->ncp);
    if (!c->cp)
        return;
    for (unsigned i = 1; i < c->ncp && !r->failed; i++) {
        cf_cp *e = &c->cp[i];
        e->tag = (uint8_t)u1(r, "constant pool tag");
        if (r->failed)
            return;
        switch (e->tag) {
        case CF_UTF8: {
            e->len = (uint16_t)u2(r, "Utf8 length");
            if (!need(r, e->len, "Utf8 bytes"))
                return;
            if (!check_mutf8(r->p, e->len)) {
                fail(r, "constant pool entry %u: malformed modified UTF-8", i);
                return;
            }
            e->str = zalloc(r, (size_t)e->len + 1);
            if (!e->str)
                return;
            memcpy(e->str, r->p, e->len);
            r->p += e->len;
            break;
        }
        case CF_INTEGER: case CF_FLOAT:
            e->lo = u4(r, "constant");
            break;
        case CF_LONG: case CF_DOUBLE:
            e->hi = u4(r, "constant");
            e->lo = u4(r, "constant");
            if (i + 1 >= c->ncp) {
                fail(r, "constant pool entry %u: a long or double in the last slot", i);
                return;
            }
            i++; /* takes two entries; the second stays tag 0 (unusable) */
            break;
        case CF_CLASS: case CF_STRING: case CF_METHODTYPE: case CF_MODULE: case CF_PACKAGE:
            e->a = (uint16_t)u2(r, "constant");
            break;
        case CF_FIELDREF: case CF_METHODREF: case CF_IMETHODREF: case CF_NAMETYPE:
        case CF_DYNAMIC: case CF_INVOKEDYNAMIC:
            e->a = (uint16_t)u2(r, "constant");
            e->b = (uint16_t)u2(r, "constant");
            break;
        case CF_METHODHANDLE:
            e->a = (uint16_t)u1(r, "constant");
            e->b = (uint16_t)u2(r, "constant");
            break;
        default:
            fail(r, "constant pool entry %u: unknown tag %u", i, e->tag);
            return;
        }
    }
    /* the references between entries */
    for (unsigned i = 1; i < c->ncp && !r->failed; i++) {
        cf_cp *e = &c->cp[i];
        char what[48];
        snprintf(what, sizeof what, "constant pool entry %u", i);
        switch (e->tag) {
        case CF_CLASS: case CF_STRING: case CF_METHODTYPE: case CF_MODULE: case CF_PACKAGE:
            cp_want(r, e->a, TAG(CF_UTF8), what);
            break;
        case CF_FIELDREF: case CF_METHODREF: case CF_IMETHODREF:
            if (cp_want(r, e->a, TAG(CF_CLASS), what) && cp_want(r, e->b, TAG(CF_NAMETYPE), what) &&
                cp_want(r, c->cp[e->b].a, TAG(CF_UTF8), what) &&
                cp_want(r, c->cp[e->b].b, TAG(CF_UTF8), what)) {
                const char *d = c->cp[c->cp[e->b].b].str;
                if (r->failed)
                    break;
                if (!d || !valid_desc(d, e->tag != CF_FIELDREF))
                    fail(r, "constant pool entry %u: descriptor \"%s\" does not suit a %s", i,
                         d ? d : "", e->tag == CF_FIELDREF ? "field" : "method");
            }
            break;
        case CF_NAMETYPE:
            cp_want(r, e->a, TAG(CF_UTF8), what);
            cp_want(r, e->b, TAG(CF_UTF8), what);
            break;
        case CF_DYNAMIC: case CF_INVOKEDYNAMIC:
            if (cp_want(r, e->b, TAG(CF_NAMETYPE), what) &&
                cp_want(r, c->cp[e->b].a, TAG(CF_UTF8), what) &&
                cp_want(r, c->cp[e->b].b, TAG(CF_UTF8), what) &&
                !valid_desc(c->cp[c->cp[e->b].b].str, e->tag == CF_INVOKEDYNAMIC))
                fail(r, "constant pool entry %u: malformed descriptor \"%s\"", i,
                     c->cp[c->cp[e->b].b].str);
            break;
        case CF_METHODHANDLE:
            if (e->a < 1 || e->a > 9)
                fail(r, "constant pool entry %u: method handle kind %u", i, e->a);
            else
                cp_want(r, e->b, e->a <= 4 ? TAG(CF_FIELDREF)
                                           : TAG(CF_METHODREF) | TAG(CF_IMETHODREF), what);
            break;
        default:
            break;
        }
    }
}

/* ---------------------------------------------------------------- code checks */

static void check_code(rd *r, cf_method *m)
{
    cf_class *c = r->c;
    const uint8_t *code = m->code;
    uint32_t n = m->code_len;
    uint8_t *start = zalloc(r, n + 1); /* 1 at every instruction start, and at n */
    if (!start)
        return;
    char where[320];
    for (uint32_t pc = 0; pc < n && !r->failed;) {
        unsigned op = code[pc];
        snprintf(where, sizeof where, "%s.%s%s at %u", c->this_name, m->name, m->desc, pc);
        if (op >= 0xca) {
            fail(r, "%s: unknown opcode 0x%02x", where, op);
            break;
        }
        if (op == 0xa8 || op == 0xa9 || op == 0xc9) {
            fail(r, "%s: %s is not allowed in class files of version 51 or later", where,
                 op_names[op]);
            break;
        }
        uint32_t len = cf_insn_len(code, n, pc);
        if (len == 0) {
            fail(r, "%s: %s runs past the end of the code (or has bad operands)", where,
                 op_names[op]);
            break;
        }
        if (op == 0xc4) {
            unsigned w = code[pc + 1];
            if (!((w >= 0x15 && w <= 0x19) || (w >= 0x36 && w <= 0x3a) || w == 0x84)) {
                fail(r, "%s: wide %s", where, w == 0xa9 ? "ret is not allowed" : "of a bad opcode");
                break;
            }
        }
        start[pc] = 1;
        /* constant-pool operands */
        unsigned i16 = len >= 3 ? (unsigned)code[pc + 1] << 8 | code[pc + 2] : 0;
        char what[360];
        snprintf(what, sizeof what, "%s (%s)", where, op_names[op]);
        switch (op) {
        case 0x12: /* ldc */
            cp_want(r, code[pc + 1], TAG(CF_INTEGER) | TAG(CF_FLOAT) | TAG(CF_STRING) |
                    TAG(CF_CLASS) | TAG(CF_METHODTYPE) | TAG(CF_METHODHANDLE) | TAG(CF_DYNAMIC), what);
            break;
        case 0x13:
            cp_want(r, i16, TAG(CF_INTEGER) | TAG(CF_FLOAT) | TAG(CF_STRING) | TAG(CF_CLASS) |
                    TAG(CF_METHODTYPE) | TAG(CF_METHODHANDLE) | TAG(CF_DYNAMIC), what);
            break;
        case 0x14:
            cp_want(r, i16, TAG(CF_LONG) | TAG(CF_DOUBLE) | TAG(CF_DYNAMIC), what);
            break;
        case 0xb2: case 0xb3: case 0xb4: case 0xb5:
            cp_want(r, i16, TAG(CF_FIELDREF), what);
            break;
        case 0xb6:
            cp_want(r, i16, TAG(CF_METHODREF), what);
            break;
        case 0xb7: case 0xb8:
            cp_want(r, i16, TAG(CF_METHODREF) | TAG(CF_IMETHODREF), what);
            break;
        case 0xb9:
            cp_want(r, i16, TAG(CF_IMETHODREF), what);
            if (!r->failed && (code[pc + 3] == 0 || code[pc + 4] != 0))
                fail(r, "%s: invokeinterface with count %u and a non-zero 4th byte", where,
                     code[pc + 3]);
            break;
        case 0xba:
            cp_want(r, i16, TAG(CF_INVOKEDYNAMIC), what);
            if (!r->failed && (code[pc + 3] != 0 || code[pc + 4] != 0))
                fail(r, "%s: invokedynamic's 3rd and 4th bytes are not 0", where);
            break;
        case 0xbb: case 0xbd: case 0xc0: case 0xc1: case 0xc5:
            cp_want(r, i16, TAG(CF_CLASS), what);
            if (!r->failed && op == 0xc5 && code[pc + 3] == 0)
                fail(r, "%s: multianewarray of 0 dimensions", where);
            break;
        case 0xbc:
            if (code[pc + 1] < 4 || code[pc + 1] > 11)
                fail(r, "%s: newarray of unknown type %u", where, code[pc + 1]);
            break;
        default:
            break;
        }
        pc += len;
    }
    start[n] = 1;
    /* branch targets */
    for (uint32_t pc = 0; pc < n && !r->failed; pc += cf_insn_len(code, n, pc)) {
        unsigned op = code[pc];
        int64_t t[3];
        int nt = 0;
        if ((op >= 0x99 && op <= 0xa7) || op == 0xc6 || op == 0xc7) {
            t[nt++] = pc + (int16_t)(code[pc + 1] << 8 | code[pc + 2]);
        } else if (op == 0xc8) {
            t[nt++] = pc + (int64_t)rd_s4(code + pc + 1);
        } else if (op == 0xaa || op == 0xab) {
            uint32_t p = (pc + 4) & ~3u;
            uint32_t cnt = op == 0xaa ? (uint32_t)(rd_s4(code + p + 8) - rd_s4(code + p + 4) + 1)
                                      : (uint32_t)rd_s4(code + p + 4);
            int64_t prev = INT64_MIN;
            for (uint32_t k = 0; k <= cnt && !r->failed; k++) {
                int64_t tg;
                if (k == 0) {
                    tg = pc + (int64_t)rd_s4(code + p);
                } else if (op == 0xaa) {
                    tg = pc + (int64_t)rd_s4(code + p + 12 + 4 * (k - 1));
                } else {
                    int64_t key = rd_s4(code + p + 8 + 8 * (k - 1));
                    if (key <= prev)
                        fail(r, "%s.%s%s at %u: lookupswitch keys not in increasing order",
                             c->this_name, m->name, m->desc, pc);
                    prev = key;
                    tg = pc + (int64_t)rd_s4(code + p + 12 + 8 * (k - 1));
                }
                if (tg < 0 || tg >= n || !start[tg])
                    fail(r, "%s.%s%s at %u: branch target %lld is not the start of an "
                         "instruction", c->this_name, m->name, m->desc, pc, (long long)tg);
            }
        }
        for (int k = 0; k < nt && !r->failed; k++)
            if (t[k] < 0 || t[k] >= n || !start[t[k]])
                fail(r, "%s.%s%s at %u: branch target %lld is not the start of an instruction",
                     c->this_name, m->name, m->desc, pc, (long long)t[k]);
    }
    /* the last instruction must not fall off the end: checked by the linker's dataflow */
    for (unsigned k = 0; k < m->nhandlers && !r->failed; k++) {
        cf_handler *h = &m->handlers[k];
        if (h->start_pc >= h->end_pc || h->end_pc > n || !start[h->start_pc] ||
            !start[h->end_pc] || h->handler_pc >= n || !start[h->handler_pc])
            fail(r, "%s.%s%s: exception table entry %u: bad range [%u, %u) or handler %u",
                 c->this_name, m->name, m->desc, k, h->start_pc, h->end_pc, h->handler_pc);
        else if (h->catch_type)
            cp_want(r, h->catch_type, TAG(CF_CLASS), "an exception table's catch type");
    }
    for (unsigned k = 0; k < m->nlines && !r->failed; k++)
        if (m->lines[k].start_pc >= n || !start[m->lines[k].start_pc])
            fail(r, "%s.%s%s: LineNumberTable entry %u: pc %u is not an instruction start",
                 c->this_name, m->name, m->desc, k, m->lines[k].start_pc);
    free(start);
}

static const char *attr_name(rd *r)
{
    unsigned i = u2(r, "attribute name");
    if (!cp_want(r, i, TAG(CF_UTF8), "an attribute name"))
        return NULL;
    return r->c->cp[i].str;
}

static int cmp_line(const void *a, const void *b)
{
    const cf_line *x = a, *y = b;
    return (int)x->start_pc - (int)y->start_pc;
}

static void read_code(rd *r, cf_method *m, const uint8_t *end)
{
    m->max_stack = (uint16_t)u2(r, "max_stack");
    m->max_locals = (uint16_t)u2(r, "max_locals");
    uint32_t n = u4(r, "code_length");
    if (r->failed)
        return;
    if (n == 0 || n > 65535) {
        fail(r, "%s.%s%s: %s (code_length %u)", r->c->this_name, m->name, m->desc,
             n ? "method too large" : "empty code", n);
        return;
    }
    if ((size_t)(end - r->p) < n) {
        fail(r, "%s.%s%s: truncated (code)", r->c->this_name, m->name, m->desc);
        return;
    }
    m->code = zalloc(r, n);
    if (!m->code)
        return;
    memcpy(m->code, r->p, n);
    m->code_len = n;
    r->p += n;
    m->nhandlers = (uint16_t)u2(r, "exception_table_length");
    if (!need(r, (size_t)m->nhandlers * 8, "exception table"))
        return;
    m->handlers = zalloc(r, sizeof(cf_handler) * m->nhandlers);
    for (unsigned k = 0; k < m->nhandlers && !r->failed; k++) {
        m->handlers[k].start_pc = (uint16_t)u2(r, "");
        m->handlers[k].end_pc = (uint16_t)u2(r, "");
        m->handlers[k].handler_pc = (uint16_t)u2(r, "");
        m->handlers[k].catch_type = (uint16_t)u2(r, "");
    }
    unsigned na = u2(r, "attributes_count");
    for (unsigned a = 0; a < na && !r->failed; a++) {
        const char *nm = attr_name(r);
        uint32_t len = u4(r, "attribute_length");
        if (r->failed)
            return;
        if ((size_t)(end - r->p) < len) {
            fail(r, "%s.%s%s: attribute %s runs past the Code attribute", r->c->this_name,
                 m->name, m->desc, nm);
            return;
        }
        const uint8_t *aend = r->p + len;
        if (!strcmp(nm, "LineNumberTable")) {
            unsigned cnt = u2(r, "line_number_table_length");
            if (len != 2 + 4u * cnt) {
                fail(r, "%s.%s%s: LineNumberTable length %u does not match its %u entries",
                     r->c->this_name, m->name, m->desc, len, cnt);
                return;
            }
            cf_line *nl = realloc(m->lines, sizeof(cf_line) * (m->nlines + cnt + 1u));
            if (!nl) {
                fail(r, "out of memory");
                return;
            }
            m->lines = nl;
            for (unsigned k = 0; k < cnt; k++) {
                m->lines[m->nlines].start_pc = (uint16_t)u2(r, "");
                m->lines[m->nlines++].line = (uint16_t)u2(r, "");
            }
        }
        r->p = aend;
    }
    if (r->p != end && !r->failed) {
        fail(r, "%s.%s%s: Code attribute length does not match its contents", r->c->this_name,
             m->name, m->desc);
        return;
    }
    if (m->nlines)
        qsort(m->lines, m->nlines, sizeof(cf_line), cmp_line);
    check_code(r, m);
}

static int valid_field_desc(const char *d, const char **endp)
{
    while (*d == '[')
        d++;
    switch (*d) {
    case 'B': case 'C': case 'D': case 'F': case 'I': case 'J': case 'S': case 'Z':
        *endp = d + 1;
        return 1;
    case 'L': {
        const char *e = strchr(d, ';');
        if (!e || e == d + 1)
            return 0;
        *endp = e + 1;
        return 1;
    }
    default:
        return 0;
    }
}

static int valid_desc(const char *d, int method)
{
    const char *e;
    if (!method)
        return valid_field_desc(d, &e) && *e == 0;
    if (*d++ != '(')
        return 0;
    while (*d != ')') {
        if (!valid_field_desc(d, &e))
            return 0;
        d = e;
    }
    d++;
    if (*d == 'V')
        return d[1] == 0;
    return valid_field_desc(d, &e) && *e == 0;
}

static void read_members(rd *r, int methods)
{
    cf_class *c = r->c;
    unsigned n = u2(r, methods ? "methods_count" : "fields_count");
    if (r->failed)
        return;
    if (methods) {
        c->nmethods = (uint16_t)n;
        c->methods = zalloc(r, sizeof(cf_method) * n);
    } else {
        c->nfields = (uint16_t)n;
        c->fields = zalloc(r, sizeof(cf_field) * n);
    }
    for (unsigned k = 0; k < n && !r->failed; k++) {
        unsigned acc = u2(r, "access_flags");
        unsigned ni = u2(r, "name_index"), di = u2(r, "descriptor_index");
        if (!cp_want(r, ni, TAG(CF_UTF8), methods ? "a method's name" : "a field's name") ||
            !cp_want(r, di, TAG(CF_UTF8), methods ? "a method's descriptor" : "a field's descriptor"))
            return;
        const char *name = c->cp[ni].str, *desc = c->cp[di].str;
        if (!valid_desc(desc, methods)) {
            fail(r, "%s %s: malformed descriptor \"%s\"", methods ? "method" : "field", name, desc);
            return;
        }
        cf_method *m = methods ? &c->methods[k] : NULL;
        cf_field *f = methods ? NULL : &c->fields[k];
        if (m) {
            m->access = (uint16_t)acc;
            m->name = name;
            m->desc = desc;
        } else {
            f->access = (uint16_t)acc;
            f->name = name;
            f->desc = desc;
        }
        unsigned na = u2(r, "attributes_count");
        for (unsigned a = 0; a < na && !r->failed; a++) {
            const char *an = attr_name(r);
            uint32_t len = u4(r, "attribute_length");
            if (!need(r, len, an ? an : "attribute"))
                return;
            const uint8_t *aend = r->p + len;
            if (m && !strcmp(an, "Code")) {
                if (m->code) {
                    fail(r, "%s.%s%s: two Code attributes", c->this_name, name, desc);
                    return;
                }
                rd sub = *r;
                sub.end = aend; /* the Code attribute's contents may not run past it */
                read_code(&sub, m, aend);
                if (sub.failed) {
                    r->failed = 1;
                    return;
                }
            } else if (f && !strcmp(an, "ConstantValue")) {
                if (len != 2) {
                    fail(r, "field %s: ConstantValue of length %u", name, len);
                    return;
                }
                f->constval = (uint16_t)u2(r, "");
                cp_want(r, f->constval, TAG(CF_INTEGER) | TAG(CF_FLOAT) | TAG(CF_LONG) |
                        TAG(CF_DOUBLE) | TAG(CF_STRING), "a ConstantValue");
            }
            r->p = aend;
        }
        if (m && !r->failed) {
            int abstract_or_native = (acc & (CF_ACC_ABSTRACT | CF_ACC_NATIVE)) != 0;
            if (abstract_or_native && m->code)
                fail(r, "%s.%s%s: an abstract or native method with code", c->this_name, name, desc);
            else if (!abstract_or_native && !m->code)
                fail(r, "%s.%s%s: no Code attribute", c->this_name, name, desc);
        }
    }
}

static void read_class_attrs(rd *r)
{
    cf_class *c = r->c;
    unsigned na = u2(r, "attributes_count");
    for (unsigned a = 0; a < na && !r->failed; a++) {
        const char *an = attr_name(r);
        uint32_t len = u4(r, "attribute_length");
        if (!need(r, len, an ? an : "attribute"))
            return;
        const uint8_t *aend = r->p + len;
        rd sub = *r;
        sub.end = aend; /* an attribute's contents may not run past its length */
        if (!strcmp(an, "SourceFile")) {
            unsigned i = u2(&sub, "SourceFile");
            if (cp_want(&sub, i, TAG(CF_UTF8), "SourceFile"))
                c->source_file = c->cp[i].str;
        } else if (!strcmp(an, "NestHost")) {
            unsigned i = u2(&sub, "NestHost");
            if (cp_want(&sub, i, TAG(CF_CLASS), "NestHost"))
                c->nest_host = cf_class_name(c, i);
        } else if (!strcmp(an, "BootstrapMethods")) {
            if (c->bootstrap) {
                fail(r, "two BootstrapMethods attributes");
                return;
            }
            unsigned n = u2(&sub, "BootstrapMethods");
            c->bootstrap = zalloc(&sub, sizeof(cf_bootstrap) * n);
            if (c->bootstrap)
                c->nbootstrap = (uint16_t)n;
            for (unsigned k = 0; k < n && !sub.failed; k++) {
                cf_bootstrap *b = &c->bootstrap[k];
                b->method_ref = (uint16_t)u2(&sub, "bootstrap_method_ref");
                cp_want(&sub, b->method_ref, TAG(CF_METHODHANDLE), "a bootstrap method");
                unsigned nargs = u2(&sub, "num_bootstrap_arguments");
                b->args = zalloc(&sub, sizeof(uint16_t) * nargs);
                if (!b->args)
                    break;
                b->nargs = (uint16_t)nargs;
                for (unsigned j = 0; j < nargs && !sub.failed; j++) {
                    b->args[j] = (uint16_t)u2(&sub, "bootstrap argument");
                    cp_want(&sub, b->args[j], TAG(CF_INTEGER) | TAG(CF_FLOAT) | TAG(CF_LONG) |
                            TAG(CF_DOUBLE) | TAG(CF_STRING) | TAG(CF_CLASS) |
                            TAG(CF_METHODHANDLE) | TAG(CF_METHODTYPE) | TAG(CF_DYNAMIC),
                            "a bootstrap argument");
                }
            }
        } else if (!strcmp(an, "InnerClasses") || !strcmp(an, "NestMembers")) {
            /* checked for shape; the linker needs nothing from them beyond access */
            unsigned n = u2(&sub, an);
            for (unsigned k = 0; k < n && !sub.failed; k++) {
                unsigned i = u2(&sub, an);
                cp_want(&sub, i, TAG(CF_CLASS), an);
                if (an[0] == 'I') {
                    unsigned outer = u2(&sub, an), name = u2(&sub, an);
                    u2(&sub, an);
                    if (outer)
                        cp_want(&sub, outer, TAG(CF_CLASS), an);
                    if (name)
                        cp_want(&sub, name, TAG(CF_UTF8), an);
                }
            }
        } else {
            sub.p = aend;
        }
        if (sub.failed) {
            r->failed = 1;
            return;
        }
        if (sub.p != aend) {
            fail(r, "attribute %s: length %u does not match its contents", an, len);
            return;
        }
        r->p = aend;
    }
    /* the bootstrap indices of (Invoke)Dynamic entries */
    for (unsigned i = 1; i < c->ncp && !r->failed; i++)
        if ((c->cp[i].tag == CF_DYNAMIC || c->cp[i].tag == CF_INVOKEDYNAMIC) &&
            c->cp[i].a >= c->nbootstrap)
            fail(r, "constant pool entry %u: bootstrap method %u out of range (%u)", i,
                 c->cp[i].a, c->nbootstrap);
}

cf_class *cf_parse(const uint8_t *buf, size_t len, const char *path, char *err, size_t errlen)
{
    rd r = {buf, buf + len, path, err, errlen, 0, NULL};
    cf_class *c = r.c = zalloc(&r, sizeof(cf_class));
    if (!c)
        return NULL;
    c->file = zalloc(&r, strlen(path) + 1);
    if (c->file)
        memcpy(c->file, path, strlen(path) + 1);
    uint32_t magic = u4(&r, "magic");
    if (!r.failed && magic != 0xcafebabeu)
        fail(&r, "not a class file (magic 0x%08x, not 0xcafebabe)", magic);
    c->minor = (uint16_t)u2(&r, "minor_version");
    c->major = (uint16_t)u2(&r, "major_version");
    if (!r.failed && (c->major < 52 || c->major > 61))
        fail(&r, "class file version %u.%u is not supported (52 to 61)", c->major, c->minor);
    read_cp(&r);
    c->access = (uint16_t)u2(&r, "access_flags");
    unsigned ti = u2(&r, "this_class");
    if (cp_want(&r, ti, TAG(CF_CLASS), "this_class"))
        c->this_name = cf_class_name(c, ti);
    unsigned si = u2(&r, "super_class");
    if (!r.failed && si && cp_want(&r, si, TAG(CF_CLASS), "super_class"))
        c->super_name = cf_class_name(c, si);
    if (!r.failed && !si && strcmp(c->this_name, "java/lang/Object"))
        fail(&r, "%s has no superclass", c->this_name);
    unsigned ni = u2(&r, "interfaces_count");
    if (!r.failed) {
        c->interfaces = zalloc(&r, sizeof(char *) * ni);
        c->ninterfaces = (uint16_t)ni;
    }
    for (unsigned k = 0; k < ni && !r.failed; k++) {
        unsigned i = u2(&r, "interfaces");
        if (cp_want(&r, i, TAG(CF_CLASS), "interfaces"))
            c->interfaces[k] = cf_class_name(c, i);
    }
    read_members(&r, 0);
    read_members(&r, 1);
    read_class_attrs(&r);
    if (!r.failed && r.p != r.end)
        fail(&r, "%zu bytes after the end of the class", (size_t)(r.end - r.p));
    if (r.failed) {
        cf_free(c);
        return NULL;
    }
    return c;
}

cf_class *cf_load(const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return NULL;
    }
    size_t cap = 4096, n = 0;
    uint8_t *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n < cap)
            break;
        if (cap >= (64u << 20)) {
            free(buf);
            buf = NULL;
            break;
        }
        uint8_t *nb = realloc(buf, cap * 2);
        if (!nb) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = nb;
        cap *= 2;
    }
    int rerr = ferror(f);
    fclose(f);
    if (!buf || rerr) {
        snprintf(err, errlen, "%s: %s", path, buf ? "read error" : "too large or out of memory");
        free(buf);
        return NULL;
    }
    cf_class *c = cf_parse(buf, n, path, err, errlen);
    free(buf);
    return c;
}

void cf_free(cf_class *c)
{
    if (!c)
        return;
    for (unsigned i = 0; c->cp && i < c->ncp; i++)
        free(c->cp[i].str);
    free(c->cp);
    free((void *)c->interfaces);
    free(c->fields);
    for (unsigned k = 0; c->methods && k < c->nmethods; k++) {
        free(c->methods[k].code);
        free(c->methods[k].handlers);
        free(c->methods[k].lines);
    }
    free(c->methods);
    for (unsigned k = 0; c->bootstrap && k < c->nbootstrap; k++)
        free(c->bootstrap[k].args);
    free(c->bootstrap);
    free(c->file);
    free(c);
}
