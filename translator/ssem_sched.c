/* ssem_sched.c -- the SSEM translator's back half: list scheduling of each block's
 * operations into bundles under the slot classes (docs/isa.md section 5), register allocation
 * of the virtual registers to TR8..TR15, encoding (nm_encode) and the link step (branch
 * offsets, exits, metadata). */
#include "ssem_txi.h"

#define MAXB_OPS 160

static bool is_barrier(int k) { return k == NM_BR || k == NM_J || k == NM_EXIT || k == NM_COMMIT; }

static nm_class cls_of(int k)
{
    nm_class c = nm_class_of((nm_opk)k);
    return c == NM_C_X ? NM_C_M : c;     /* both go to slot 0 only */
}

/* what the scheduler needs of one operation, gathered once per block, and its state */
typedef struct {
    int d, a, b;          /* d: the register written, 0 when none; a, b: read, -1 when none */
    int cls, bar;         /* cls_of; is_barrier */
    int h;                /* height: the longest latency path to the block's end */
    int bun, slot;        /* its bundle (-1 until placed) and slot */
    int npend;            /* earlier operations it depends on, not placed yet */
    int rdy;              /* the first bundle the placed ones allow */
    int idx;              /* index in w->ops */
} sop;

/* latency of the dependence of operation j on an earlier operation i: -1 none, 0 same bundle
 * or later, 1 a later bundle. RAW and WAW: 1; two B or two memory/multiply operations keep
 * their order a bundle apart; before a barrier, or WAR: 0. */
static inline int lat_of(const sop *i, const sop *j)
{
    int d = i->d;
    if (d && (j->a == d || j->b == d || j->d == d)) return 1;
    if (i->cls == j->cls && (i->cls == NM_C_B || i->cls == NM_C_M)) return 1;
    if (j->bar || (j->d && (i->a == j->d || i->b == j->d))) return 0;
    return -1;
}

/* the closing blt/bge o in the bundle of the SUB f that computes its operand: bmi/bpl of the
 * SUB's operands (the bundle reads them before the SUB writes) */
static STX_INLINE void to_bmi(stx_op *o, const stx_op *f)
{
    o->imm = o->imm == CMS_F3_BLT ? CMS_F3_BMI : CMS_F3_BPL;
    o->a = f->a;
    o->b = f->b;
}

/* the register for a value defined in bundle t and last read in bundle `last`: the first of
 * TR8..TR14 free by t (free_at[r]: the first bundle it is free from), then busy until `last`
 * (a value read only in its own bundle frees it from the next); -1 when none is free */
static STX_INLINE int take_reg(int *free_at, int t, int last)
{
    for (int r = STX_TR_SCRATCH0; r < STX_TR_FLAG; r++)
        if (free_at[r] <= t) {
            free_at[r] = last == t ? t + 1 : last;
            return r;
        }
    return -1;
}

/* schedule one block: ops[o0..o0+no) get bun (relative) and slot; returns the bundle count.
 * List scheduling by height: at each bundle t, the ready operation of the greatest height
 * (the first in program order among equals) is placed, again and again, then t + 1. An
 * operation is ready when every earlier operation it depends on is placed at most t - lat.
 * Each operation counts the dependences not placed, and each choice rescans the block: the
 * plain form of the algorithm, for any block. The firmware uses it only for blocks
 * sched_small does not take (more than 32 operations or 16 virtual registers); the host runs
 * it on every block as the reference sched_small must agree with. */
