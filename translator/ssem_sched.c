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

static bool reads(const stx_op *o, int r) { return r > 0 && (o->a == r || o->b == r); }

typedef struct { int16_t from; int8_t lat; } dep;

/* schedule one block: ops[o0..o0+no) get bun (relative) and slot; returns the bundle count */
static int sched_block(stx_work *w, stx_block *k)
{
    int idx[MAXB_OPS], n = 0, h[MAXB_OPS], bun[MAXB_OPS], nbun = 0, S = (int)w->slots;
    uint8_t cntA[MAXB_OPS * 2], cntM[MAXB_OPS * 2], cntB[MAXB_OPS * 2];
    bool placed[MAXB_OPS];
    for (int i = 0; i < k->no; i++)
        if (w->ops[k->o0 + i].k != 0) {
            if (n >= MAXB_OPS) return -1;
            idx[n++] = k->o0 + i;
        }
    for (int i = 0; i < n; i++) {
        h[i] = 0;
        placed[i] = false;
        bun[i] = -1;
    }
    for (int t = 0; t < MAXB_OPS * 2; t++)
        cntA[t] = cntM[t] = cntB[t] = 0;
/* latency of the dependence of op j on an earlier op i: -1 none, 0 same bundle or later, 1 */
#define LAT(i, j) lat_of(w, idx, (i), (j))
    /* heights (longest latency path to the end) for the priority */
    for (int j = n - 1; j >= 0; j--)
        for (int s = j + 1; s < n; s++) {
            int l;
            const stx_op *a = &w->ops[idx[j]], *b = &w->ops[idx[s]];
            l = -1;
            if (a->d > 0 && reads(b, a->d)) l = 1;
            else if (a->d > 0 && b->d == a->d) l = 1;
            else if (cls_of(a->k) == NM_C_B && cls_of(b->k) == NM_C_B) l = 1;
            else if (cls_of(a->k) == NM_C_M && cls_of(b->k) == NM_C_M) l = 1;
            else if (is_barrier(b->k) || (b->d > 0 && reads(a, b->d))) l = 0;
            if (l >= 0 && h[s] + l > h[j])
                h[j] = h[s] + l;
        }
    for (int left = n, t = 0; left > 0; t++) {
        bool progress = true;
        if (t >= MAXB_OPS * 2)
            return -1;
        while (progress) {
            progress = false;
            for (;;) {
                int best = -1;
                for (int j = 0; j < n; j++) {
                    bool ready = !placed[j];
                    const stx_op *b = &w->ops[idx[j]];
                    for (int i = 0; i < j && ready; i++) {
                        const stx_op *a = &w->ops[idx[i]];
                        int l = -1;
                        if (a->d > 0 && reads(b, a->d)) l = 1;
                        else if (a->d > 0 && b->d == a->d) l = 1;
                        else if (cls_of(a->k) == NM_C_B && cls_of(b->k) == NM_C_B) l = 1;
                        else if (cls_of(a->k) == NM_C_M && cls_of(b->k) == NM_C_M) l = 1;
                        else if (is_barrier(b->k) || (b->d > 0 && reads(a, b->d))) l = 0;
                        if (l >= 0 && (!placed[i] || bun[i] + l > t))
                            ready = false;
                    }
                    if (!ready)
                        continue;
                    {
                        nm_class c = cls_of(b->k);
                        int tot = cntA[t] + cntM[t] + cntB[t];
                        if (tot >= S) continue;
                        if (c == NM_C_M && cntM[t]) continue;
                        if (c == NM_C_B && cntB[t]) continue;
                    }
                    if (best < 0 || h[j] > h[best])
                        best = j;
                }
                if (best < 0)
                    break;
                {
                    nm_class c = cls_of(w->ops[idx[best]].k);
                    placed[best] = true;
                    bun[best] = t;
                    if (c == NM_C_M) cntM[t]++;
                    else if (c == NM_C_B) cntB[t]++;
                    else cntA[t]++;
                    if (t + 1 > nbun) nbun = t + 1;
                    left--;
                    progress = true;
                }
            }
        }
    }
    /* slots: memory/multiply in slot 0, B in the last, ALU in the others */
    for (int t = 0; t < nbun; t++) {
        bool used[NM_MAX_SLOTS] = {false};
        for (int j = 0; j < n; j++) {
            stx_op *o = &w->ops[idx[j]];
            nm_class c = cls_of(o->k);
            if (bun[j] != t) continue;
            o->bun = (uint8_t)t;
            if (c == NM_C_M) { o->slot = 0; used[0] = true; }
            if (c == NM_C_B) { o->slot = (uint8_t)(S - 1); used[S - 1] = true; }
        }
        for (int j = 0; j < n; j++) {
            stx_op *o = &w->ops[idx[j]];
            nm_class c = cls_of(o->k);
            if (bun[j] != t || c == NM_C_M || c == NM_C_B) continue;
            for (int s = 0; s < S; s++)
                if (!used[s]) { o->slot = (uint8_t)s; used[s] = true; break; }
        }
    }
    return nbun;
}

