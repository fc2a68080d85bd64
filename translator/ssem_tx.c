/* ssem_tx.c -- the SSEM translator's front half: region selection, the naive IR, the
 * optimizer (linear forms: constant and copy propagation, algebraic simplification, dead-code
 * removal), edges, exit stubs and layout. docs/translator.md describes the pipeline. */
#include "ssem_txi.h"

/* ------------------------------------------------------------------ guest decoding */

static unsigned popcount32(uint32_t v)
{
    unsigned n = 0;
    for (; v; v &= v - 1u)
        n++;
    return n;
}

/* ------------------------------------------------------------------ region selection */

/* the lines reachable from l through the lines of cand (l itself only if in cand), by the
 * successor table sx/sn */
static uint32_t reach_lines(unsigned l, uint32_t cand, const uint8_t sx[][2], const uint8_t *sn)
{
    uint8_t stack[STX_NLINES];
    uint32_t seen;
    int top = 0;
    if (!(cand >> l & 1u))
        return 0;
    seen = 1u << l;
    stack[top++] = (uint8_t)l;
    while (top) {
        unsigned x = stack[--top];
        for (unsigned i = 0; i < sn[x]; i++) {
            unsigned y = sx[x][i];
            if ((cand >> y & 1u) && !(seen >> y & 1u)) {
                seen |= 1u << y;
                stack[top++] = (uint8_t)y;
            }
        }
    }
    return seen;
}

static void dfs_blocks(stx_work *w, int b, int *post, int *npost)
{
    stx_block *k = &w->blk[b];
    k->visited = k->onstack = true;
    for (int i = 1; i >= 0; i--) {              /* skip first: the fall successor lays out next */
        int s = k->succ[i];
        if (i == 1 && k->term != STX_T_CMP)
            continue;
        if (i == 0 && k->term == STX_T_STP)
            continue;
        if (s < 0)
            continue;
        if (w->blk[s].onstack) {
            k->back[i] = 1;
            w->blk[s].header = true;
        } else if (!w->blk[s].visited) {
            dfs_blocks(w, s, post, npost);
        }
    }
    k->onstack = false;
    post[(*npost)++] = b;
}

/* a new block: every field zero or "none" (field by field: a byte loop over the struct, or a
 * memset the freestanding build has not got, costs several times more; lines[] past nlines is
 * never read) */
static void block_init(stx_block *k, int kind)
{
    k->kind = (uint8_t)kind;
    k->nlines = k->term = k->presched = 0;
    k->succ[0] = k->succ[1] = k->etgt[0] = k->etgt[1] = -1;
    k->skew = 0;
    k->ci_const = 0;
    k->ci_val = 0;
    k->after = k->exit_code = k->check_tgt = k->fall = k->hoist = -1;
    k->exit_line = k->nowb = 0;
    k->back[0] = k->back[1] = 0;
    k->flag15 = k->bplaced = false;
    k->bskew = k->bsub = k->bpre = k->maxlen = 0;
    k->header = k->visited = k->onstack = k->placed = false;
    k->n0 = k->nn = k->o0 = k->no = k->b0 = k->nb = 0;
    k->vbase = k->nv = 0;
    k->addr = 0;
}

/* the metadata, every field zero but the exits past nexits */
static void meta_init(stx_meta *m)
{
    m->entry_line = m->tc_addr = m->nwords = m->slots = 0;
    m->protect = m->insn_lines = m->const_lines = m->written_lines = 0;
    m->ncached = 0;
    for (int i = 0; i < STX_NCACHE; i++)
        m->cached_line[i] = 0;
    m->wb_from = m->min_budget = m->guest_insns = m->nexits = 0;
    m->nbundles = m->nops = 0;          /* (exit[i] is filled as exit i is made) */
}

