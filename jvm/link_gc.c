/* link_gc.c -- GC maps and loop headers (jvm/image.h "GC MAPS"), by a dataflow pass over a
 * method's quick bytecode.
 *
 * Each slot (local or operand stack) has one of three types: NONE (never written, or two
 * different types where paths meet), INT (int-like, and each half of a long) and REF (a
 * reference, null, or an object new has made and <init> has not run on yet). The entry state
 * comes from the descriptor; each instruction's effect from its opcode and, for the ones that
 * name the constant pool, from the descriptor the scan stored with its rcp entry (a field's or
 * method's type, or the constant's kind). States meet at branch targets and exception handlers
 * (whose entry has the locals of every instruction of the range and one REF on the stack) until
 * nothing changes; an entry is then written, for every reachable instruction that can collect,
 * from the state before it. A slot is a root exactly when its type is REF.
 */
#include "link_int.h"

#include <string.h>

enum { T_NONE = 0, T_INT = 1, T_REF = 2 };

unsigned lk_insn_len(const uint8_t *code, uint32_t len, uint32_t pc)
{
    if (pc >= len)
        return 0;
    unsigned op = code[pc];
    if (op >= JVM_Q_FIRST && op <= JVM_Q_LAST) {
        unsigned n = op == JVM_Q_INVOKEINTERFACE ? 5 : 3;
        return pc + n <= len ? n : 0;
    }
    if (op >= JVM_F_FIRST && op <= JVM_F_LAST) {
        unsigned n = lk_fused(op, NULL, NULL);
        return n && pc + n <= len ? n : 0;
    }
    return cf_insn_len(code, len, pc);
}

/* the fused opcodes (jvm/image.h, JVM_FUSED_LIST) */
static const struct { uint8_t op, a, b, alen; } fused[] = {
#define FUSED_ROW(name, op_, a_, b_, alen_) {op_, a_, b_, alen_},
    JVM_FUSED_LIST(FUSED_ROW)
#undef FUSED_ROW
};

unsigned lk_fused(unsigned op, unsigned *a, unsigned *b)
{
    for (size_t i = 0; i < sizeof fused / sizeof fused[0]; i++)
        if (fused[i].op == op) {
            if (a)
                *a = fused[i].a;
            if (b)
                *b = fused[i].b;
            return fused[i].alen;
        }
    return 0;
}

void lk_fuse(lk_ctx *L, lk_method *m)
{
    uint32_t n = m->code_len;
    uint8_t *orig = lk_alloc(L, n + 1); /* the pairs are matched on the code before fusing */
    memcpy(orig, m->code, n);
    for (uint32_t pc = 0, len; pc < n; pc += len) {
        len = lk_insn_len(orig, n, pc);
        if (!len)
            break;
        uint32_t next = pc + len;
        if (next >= n)
            break;
        for (size_t i = 0; i < sizeof fused / sizeof fused[0]; i++)
            if (fused[i].a == orig[pc] && fused[i].b == orig[next] && fused[i].alen == len) {
                m->code[pc] = fused[i].op;
                break;
            }
    }
}

int lk_gc_point(unsigned op)
{
    if (op >= JVM_Q_FIRST && op <= JVM_Q_LAST)
        return 1;
    if ((op >= 0x2e && op <= 0x35) || (op >= 0x4f && op <= 0x56) || (op >= 0xb2 && op <= 0xbf) ||
        (op >= 0xc0 && op <= 0xc3))
        return 1;
    switch (op) {
    case 0x12: case 0x13: case 0x6c: case 0x6d: case 0x70: case 0x71: case 0xc5:
        return 1;
    default:
        return 0;
    }
}

typedef struct {
    lk_ctx *L;
    lk_method *m;
    uint32_t pc;
    unsigned nl, ns;      /* max_locals, max_stack */
    uint8_t *loc, *stk;   /* the current state */
    unsigned sp;
} gst;

static void gfail(gst *g, const char *what) __attribute__((noreturn));
static void gfail(gst *g, const char *what)
{
    char cn[300];
    size_t i = 0;
    for (const char *p = g->m->cls->name; *p && i + 1 < sizeof cn; p++)
        cn[i++] = *p == '/' ? '.' : *p;
    cn[i] = 0;
    lk_fail(g->L, "%s.%s%s at %u: %s", cn, g->m->name, g->m->desc, g->pc, what);
}