static STX_NOINLINE int sched_block(stx_work *w, stx_block *k, uint8_t *cls_tab, int *regerr,
                                    sop *op)
{
    int n, nbun = 0, S = (int)w->slots, cA, cM, cB, vregs = 0;
    const stx_op *src = &w->ops[k->o0], *send = src + k->no;
    sop *pn = op;                        /* a pointer, not op[n]: no multiply by sizeof(sop) */
    for (int i = k->o0; src < send; src++, i++) {
        int c, kk = src->k;
        if (kk == 0)
            continue;
        if (pn >= op + MAXB_OPS) return -1;
        if (kk > 0 && kk < NM_OPK_COUNT) {
            c = cls_tab[kk];              /* the class, and 16 for a barrier */
            if (c == 0xff)
                c = cls_tab[kk] = (uint8_t)(cls_of(kk) | (is_barrier(kk) ? 16 : 0));
        } else {
            c = (int)cls_of(kk) | (is_barrier(kk) ? 16 : 0);
        }
        pn->idx = i;
        pn->d = src->d > 0 ? src->d : 0;
        pn->a = src->a > 0 ? src->a : -1;      /* reads(o, r) needs r > 0: never matches */
        pn->b = src->b > 0 ? src->b : -1;
        vregs |= pn->d >= STX_NVREG0;
        pn->cls = c & 15;
        pn->bar = c >> 4;
        pn->h = 0;
        pn++;
    }
    n = (int)(pn - op);
    /* the co-designed branch (docs/isa.md: bmi, bpl): the block's closing `blt r, x0` (or
     * `bge`) where r is the result of a SUB of this block may share the SUB's bundle, testing
     * the sign of the same difference, since a bundle reads every operand before any write:
     * latency 0 instead of 1 from that SUB (fz: the SUB; brp: the branch) */
    sop *fz = NULL, *brp = NULL;
    if (n > 1) {
        const stx_op *o = &w->ops[op[n - 1].idx];
        if (o->k == NM_BR && (o->imm == CMS_F3_BLT || o->imm == CMS_F3_BGE) && o->b <= 0 && o->a > 0)
            for (sop *pj = &op[n - 2]; pj >= op; pj--)
                if (pj->d == op[n - 1].a) {
                    if (w->ops[pj->idx].k == NM_SUB) {
                        fz = pj;
                        brp = &op[n - 1];
                    }
                    break;
                }
    }
    /* counts of the dependences not placed (npend) and the first bundle the placed ones allow
     * (rdy), updated at each placement */
    sop *lo = op;                    /* the first operation not placed */
    for (sop *p = op; p < op + n; p++) {
        p->npend = p->rdy = 0;
        p->bun = -1;
    }
    /* heights (longest latency path to the end) for the priority; the dependences counted */
    for (int j = n - 1; j >= 0; j--) {
        sop *pj = &op[j];
        for (sop *ps = pj + 1; ps < op + n; ps++) {
            int l = ps == brp && pj == fz ? 0 : lat_of(pj, ps);
            if (l >= 0) {
                ps->npend++;
                if (ps->h + l > pj->h)
                    pj->h = ps->h + l;
            }
        }
    }
    for (int left = n, t = 0; left > 0; t++) {
        if (t >= MAXB_OPS * 2)
            return -1;
        cA = cM = cB = 0;
        while (cA + cM + cB < S) {
            sop *best = NULL;
            for (sop *p = lo; p < op + n; p++) {
                if (p->bun >= 0 || p->npend || p->rdy > t) continue;
                if (p->cls == NM_C_M && cM) continue;
                if (p->cls == NM_C_B && cB) continue;
                if (!best || p->h > best->h)
                    best = p;
            }
            if (!best)
                break;
            best->bun = t;
            while (lo < op + n && lo->bun >= 0)   /* the placed prefix is not scanned again */
                lo++;
            if (best->cls == NM_C_M) cM++;
            else if (best->cls == NM_C_B) cB++;
            else cA++;
            nbun = t + 1;
            left--;
            for (sop *ps = best + 1; ps < op + n; ps++) {
                int l = ps == brp && best == fz ? 0 : lat_of(best, ps);
                if (l >= 0) {
                    ps->npend--;
                    if (t + l > ps->rdy)
                        ps->rdy = t + l;
                }
            }
        }
    }
    /* the branch in its SUB's bundle becomes bmi/bpl of the SUB's operands (in a later bundle
     * it stays a blt/bge of the SUB's result, which it then sees) */
    if (fz && fz->bun == brp->bun) {
        to_bmi(&w->ops[brp->idx], &w->ops[fz->idx]);
        brp->a = fz->a;
        brp->b = fz->b;
    }
    /* slots: memory/multiply in slot 0, B in the last, ALU in the others (in program order) */
    {
        uint8_t used[MAXB_OPS * 2];        /* bit s: slot s of bundle t taken */
        for (int t = 0; t < nbun; t++)
            used[t] = 0;
        for (sop *p = op; p < op + n; p++) {
            if (p->cls == NM_C_M) { p->slot = 0; used[p->bun] |= 1u; }
            if (p->cls == NM_C_B) { p->slot = S - 1; used[p->bun] |= (uint8_t)(1u << (S - 1)); }
        }
        for (sop *p = op; p < op + n; p++) {
            stx_op *o = &w->ops[p->idx];
            if (p->cls != NM_C_M && p->cls != NM_C_B) {
                unsigned u = used[p->bun];
                int sl = 0;
                while (sl < S - 1 && (u >> sl & 1u))   /* one is free: tot < S */
                    sl++;
                p->slot = sl;
                used[p->bun] = (uint8_t)(u | 1u << sl);
            }
            o->bun = (uint8_t)p->bun;
            o->slot = (uint8_t)p->slot;
        }
    }
    /* virtual registers -> TR8..TR14 (TR15: the budget flag a block computes for the next):
     * in bundle then slot order, each value takes the first register free from the bundle
     * of its previous value's last use (operations read before they write) */
    if (vregs) {
        int free_at[STX_TR_FLAG], def[MAXB_OPS], nd = 0;
        for (int r = STX_TR_SCRATCH0; r < STX_TR_FLAG; r++)
            free_at[r] = -1;
        for (int j = 0; j < n; j++) {
            int key, q;
            if (op[j].d < STX_NVREG0)
                continue;
            key = op[j].bun * S + op[j].slot;
            for (q = nd; q > 0 && op[def[q - 1]].bun * S + op[def[q - 1]].slot > key; q--)
                def[q] = def[q - 1];
            def[q] = j;
            nd++;
        }
        for (int q = 0; q < nd; q++) {
            sop *p = &op[def[q]];
            int v = p->d, t = p->bun, last = t, r;
            for (const sop *u = op; u < op + n; u++)
                if ((u->a == v || u->b == v) && u->bun > last)
                    last = u->bun;
            r = take_reg(free_at, t, last);
            if (r < 0) {
                *regerr = 1;
                break;
            }
            p->d = r;
            w->ops[p->idx].d = (int16_t)r;
            for (sop *u = op; u < op + n; u++) {
                if (u->a == v) { u->a = r; w->ops[u->idx].a = (int16_t)r; }
                if (u->b == v) { u->b = r; w->ops[u->idx].b = (int16_t)r; }
            }
        }
    }
    return nbun;
}