stx_err stx_region(stx_work *w, const int32_t store[STX_NLINES],
                   const uint32_t profile[STX_NLINES], unsigned entry_line, unsigned slots)
{
    uint32_t banned = 0, region = 0, written = 0, reads = 0, executed = 0, sto = 0;
    uint32_t pred1 = 0, pred2 = 0;       /* bit L: line L has a predecessor in the region; two */
    uint32_t cont = 0;                   /* bit L: a predecessor whose only successor is L */
    unsigned n;
    uint8_t sx[STX_NLINES][2], sn[STX_NLINES];     /* each executed line's successors */
    const uint8_t *s;
    int post[STX_MAX_BLOCKS], npost = 0;
    stx_meta *m = &w->meta;

    if (!w || entry_line >= STX_NLINES || !nm_slots_valid(slots))
        return STX_E_ARGS;
    meta_init(m);
    w->slots = slots;
    w->entry = entry_line;
    w->nblocks = w->norder = w->nnaive = w->nops = w->nbundles = 0;
    w->nvreg = STX_NVREG0;
    w->out = w->words;
    /* the store (the caller's); one depth-first walk from the entry through the executed lines
     * (profile > 0; the entry always), decoding each line it meets: its successors (JMP/JRP
     * through the line's current value) and whether it is a STO. `executed` ends as the lines
     * it reached: every executed line reachable from the entry, so every later search stays
     * within those whose successors are known. */
    w->store = store;
    {
        uint8_t stack[STX_NLINES];
        int top = 0;
        executed = 1u << entry_line;
        stack[top++] = (uint8_t)entry_line;
        while (top) {
            unsigned l = stack[--top];
            uint32_t pi = (uint32_t)store[l], op = STX_OP(pi);
            unsigned nx;
            if (op == SSEM_JMP) {
                nx = 1; sx[l][0] = (uint8_t)(((uint32_t)store[STX_S(pi)] + 1u) & 31u);
            } else if (op == SSEM_JRP) {
                nx = 1; sx[l][0] = (uint8_t)((l + (uint32_t)store[STX_S(pi)] + 1u) & 31u);
            } else if (op == SSEM_CMP) {
                nx = 2; sx[l][0] = (uint8_t)((l + 1u) & 31u); sx[l][1] = (uint8_t)((l + 2u) & 31u);
            } else if (op == SSEM_STP) {
                nx = 0;
            } else {
                nx = 1; sx[l][0] = (uint8_t)((l + 1u) & 31u);
                if (op == SSEM_STO)
                    sto |= 1u << l;
            }
            sn[l] = (uint8_t)nx;
            /* what it reads or writes, its successors' predecessors (all as if the region
             * were every line reached: the usual case; redone below when it is not) */
            if (op == SSEM_STO)
                written |= 1u << STX_S(pi);
            else if (op != SSEM_CMP && op != SSEM_STP)
                reads |= 1u << STX_S(pi);
            for (unsigned i = 0; i < nx; i++) {
                unsigned y = sx[l][i];
                uint32_t bt = 1u << y;
                if (!(executed & bt)) {
                    if (profile && !profile[y])
                        continue;
                    executed |= bt;
                    stack[top++] = (uint8_t)y;
                }
                pred2 |= pred1 & bt;
                pred1 |= bt;
                if (nx == 1 && y != l)
                    cont |= bt;
            }
        }
    }
    /* the lines: reachable from the entry through executed lines; a STO into a translated line,
     * or into a fifth distinct written line, ends the region before it (the STO is an exit) */
    for (;;) {
        uint32_t bad = 0, w4 = 0;
        unsigned nw = 0;
        region = banned ? reach_lines(entry_line, executed & ~banned, (const uint8_t (*)[2])sx, sn)
                        : executed;
        if (!region)
            return STX_E_EMPTY;
        for (uint32_t x = region & sto, l = 0; x; x >>= 1, l++) {
            if (!(x & 1u))
                continue;
            uint32_t t = STX_S((uint32_t)store[l]);
            if (region >> t & 1u) {
                bad |= 1u << l;
            } else if (!(w4 >> t & 1u)) {
                if (nw < STX_NCACHE) {
                    w4 |= 1u << t;
                    nw++;
                } else {
                    bad |= 1u << l;
                }
            }
        }
        if (!bad)
            break;
        banned |= bad;
    }
    if (banned)                           /* fewer lines than reached: again, for them */
        written = reads = pred1 = pred2 = cont = 0;
    for (uint32_t x = banned ? region : 0, l = 0; x; x >>= 1, l++) {
        if (!(x & 1u))
            continue;
        uint32_t pi = (uint32_t)store[l];
        switch (STX_OP(pi)) {
        case SSEM_STO: written |= 1u << STX_S(pi); break;
        case SSEM_CMP: case SSEM_STP: break;
        default: reads |= 1u << STX_S(pi); break;
        }
        /* the predecessors inside the region (for the blocks) */
        n = sn[l];
        s = sx[l];
        for (unsigned i = 0; i < n; i++) {
            uint32_t bt = 1u << s[i];
            if (region & bt) {
                pred2 |= pred1 & bt;
                pred1 |= bt;
                if (n == 1 && s[i] != l)
                    cont |= bt;
            }
        }
    }
    w->region = region;
    m->entry_line = entry_line;
    m->slots = slots;
    m->insn_lines = region;
    m->written_lines = written;
    m->const_lines = reads & ~written;
    m->protect = region | m->const_lines;
    m->guest_insns = popcount32(region);
    for (uint32_t x = written, l = 0; x; x >>= 1, l++)
        if (x & 1u)
            m->cached_line[m->ncached++] = (uint8_t)l;

    /* basic blocks: a line continues its predecessor's block when it is that line's only
     * successor and has no other predecessor, and is not the entry; every other line of the
     * region leads a block */
    {
        uint32_t follow = pred1 & ~pred2 & cont & ~(1u << entry_line) & region;
        for (uint32_t x = region & ~follow, l = 0; x; x >>= 1, l++) {
            unsigned cur;
            stx_block *k;
            if (!(x & 1u))
                continue;
            if (w->nblocks >= STX_MAX_BLOCKS)
                return STX_E_SPACE;
            k = &w->blk[w->nblocks];
            block_init(k, STX_BK_BODY);
            w->block_of[l] = (int16_t)w->nblocks++;
            unsigned nl = 0;
            for (cur = l;;) {
                k->lines[nl++] = (uint8_t)cur;
                if (sn[cur] == 1 && (follow >> sx[cur][0] & 1u) && nl < STX_NLINES) {
                    cur = sx[cur][0];
                    continue;
                }
                break;
            }
            k->nlines = (uint8_t)nl;
        }
    }
    for (int b = 0; b < w->nblocks; b++) {
        stx_block *k = &w->blk[b];
        unsigned last = k->lines[k->nlines - 1];
        uint32_t op = STX_OP((uint32_t)store[last]);
        n = sn[last];
        s = sx[last];
        k->term = op == SSEM_STP ? STX_T_STP : op == SSEM_CMP ? STX_T_CMP : STX_T_GOTO;
        for (unsigned i = 0; i < n; i++)
            k->succ[i] = (int16_t)((region >> s[i] & 1u) ? w->block_of[s[i]] : -1 - (int)s[i]);
    }
    /* loops: back edges by a depth-first search from the entry; layout order = reverse post
     * order; maxlen = the longest path to a back edge or exit, in guest instructions */
    dfs_blocks(w, w->block_of[entry_line], post, &npost);
    for (int i = 0; i < npost; i++) {
        stx_block *k = &w->blk[post[i]];
        int32_t best = 0;
        for (int e = 0; e < 2; e++) {
            int t = k->succ[e];
            if (t >= 0 && !k->back[e] && !(e == 1 && k->term != STX_T_CMP) &&
                k->term != STX_T_STP && w->blk[t].maxlen > best)
                best = w->blk[t].maxlen;
        }
        k->maxlen = k->nlines + best;
    }
    w->norder = 0;
    for (int i = npost - 1; i >= 0; i--)
        w->order[w->norder++] = post[i];
    w->blk[w->block_of[entry_line]].header = true;
    m->min_budget = (uint32_t)w->blk[w->block_of[entry_line]].maxlen;
    return STX_OK;
}

/* ------------------------------------------------------------------ naive IR */

static int naive(stx_work *w, int k, int d, int a, int b, int32_t imm, unsigned line)
{
    stx_op *o;
    if (w->nnaive >= STX_MAX_NAIVE)
        return -1;
    o = &w->naive[w->nnaive++];
    o->k = (int8_t)k;
    o->d = (int16_t)d;
    o->a = (int16_t)a;
    o->b = (int16_t)b;
    o->imm = imm;
    o->tgt = -1;
    o->line = (uint8_t)line;
    o->bun = o->slot = 0;
    return 0;
}