static void push(gst *g, uint8_t t)
{
    if (g->sp >= g->ns)
        gfail(g, "operand stack overflow (max_stack too small)");
    g->stk[g->sp++] = t;
}

static uint8_t pop(gst *g)
{
    if (g->sp == 0)
        gfail(g, "operand stack underflow");
    return g->stk[--g->sp];
}

static void popn(gst *g, unsigned n)
{
    while (n--)
        pop(g);
}

static void setloc(gst *g, unsigned i, uint8_t t)
{
    if (i >= g->nl)
        gfail(g, "local variable index out of range (max_locals)");
    g->loc[i] = t;
}

static uint8_t getloc(gst *g, unsigned i)
{
    if (i >= g->nl)
        gfail(g, "local variable index out of range (max_locals)");
    return g->loc[i];
}

/* push a value of a field descriptor's type (or "I", "J", "L") */
static void push_desc(gst *g, const char *d)
{
    switch (d[0]) {
    case 'V': break;
    case 'J': case 'D': push(g, T_INT); push(g, T_INT); break;
    case 'L': case '[': push(g, T_REF); break;
    default: push(g, T_INT); break;
    }
}

static unsigned desc_slots(const char *d)
{
    return (d[0] == 'J' || d[0] == 'D') ? 2 : d[0] == 'V' ? 0 : 1;
}

static const lk_rc *rc_at(gst *g, uint32_t pc)
{
    const uint8_t *code = g->m->code;
    unsigned i = (unsigned)code[pc + 1] << 8 | code[pc + 2];
    lk_class *c = g->m->cls;
    if ((int)i >= c->nrcp || !c->rcp[i].desc)
        gfail(g, "unresolved constant pool entry");
    return &c->rcp[i];
}