/* sched_small: what sched_block does (the same bundles, slots and registers: the host build
 * checks every block against it), for a block of at most 32 operations whose virtual
 * registers are at most 16 consecutive ones (k->vbase..): nearly every block. Each
 * operation's registers are bit masks (TR r: bit r; virtual register k->vbase + i: bit
 * 16 + i), so a dependence is a few mask tests; the arrays are small and flat; an
 * operation's slot is found in one pass (M: 0, B: S - 1, ALU: its rank among the bundle's
 * ALU operations in program order, after slot 0 when the bundle has an M). Returns the
 * bundle count, or -2 when the block is not such a block. */
static inline uint32_t reg_bit(int r, int vbase)
{
    if (r <= 0)
        return 0;
    if (r < STX_NVREG0)
        return 1u << r;
    return 1u << (16 + r - vbase);
}

typedef struct {
    uint32_t R, W, p1, p0;    /* registers read, written (reg_bit); dependences (sched_block) */
    uint8_t cl, H, bun, pad;  /* class | 16 for a barrier; height; bundle */
    int idx;                  /* index in w->ops */
} smop;

static STX_NOINLINE int sched_small(stx_work *w, stx_block *k, uint8_t *cls_tab, int *regerr)
{
    const int S = (int)w->slots, vb = k->vbase;
    smop op[32];
    smop *ord[32], *fz = NULL, *brp = NULL, *pn = op, *end;
    int nbun = 0;
    const stx_op *src = &w->ops[k->o0], *send = src + k->no;
    if (k->nv > 16)
        return -2;
    for (int i = k->o0; src < send; src++, i++) {
        int kk = src->k;
        if (kk == 0)
            continue;
        if (pn >= op + 32 || kk < 0 || kk >= NM_OPK_COUNT)
            return -2;
        if (cls_tab[kk] == 0xff)
            cls_tab[kk] = (uint8_t)(cls_of(kk) | (is_barrier(kk) ? 16 : 0));
        if ((src->d >= STX_NVREG0 && (unsigned)(src->d - vb) >= 16u) ||
            (src->a >= STX_NVREG0 && (unsigned)(src->a - vb) >= 16u) ||
            (src->b >= STX_NVREG0 && (unsigned)(src->b - vb) >= 16u))
            return -2;
        pn->idx = i;
        pn->cl = cls_tab[kk];
        pn->W = reg_bit(src->d, vb);
        pn->R = reg_bit(src->a, vb) | reg_bit(src->b, vb);
        pn->p1 = pn->p0 = 0;
        pn++;
    }
    end = pn;
    if (end == op)
        return 0;
    /* bmi/bpl (sched_block): the closing blt/bge of a SUB's result may share its bundle */
    {
        const stx_op *o = &w->ops[end[-1].idx];
        if (end - op > 1 && o->k == NM_BR && (o->imm == CMS_F3_BLT || o->imm == CMS_F3_BGE) &&
            o->b <= 0 && o->a > 0) {
            uint32_t ra = reg_bit(o->a, vb);
            for (smop *pj = end - 2; pj >= op; pj--)
                if (pj->W == ra) {
                    if (w->ops[pj->idx].k == NM_SUB) {
                        fz = pj;
                        brp = end - 1;
                    }
                    break;
                }
        }
    }
    /* dependences (lat_of) and heights */
    {
        uint32_t bit = 1u << (end - op - 1);
        for (smop *pj = end - 1; pj >= op; pj--, bit >>= 1) {
            int h = 0, cj = pj->cl & 15, same = cj == NM_C_B || cj == NM_C_M;
            uint32_t wj = pj->W, rj = pj->R;
            for (smop *ps = pj + 1; ps < end; ps++) {
                if ((wj & (ps->R | ps->W)) || (same && (ps->cl & 15) == cj)) {
                    if (ps == brp && pj == fz) {
                        ps->p0 |= bit;
                        if (ps->H > h) h = ps->H;
                    } else {
                        ps->p1 |= bit;
                        if (ps->H + 1 > h) h = ps->H + 1;
                    }
                } else if ((ps->cl & 16) || (rj & ps->W)) {
                    ps->p0 |= bit;
                    if (ps->H > h) h = ps->H;
                }
            }
            pj->H = (uint8_t)h;
        }
    }
    /* priority: height down, then program order */
    int m = 0;
    for (smop *p = op; p < end; p++) {
        int x = m++;
        for (; x > 0 && ord[x - 1]->H < p->H; x--)
            ord[x] = ord[x - 1];
        ord[x] = p;
    }
    /* list scheduling (sched_block): the first ready operation whose class has room, again
     * and again, then the next bundle; mb: the bundles with an M operation */
    uint32_t pt = 0, mb = 0;
    for (int t = 0; m > 0; t++) {
        uint32_t pb = pt;
        int cnt = 0, cM = 0, cB = 0;
        while (cnt < S) {
            int q;
            smop *best = NULL;
            for (q = 0; q < m; q++) {
                smop *p = ord[q];
                int cc = p->cl & 15;
                if ((p->p1 & ~pb) | (p->p0 & ~pt)) continue;
                if (cc == NM_C_M) { if (cM) continue; cM = 1; mb |= 1u << t; }
                else if (cc == NM_C_B) { if (cB) continue; cB = 1; }
                best = p;
                break;
            }
            if (!best)
                break;
            for (m--; q < m; q++)
                ord[q] = ord[q + 1];
            best->bun = (uint8_t)t;
            pt |= 1u << (best - op);
            cnt++;
        }
        nbun = t + 1;
    }
    /* bmi/bpl in the SUB's bundle */
    if (fz && fz->bun == brp->bun) {
        to_bmi(&w->ops[brp->idx], &w->ops[fz->idx]);
        brp->R = fz->R;
    }
    /* slots, in one pass: M 0, B S - 1, ALU its rank among the bundle's ALU operations (in
     * program order), after slot 0 when the bundle has an M */
    {
        uint8_t na[32];
        for (int t = 0; t < nbun; t++)
            na[t] = 0;
        for (smop *p = op; p < end; p++) {
            stx_op *o = &w->ops[p->idx];
            int t = p->bun, cc = p->cl & 15;
            o->bun = (uint8_t)t;
            if (cc == NM_C_M)
                o->slot = 0;
            else if (cc == NM_C_B)
                o->slot = (uint8_t)(S - 1);
            else
                o->slot = (uint8_t)(na[t]++ + (mb >> t & 1u));
        }
    }
    /* virtual registers -> TR8..TR14 (sched_block's rule): by bundle then slot, each value
     * takes the first register free from the bundle of the previous value's last use */
    if (k->nv > 0) {
        int free_at[STX_TR_FLAG], nd = 0;
        smop *def[32];
        for (int r = STX_TR_SCRATCH0; r < STX_TR_FLAG; r++)
            free_at[r] = -1;
        for (smop *p = op; p < end; p++) {
            int key, q;
            if (!(p->W >> 16))
                continue;
            key = p->bun * S + w->ops[p->idx].slot;
            for (q = nd; q > 0 && def[q - 1]->bun * S + w->ops[def[q - 1]->idx].slot > key; q--)
                def[q] = def[q - 1];
            def[q] = p;
            nd++;
        }
        for (int q = 0; q < nd; q++) {
            smop *p = def[q];
            int t = p->bun, last = t, r, v = w->ops[p->idx].d;
            uint32_t vbit = p->W;
            for (const smop *u = op; u < end; u++)
                if ((u->R & vbit) && u->bun > last)
                    last = u->bun;
            r = take_reg(free_at, t, last);
            if (r < 0) {
                *regerr = 1;
                break;
            }
            w->ops[p->idx].d = (int16_t)r;
            for (const smop *u = op; u < end; u++)
                if (u->R & vbit) {
                    stx_op *o = &w->ops[u->idx];
                    if (o->a == v) o->a = (int16_t)r;
                    if (o->b == v) o->b = (int16_t)r;
                }
        }
    }
    return nbun;
}