stx_err stx_build_ir(stx_work *w)
{
    w->nnaive = 0;
    for (int i = 0; i < w->norder; i++) {
        stx_block *k = &w->blk[w->order[i]];
        int v = STX_NVREG0, bad = 0;
        k->n0 = w->nnaive;
        for (unsigned j = 0; j < k->nlines; j++) {
            unsigned l = k->lines[j];
            uint32_t pi = (uint32_t)w->store[l], s = STX_S(pi);
            int32_t val = w->store[s];
            switch (STX_OP(pi)) {
            case SSEM_JMP:
            case SSEM_JRP:
                bad |= naive(w, STX_N_LD, v, -1, -1, (int32_t)s, l);
                bad |= naive(w, STX_OP(pi) == SSEM_JMP ? STX_N_JMP : STX_N_JRP, -1, v, -1, val, l);
                v++;
                break;
            case SSEM_LDN:
                bad |= naive(w, STX_N_LD, v, -1, -1, (int32_t)s, l);
                bad |= naive(w, STX_N_NEG, v + 1, v, -1, 0, l);
                bad |= naive(w, STX_N_SETA, -1, v + 1, -1, 0, l);
                v += 2;
                break;
            case SSEM_STO:
                bad |= naive(w, STX_N_GETA, v, -1, -1, 0, l);
                bad |= naive(w, STX_N_ST, -1, v, -1, (int32_t)s, l);
                v++;
                break;
            case SSEM_SUB:
            case SSEM_SUB5:
                bad |= naive(w, STX_N_GETA, v, -1, -1, 0, l);
                bad |= naive(w, STX_N_LD, v + 1, -1, -1, (int32_t)s, l);
                bad |= naive(w, STX_N_SUB, v + 2, v, v + 1, 0, l);
                bad |= naive(w, STX_N_SETA, -1, v + 2, -1, 0, l);
                v += 3;
                break;
            case SSEM_CMP:
                bad |= naive(w, STX_N_GETA, v, -1, -1, 0, l);
                bad |= naive(w, STX_N_CMP, -1, v, -1, 0, l);
                v++;
                break;
            default:
                bad |= naive(w, STX_N_STP, -1, -1, -1, 0, l);
                break;
            }
        }
        if (bad)
            return STX_E_SPACE;
        k->nn = w->nnaive - k->n0;
    }
    return STX_OK;
}

/* ------------------------------------------------------------------ optimizer */

/* a value as a linear form over the block's inputs: c + sum k[i] * input i (mod 2^32);
 * input 0 = A (TR1) at block entry, input 1 + i = cached line i (TR4 + i) at block entry */
#define NIN (1 + STX_NCACHE)
typedef struct { uint32_t c; uint32_t k[NIN]; } lin;

static lin lin_const(uint32_t c)
{
    lin f;
    f.c = c;
    for (int i = 0; i < NIN; i++)
        f.k[i] = 0;
    return f;
}
static lin lin_input(int i)
{
    lin f = lin_const(0);
    f.k[i] = 1;
    return f;
}
static lin lin_sub(lin a, lin b)
{
    a.c -= b.c;
    for (int i = 0; i < NIN; i++)
        a.k[i] -= b.k[i];
    return a;
}
static bool lin_eq(const lin *a, const lin *b)
{
    if (a->c != b->c)
        return false;
    for (int i = 0; i < NIN; i++)
        if (a->k[i] != b->k[i])
            return false;
    return true;
}
static bool lin_isconst(const lin *f)
{
    for (int i = 0; i < NIN; i++)
        if (f->k[i])
            return false;
    return true;
}
/* f == lin_input(i): the input unchanged */
static bool lin_is_input(const lin *f, int i)
{
    if (f->c)
        return false;
    for (int j = 0; j < NIN; j++)
        if (f->k[j] != (j == i ? 1u : 0u))
            return false;
    return true;
}
static int in_tr(int i) { return i == 0 ? STX_TR_A : STX_TR_CACHE0 + i - 1; }
static bool fits12(uint32_t v) { return (int32_t)v >= -2048 && (int32_t)v <= 2047; }

enum { L_PRE, L_FIN, L_POST };

static int emit(stx_work *w, int list, int k, int d, int a, int b, uint32_t imm, int tgt,
                unsigned line)
{
    stx_op *o;
    if (list == L_PRE) {
        /* straight into w->ops, where the block begins (flush_block): nothing else is made
         * there while a block is */
        if (w->nops + w->npre >= STX_MAX_OPS - 1) return -1;
        o = &w->ops[w->nops + w->npre++];
    } else if (list == L_FIN) {
        if (w->nfin >= (int)(sizeof w->fin / sizeof w->fin[0])) return -1;
        o = &w->fin[w->nfin++];
    } else {
        if (w->npost >= (int)(sizeof w->post / sizeof w->post[0])) return -1;
        o = &w->post[w->npost++];
    }
    o->k = (int8_t)k;
    o->d = (int16_t)d;
    o->a = (int16_t)a;
    o->b = (int16_t)b;
    o->imm = (int32_t)imm;
    o->tgt = (int8_t)tgt;
    o->line = (uint8_t)line;
    o->bun = o->slot = 0;
    return 0;
}

typedef struct { stx_work *w; int err; unsigned line; } octx;

static int newv(octx *c) { return c->w->nvreg++; }

/* an operation writing dst: into the final list when dst is a guest-state TR */
static void put(octx *c, int k, int dst, int a, int b, uint32_t imm)
{
    int list = (dst >= STX_TR_A && dst < STX_TR_SCRATCH0) ? L_FIN : L_PRE;
    c->err |= emit(c->w, list, k, dst, a, b, imm, -1, c->line);
}

/* a constant into dst (dst < 0: any register; 0 stays in x0) */
static int mat_const(octx *c, uint32_t v, int dst)
{
    if (dst < 0 && v == 0)
        return 0;
    if (dst < 0)
        dst = newv(c);
    if (fits12(v)) {
        put(c, NM_ADDI, dst, 0, -1, v);
    } else {
        uint32_t hi = (v + 0x800u) & 0xfffff000u, lo = v - hi;
        if (!lo) {
            put(c, NM_LUI, dst, -1, -1, hi);
        } else {
            int t = newv(c);
            put(c, NM_LUI, t, -1, -1, hi);
            put(c, NM_ADDI, dst, t, -1, lo);
        }
    }
    return dst;
}

/* a term k * x into a register */
static int mat_term(octx *c, uint32_t k, int x, int dst)
{
    int t;
    if (k == 1u)
        return x;
    if (dst < 0)
        dst = newv(c);
    if (k == 0xffffffffu) {
        put(c, NM_SUB, dst, 0, x, 0);
        return dst;
    }
    t = mat_const(c, k, -1);
    put(c, NM_MUL, dst, x, t, 0);
    return dst;
}