/* the effect of the instruction at pc on the current state */
static void step(gst *g, uint32_t pc)
{
    const uint8_t *code = g->m->code;
    unsigned op = code[pc];
    uint8_t a, b, c, d;
    if (op >= 0x02 && op <= 0x08) { push(g, T_INT); return; }
    if (op >= 0x1a && op <= 0x1d) { getloc(g, op - 0x1a); push(g, T_INT); return; }
    if (op >= 0x1e && op <= 0x21) { getloc(g, op - 0x1e + 1); push(g, T_INT); push(g, T_INT); return; }
    if (op >= 0x2a && op <= 0x2d) { getloc(g, op - 0x2a); push(g, T_REF); return; }
    if (op >= 0x3b && op <= 0x3e) { pop(g); setloc(g, op - 0x3b, T_INT); return; }
    if (op >= 0x3f && op <= 0x42) {
        popn(g, 2);
        setloc(g, op - 0x3f, T_INT);
        setloc(g, op - 0x3f + 1, T_INT);
        return;
    }
    if (op >= 0x4b && op <= 0x4e) { pop(g); setloc(g, op - 0x4b, T_REF); return; }
    if (op >= 0x99 && op <= 0x9e) { pop(g); return; }
    if (op >= 0x9f && op <= 0xa6) { popn(g, 2); return; }
    unsigned wide = op == 0xc4;
    unsigned idx = wide ? ((unsigned)code[pc + 2] << 8 | code[pc + 3]) : code[pc + 1];
    if (wide)
        op = code[pc + 1];
    switch (op) {
    case 0x00: case 0x84: case 0xa7: case 0xc8: case 0xb1: /* nop iinc goto goto_w return */
        if (op == 0x84)
            getloc(g, idx);
        return;
    case 0x01: push(g, T_REF); return;
    case 0x09: case 0x0a: push(g, T_INT); push(g, T_INT); return;
    case 0x10: case 0x11: push(g, T_INT); return;
    case 0x12: case 0x13: {
        unsigned i = op == 0x12 ? code[pc + 1] : ((unsigned)code[pc + 1] << 8 | code[pc + 2]);
        lk_class *k = g->m->cls;
        if ((int)i >= k->nrcp || !k->rcp[i].desc)
            gfail(g, "unresolved constant");
        push_desc(g, k->rcp[i].desc);
        return;
    }
    case 0x14: push(g, T_INT); push(g, T_INT); return;
    case 0x15: getloc(g, idx); push(g, T_INT); return;
    case 0x16: getloc(g, idx + 1); push(g, T_INT); push(g, T_INT); return;
    case 0x19: getloc(g, idx); push(g, T_REF); return;
    case 0x36: pop(g); setloc(g, idx, T_INT); return;
    case 0x37: popn(g, 2); setloc(g, idx, T_INT); setloc(g, idx + 1, T_INT); return;
    case 0x3a: pop(g); setloc(g, idx, T_REF); return;
    case 0x2e: case 0x33: case 0x34: case 0x35: popn(g, 2); push(g, T_INT); return;
    case 0x2f: popn(g, 2); push(g, T_INT); push(g, T_INT); return;
    case 0x32: popn(g, 2); push(g, T_REF); return;
    case 0x4f: case 0x53: case 0x54: case 0x55: case 0x56: popn(g, 3); return;
    case 0x50: popn(g, 4); return;
    case 0x57: pop(g); return;
    case 0x58: popn(g, 2); return;
    case 0x59: a = pop(g); push(g, a); push(g, a); return;
    case 0x5a: a = pop(g); b = pop(g); push(g, a); push(g, b); push(g, a); return;
    case 0x5b: a = pop(g); b = pop(g); c = pop(g); push(g, a); push(g, c); push(g, b); push(g, a); return;
    case 0x5c: a = pop(g); b = pop(g); push(g, b); push(g, a); push(g, b); push(g, a); return;
    case 0x5d:
        a = pop(g); b = pop(g); c = pop(g);
        push(g, b); push(g, a); push(g, c); push(g, b); push(g, a);
        return;
    case 0x5e:
        a = pop(g); b = pop(g); c = pop(g); d = pop(g);
        push(g, b); push(g, a); push(g, d); push(g, c); push(g, b); push(g, a);
        return;
    case 0x5f: a = pop(g); b = pop(g); push(g, a); push(g, b); return;
    case 0x60: case 0x64: case 0x68: case 0x6c: case 0x70: case 0x78: case 0x7a: case 0x7c:
    case 0x7e: case 0x80: case 0x82:
        popn(g, 2); push(g, T_INT); return;
    case 0x61: case 0x65: case 0x69: case 0x6d: case 0x71: case 0x7f: case 0x81: case 0x83:
        popn(g, 4); push(g, T_INT); push(g, T_INT); return;
    case 0x79: case 0x7b: case 0x7d: popn(g, 3); push(g, T_INT); push(g, T_INT); return;
    case 0x74: case 0x91: case 0x92: case 0x93: pop(g); push(g, T_INT); return;
    case 0x75: popn(g, 2); push(g, T_INT); push(g, T_INT); return;
    case 0x85: pop(g); push(g, T_INT); push(g, T_INT); return;
    case 0x88: popn(g, 2); push(g, T_INT); return;
    case 0x94: popn(g, 4); push(g, T_INT); return;
    case 0xaa: case 0xab: case 0xac: case 0xb0: case 0xc2: case 0xc3: case 0xc6: case 0xc7:
    case 0xbf:
        pop(g); return;
    case 0xad: popn(g, 2); return;
    case 0xbc: case 0xbd: pop(g); push(g, T_REF); return; /* newarray, anewarray */
    case 0xbe: pop(g); push(g, T_INT); return;            /* arraylength */
    case 0xc0: pop(g); push(g, T_REF); return;            /* checkcast */
    case 0xc1: pop(g); push(g, T_INT); return;            /* instanceof */
    case 0xc5: popn(g, code[pc + 3]); push(g, T_REF); return;
    case JVM_Q_NEW: case JVM_Q_NEW_C: push(g, T_REF); return;
    case JVM_Q_GETFIELD_W: case JVM_Q_GETFIELD_L:
        pop(g); push_desc(g, rc_at(g, pc)->desc); return;
    case JVM_Q_PUTFIELD_W: case JVM_Q_PUTFIELD_L:
        popn(g, desc_slots(rc_at(g, pc)->desc) + 1); return;
    case JVM_Q_GETSTATIC_W: case JVM_Q_GETSTATIC_L: case JVM_Q_GETSTATIC_W_C:
    case JVM_Q_GETSTATIC_L_C:
        push_desc(g, rc_at(g, pc)->desc); return;
    case JVM_Q_PUTSTATIC_W: case JVM_Q_PUTSTATIC_L: case JVM_Q_PUTSTATIC_W_C:
    case JVM_Q_PUTSTATIC_L_C:
        popn(g, desc_slots(rc_at(g, pc)->desc)); return;
    case JVM_Q_INVOKEVIRTUAL: case JVM_Q_INVOKEDIRECT: case JVM_Q_INVOKEINTERFACE:
    case JVM_Q_INVOKESTATIC: case JVM_Q_INVOKESTATIC_C: {
        const char *desc = rc_at(g, pc)->desc;
        int stat = op == JVM_Q_INVOKESTATIC || op == JVM_Q_INVOKESTATIC_C;
        popn(g, lk_arg_slots(desc) + !stat);
        push_desc(g, strchr(desc, ')') + 1);
        return;
    }
    default:
        gfail(g, "unexpected opcode in the GC map pass");
    }
}