stx_err stx_schedule(stx_work *w)
{
    int total = 0;
    uint8_t cls_tab[NM_OPK_COUNT];       /* cls_of by operation, filled as met */
    sop op[MAXB_OPS];                    /* sched_block's (outside its frame: a pointer to it
                                            keeps its accesses short on RV32) */
    for (int i = 0; i < NM_OPK_COUNT; i++)
        cls_tab[i] = 0xff;
    for (int i = 0; i < w->norder; i++) {
        stx_block *k = &w->blk[w->order[i]];
        int regerr = 0, nb;
        if (k->presched) {            /* an exit stub made scheduled (ssem_tx.c, stub_direct) */
            nb = k->nb;
#ifndef CMS_MORPH
            /* the host checks it against the list scheduler */
            uint8_t bun[16], slot[16];
            if (k->no > 16)
                return STX_E_INTERNAL;
            for (int j = 0; j < k->no; j++) {
                bun[j] = w->ops[k->o0 + j].bun;
                slot[j] = w->ops[k->o0 + j].slot;
            }
            if (sched_block(w, k, cls_tab, &regerr, op) != nb || regerr)
                return STX_E_INTERNAL;
            for (int j = 0; j < k->no; j++)
                if (bun[j] != w->ops[k->o0 + j].bun || slot[j] != w->ops[k->o0 + j].slot)
                    return STX_E_INTERNAL;
#endif
        } else {
#ifdef CMS_MORPH
            nb = sched_small(w, k, cls_tab, &regerr);
            if (nb == -2)
                nb = sched_block(w, k, cls_tab, &regerr, op);
#else
            /* the host runs both on the same operations and checks that they agree */
            static stx_op saved[MAXB_OPS];
            int re2 = 0, nb2;
            if (k->no > MAXB_OPS)
                return STX_E_SPACE;
            for (int j = 0; j < k->no; j++)
                saved[j] = w->ops[k->o0 + j];
            nb = sched_block(w, k, cls_tab, &regerr, op);
            for (int j = 0; j < k->no; j++) {
                stx_op t = w->ops[k->o0 + j];
                w->ops[k->o0 + j] = saved[j];
                saved[j] = t;
            }
            nb2 = sched_small(w, k, cls_tab, &re2);
            if (nb2 != -2) {
                if (nb2 != nb || re2 != regerr)
                    return STX_E_INTERNAL;
                for (int j = 0; j < k->no && !regerr; j++) {
                    const stx_op *x = &w->ops[k->o0 + j], *y = &saved[j];
                    if (x->k && (x->bun != y->bun || x->slot != y->slot || x->d != y->d ||
                                 x->a != y->a || x->b != y->b || x->imm != y->imm))
                        return STX_E_INTERNAL;
                }
            }
            for (int j = 0; j < k->no; j++)
                w->ops[k->o0 + j] = saved[j];
#endif
        }
        if (nb < 0)
            return STX_E_SPACE;
        k->b0 = total;
        k->addr = (uint32_t)total * w->slots * 4u;   /* its byte offset (stx_link) */
        k->nb = nb;
        total += nb;
        if (total > STX_MAX_BUNDLES)
            return STX_E_SPACE;
        if (regerr)
            return STX_E_REGS;
    }
    w->nbundles = total;
    return STX_OK;
}