/* the value f into dst (dst < 0: any register, perhaps an input TR or x0) */
static int mat(octx *c, const lin *f, int dst)
{
    int idx[NIN], n = 0, acc;
    for (int i = 0; i < NIN; i++)
        if (f->k[i])
            idx[n++] = i;
    if (n == 0)
        return mat_const(c, f->c, dst);
    if (n == 1) {
        int x = in_tr(idx[0]);
        uint32_t k = f->k[idx[0]];
        if (k == 1u) {
            if (f->c == 0) {
                if (dst < 0 || dst == x)
                    return x;
                put(c, NM_ADDI, dst, x, -1, 0);
                return dst;
            }
            if (dst < 0) dst = newv(c);
            if (fits12(f->c)) {
                put(c, NM_ADDI, dst, x, -1, f->c);
            } else {
                int t = mat_const(c, f->c, -1);
                put(c, NM_ADD, dst, x, t, 0);
            }
            return dst;
        }
        if (k == 0xffffffffu) {
            if (dst < 0) dst = newv(c);
            if (f->c == 0) {
                put(c, NM_SUB, dst, 0, x, 0);
            } else if (f->c == 0xffffffffu) {
                put(c, NM_XORI, dst, x, -1, 0xffffffffu);   /* -x - 1 = ~x */
            } else {
                int t = mat_const(c, f->c, -1);
                put(c, NM_SUB, dst, t, x, 0);
            }
            return dst;
        }
    }
    if (n == 2 && f->c == 0) {
        int x = in_tr(idx[0]), y = in_tr(idx[1]);
        uint32_t kx = f->k[idx[0]], ky = f->k[idx[1]];
        if (dst < 0) dst = newv(c);
        if (kx == 1u && ky == 0xffffffffu) { put(c, NM_SUB, dst, x, y, 0); return dst; }
        if (ky == 1u && kx == 0xffffffffu) { put(c, NM_SUB, dst, y, x, 0); return dst; }
        if (kx == 1u && ky == 1u) { put(c, NM_ADD, dst, x, y, 0); return dst; }
    }
    /* general: a chain of terms, then the constant */
    acc = -1;
    for (int j = 0; j < n; j++) {
        int x = in_tr(idx[j]);
        uint32_t k = f->k[idx[j]];
        bool last = j == n - 1 && f->c == 0;
        int d = last ? (dst < 0 ? newv(c) : dst) : newv(c);
        if (acc < 0) {
            if (k == 1u) {
                acc = x;
                if (last) { put(c, NM_ADDI, d, x, -1, 0); acc = d; }
                continue;
            }
            acc = mat_term(c, k, x, d);
        } else if (k == 1u) {
            put(c, NM_ADD, d, acc, x, 0);
            acc = d;
        } else if (k == 0xffffffffu) {
            put(c, NM_SUB, d, acc, x, 0);
            acc = d;
        } else {
            int t = mat_term(c, k, x, -1);
            put(c, NM_ADD, d, acc, t, 0);
            acc = d;
        }
    }
    if (f->c) {
        int d = dst < 0 ? newv(c) : dst;
        if (fits12(f->c)) {
            put(c, NM_ADDI, d, acc, -1, f->c);
        } else {
            int t = mat_const(c, f->c, -1);
            put(c, NM_ADD, d, acc, t, 0);
        }
        acc = d;
    }
    return acc;
}

/* TR2 fix: kind 0 none, 1 TR2 += v, 2 TR2 = v */
static void emit_fix(octx *c, int kind, uint32_t v)
{
    if (kind == 1) {
        if (fits12(v)) {
            put(c, NM_ADDI, STX_TR_CI, STX_TR_CI, -1, v);
        } else {
            int t = mat_const(c, v, -1);
            put(c, NM_ADD, STX_TR_CI, STX_TR_CI, t, 0);
        }
    } else if (kind == 2) {
        mat_const(c, v, STX_TR_CI);
    }
}

static int new_block(stx_work *w, int kind)
{
    if (w->nblocks >= STX_MAX_BLOCKS)
        return -1;
    block_init(&w->blk[w->nblocks], kind);
    return w->nblocks++;
}

/* an exit stub made before with the same work (code: an exit code, or any leaving exit when
 * STX_EXIT_FIRST), or -1: exits that do the same share one stub (docs/translator.md) */
static int same_stub(const stx_work *w, int code, unsigned line, bool isconst, uint32_t val,
                     bool nowb, int32_t bsub)
{
    for (int i = 0; i < w->nstubs; i++) {
        int b = w->stubs[i];
        const stx_block *k = &w->blk[b];
        if (k->exit_line == line && k->ci_val == val &&
            k->bsub == bsub && (k->ci_const != 0) == isconst && (k->nowb != 0) == nowb &&
            (code >= STX_EXIT_FIRST ? k->exit_code >= STX_EXIT_FIRST : k->exit_code == code))
            return b;
    }
    return -1;
}

/* an exit stub: TR2 fixed (ci_const: = val, else += skew), cached lines written back, commit,
 * EXIT code; an identical one is shared */
static STX_INLINE int new_stub(stx_work *w, int code, unsigned line, bool isconst, uint32_t val, bool nowb,
                    int32_t bsub)
{
    int b = same_stub(w, code, line, isconst, val, nowb, bsub);
    if (b >= 0)
        return b;
    b = new_block(w, STX_BK_STUB);
    if (b < 0)
        return -1;
    w->stubs[w->nstubs++] = (int16_t)b;
    w->blk[b].exit_code = (int16_t)code;
    w->blk[b].exit_line = (uint8_t)line;
    w->blk[b].ci_const = isconst;
    w->blk[b].ci_val = val;
    w->blk[b].skew = isconst ? 0 : (int32_t)val;
    w->blk[b].nowb = nowb;
    w->blk[b].bsub = bsub;
    return b;
}

static int leave_stub(stx_work *w, unsigned line, bool isconst, uint32_t val, int32_t bsub)
{
    int code, b = same_stub(w, STX_EXIT_FIRST, line, isconst, val, false, bsub);
    if (b >= 0)
        return b;
    if (w->meta.nexits >= STX_MAX_EXITS)
        return -1;
    code = STX_EXIT_FIRST + (int)w->meta.nexits;
    w->meta.exit[w->meta.nexits].code = (uint16_t)code;
    w->meta.exit[w->meta.nexits].kind = STX_EXIT_FIRST;
    w->meta.exit[w->meta.nexits].line = (uint8_t)line;
    w->meta.nexits++;
    return new_stub(w, code, line, isconst, val, false, bsub);
}