/* the branch targets of the instruction at pc; returns the count, fills t (up to cap) */
static uint32_t targets(const uint8_t *code, uint32_t pc, int64_t *t, uint32_t cap)
{
    unsigned op = code[pc];
    if ((op >= 0x99 && op <= 0xa7) || op == 0xc6 || op == 0xc7) {
        t[0] = pc + (int16_t)(code[pc + 1] << 8 | code[pc + 2]);
        return 1;
    }
    if (op == 0xc8) {
        t[0] = pc + (int64_t)(int32_t)((uint32_t)code[pc + 1] << 24 | (uint32_t)code[pc + 2] << 16 |
                                       (uint32_t)code[pc + 3] << 8 | code[pc + 4]);
        return 1;
    }
    if (op != 0xaa && op != 0xab)
        return 0;
    uint32_t p = (pc + 4) & ~3u;
#define RD4(q) ((int32_t)((uint32_t)code[q] << 24 | (uint32_t)code[(q) + 1] << 16 | \
                          (uint32_t)code[(q) + 2] << 8 | code[(q) + 3]))
    uint32_t n = op == 0xaa ? (uint32_t)(RD4(p + 8) - RD4(p + 4) + 1) : (uint32_t)RD4(p + 4);
    uint32_t k = 0;
    if (k < cap)
        t[k] = pc + (int64_t)RD4(p);
    k++;
    for (uint32_t i = 0; i < n; i++, k++)
        if (k < cap)
            t[k] = pc + (int64_t)RD4(op == 0xaa ? p + 12 + 4 * i : p + 12 + 8 * i);
#undef RD4
    return k;
}

static int ends_flow(unsigned op)
{
    return op == 0xa7 || op == 0xc8 || op == 0xaa || op == 0xab || (op >= 0xac && op <= 0xb1) ||
           op == 0xbf;
}

