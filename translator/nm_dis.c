/* nm_dis.c -- operations as text, in docs/isa.md's notation (section 5, "Notation"):
 * lower-case RV32 mnemonics, TRs written x0..x15, immediates in decimal (LUI's in hex),
 * branch offsets relative to the operation (".+8", ".-16"), "exit N", "commit",
 * "assert.<cond> rs1, rs2". Freestanding: its own small formatting, into the caller's buffer. */
#include "nm.h"

typedef struct {
    char *buf;
    size_t size, len;   /* len: the length the full text has */
} out;

static void put_c(out *o, char c)
{
    if (o->size && o->len + 1 < o->size) {
        o->buf[o->len] = c;
        o->buf[o->len + 1] = '\0';
    }
    o->len++;
}
static void put_s(out *o, const char *s)
{
    while (*s) put_c(o, *s++);
}
static void put_u(out *o, uint32_t v)
{
    char d[10];
    int n = 0;
    do {
        d[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n) put_c(o, d[--n]);
}
static void put_d(out *o, uint32_t v)   /* v as a signed 32-bit number */
{
    if (v & 0x80000000u) {
        put_c(o, '-');
        v = 0u - v;
    }
    put_u(o, v);
}
static void put_x(out *o, uint32_t v, int digits)   /* 0x, at least `digits` hex digits */
{
    static const char hex[] = "0123456789abcdef";
    int i, n = 8;
    while (n > digits && !((v >> (4 * (n - 1))) & 15)) n--;
    put_s(o, "0x");
    for (i = n - 1; i >= 0; i--) put_c(o, hex[(v >> (4 * i)) & 15]);
}
static void put_r(out *o, int r)
{
    put_c(o, 'x');
    put_u(o, (uint32_t)r);
}
static void put_sep(out *o) { put_s(o, ", "); }
static void put_off(out *o, uint32_t v)
{
    put_c(o, '.');
    if (!(v & 0x80000000u)) put_c(o, '+');
    put_d(o, v);
}

static size_t start(out *o, char *buf, size_t size)
{
    o->buf = buf;
    o->size = size;
    o->len = 0;
    if (size) buf[0] = '\0';
    return 0;
}

static void op_text(out *o, const nm_op *op)
{
    switch (op->kind) {
    case NM_K_NOP:
    case NM_K_COMMIT:
        put_s(o, nm_opk_name(op->op));
        break;
    case NM_K_ALU:
        put_s(o, nm_opk_name(op->op));
        put_c(o, ' ');
        put_r(o, op->rd);
        put_sep(o);
        put_r(o, op->rs1);
        put_sep(o);
        if (op->rs2 >= 0) put_r(o, op->rs2);
        else put_d(o, op->imm);
        break;
    case NM_K_MUL:
    case NM_K_DIV:
        put_s(o, nm_opk_name(op->op));
        put_c(o, ' ');
        put_r(o, op->rd);
        put_sep(o);
        put_r(o, op->rs1);
        put_sep(o);
        put_r(o, op->rs2);
        break;
    case NM_K_LUI:
        put_s(o, "lui ");
        put_r(o, op->rd);
        put_sep(o);
        put_x(o, op->imm >> 12, 1);
        break;
    case NM_K_LW:
    case NM_K_SW:
        put_s(o, nm_opk_name(op->op));
        put_c(o, ' ');
        put_r(o, op->kind == NM_K_LW ? op->rd : op->rs2);
        put_sep(o);
        put_d(o, op->imm);
        put_c(o, '(');
        put_r(o, op->rs1);
        put_c(o, ')');
        break;
    case NM_K_BR:
        put_c(o, 'b');
        put_s(o, nm_cond_name(op->cond));
        put_c(o, ' ');
        put_r(o, op->rs1);
        put_sep(o);
        put_r(o, op->rs2);
        put_sep(o);
        put_off(o, op->imm);
        break;
    case NM_K_JAL:
        put_s(o, "j ");
        put_off(o, op->imm);
        break;
    case NM_K_EXIT:
        put_s(o, "exit ");
        put_u(o, op->imm);
        break;
    case NM_K_ASSERT:
        put_s(o, "assert.");
        put_s(o, nm_cond_name(op->cond));
        put_c(o, ' ');
        put_r(o, op->rs1);
        put_sep(o);
        put_r(o, op->rs2);
        break;
    default:
        put_s(o, "illegal");
        break;
    }
}

size_t nm_dis_op(const nm_op *op, char *buf, size_t size)
{
    out o;
    start(&o, buf, size);
    op_text(&o, op);
    return o.len;
}

static void illegal(out *o, uint32_t w, nm_why why)
{
    put_s(o, "illegal ");
    put_x(o, w, 8);
    put_s(o, ": ");
    put_s(o, nm_why_str(why));
}

size_t nm_dis(uint32_t w, char *buf, size_t size)
{
    out o;
    nm_op op;
    nm_why why = nm_decode(w, &op);
    start(&o, buf, size);
    if (why != NM_OK) illegal(&o, w, why);
    else op_text(&o, &op);
    return o.len;
}

size_t nm_dis_slot(uint32_t w, unsigned slots, unsigned slot, char *buf, size_t size)
{
    out o;
    nm_op op;
    nm_why why = nm_decode_slot(w, slots, slot, &op);
    start(&o, buf, size);
    if (why == NM_OK) {
        op_text(&o, &op);
    } else {
        illegal(&o, w, why);
        if (why == NM_WHY_SLOT) {
            put_s(&o, " (");
            op_text(&o, &op);
            put_c(&o, ')');
        }
    }
    return o.len;
}