/* the TR2 fix an edge with CI (isconst ? val : TR2 + val) into body block t needs */
static void edge_fix(stx_work *w, int t, bool isconst, uint32_t val, int *kind, uint32_t *v)
{
    stx_block *k = &w->blk[t];
    if (!k->placed) {          /* 'placed' = skew assigned (during the optimizer) */
        k->placed = true;
        k->skew = isconst ? 0 : (int32_t)val;
    }
    if (isconst) {
        *kind = 2;
        *v = val - (uint32_t)k->skew;
    } else {
        *v = val - (uint32_t)k->skew;
        *kind = *v ? 1 : 0;
    }
}

/* the budget on an edge that has used u of it since the block's representation (remaining =
 * TR3 - u) into body block t: *d to subtract from TR3 for t's (remaining = TR3 - bskew) */
static int32_t budget_fix(stx_work *w, int t, int32_t u)
{
    stx_block *k = &w->blk[t];
    if (!k->bplaced) {
        k->bplaced = true;
        k->bskew = u;
    }
    return u - k->bskew;
}

static void emit_bfix(octx *c, int32_t d)
{
    if (d)
        put(c, NM_ADDI, STX_TR_BUDGET, STX_TR_BUDGET, -1, (uint32_t)-d);
}

/* pre, then the finals ordered so that a TR is written only after every final reading its
 * entry value (a cycle goes through a scratch register), then post -> w->ops */
static STX_INLINE int flush_block(stx_work *w, stx_block *k, octx *c)
{
    bool done[16];
    int left = w->nfin;
    for (int i = 0; i < w->nfin; i++)
        done[i] = false;
    k->o0 = w->nops;
    w->nops += w->npre;                /* the pre operations are there already (emit) */
    while (left) {
        int pick = -1;
        for (int i = 0; i < w->nfin && pick < 0; i++) {
            bool ok = !done[i];
            for (int j = 0; j < w->nfin && ok; j++)
                if (j != i && !done[j] && (w->fin[j].a == w->fin[i].d || w->fin[j].b == w->fin[i].d))
                    ok = false;
            if (ok)
                pick = i;
        }
        if (pick < 0) {           /* a cycle: the first one goes through a scratch register */
            for (int i = 0; i < w->nfin && pick < 0; i++)     /* one that reads a final's TR */
                for (int j = 0; j < w->nfin; j++)
                    if (!done[i] && !done[j] && j != i &&
                        (w->fin[i].a == w->fin[j].d || w->fin[i].b == w->fin[j].d)) {
                        pick = i;
                        break;
                    }
            if (pick < 0)
                return -1;
            {
                stx_op o = w->fin[pick];
                int v = newv(c);
                o.d = (int16_t)v;
                if (w->nops >= STX_MAX_OPS - 1) return -1;
                /* the scratch copy reads entry values: it goes before every final */
                for (int j = w->nops; j > k->o0 + w->npre; j--)
                    w->ops[j] = w->ops[j - 1];
                w->ops[k->o0 + w->npre] = o;
                w->nops++;
                w->fin[pick].k = NM_ADDI;
                w->fin[pick].a = (int16_t)v;
                w->fin[pick].b = -1;
                w->fin[pick].imm = 0;
                continue;          /* fin[pick] now reads only v */
            }
        }
        if (w->nops >= STX_MAX_OPS - 1) return -1;
        w->ops[w->nops++] = w->fin[pick];
        done[pick] = true;
        left--;
    }
    if (w->nops + w->npost > STX_MAX_OPS - 1) return -1;
    {
        stx_op *dst = &w->ops[w->nops];
        for (const stx_op *o = w->post, *e = o + w->npost; o < e; o++)
            *dst++ = *o;
        /* one spare operation: a J the layout may need */
        dst->k = 0;
        dst->d = dst->a = dst->b = -1;
        dst->tgt = -1;
        dst->imm = 0;
        dst->line = 0xff;
        w->nops += w->npost + 1;
    }
    k->no = w->nops - k->o0;
    w->npre = w->nfin = w->npost = 0;
    /* the block's virtual registers: those made since the block before it was flushed */
    k->vbase = w->vmark;
    k->nv = w->nvreg - w->vmark;
    w->vmark = w->nvreg;
    return 0;
}

/* a body block, straight from its guest lines (the naive IR, stx_build_ir, is their text
 * form: LD, GETA, NEG, SUB, SETA, ST, CMP, JMP/JRP, STP do here what they say there). cix[L]:
 * the cache index of line L, -1 when L is not cached. */