void lk_gcmaps(lk_ctx *L, lk_method *m)
{
    uint32_t n = m->code_len;
    unsigned nl = m->max_locals, ns = m->max_stack, w = nl + ns;
    gst g = {L, m, 0, nl, ns, NULL, NULL, 0};
    if ((uint64_t)n * (w + 1) > (64u << 20))
        gfail(&g, "method too large for the linker (code length times frame size)");
    uint8_t *st = lk_alloc(L, (size_t)n * w + w + 1);
    int32_t *depth = lk_alloc(L, sizeof(int32_t) * n);
    uint8_t *start = lk_alloc(L, n + 1);
    uint32_t *work = lk_alloc(L, sizeof(uint32_t) * (n + 1));
    uint8_t *inwork = lk_alloc(L, n);
    uint8_t *cur = lk_alloc(L, w + 1);
    for (uint32_t pc = 0; pc < n;) {
        unsigned len = lk_insn_len(m->code, n, pc);
        if (!len) {
            g.pc = pc;
            gfail(&g, "bad instruction");
        }
        start[pc] = 1;
        depth[pc] = -1;
        pc += len;
    }
    uint32_t nwork = 0;
    /* the entry state */
    memset(cur, T_NONE, w + 1);
    unsigned k = 0;
    if (!(m->access & CF_ACC_STATIC))
        cur[k++] = T_REF;
    for (const char *d = m->desc + 1; *d != ')'; d++) {
        if (k >= nl) {
            gfail(&g, "max_locals too small for the arguments");
        }
        if (*d == 'J' || *d == 'D') {
            cur[k++] = T_INT;
            if (k < nl)
                cur[k++] = T_INT;
        } else {
            cur[k++] = (*d == 'L' || *d == '[') ? T_REF : T_INT;
        }
        while (*d == '[')
            d++;
        if (*d == 'L')
            d = strchr(d, ';');
    }
#define MERGE(tpc, state, dep)                                                              \
    do {                                                                                    \
        uint32_t t_ = (tpc);                                                                \
        if (depth[t_] < 0) {                                                                \
            memcpy(st + (size_t)t_ * w, (state), w);                                        \
            depth[t_] = (int32_t)(dep);                                                     \
            if (!inwork[t_]) { inwork[t_] = 1; work[nwork++] = t_; }                        \
        } else {                                                                            \
            if ((uint32_t)depth[t_] != (dep)) {                                             \
                g.pc = t_;                                                                  \
                gfail(&g, "operand stack depths differ where paths meet");                  \
            }                                                                               \
            uint8_t *s_ = st + (size_t)t_ * w;                                              \
            int ch_ = 0;                                                                    \
            for (unsigned i_ = 0; i_ < nl + (dep); i_++)                                    \
                if (s_[i_] != (state)[i_] && s_[i_] != T_NONE) { s_[i_] = T_NONE; ch_ = 1; } \
            if (ch_ && !inwork[t_]) { inwork[t_] = 1; work[nwork++] = t_; }                 \
        }                                                                                   \
    } while (0)
    MERGE(0u, cur, 0u);
    const cf_method *cm = m->cf;
    uint32_t tcap = n / 4 + 2; /* a switch has at most this many targets */
    int64_t *tgt = lk_alloc(L, sizeof(int64_t) * tcap);
    while (nwork) {
        uint32_t pc = work[--nwork];
        inwork[pc] = 0;
        g.pc = pc;
        memcpy(cur, st + (size_t)pc * w, w);
        g.loc = cur;
        g.stk = cur + nl;
        g.sp = (unsigned)depth[pc];
        /* exception handlers covering pc: the locals before it, one reference on the stack */
        for (unsigned h = 0; cm && h < cm->nhandlers; h++)
            if (cm->handlers[h].start_pc <= pc && pc < cm->handlers[h].end_pc) {
                uint8_t save = cur[nl];
                if (ns == 0)
                    gfail(&g, "an exception handler with max_stack 0");
                cur[nl] = T_REF;
                MERGE(cm->handlers[h].handler_pc, cur, 1u);
                cur[nl] = save;
            }
        unsigned op = m->code[pc];
        step(&g, pc);
        uint32_t nt = targets(m->code, pc, tgt, tcap);
        for (uint32_t i = 0; i < nt && i < tcap; i++) {
            if (tgt[i] < 0 || tgt[i] >= n || !start[tgt[i]])
                gfail(&g, "branch target is not an instruction");
            MERGE((uint32_t)tgt[i], cur, g.sp);
        }
        if (!ends_flow(op)) {
            uint32_t next = pc + lk_insn_len(m->code, n, pc);
            if (next >= n)
                gfail(&g, "execution falls off the end of the code");
            MERGE(next, cur, g.sp);
        }
    }
#undef MERGE
    /* the entries, in pc order */
    m->gcmap_words = 1 + (w + 31) / 32;
    uint32_t cnt = 0, nloops = 0;
    for (uint32_t pc = 0; pc < n; pc++)
        if (start[pc] && depth[pc] >= 0 && lk_gc_point(m->code[pc]))
            cnt++;
    m->ngcmaps = cnt;
    m->gcmaps = lk_alloc(L, sizeof(uint32_t) * (cnt * m->gcmap_words + 1));
    uint8_t *loop = lk_alloc(L, n + 1);
    cnt = 0;
    for (uint32_t pc = 0; pc < n; pc++) {
        if (!start[pc] || depth[pc] < 0)
            continue;
        uint32_t nt = targets(m->code, pc, tgt, tcap);
        for (uint32_t i = 0; i < nt && i < tcap; i++)
            if (tgt[i] <= pc && !loop[tgt[i]]) {
                loop[tgt[i]] = 1;
                nloops++;
            }
        if (!lk_gc_point(m->code[pc]))
            continue;
        uint32_t *e = m->gcmaps + (size_t)cnt++ * m->gcmap_words;
        const uint8_t *s = st + (size_t)pc * w;
        e[0] = pc | (uint32_t)depth[pc] << 16;
        for (unsigned i = 0; i < nl + (unsigned)depth[pc]; i++)
            if (s[i] == T_REF)
                e[1 + i / 32] |= 1u << (i % 32);
    }
    if (nloops > 0xffff)
        gfail(&g, "too many loop headers");
    m->nloops = nloops;
    m->loops = lk_alloc(L, sizeof(uint32_t) * (nloops + 1));
    nloops = 0;
    for (uint32_t pc = 0; pc < n; pc++)
        if (loop[pc])
            m->loops[nloops++] = pc;
    if (m->ngcmaps > 0xffff)
        gfail(&g, "too many GC map entries");
}