#ifndef CMS_MORPH
static uint32_t encode(const stx_op *o, int32_t off)
{
    nm_op n;
    n.op = (nm_opk)o->k;
    n.kind = NM_K_ILL;        /* nm_encode reads neither kind nor cls */
    n.cls = NM_C_NONE;
    n.rd = n.rs1 = n.rs2 = -1;
    n.cond = 0;
    n.imm = (uint32_t)o->imm;
    switch (o->k) {
    case NM_ADD: case NM_SUB: case NM_MUL:
        n.rd = o->d; n.rs1 = o->a; n.rs2 = o->b; break;
    case NM_ADDI: case NM_XORI: case NM_SLTI:
        n.rd = o->d; n.rs1 = o->a; break;
    case NM_LUI:
        n.rd = o->d; break;
    case NM_LW:
        n.rd = o->d; n.rs1 = o->a; break;
    case NM_SW:
        n.rs1 = o->a; n.rs2 = o->b; break;
    case NM_BR:
        n.rs1 = o->a; n.rs2 = o->b; n.cond = o->imm; n.imm = (uint32_t)off; break;
    case NM_J:
        n.imm = (uint32_t)off; break;
    case NM_ASSERT:
        n.rs1 = o->a; n.rs2 = o->b; n.cond = o->imm; n.imm = 0; break;
    case NM_EXIT: case NM_COMMIT:
        break;
    default:
        return 0;
    }
    return nm_encode(&n);
}
#endif