static int body_block(stx_work *w, int b, const int8_t *cix)
{
    stx_block *k = &w->blk[b];
    stx_meta *m = &w->meta;
    lin A = lin_input(0), mem[STX_NCACHE];
    bool ci_const = false;
    uint32_t ci = (uint32_t)k->skew;     /* CI = TR2 + ci, or ci when ci_const */
    lin cond = lin_const(0);
    int32_t u;
    octx c;
    c.w = w;
    c.err = 0;
    c.line = 0xffu;
    w->npre = w->nfin = w->npost = 0;
    for (int i = 0; i < STX_NCACHE; i++)
        mem[i] = lin_input(1 + i);
    for (unsigned j = 0; j < k->nlines; j++) {
        unsigned l = k->lines[j];
        uint32_t pi = (uint32_t)w->store[l], s = STX_S(pi), op = STX_OP(pi);
        int ix = cix[s];
        lin v;                           /* ld mS */
        ci += 1u;
        c.line = l;
        if (op == SSEM_STO) {
            mem[ix] = A;
            continue;
        }
        if (op == SSEM_CMP) {
            cond = A;
            continue;
        }
        if (op == SSEM_STP)
            continue;
        if (ix >= 0)
            v = mem[ix];
        else
            v = lin_const((uint32_t)w->store[s]);
        if (op == SSEM_LDN) {
            A = lin_sub(lin_const(0), v);
        } else if (op == SSEM_SUB || op == SSEM_SUB5) {
            A = lin_sub(A, v);
        } else {                         /* JMP, JRP */
            uint32_t spec = (uint32_t)w->store[s];
            if (!lin_isconst(&v) || v.c != spec) {
                /* speculate the value the line holds now; ASSERT it */
                int r = lin_isconst(&v) ? -2 : mat(&c, &v, -1);
                int t = mat_const(&c, spec, -1);
                if (r == -2)          /* a known constant that is not the value: always fails */
                    c.err |= emit(w, L_PRE, NM_ASSERT, -1, 0, 0, CMS_F3_BNE, -1, l);
                else
                    c.err |= emit(w, L_PRE, NM_ASSERT, -1, r, t, CMS_F3_BEQ, -1, l);
            }
            if (op == SSEM_JMP) {
                ci_const = true;
                ci = spec;
            } else {
                ci += spec;
            }
        }
    }
    /* the budget flag of the back edge of the only successor block, one block ahead:
     * remaining after it = N - n - n_succ >= maxlen of its target */
    if (k->hoist >= 0) {
        const stx_block *h = &w->blk[k->hoist];
        c.err |= emit(w, L_PRE, NM_SLTI, STX_TR_FLAG, STX_TR_BUDGET, -1,
                      (uint32_t)(k->nlines + h->nlines + w->blk[h->succ[0]].maxlen + k->bskew),
                      -1, 0xff);
    }
    /* the guest state at the end: A, the cached lines, the budget */
    c.line = 0xffu;
    {
        if (!lin_is_input(&A, 0))
            mat(&c, &A, STX_TR_A);
    }
    for (unsigned i = 0; i < m->ncached; i++) {
        if (!lin_is_input(&mem[i], 1 + (int)i))
            mat(&c, &mem[i], STX_TR_CACHE0 + (int)i);
    }
    u = k->bskew + k->nlines;        /* remaining budget at the end = TR3 - u */

    if (k->term == STX_T_STP) {
        int s = new_stub(w, STX_EXIT_STP, k->lines[k->nlines - 1], ci_const, ci, false, u);
        if (s < 0) return -1;
        k->fall = (int16_t)s;
        w->blk[s].after = -1;
        k->after = (int16_t)s;
    } else {
        int nedge = 1, taken = -1;
        if (k->term == STX_T_CMP) {
            if (lin_isconst(&cond)) {
                taken = (cond.c & 0x80000000u) ? 1 : 0;   /* decided statically */
            } else {
                nedge = 2;
            }
        } else {
            taken = 0;
        }
        if (nedge == 1) {
            int t = k->succ[taken];
            uint32_t eci = ci + (uint32_t)taken;
            if (t < 0) {
                int s = leave_stub(w, (unsigned)(-1 - t), ci_const, eci, u);
                if (s < 0) return -1;
                k->fall = (int16_t)s;
            } else {
                int kind;
                uint32_t v;
                edge_fix(w, t, ci_const, eci, &kind, &v);
                emit_fix(&c, kind, v);
                emit_bfix(&c, budget_fix(w, t, u));
                if (k->back[taken]) {
                    int f = STX_TR_FLAG, s;
                    if (!k->flag15 || taken != 0) {
                        f = newv(&c);
                        c.err |= emit(w, L_PRE, NM_SLTI, f, STX_TR_BUDGET, -1,
                                      (uint32_t)(u + w->blk[t].maxlen), -1, 0xff);
                    }
                    c.err |= emit(w, L_POST, NM_BR, -1, f, 0, CMS_F3_BEQ, t, 0xff);
                    s = new_stub(w, STX_EXIT_BUDGET, w->blk[t].lines[0], false,
                                 (uint32_t)w->blk[t].skew, false, w->blk[t].bskew);
                    if (s < 0) return -1;
                    k->fall = (int16_t)s;
                    k->after = (int16_t)s;
                } else {
                    k->fall = (int16_t)t;
                }
            }
        } else {
            /* CMP: blt cond, x0 -> skip edge; fall edge */
            int r, et[2];
            if (lin_eq(&cond, &A) && !lin_is_input(&A, 0)) {
                r = STX_TR_A;                     /* the new A, written by a final */
            } else {
                r = mat(&c, &cond, -1);
                if (r > 0 && r < STX_TR_SCRATCH0) {   /* an entry value a final may overwrite */
                    int v = newv(&c);
                    put(&c, NM_ADDI, v, r, -1, 0);
                    r = v;
                }
            }
            for (int e = 0; e < 2; e++) {
                int t = k->succ[e];
                uint32_t eci = ci + (uint32_t)e;
                if (t < 0) {
                    et[e] = leave_stub(w, (unsigned)(-1 - t), ci_const, eci, u);
                } else {
                    int kind;
                    uint32_t v;
                    int32_t d;
                    edge_fix(w, t, ci_const, eci, &kind, &v);
                    d = budget_fix(w, t, u);
                    if (kind == 0 && d == 0 && !k->back[e]) {
                        et[e] = t;
                    } else {
                        et[e] = new_block(w, STX_BK_EDGE);
                        if (et[e] >= 0) {
                            stx_block *eb = &w->blk[et[e]];
                            eb->ci_const = kind == 2;
                            eb->ci_val = v;
                            eb->skew = kind == 1 ? (int32_t)v : 0;
                            eb->exit_line = (uint8_t)(kind ? 1 : 0);   /* has a fix */
                            eb->check_tgt = (int16_t)(k->back[e] ? t : -1);
                            eb->bsub = d;
                            eb->bpre = u;
                            eb->fall = (int16_t)t;
                        }
                    }
                }
                if (et[e] < 0) return -1;
                k->etgt[e] = (int16_t)et[e];
            }
            c.err |= emit(w, L_POST, NM_BR, -1, r, 0, CMS_F3_BLT, et[1], 0xff);
            k->fall = (int16_t)et[0];
        }
    }
    if (c.err)
        return -1;
    return flush_block(w, k, &c);
}

static int edge_block(stx_work *w, int b)
{
    stx_block *k = &w->blk[b];
    octx c;
    c.w = w;
    c.err = 0;
    c.line = 0xffu;
    w->npre = w->nfin = w->npost = 0;
    if (k->exit_line)
        emit_fix(&c, k->ci_const ? 2 : 1, k->ci_const ? k->ci_val : (uint32_t)k->skew);
    k->exit_line = 0;
    emit_bfix(&c, k->bsub);
    if (k->check_tgt >= 0) {
        int t = k->check_tgt, f = newv(&c), s;
        c.err |= emit(w, L_PRE, NM_SLTI, f, STX_TR_BUDGET, -1,
                      (uint32_t)(w->blk[t].maxlen + k->bpre), -1, 0xff);
        c.err |= emit(w, L_POST, NM_BR, -1, f, 0, CMS_F3_BEQ, t, 0xff);
        s = new_stub(w, STX_EXIT_BUDGET, w->blk[t].lines[0], false, (uint32_t)w->blk[t].skew,
                     false, w->blk[t].bskew);
        if (s < 0) return -1;
        k = &w->blk[b];
        k->fall = (int16_t)s;
        k->after = (int16_t)s;
    }
    if (c.err)
        return -1;
    return flush_block(w, k, &c);
}