/* virtual registers -> TR8..TR14 (TR15: the budget flag a block computes for the next): a register is free for a new value from the bundle of its
 * previous value's last use (operations read before they write) */
static int regalloc_block(stx_work *w, stx_block *k)
{
    int free_at[NM_TR_COUNT];
    for (int r = 0; r < NM_TR_COUNT; r++)
        free_at[r] = -1;
    for (int t = 0; t < k->nb; t++)
        for (int s = 0; s < (int)w->slots; s++)
            for (int i = 0; i < k->no; i++) {
                stx_op *o = &w->ops[k->o0 + i];
                int v, last, r;
                if (o->k == 0 || o->bun != t || o->slot != s || o->d < STX_NVREG0)
                    continue;
                v = o->d;
                last = t;
                for (int j = 0; j < k->no; j++) {
                    stx_op *u = &w->ops[k->o0 + j];
                    if (u->k != 0 && (u->a == v || u->b == v) && u->bun > last)
                        last = u->bun;
                }
                for (r = STX_TR_SCRATCH0; r < STX_TR_FLAG; r++)
                    if (free_at[r] <= t)
                        break;
                if (r >= STX_TR_FLAG)
                    return -1;
                free_at[r] = last == t ? t + 1 : last;
                o->d = (int16_t)r;
                for (int j = 0; j < k->no; j++) {
                    stx_op *u = &w->ops[k->o0 + j];
                    if (u->k == 0) continue;
                    if (u->a == v) u->a = (int16_t)r;
                    if (u->b == v) u->b = (int16_t)r;
                }
            }
    return 0;
}

stx_err stx_schedule(stx_work *w)
{
    int total = 0;
    for (int i = 0; i < w->norder; i++) {
        stx_block *k = &w->blk[w->order[i]];
        int nb = sched_block(w, k);
        if (nb < 0)
            return STX_E_SPACE;
        k->b0 = total;
        k->nb = nb;
        total += nb;
        if (total > STX_MAX_BUNDLES)
            return STX_E_SPACE;
        if (regalloc_block(w, k) < 0)
            return STX_E_REGS;
    }
    w->nbundles = total;
    return STX_OK;
}

static uint32_t encode(const stx_op *o, int32_t off)
{
    nm_op n;
    n.op = (nm_opk)o->k;
    n.kind = nm_kind_of(n.op);
    n.cls = nm_class_of(n.op);
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

stx_err stx_link(stx_work *w, uint32_t tc_addr)
{
    unsigned S = w->slots;
    stx_meta *m = &w->meta;
    uint32_t nops = 0;
    for (int i = 0; i < w->nbundles * (int)S; i++)
        w->words[i] = nm_nop();
    for (int i = 0; i < w->norder; i++) {
        stx_block *k = &w->blk[w->order[i]];
        k->addr = (uint32_t)k->b0 * S * 4u;
    }
    for (int i = 0; i < w->norder; i++) {
        stx_block *k = &w->blk[w->order[i]];
        for (int j = 0; j < k->no; j++) {
            const stx_op *o = &w->ops[k->o0 + j];
            uint32_t wi, word;
            int32_t off = 0;
            if (o->k == 0)
                continue;
            wi = (uint32_t)(k->b0 + o->bun) * S + o->slot;
            if (o->k == NM_BR || o->k == NM_J)
                off = (int32_t)(w->blk[o->tgt].addr - wi * 4u);
            word = encode(o, off);
            if (!word)
                return STX_E_ENCODE;
            w->words[wi] = word;
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
    }
    return "?";
}