/* the same words as encode() for the operations the translator makes, with the same checks
 * (registers TR0..TR15, immediates in range), without building an nm_op and nm_encode_why's
 * second switch: 0 when encode() would fail. The firmware uses it alone; the host build checks
 * every word against encode() (stx_link), so the tests keep the encoder's full checks. */
static inline uint32_t encode_fast(const stx_op *o, int32_t off)
{
    uint32_t d = (uint32_t)o->d, a = (uint32_t)o->a, b = (uint32_t)o->b, imm = (uint32_t)o->imm;
    const uint32_t NR = NM_TR_COUNT;
    bool simm12 = imm + 2048u < 4096u;
    switch (o->k) {
    case NM_ADD: case NM_SUB: case NM_MUL:
        if (d >= NR || a >= NR || b >= NR) return 0;
        return o->k == NM_ADD   ? nm_enc_r(CMS_F7_BASE, b, a, CMS_F3_ADD, d, CMS_OPC_OP)
               : o->k == NM_SUB ? nm_enc_r(CMS_F7_ALT, b, a, CMS_F3_ADD, d, CMS_OPC_OP)
                                : nm_enc_r(CMS_F7_MULDIV, b, a, CMS_F3_MUL, d, CMS_OPC_OP);
    case NM_ADDI: case NM_XORI: case NM_SLTI:
        if (d >= NR || a >= NR || !simm12) return 0;
        return nm_enc_i(imm, a, o->k == NM_ADDI ? CMS_F3_ADD : o->k == NM_XORI ? CMS_F3_XOR : CMS_F3_SLT,
                     d, CMS_OPC_OP_IMM);
    case NM_LUI:
        if (d >= NR || (imm & 0xfffu)) return 0;
        return nm_enc_u(imm, d, CMS_OPC_LUI);
    case NM_LW:
        if (d >= NR || a >= NR || !simm12) return 0;
        return nm_enc_i(imm, a, CMS_F3_W, d, CMS_OPC_LOAD);
    case NM_SW:
        if (a >= NR || b >= NR || !simm12) return 0;
        return nm_enc_s(imm, b, a, CMS_F3_W, CMS_OPC_STORE);
    case NM_BR: {
        uint32_t v = (uint32_t)off;
        if (a >= NR || b >= NR || imm > 7u || (v & 1u) || v + 4096u >= 8192u) return 0;
        return nm_enc_b(v, b, a, imm, CMS_OPC_BRANCH);
    }
    case NM_J: {
        uint32_t v = (uint32_t)off;
        if ((v & 1u) || v + (1u << 20) >= (1u << 21)) return 0;
        return nm_enc_j(v, 0, CMS_OPC_JAL);
    }
    case NM_ASSERT:
        if (a >= NR || b >= NR || imm > 7u) return 0;
        return nm_enc_r(imm, b, a, CMS_TX_OP_ASSERT, 0, CMS_OPC_CUSTOM0);
    case NM_EXIT:
        if (imm >= 1u << CMS_ENC_EXIT_BITS) return 0;
        return nm_enc_i(imm, 0, CMS_TX_OP_EXIT, 0, CMS_OPC_CUSTOM0);
    case NM_COMMIT:
        return nm_enc_i(0, 0, CMS_TX_OP_COMMIT, 0, CMS_OPC_CUSTOM0);
    default:
        return 0;
    }
}