/* the schedule the list scheduler (ssem_sched.c) gives a block of this shape, in program
 * order: nf ALU operations F (no dependences among them or on the rest but through the last
 * two), c memory operations M (each a bundle after the one before), then, when hasC, COMMIT,
 * and last a B operation E (EXIT, or a branch on an F result). Their heights: M i of c is
 * c - i (counting from 0); the F, the last M and COMMIT 1; E 0 (1 without COMMIT when it reads
 * an F: not a shape made here). So each bundle takes the next M but the last, then the F
 * while there is room, then the last M (a bundle after the one before), then COMMIT once
 * everything else is placed, and E a bundle after it (without COMMIT: in the same bundle).
 * Slots: M 0, COMMIT and E S - 1, the F the first free ones. Sets o[].bun and o[].slot and
 * returns the bundle count; the host build checks every block made so against the list
 * scheduler (stx_schedule). */
static STX_INLINE int sched_shape(stx_op *o, int nf, int c, bool hasC, int S)
{
    int f = 0, i = 0;
    for (int t = 0;; t++) {
        int room = S, used = 0, m = -1, f0 = f;
        if (i + 1 < c) {
            m = i++;
            room--;
        }
        while (f < nf && room > 0) {
            f++;
            room--;
        }
        if (m < 0 && i + 1 == c && room > 0) {
            m = i++;
            room--;
        }
        if (m >= 0) {
            o[nf + m].bun = (uint8_t)t;
            o[nf + m].slot = 0;
            used = 1;
        }
        for (int j = f0; j < f; j++) {
            int sl = 0;
            while (sl < S - 1 && (used >> sl & 1))
                sl++;
            used |= 1 << sl;
            o[j].bun = (uint8_t)t;
            o[j].slot = (uint8_t)sl;
        }
        if (f == nf && i == c && room > 0) {
            o[nf + c].bun = (uint8_t)t;
            o[nf + c].slot = (uint8_t)(S - 1);
            if (!hasC)
                return t + 1;
            o[nf + c + 1].bun = (uint8_t)(t + 1);
            o[nf + c + 1].slot = (uint8_t)(S - 1);
            return t + 2;
        }
    }
}

/* an operation straight into w->ops (the schedule set later) */
static inline void put_op(stx_op *o, int k, int d, int a, int b, uint32_t imm)
{
    o->k = (int8_t)k;
    o->d = (int16_t)d;
    o->a = (int16_t)a;
    o->b = (int16_t)b;
    o->imm = (int32_t)imm;
    o->tgt = -1;
    o->line = 0xff;
}

/* an exit stub whose TR2 and TR3 fixes are one ADDI each (nearly all), made and scheduled at
 * once (sched_shape): its operations go straight into w->ops and the scheduler leaves it as
 * it is (k->presched). The operations: the fixes, a SW per cached line, COMMIT, EXIT (without
 * write-back, nowb: no SW and no COMMIT). Returns 1 when done, 0 when the stub needs the
 * general path, -1 when out of space. */
static int stub_direct(stx_work *w, stx_block *k)
{
    const stx_meta *m = &w->meta;
    int nf = 0, c = k->nowb ? 0 : (int)m->ncached, n;
    stx_op *o;
    uint32_t v = k->ci_const ? k->ci_val : (uint32_t)k->skew;
    if ((k->ci_const || k->skew) && !fits12(v))
        return 0;
    n = 2 + c + (k->ci_const || k->skew) + (k->bsub != 0) - k->nowb;
    if (w->nops + n > STX_MAX_OPS)
        return -1;
    k->o0 = w->nops;
    o = &w->ops[w->nops];
    if (k->ci_const || k->skew)
        put_op(&o[nf++], NM_ADDI, STX_TR_CI, k->ci_const ? 0 : STX_TR_CI, -1, v);
    if (k->bsub)
        put_op(&o[nf++], NM_ADDI, STX_TR_BUDGET, STX_TR_BUDGET, -1, (uint32_t)-k->bsub);
    for (int i = 0; i < c; i++)
        put_op(&o[nf + i], NM_SW, -1, 0, STX_TR_CACHE0 + i, 4u * m->cached_line[i]);
    if (!k->nowb)
        put_op(&o[nf + c], NM_COMMIT, -1, -1, -1, 0);
    put_op(&o[n - 1], NM_EXIT, -1, -1, -1, (uint32_t)k->exit_code);
    w->nops += n;
    k->no = n;
    k->nb = sched_shape(o, nf, c, !k->nowb, (int)w->slots);
    k->presched = 1;
    return 1;
}

static int stub_block(stx_work *w, int b)
{
    stx_block *k = &w->blk[b];
    const stx_meta *m = &w->meta;
    octx c;
    int r = stub_direct(w, k);
    if (r)
        return r < 0 ? -1 : 0;
    c.w = w;
    c.err = 0;
    c.line = 0xffu;
    w->npre = w->nfin = w->npost = 0;
    if (k->ci_const)
        emit_fix(&c, 2, k->ci_val);
    else if (k->skew)
        emit_fix(&c, 1, (uint32_t)k->skew);
    emit_bfix(&c, k->bsub);
    if (!k->nowb) {
        for (unsigned i = 0; i < m->ncached; i++)
            c.err |= emit(w, L_POST, NM_SW, -1, 0, STX_TR_CACHE0 + (int)i,
                          4u * m->cached_line[i], -1, 0xff);
        c.err |= emit(w, L_POST, NM_COMMIT, -1, -1, -1, 0, -1, 0xff);
    }
    c.err |= emit(w, L_POST, NM_EXIT, -1, -1, -1, (uint32_t)k->exit_code, -1, 0xff);
    if (c.err)
        return -1;
    return flush_block(w, k, &c);
}

/* the prologue: the budget flag (TR8), an LW per cached line, COMMIT, then the branch to the
 * entry-check stub stub0 when the budget is short. The check branches only after the commit:
 * stub0 may be laid out anywhere after wb_from, and an abort there (an interrupt at its EXIT)
 * must roll back to this translation's own commit, whose cached TRs equal memory, never to an
 * older commit whose TR4.. hold other values (another translation's lines, or lines the
 * interpreter has written since) that the firmware would then write back. Made and scheduled
 * at once (sched_shape); the flag is in TR8, the register the allocator would give the
 * block's only value; the entry block is laid out next (stx_optimize's layout), so no J. */
static int prologue_block(stx_work *w, int b, int entry, int stub0)
{
    stx_block *k = &w->blk[b];
    const stx_meta *m = &w->meta;
    const int c0 = (int)m->ncached;
    stx_op *o = &w->ops[w->nops];
    if (w->nops + 3 + c0 > STX_MAX_OPS)
        return -1;
    k->o0 = w->nops;
    put_op(&o[0], NM_SLTI, STX_TR_SCRATCH0, STX_TR_BUDGET, -1, (uint32_t)w->blk[entry].maxlen);
    for (int i = 0; i < c0; i++)
        put_op(&o[1 + i], NM_LW, STX_TR_CACHE0 + i, 0, -1, 4u * m->cached_line[i]);
    put_op(&o[1 + c0], NM_COMMIT, -1, -1, -1, 0);
    put_op(&o[2 + c0], NM_BR, -1, STX_TR_SCRATCH0, 0, CMS_F3_BNE);
    o[2 + c0].tgt = (int8_t)stub0;
    k->no = 3 + c0;
    w->nops += k->no;
    k->nb = sched_shape(o, 1, c0, true, (int)w->slots);
    k->presched = 1;
    k->fall = (int16_t)entry;
    return 0;
}

static void invert(stx_op *o)
{
    switch (o->imm) {
    case CMS_F3_BLT: o->imm = CMS_F3_BGE; break;
    case CMS_F3_BGE: o->imm = CMS_F3_BLT; break;
    case CMS_F3_BMI: o->imm = CMS_F3_BPL; break;
    case CMS_F3_BPL: o->imm = CMS_F3_BMI; break;
    case CMS_F3_BEQ: o->imm = CMS_F3_BNE; break;
    default: o->imm = CMS_F3_BEQ; break;
    }
}

stx_err stx_optimize(stx_work *w)
{
    int entry = w->block_of[w->entry], pro, stub0, nbody = w->norder, lay[STX_MAX_BLOCKS], nlay = 0;
    w->nops = 0;
    w->nstubs = 0;
    w->nvreg = w->vmark = STX_NVREG0;
    for (int b = 0; b < w->nblocks; b++)
        w->blk[b].placed = w->blk[b].bplaced = false;
    w->blk[entry].placed = w->blk[entry].bplaced = true;
    w->blk[entry].skew = w->blk[entry].bskew = 0;
    /* a block whose only work is a loop's back edge (after a single predecessor) gets its
     * budget flag from that predecessor, in TR15: one bundle instead of two */
    {
        int npred[STX_MAX_BLOCKS], pred[STX_MAX_BLOCKS];
        for (int b = 0; b < w->nblocks; b++)
            npred[b] = 0, pred[b] = -1;
        if (entry >= 0 && entry < w->nblocks)
            npred[entry]++;
        for (int b = 0; b < w->nblocks; b++) {
            const stx_block *k = &w->blk[b];
            int ne = k->term == STX_T_STP ? 0 : k->term == STX_T_CMP ? 2 : 1;
            for (int e = 0; e < ne; e++)
                if (k->succ[e] >= 0) {
                    npred[k->succ[e]]++;
                    pred[k->succ[e]] = b;
                }
        }
        for (int b = 0; b < w->nblocks; b++) {
            stx_block *k = &w->blk[b];
            if (k->term == STX_T_GOTO && k->back[0] && k->succ[0] >= 0 && npred[b] == 1 &&
                pred[b] >= 0 && pred[b] != b && w->blk[pred[b]].hoist < 0) {
                w->blk[pred[b]].hoist = (int16_t)b;
                k->flag15 = true;
            }
        }
    }
    pro = new_block(w, STX_BK_PROLOGUE);
    stub0 = new_stub(w, STX_EXIT_BUDGET, w->entry, false, 0, true, 0);
    if (pro < 0 || stub0 < 0 || prologue_block(w, pro, entry, stub0) < 0)
        return STX_E_SPACE;
    {
        int8_t cix[STX_NLINES];
        for (unsigned l = 0; l < STX_NLINES; l++)
            cix[l] = -1;
        for (unsigned i = 0; i < w->meta.ncached; i++)
            cix[w->meta.cached_line[i]] = (int8_t)i;
        for (int i = 0; i < nbody; i++)
            if (body_block(w, w->order[i], cix) < 0)
                return STX_E_SPACE;
    }
    for (int b = 0; b < w->nblocks; b++) {
        if (w->blk[b].kind == STX_BK_EDGE && edge_block(w, b) < 0)
            return STX_E_SPACE;
    }
    for (int b = 0; b < w->nblocks; b++) {
        if (w->blk[b].kind == STX_BK_STUB && stub_block(w, b) < 0)
            return STX_E_SPACE;
    }
    /* layout: the prologue, then each block followed by the block it falls into when that one
     * is not laid out yet, else the next body block in reverse post order, else the rest */
    for (int b = 0; b < w->nblocks; b++)
        w->blk[b].placed = false;
    {
        int cur = pro, bi = 0, ri = 0;
        while (cur >= 0) {
            int nx = -1;
            stx_block *k = &w->blk[cur];
            k->placed = true;
            lay[nlay++] = cur;
            if (k->fall >= 0 && !w->blk[k->fall].placed) {
                nx = k->fall;
            } else if (k->no >= 2) {
                /* a CMP whose fall target is placed: branch to it, fall into the other */
                stx_op *br = &w->ops[k->o0 + k->no - 2];
                if (k->fall >= 0 && br->k == NM_BR && br->tgt >= 0 && !w->blk[br->tgt].placed &&
                    br->a != 0 && w->blk[cur].kind == STX_BK_BODY && k->after < 0) {
                    int t = br->tgt;
                    invert(br);
                    br->tgt = (int8_t)k->fall;
                    k->fall = (int16_t)t;
                    nx = t;
                }
            }
            while (nx < 0 && bi < nbody) {
                if (!w->blk[w->order[bi]].placed) nx = w->order[bi];
                bi++;
            }
            while (nx < 0 && ri < w->nblocks) {
                if (!w->blk[ri].placed) nx = ri;
                ri++;
            }
            cur = nx;
        }
    }
    for (int i = 0; i < nlay; i++) {
        stx_block *k = &w->blk[lay[i]];
        int next = i + 1 < nlay ? lay[i + 1] : -1;
        if (k->fall >= 0 && k->fall != next) {
            stx_op *j = &w->ops[k->o0 + k->no - 1];
            if (k->presched)          /* made without a spare operation for a J */
                return STX_E_INTERNAL;
            j->k = NM_J;
            j->tgt = (int8_t)k->fall;
        }
        w->order[i] = lay[i];
    }
    w->norder = nlay;
    return STX_OK;
}