stx_err stx_link(stx_work *w, uint32_t tc_addr)
{
    unsigned S = w->slots;
    stx_meta *m = &w->meta;
    uint32_t nops = 0, nop = nm_nop(), *words = w->out;
    for (int i = 0; i < w->nbundles * (int)S; i++)
        words[i] = nop;
    for (int i = 0; i < w->norder; i++) {       /* (k->addr: stx_schedule) */
        const stx_block *k = &w->blk[w->order[i]];
        const stx_op *o = &w->ops[k->o0], *oend = o + k->no;
        uint32_t wb = (uint32_t)k->b0 * S;       /* the block's first word */
        for (; o < oend; o++) {
            uint32_t wi, word;
            int32_t off = 0;
            if (o->k == 0)
                continue;
            wi = wb + (uint32_t)o->bun * S + o->slot;
            if (o->tgt >= 0)                    /* BR and J, the only ones with a target */
                off = (int32_t)(w->blk[o->tgt].addr - wi * 4u);
            word = encode_fast(o, off);
#ifndef CMS_MORPH
            if (word != encode(o, off))         /* the host checks it against nm_encode */
                return STX_E_ENCODE;
#endif
            if (!word)
                return STX_E_ENCODE;
            words[wi] = word;
            nops++;
            if (o->k == NM_EXIT && o->imm >= STX_EXIT_FIRST)
                m->exit[o->imm - STX_EXIT_FIRST].word = wi;
        }
    }
    m->tc_addr = tc_addr;
    m->nwords = (uint32_t)w->nbundles * S;
    m->nbundles = (uint32_t)w->nbundles;
    m->nops = nops;
    m->wb_from = w->blk[w->order[0]].addr + (uint32_t)w->blk[w->order[0]].nb * S * 4u;
    return STX_OK;
}

stx_err stx_translate(stx_work *w, const int32_t store[STX_NLINES],
                      const uint32_t profile[STX_NLINES], unsigned entry_line, unsigned slots,
                      uint32_t tc_addr, uint32_t *out, size_t max_words, stx_meta *meta)
{
    stx_err e = stx_region(w, store, profile, entry_line, slots);
    if (!e) e = stx_build_ir(w);
    if (!e) e = stx_optimize(w);
    if (!e) e = stx_schedule(w);
    if (!e) e = stx_link(w, tc_addr);
    if (e)
        return e;
    if (w->meta.nwords > max_words)
        return STX_E_SPACE;
    for (uint32_t i = 0; i < w->meta.nwords; i++)
        out[i] = w->words[i];
    *meta = w->meta;
    return STX_OK;
}

const char *stx_err_str(stx_err e)
{
    switch (e) {
    case STX_OK: return "ok";
    case STX_E_ARGS: return "bad arguments";
    case STX_E_EMPTY: return "no region at that line";
    case STX_E_SPACE: return "region too large for the work area";
    case STX_E_REGS: return "out of scratch registers";
    case STX_E_ENCODE: return "an operation does not encode";
    case STX_E_INTERNAL: return "a fast path disagrees with the general one (a translator bug)";
    }
    return "?";
}
