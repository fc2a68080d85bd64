/* txgen.c -- seeded random translations for the translation-mode differential test
 * (tests/txfuzz/README.md).
 *
 *   txgen --seed S --cases N --slots K --out DIR [--sbdepth D] [--max-bundles M]
 *         [--batch-bytes B] [--quiet]
 *
 * writes
 *   DIR/cases.S       per case: guest window (GWBASE/GWLIMIT), the fill pattern of the fuzz region,
 *                     the watch block (initial guest words), protected words, TR1..TR15, the
 *                     bundles (with their disassembly) and their TC address, the tx.enter address,
 *                     and up to two re-entries (tx.commit/tx.rollback, tx.wr, tx.prot, tx.enter
 *                     again on the state the previous run left). Split into batches
 *                     (#if TXF_BATCH == b) that each fit in DMEM next to the runner.
 *   DIR/expected.txt  a header line, then per case the final state from the reference model
 *                     (translator/nm_model.c), in the format the runner (runner.c) prints.
 *   DIR/batches       the number of batches.
 * and statistics of what the kept cases exercise on stderr (unless --quiet).
 *
 * Cases are generated bundle by bundle with a look-ahead copy of the model (so memory offsets,
 * assertion outcomes and divisors can be aimed), then the finished case is run on a fresh model
 * from the start: that run is the expected result. A case whose run does not end within
 * --max-bundles bundles, or touches memory the model does not know (TC outside the case's
 * bundles, DMEM outside the fuzz region), is thrown away and generated again, so every emitted
 * case terminates. Backward branches are made only as counted loops (a counter TR that the body
 * does not otherwise write), so few are thrown away. Deterministic for a seed.
 *
 * Biases: a few "hot" TRs per case (same-TR writes across slots, slot-0 LW/MUL results
 * overwritten by a higher slot), accumulating ALU operations (rd = rd op rs) so that values stay
 * visible, loads and stores aimed at valid words, at recently stored words (forwarding; also a
 * pattern of two stores of different data to one word, then a load), at protected words and
 * just outside the window; store bursts up to and past SB_DEPTH, then COMMIT; results of slot-0
 * loads/multiplies stored to memory; DIV/REM by zero and -2^31/-1; ASSERTs that pass and fail;
 * taken and untaken forward branches (every condition, bmi/bpl more often, sometimes beside a
 * `sub rs1, rs1, rs2` in slot 0 that writes the branch's source: SSEM's SUB then CMP in one
 * bundle) and jumps, guarded early EXITs, counted loops; bundles with
 * several faults at once (abort priority); a few illegal operations of every kind, bad branch
 * targets, bad tx.enter addresses, code placed anywhere in the TC (also running off its end);
 * windows inside the fuzz region, tiny, 4 KiB and larger (PROT_WORDS bound), across the top of
 * DMEM and wholly outside it.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "nm_model.h"
#include "txf_layout.h"

#define MAXB       40            /* bundles per case, at most */
#define MAXW       (MAXB * NM_MAX_SLOTS)
#define MAXFIX     MAXB
#define MAXLOOP    8
#define MAXRE      2             /* re-entries per case */
#define NOP_WORD   NM_NOP_WORD
#define TC_END     ((uint32_t)CMS_TC_BASE + CMS_TC_BYTES)
#define DMEM_END   ((uint32_t)CMS_DMEM_BASE + CMS_DMEM_BYTES_SIM)
#define REGION_WORDS (TXF_REGION_BYTES / 4)
/* funct7 = F7_ALT in an I-type immediate (SRAI) */
#define IMM_ALT    ((uint32_t)CMS_F7_ALT << CMS_ENC_REG_BITS)
/* the top bit of each register field: set, the field names a register >= 16 */
#define RD_TOP     (1u << (CMS_ENC_RD_LSB + CMS_ENC_REG_BITS - 1))
#define RS1_TOP    (1u << (CMS_ENC_RS1_LSB + CMS_ENC_REG_BITS - 1))
#define RS2_TOP    (1u << (CMS_ENC_RS2_LSB + CMS_ENC_REG_BITS - 1))

/* ------------------------------------------------------------------ random numbers */

static uint64_t rng_state;
static uint64_t next64(void)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}
static uint32_t rnd32(void) { return (uint32_t)(next64() >> 32); }
static int rnd(int n) { return n <= 1 ? 0 : (int)(next64() % (uint64_t)n); }
static int chance(double p) { return (double)(next64() >> 11) * (1.0 / 9007199254740992.0) < p; }
static double frand(double lo, double hi)
{
    return lo + (hi - lo) * ((double)(next64() >> 11) * (1.0 / 9007199254740992.0));
}

/* ------------------------------------------------------------------ encodings */

/* the library's encoders (translator/nm_encode.c); the raw formats mask every field, so they
 * build the illegal words too */
static uint32_t enc_r(int f7, int rs2, int rs1, int f3, int rd, int opc)
{
    return nm_enc_r((uint32_t)f7, (uint32_t)rs2, (uint32_t)rs1, (uint32_t)f3, (uint32_t)rd, (uint32_t)opc);
}
static uint32_t enc_i(uint32_t imm, int rs1, int f3, int rd, int opc)
{
    return nm_enc_i(imm, (uint32_t)rs1, (uint32_t)f3, (uint32_t)rd, (uint32_t)opc);
}
static uint32_t enc_s(uint32_t imm, int rs2, int rs1, int f3, int opc)
{
    return nm_enc_s(imm, (uint32_t)rs2, (uint32_t)rs1, (uint32_t)f3, (uint32_t)opc);
}
static uint32_t enc_b(uint32_t imm, int rs2, int rs1, int f3)
{
    return nm_enc_b(imm, (uint32_t)rs2, (uint32_t)rs1, (uint32_t)f3, CMS_OPC_BRANCH);
}
static uint32_t enc_j(uint32_t imm, int rd) { return nm_enc_j(imm, (uint32_t)rd, CMS_OPC_JAL); }
static uint32_t enc_exit(uint32_t code) { return nm_exit(code); }
static uint32_t enc_commit(void) { return nm_commit(); }
/* raw, so that bad fields can be built */
static uint32_t enc_assert(int cond, int rs1, int rs2)
{
    return enc_r(cond, rs2, rs1, CMS_TX_OP_ASSERT, 0, CMS_OPC_CUSTOM0);
}
/* the eight branch conditions (bmi, bpl: translation mode's own) */
#define NCONDS 8
static const int conds[NCONDS] = { CMS_F3_BEQ, CMS_F3_BNE, CMS_F3_BMI, CMS_F3_BPL, CMS_F3_BLT,
                                   CMS_F3_BGE, CMS_F3_BLTU, CMS_F3_BGEU };
static nm_op dec(uint32_t w)
{
    nm_op o;
    nm_decode(w, &o);
    return o;
}
static int fits_b(int64_t off) { return off >= -4096 && off <= 4094 && !(off & 1); }
static int fits_j(int64_t off) { return off >= -(1 << 20) && off < (1 << 20) && !(off & 1); }

/* ------------------------------------------------------------------ configuration */

static int g_slots = 2, g_ls = 1, g_sbdepth = CMS_SB_DEPTH_DEFAULT;
static uint32_t g_bb = 8;
static unsigned g_max_bundles = 3000;

/* ------------------------------------------------------------------ a case */

enum fixkind { FX_FWD, FX_BACK, FX_MIS, FX_BEFORE, FX_AFTER };
typedef struct {
    int bundle;           /* the branch is in this bundle's last slot */
    enum fixkind kind;
    int target;           /* bundle index (FWD, BACK, MIS) */
    uint32_t delta;       /* MIS: bytes past the target bundle; BEFORE/AFTER: bundles beyond the TC */
    int jal, f3, rs1, rs2;
} fixup;

typedef struct {
    int no;
    uint32_t gwbase_w, gwlimit;
    uint32_t fill_start, fill_step;
    uint32_t watch_addr;
    int nwatch;
    uint32_t watch[TXF_MAX_WATCH];
    int nprot;
    uint32_t prot_off[TXF_MAX_PROT];
    uint32_t tr[NM_NTR];
    uint32_t code_addr;
    int nb;
    uint32_t words[MAXW];
    uint32_t enter_addr;
    fixup fix[MAXFIX];
    int nfix;
    int loop_head[MAXLOOP], loop_close[MAXLOOP], nloop;
    const char *kind;     /* a word on the setup, for the comment */
    int falloff;          /* the last bundle does not leave: execution runs off the TC end */
    /* further tx.enter runs after the first, each after some firmware tx.wr and tx.prot */
    int nre;
    struct reentry {
        uint32_t enter;
        int ctl;          /* first: 0 nothing, 1 tx.commit, 2 tx.rollback */
        int nwr, wr_n[NM_NTR];
        uint32_t wr_v[NM_NTR];
        int nprot, prot_bit[4];
        uint32_t prot_off[4];
    } re[MAXRE];
    nm_result res[1 + MAXRE];
} gcase;

typedef struct {
    double p_mem, p_store, p_x, p_div, p_bop, p_commit, p_branch, p_jal, p_assert, p_assert_fail,
           p_accident, p_intent, p_same_rd, p_loop, p_guard, p_badenter, p_ntbad, p_midenter, p_fuse,
           p_reenter, p_falloff, p_burst, p_fwd, p_late_lost, p_spill, p_final_ill, p_acc,
           p_randval;
    int nb;
} profile;

enum intent {
    I_NONE, I_BOUNDS, I_PROT, I_SBFULL, I_DIVZERO, I_ASSERT, I_ILLEGAL, I_BADTARGET, I_COMBO
};
enum role { R_NORMAL, R_LOOP_INIT, R_LOOP_BODY, R_LOOP_DEC, R_LOOP_CLOSE, R_GUARD, R_GEXIT, R_FINAL,
             R_STORE, R_COMMIT, R_FST, R_FLD };

typedef struct {
    gcase *c;
    profile pf;
    nm_state *pr;          /* look-ahead model */
    int hot[8], nhot;
    int nvalid;             /* word offsets 0..4*nvalid-4 are valid guest words */
    uint32_t recent[8], last_off;
    int nrecent;
    int excl;               /* TR not to be written (loop counter), 0 = none */
    int loop_c, loop_n, loop_head;
    int force_store;        /* slot 0 stores (store bursts) */
    uint32_t fwd_off, fwd_data;   /* forwarding pattern: the word, the data stored last */
    int spill;              /* TR to store in the next bundle's slot 0 (0: none) */
} gctx;

static nm_state g_pr, g_st;   /* look-ahead and final run (large: static) */

/* ------------------------------------------------------------------ statistics */

typedef struct {
    unsigned long cases, exits, aborts[NM_NCAUSE], bad_enter;
    unsigned long bundles, loads, fwd_loads, stores, sbfull_seen, commits_with_stores, commits;
    unsigned long same_rd, late_lost, taken, untaken, assert_pass, assert_fail, divs, muls;
    unsigned long multi_fault, loops, fwd_multi, full_commits, late_commit, reentries, falloffs;
    unsigned long bursts, mi_taken, mi_untaken, mi_wrap, fused;
    unsigned long combo[8][8];
    unsigned long rej_undef, rej_limit;
} stats;
static stats g_stats, g_cstats;

static void hook(void *ctx, const nm_state *s, const nm_bundle *b)
{
    stats *t = ctx;
    unsigned f = b->faults & ~(unsigned)NM_F_UNDEF;
    int i, j;
    if ((f & (f - 1)) != 0) {
        int x = -1, y = -1;
        t->multi_fault++;
        for (i = 0; i < 6; i++)
            if (f & (1u << i)) {
                if (x < 0) x = i;
                else if (y < 0) y = i;
            }
        t->combo[x][y]++;
    }
    if (f) return;
    if (b->load_fwd) {
        int n = 0;
        uint32_t widx = (s->gwbase + b->mem_off - CMS_DMEM_BASE) / 4;
        uint32_t young = 0;
        for (i = 0; i < s->sbn; i++)
            if (s->sb_widx[i] == widx) young = s->sb_data[i];
        for (i = 0; i < s->sbn; i++) n += s->sb_widx[i] == widx && s->sb_data[i] != young;
        if (n > 0) t->fwd_multi++;   /* an older store to the word holds other data */
    }
    if (b->commit && s->sbn + b->store == s->sb_depth) t->full_commits++;
    if (b->commit && (b->op[0].kind == NM_K_LW || b->op[0].kind == NM_K_MUL) && b->op[0].rd > 0)
        t->late_commit++;
    t->bundles++;
    if (b->load) t->loads++;
    if (b->load_fwd) t->fwd_loads++;
    if (b->store) t->stores++;
    if (b->commit) {
        t->commits++;
        if (s->sbn + b->store > 0) t->commits_with_stores++;
    }
    for (i = 0; i < b->nwr; i++)
        for (j = i + 1; j < b->nwr; j++)
            if (b->wr_rd[i] == b->wr_rd[j]) t->same_rd++;
    if ((b->op[0].kind == NM_K_LW || b->op[0].kind == NM_K_MUL) && b->op[0].rd > 0)
        for (i = 1; i < s->slots; i++)
            if ((b->op[i].kind == NM_K_ALU || b->op[i].kind == NM_K_LUI) && b->op[i].rd == b->op[0].rd) {
                t->late_lost++;
                break;
            }
    if (b->op[s->slots - 1].kind == NM_K_BR) {
        const nm_op *o = &b->op[s->slots - 1];
        if (b->taken) t->taken++;
        else t->untaken++;
        if (o->cond == CMS_F3_BMI || o->cond == CMS_F3_BPL) {
            uint32_t a = s->tr[o->rs1], v = s->tr[o->rs2];
            if (b->taken) t->mi_taken++;
            else t->mi_untaken++;
            /* the sign of the wrapping difference is not the signed comparison */
            if (nm_bcond(CMS_F3_BMI, a, v) != nm_bcond(CMS_F3_BLT, a, v)) t->mi_wrap++;
            if (b->op[0].op == NM_SUB && b->op[0].rd == o->rs1 && b->op[0].rs1 == o->rs1 &&
                b->op[0].rs2 == o->rs2 && o->rs1 > 0)
                t->fused++;
        }
    }
    if (b->op[s->slots - 1].kind == NM_K_ASSERT) t->assert_pass++;
    if (b->op[0].kind == NM_K_DIV) t->divs++;
    if (b->op[0].kind == NM_K_MUL) t->muls++;
}

/* ------------------------------------------------------------------ values and registers */

static uint32_t pick_value(gctx *g)
{
    if (chance(g->pf.p_randval)) return rnd32();
    static const uint32_t edges[] = {
        0, 1, 2, 3, 0xffffffffu, 0x80000000u, 0x7fffffffu, 0xfffffffcu, 0x1000, 0xffc,
        0x800, 0x7ff, 0xfffff800u, 0x80000001u, 0xfffffffeu, 4, 0x0ffc
    };
    switch (rnd(20)) {
    case 0: case 1: case 2: case 3: case 4: case 5: case 6:
        return 4u * (uint32_t)rnd(g->nvalid ? g->nvalid : 16);
    case 7: case 8: case 9:
        return (uint32_t)(rnd(17) - 4);
    case 10: case 11: case 12:
        return edges[rnd((int)(sizeof edges / sizeof edges[0]))];
    case 13:
        return g->c->gwlimit + (uint32_t)(rnd(9) - 4);
    default:
        return rnd32();
    }
}

static uint32_t pick_imm12(void)
{
    static const int32_t edges[] = { -2048, 2047, -1, 0, 1, -4, 4, 2044, -2044, 31, 32 };
    switch (rnd(8)) {
    case 0: case 1: case 2: return (uint32_t)(rnd(17) - 8);
    case 3: case 4: return (uint32_t)(4 * (rnd(33) - 16));
    case 5: return (uint32_t)edges[rnd((int)(sizeof edges / sizeof edges[0]))];
    default: return (uint32_t)(rnd(4096) - 2048);
    }
}

static int reg_src(gctx *g)
{
    int k = rnd(100);
    if (k < 65) return g->hot[rnd(g->nhot)];
    if (k < 75) return 0;
    return 1 + rnd(15);
}

static int reg_dst(gctx *g)
{
    for (;;) {
        int k = rnd(100), r;
        if (k < 72) r = g->hot[rnd(g->nhot)];
        else if (k < 78) r = 0;
        else r = 1 + rnd(15);
        if (r == 0 || r != g->excl) return r;
    }
}

/* a register with (predicted) value v, or -1 */
static int reg_with(gctx *g, uint32_t v)
{
    int cand[NM_NTR], n = 0, r;
    for (r = 0; r < NM_NTR; r++)
        if (g->pr->tr[r] == v) cand[n++] = r;
    return n ? cand[rnd(n)] : -1;
}

/* rs1 and imm such that TR[rs1] + imm == off (predicted), if possible */
static void reach(gctx *g, uint32_t off, int *rs1, uint32_t *imm)
{
    int cand[NM_NTR], n = 0, r;
    for (r = 0; r < NM_NTR; r++) {
        int32_t d = (int32_t)(off - g->pr->tr[r]);
        if (d >= -2048 && d <= 2047) cand[n++] = r;
    }
    if (n) {
        r = cand[rnd(n)];
        if (r == 0 && n > 1 && chance(0.7)) r = cand[1 + rnd(n - 1)];
        *rs1 = r;
        *imm = off - g->pr->tr[r];
        return;
    }
    *rs1 = reg_src(g);
    *imm = pick_imm12();
}

static uint32_t valid_off(gctx *g)
{
    if (g->nrecent && chance(0.2)) return g->last_off;   /* the word stored last */
    if (g->nrecent && chance(0.4)) return g->recent[rnd(g->nrecent)];
    if (g->nvalid) return 4u * (uint32_t)rnd(g->nvalid);
    return 4u * (uint32_t)rnd(32);
}

static uint32_t bad_off(gctx *g)
{
    uint32_t nv = (uint32_t)g->nvalid;
    switch (rnd(9)) {
    case 0: return 4 * nv;                                  /* the first word past the window */
    case 1: return 4 * nv + 4u * (uint32_t)rnd(8);
    case 2: return (uint32_t)(-4 * (1 + rnd(4)));           /* negative */
    case 3: return 4u * (uint32_t)rnd(nv ? (int)nv : 1) + 1u + (uint32_t)rnd(3);   /* misaligned */
    case 4: return CMS_PROT_WORDS * 4u + 4u * (uint32_t)rnd(3);  /* the PROT_WORDS bound */
    case 5: return g->c->gwlimit;
    case 6: return (g->c->gwlimit & ~3u) - 4u + 4u * (uint32_t)rnd(3);
    case 7: return 0x80000000u;
    default: return rnd32();
    }
}

static void push_recent(gctx *g, uint32_t off)
{
    g->last_off = off;
    if (g->nrecent < 8) g->recent[g->nrecent++] = off;
    else g->recent[rnd(8)] = off;
}

/* ------------------------------------------------------------------ operations */

static uint32_t gen_alu(gctx *g, int rd)
{
    int k = rnd(100), f3 = rnd(8), rs1 = reg_src(g);
    if (rd < 0) rd = reg_dst(g);
    if (k < 42) {
        uint32_t imm;
        if (f3 == CMS_F3_SLL) imm = (uint32_t)rnd(32);
        else if (f3 == CMS_F3_SRL) imm = (uint32_t)rnd(32) | (chance(0.5) ? IMM_ALT : 0u);
        else imm = pick_imm12();
        return enc_i(imm, rs1, f3, rd, CMS_OPC_OP_IMM);
    }
    if (k < 82) {
        int f7 = ((f3 == CMS_F3_ADD || f3 == CMS_F3_SRL) && chance(0.4)) ? CMS_F7_ALT : CMS_F7_BASE;
        if (rd > 0 && chance(g->pf.p_acc)) {
            /* rd = rd op rs2 with op = add, sub or xor: keeps every value seen so far visible */
            static const int acc[3][2] = { { CMS_F3_ADD, CMS_F7_BASE }, { CMS_F3_ADD, CMS_F7_ALT },
                                           { CMS_F3_XOR, CMS_F7_BASE } };
            int a = rnd(3);
            return enc_r(acc[a][1], reg_src(g), rd, acc[a][0], rd, CMS_OPC_OP);
        }
        return enc_r(f7, reg_src(g), rs1, f3, rd, CMS_OPC_OP);
    }
    if (k < 91) return nm_enc_u(rnd32(), (uint32_t)rd, CMS_OPC_LUI);
    if (k < 94) return enc_i(pick_imm12(), rs1, CMS_F3_ADD, 0, CMS_OPC_OP_IMM);   /* writes TR0: no effect */
    return NOP_WORD;
}

static uint32_t gen_mem(gctx *g, enum intent in)
{
    int store, rs1;
    uint32_t off, imm;
    store = (in == I_PROT || in == I_SBFULL || g->force_store) ? 1 : chance(g->pf.p_store);
    if (g->pr->sbn >= g_sbdepth && chance(0.7)) store = 1;
    if (in == I_BOUNDS) off = bad_off(g);
    else if (in == I_PROT && g->c->nprot) off = g->c->prot_off[rnd(g->c->nprot)];
    else off = valid_off(g);
    reach(g, off, &rs1, &imm);
    if (store) {
        push_recent(g, off);
        return enc_s(imm, reg_src(g), rs1, CMS_F3_W, CMS_OPC_STORE);
    }
    return enc_i(imm, rs1, CMS_F3_W, (chance(0.15) && rs1 != g->excl) ? rs1 : reg_dst(g), CMS_OPC_LOAD);
}

static uint32_t gen_x(gctx *g, enum intent in)
{
    /* MUL..MULHU are funct3 0..3, DIV..REMU 4..7 */
    int f3 = chance(g->pf.p_div) ? CMS_F3_DIV + rnd(4) : CMS_F3_MUL + rnd(4), rs1 = reg_src(g), rs2 = reg_src(g);
    if (in == I_DIVZERO) {
        int z = reg_with(g, 0);
        f3 = CMS_F3_DIV + rnd(4);
        rs2 = z >= 0 ? z : 0;
    } else if (f3 >= CMS_F3_DIV && chance(0.1)) {       /* the overflow case -2^31 / -1 */
        int a = reg_with(g, 0x80000000u), b = reg_with(g, 0xffffffffu);
        if (a >= 0 && b >= 0) {
            rs1 = a;
            rs2 = b;
        }
    }
    return enc_r(CMS_F7_MULDIV, rs2, rs1, f3, reg_dst(g), CMS_OPC_OP);
}

/* an operation that is illegal in slot s */
static uint32_t gen_illegal(gctx *g, int s)
{
    static const int bfield[] = { 16, 17, 18, 19, 20, 21, 22, 23, 24 };
    int r = rnd(36), rd = reg_dst(g), rs1 = reg_src(g), rs2 = reg_src(g);
    if (s == g_ls && chance(0.6)) r = bfield[rnd(9)];   /* bad fields of B-class operations */
    uint32_t w;
    switch (r) {
    case 0: /* wrong class: M/X outside slot 0, B outside the last slot */
    case 1:
    case 2:
        if (s != 0 && chance(0.5)) {
            if (chance(0.5)) return enc_i(4u * (uint32_t)rnd(4), 0, CMS_F3_W, rd, CMS_OPC_LOAD);
            if (chance(0.5)) return enc_s(0, rs2, 0, CMS_F3_W, CMS_OPC_STORE);
            return enc_r(CMS_F7_MULDIV, rs2, rs1, rnd(8), rd, CMS_OPC_OP);
        }
        if (s != g_ls) {
            switch (rnd(5)) {
            case 0: return enc_exit((uint32_t)rnd(2048));
            case 1: return enc_commit();
            case 2: return enc_assert(CMS_F3_BEQ, 0, 0);
            case 3: return enc_j(g_bb, 0);
            default: return enc_b(g_bb, 0, 0, CMS_F3_BEQ);
            }
        }
        return 0;
    case 3: return 0;                                          /* the all-zero word */
    case 4: return 0xffffffffu;
    case 5: return nm_enc_u(rnd32(), (uint32_t)rd, CMS_OPC_AUIPC);
    case 6: return enc_i(0, rs1, 0, 0, CMS_OPC_JALR);
    case 7: { static const int f[] = { 0, 1, 3, 4, 5, 6, 7 };    /* other load widths */
              return enc_i(0, 0, f[rnd(7)], rd, CMS_OPC_LOAD); }
    case 8: { static const int f[] = { 0, 1, 3, 4, 5, 6, 7 };
              return enc_s(0, rs2, 0, f[rnd(7)], CMS_OPC_STORE); }
    case 9: return enc_i(0, 0, 0, 0, CMS_OPC_SYSTEM);           /* ECALL */
    case 10: return enc_i(CMS_CSR_MSCRATCH, 0, 2, rd, CMS_OPC_SYSTEM);
    case 11: return enc_i(0, 0, 0, 0, CMS_OPC_MISC_MEM);        /* FENCE */
    case 12: return enc_i(0, 0, 3 + rnd(5), 0, CMS_OPC_CUSTOM0); /* unknown custom-0 */
    case 13: { static const int f7[] = { 0x20, 0x02, 0x40, 0x21, 0x7f, 0x10 };
               int f3 = rnd(8), x = f7[rnd(6)];
               if (x == CMS_F7_ALT && (f3 == CMS_F3_ADD || f3 == CMS_F3_SRL)) f3 = CMS_F3_XOR;
               return enc_r(x, rs2, rs1, f3, rd, CMS_OPC_OP); }
    case 14: return enc_i(IMM_ALT | (uint32_t)rnd(32), rs1, CMS_F3_SLL, rd, CMS_OPC_OP_IMM); /* SLLI f7 */
    case 15: return enc_i((uint32_t)((chance(0.5) ? 0x020 : 0x200) | rnd(32)), rs1, CMS_F3_SRL, rd,
                          CMS_OPC_OP_IMM);                        /* SRLI/SRAI f7 */
    case 16: return enc_j(g_bb, 1 + rnd(31));                      /* JAL rd != 0 */
    case 17: return enc_b(g_bb, rs2 | 16, rs1, CMS_F3_BMI + rnd(2)); /* bmi/bpl, rs2 >= 16 */
    case 18: return enc_r(CMS_F3_BMI + rnd(2), rs2, rs1, CMS_TX_OP_ASSERT, 1 + rnd(31),
                          CMS_OPC_CUSTOM0);                          /* assert.mi/pl, rd != 0 */
    case 19: return enc_i((uint32_t)rnd(2048), 1 + rnd(31), CMS_TX_OP_EXIT, 0, CMS_OPC_CUSTOM0);
    case 20: return enc_i((uint32_t)rnd(2048), 0, CMS_TX_OP_EXIT, 1 + rnd(31), CMS_OPC_CUSTOM0);
    case 21: return enc_i(0x800u | (uint32_t)rnd(2048), 0, CMS_TX_OP_EXIT, 0, CMS_OPC_CUSTOM0);
    case 22: { uint32_t w2 = enc_commit();                          /* COMMIT with a field set */
               int b = rnd(3);
               if (b == 0) return w2 | ((uint32_t)(1 + rnd(31)) << CMS_ENC_RD_LSB);
               if (b == 1) return w2 | ((uint32_t)(1 + rnd(31)) << CMS_ENC_RS1_LSB);
               return w2 | ((uint32_t)(1 + rnd(4095)) << CMS_ENC_IMM_I_LSB); }
    case 23: return enc_r(rnd(8), rs2, rs1, CMS_TX_OP_ASSERT, 1 + rnd(31), CMS_OPC_CUSTOM0);
    case 24: return enc_r(((1 << CMS_ENC_COND_BITS) << rnd(4)) | rnd(8), rs2, rs1, CMS_TX_OP_ASSERT, 0,
                          CMS_OPC_CUSTOM0);
    case 25: { static const int opc[] = { 0x2b, 0x5b, 0x7b, 0x07, 0x27, 0x1b, 0x3b, 0x53 };
               return (rnd32() & ~127u) | (uint32_t)opc[rnd(8)]; }
    default:
        break;
    }
    /* a register field >= 16 in an operation otherwise legal for slot s */
    if (s == 0 && chance(0.5)) w = chance(0.6) ? gen_mem(g, I_NONE) : gen_x(g, I_NONE);
    else if (s == g_ls && chance(0.4))
        w = chance(0.5) ? enc_b(g_bb, rs2, rs1, CMS_F3_BEQ) : enc_assert(CMS_F3_BEQ, rs1, rs2);
    else w = gen_alu(g, -1);
    if (w == NOP_WORD) w = enc_i(1, 1, CMS_F3_ADD, 1, CMS_OPC_OP_IMM);
    switch (dec(w).kind) {
    case NM_K_MUL: case NM_K_DIV: case NM_K_BR: case NM_K_ASSERT: {
        int k = rnd(3);
        if (dec(w).rd < 0 && k == 0) k = 1;
        return w | (k == 0 ? RD_TOP : k == 1 ? RS1_TOP : RS2_TOP);
    }
    case NM_K_LUI: return w | RD_TOP;
    case NM_K_SW: return w | (chance(0.5) ? RS1_TOP : RS2_TOP);
    case NM_K_ALU:
        if (nm_f_opc(w) == CMS_OPC_OP) {
            int k = rnd(3);
            return w | (k == 0 ? RD_TOP : k == 1 ? RS1_TOP : RS2_TOP);
        }
        return w | (chance(0.5) ? RD_TOP : RS1_TOP);
    default: return w | (chance(0.5) ? RD_TOP : RS1_TOP);
    }
}

static uint32_t gen_assert(gctx *g, int want_fail)
{
    int t, cond = 0, rs1 = 0, rs2 = 0;
    for (t = 0; t < 12; t++) {
        cond = conds[rnd(NCONDS)];
        rs1 = reg_src(g);
        rs2 = chance(0.2) ? rs1 : reg_src(g);
        if (nm_bcond(cond, g->pr->tr[rs1], g->pr->tr[rs2]) != want_fail) break;
    }
    return enc_assert(cond, rs1, rs2);
}

static void add_fix(gctx *g, int bi, enum fixkind k, int target, uint32_t delta, int jal, int f3,
                    int rs1, int rs2)
{
    gcase *c = g->c;
    fixup *f;
    if (c->nfix >= MAXFIX) return;
    f = &c->fix[c->nfix++];
    f->bundle = bi;
    f->kind = k;
    f->target = target;
    f->delta = delta;
    f->jal = jal;
    f->f3 = f3;
    f->rs1 = rs1;
    f->rs2 = rs2;
}

/* drop fixups of bundle bi (when the bundle is generated again) */
static void drop_fix(gctx *g, int bi)
{
    gcase *c = g->c;
    int i, n = 0;
    for (i = 0; i < c->nfix; i++)
        if (c->fix[i].bundle != bi) c->fix[n++] = c->fix[i];
    c->nfix = n;
}

/* a branch in bundle bi whose target is patched later; for now it goes to the next bundle */
static uint32_t branch_placeholder(int jal, int f3, int rs1, int rs2)
{
    uint32_t off = g_bb - (uint32_t)g_ls * 4u;
    return jal ? enc_j(off, 0) : enc_b(off, rs2, rs1, f3);
}

static uint32_t gen_cond_branch(gctx *g, int bi, enum fixkind k, int target, uint32_t delta)
{
    int f3 = chance(0.25) ? CMS_F3_BMI + rnd(2) : conds[rnd(NCONDS)];
    int rs1 = reg_src(g), rs2 = chance(0.15) ? 0 : reg_src(g), t;
    if (chance(0.1)) rs1 = rs2 = 0;
    /* bmi/bpl: often on operands (as predicted) whose difference overflows, where its sign is
     * not the signed order (0x80000000 - 1, 0x7fffffff - -1) */
    if ((f3 == CMS_F3_BMI || f3 == CMS_F3_BPL) && chance(0.5))
        for (t = 0; t < 16; t++) {
            uint32_t a = g->pr->tr[rs1], b = g->pr->tr[rs2];
            if (nm_bcond(CMS_F3_BMI, a, b) != nm_bcond(CMS_F3_BLT, a, b)) break;
            rs1 = reg_src(g);
            rs2 = reg_src(g);
        }
    add_fix(g, bi, k, target, delta, 0, f3, rs1, rs2);
    return branch_placeholder(0, f3, rs1, rs2);
}

static uint32_t gen_bad_target(gctx *g, int bi)
{
    enum fixkind k = (enum fixkind)(FX_MIS + rnd(3));
    uint32_t delta = 0;
    int jal = 0, f3 = 0, rs1 = 0, rs2 = 0, r = rnd(10);
    if (k == FX_MIS) delta = chance(0.2) ? 2u : 4u * (uint32_t)(1 + rnd(g_slots - 1));
    else delta = (uint32_t)rnd(4);
    if (r < 4) jal = 1;
    else if (r < 7) f3 = CMS_F3_BEQ;             /* beq x0, x0: always taken */
    else {
        f3 = conds[rnd(NCONDS)];
        rs1 = reg_src(g);
        rs2 = reg_src(g);
    }
    add_fix(g, bi, k, bi + rnd(3), delta, jal, f3, rs1, rs2);
    return branch_placeholder(jal, f3, rs1, rs2);
}

/* ------------------------------------------------------------------ bundles */

static enum intent pick_intent(gctx *g, enum role role)
{
    int r;
    if (g->pr->sbn >= g_sbdepth && chance(role == R_STORE ? 0.8 : 0.4)) {
        switch (rnd(6)) {
        case 0: case 1: return I_SBFULL;
        case 2:
        case 3: return g->c->nprot ? I_PROT : I_BOUNDS;    /* PROT or BOUNDS, and SBFULL */
        default: return I_COMBO;
        }
    }
    /* no other faults in the middle of a store burst or a forwarding pattern */
    if (role == R_STORE || role == R_FST || role == R_FLD || !chance(g->pf.p_intent)) return I_NONE;
    r = rnd(100);
    if (r < 12) return I_BOUNDS;
    if (r < 24) return g->c->nprot ? I_PROT : I_DIVZERO;
    if (r < 38) return I_DIVZERO;
    if (r < 58) return I_ASSERT;
    if (r < 72) return I_ILLEGAL;
    if (r < 84) return role == R_NORMAL ? I_BADTARGET : I_ASSERT;
    return I_COMBO;
}

/* generate the words of bundle bi; minimal: only what the role needs, NOPs elsewhere */
static void gen_bundle(gctx *g, int bi, enum role role, enum intent in, int minimal, uint32_t *w)
{
    int s, rds[NM_MAX_SLOTS], nrds = 0, fixed_slot = -1, ill_slot = -1, fuse = 0;
    uint32_t fixed_word = 0;
    int b_used = role == R_LOOP_CLOSE || role == R_GUARD || role == R_GEXIT || role == R_FINAL ||
                 role == R_COMMIT || (role == R_FLD && chance(0.5));
    enum intent in0 = in, inb = in;

    drop_fix(g, bi);
    if (in == I_COMBO) {
        static const enum intent s0[4] = { I_BOUNDS, I_PROT, I_DIVZERO, I_SBFULL };
        in0 = s0[rnd(4)];
        inb = I_ASSERT;
        /* (DIVZERO: more often, as the pair ILLEGAL+DIVZERO is rare) */
        if (chance(in0 == I_DIVZERO ? 0.6 : 0.3)) ill_slot = rnd(g_slots);
    }
    if (in == I_ILLEGAL) ill_slot = chance(0.4) ? g_ls : rnd(g_slots);

    if (role == R_LOOP_INIT) {
        fixed_slot = rnd(b_used ? g_ls : g_slots);
        fixed_word = enc_i((uint32_t)g->loop_n, 0, CMS_F3_ADD, g->loop_c, CMS_OPC_OP_IMM);
    } else if (role == R_LOOP_DEC) {
        fixed_slot = rnd(g_slots);
        fixed_word = enc_i((uint32_t)-1, g->loop_c, CMS_F3_ADD, g->loop_c, CMS_OPC_OP_IMM);
    }
    if (fixed_slot == g_ls) b_used = 1;

    for (s = 0; s < g_slots; s++) {
        uint32_t x;
        if (s == fixed_slot) {
            w[s] = fixed_word;
            continue;
        }
        if (s == g_ls && b_used) continue;   /* below */
        if (minimal) {
            w[s] = NOP_WORD;
            continue;
        }
        if (s == ill_slot) {
            w[s] = gen_illegal(g, s);
            continue;
        }
        if (s == 0 && (in0 == I_BOUNDS || in0 == I_PROT || in0 == I_SBFULL)) {
            w[s] = gen_mem(g, in0);
        } else if (s == 0 && in0 == I_DIVZERO) {
            w[s] = gen_x(g, in0);
        } else if (s == g_ls && (inb == I_ASSERT || inb == I_BADTARGET)) {
            w[s] = inb == I_ASSERT ? gen_assert(g, 1) : gen_bad_target(g, bi);
        } else if (s == 0 && (role == R_FST || role == R_FLD)) {
            /* two stores of different data to one word, then a load of it: youngest first */
            int rs1, k2, r = reg_src(g);
            uint32_t imm;
            reach(g, g->fwd_off, &rs1, &imm);
            if (role == R_FST) {
                for (k2 = 0; k2 < 8 && g->pr->tr[r] == g->fwd_data; k2++) r = reg_src(g);
                g->fwd_data = g->pr->tr[r];
                w[s] = enc_s(imm, r, rs1, CMS_F3_W, CMS_OPC_STORE);
            } else {
                /* into a TR that is less likely to be overwritten before it is compared */
                int rd = 1 + rnd(NM_NSH - 1);
                if (rd == g->excl) rd = reg_dst(g);
                w[s] = enc_i(imm, rs1, CMS_F3_W, rd, CMS_OPC_LOAD);
            }
        } else if (s == 0 && g->spill > 0 && role != R_STORE) {
            /* store the last slot-0 result (LW/MUL/DIV) so that it shows in memory */
            int rs1;
            uint32_t imm, off = valid_off(g);
            reach(g, off, &rs1, &imm);
            push_recent(g, off);
            w[s] = enc_s(imm, g->spill, rs1, CMS_F3_W, CMS_OPC_STORE);
        } else if (s == 0 && (role == R_STORE || chance(g->pf.p_mem))) {
            g->force_store = role == R_STORE;
            w[s] = gen_mem(g, I_NONE);
            g->force_store = 0;
        } else if (s == 0 && chance(g->pf.p_x)) {
            w[s] = gen_x(g, I_NONE);
        } else if (s == g_ls && role != R_STORE && role != R_FST && role != R_FLD &&
                   chance(g->pf.p_bop)) {
            int k = rnd(100);
            int in_loop = role == R_LOOP_INIT || role == R_LOOP_BODY || role == R_LOOP_DEC;
            double pb = in_loop ? 0 : g->pf.p_branch;
            double sc = 100.0 / (pb + g->pf.p_jal * (in_loop ? 0 : 1) + g->pf.p_commit + g->pf.p_assert);
            if (k < (int)(pb * sc)) {
                if (chance(g->pf.p_ntbad)) {
                    /* never taken, with a bad target: not checked (DOC-SILENT) */
                    static const int nt[4] = { CMS_F3_BNE, CMS_F3_BMI, CMS_F3_BLT, CMS_F3_BLTU };
                    int r = reg_src(g), f3 = nt[rnd(4)];
                    add_fix(g, bi, (enum fixkind)(FX_MIS + rnd(3)), bi, 4, 0, f3, r, r);
                    x = branch_placeholder(0, f3, r, r);
                } else {
                    x = gen_cond_branch(g, bi, FX_FWD, bi + 1 + rnd(4), 0);
                    fuse = 1;
                }
            } else if (k < (int)((pb + (in_loop ? 0 : g->pf.p_jal)) * sc)) {
                add_fix(g, bi, FX_FWD, bi + 1 + rnd(4), 0, 1, 0, 0, 0);
                x = branch_placeholder(1, 0, 0, 0);
            } else if (k < (int)((pb + (in_loop ? 0 : g->pf.p_jal) + g->pf.p_commit) * sc)) {
                x = enc_commit();
            } else {
                x = gen_assert(g, chance(g->pf.p_assert_fail));
            }
            w[s] = x;
        } else {
            int rd = -1;
            if (nrds && chance(g->pf.p_same_rd)) rd = rds[rnd(nrds)];
            w[s] = gen_alu(g, rd);
        }
        {
            /* A-class destinations only: the slot-0 LW/MUL/DIV case is below (its result
             * should mostly stay visible) */
            nm_op o = dec(w[s]);
            if (o.rd > 0 && o.cls == NM_C_A && nrds < NM_MAX_SLOTS) rds[nrds++] = o.rd;
        }
    }
    /* SSEM's SUB then CMP in one bundle: `sub rs1, rs1, rs2` in slot 0 beside the conditional
     * branch on rs1, rs2 (mostly bmi/bpl: the sign of the difference sub writes, read before
     * it is written) */
    if (fuse && g_slots > 1 && 0 != fixed_slot && 0 != ill_slot && chance(g->pf.p_fuse)) {
        nm_op ob = dec(w[g_ls]), o0 = dec(w[0]);
        if (ob.kind == NM_K_BR && (o0.cls == NM_C_A) && ob.rs1 != g->excl)
            w[0] = enc_r(CMS_F7_ALT, ob.rs2, ob.rs1, CMS_F3_ADD, ob.rs1, CMS_OPC_OP);
    }
    /* slot-0 LW/MUL and a later slot writing the same TR: the late result must be dropped */
    if (!minimal && g_slots > 1 && chance(g->pf.p_late_lost)) {
        nm_op o0 = dec(w[0]);
        if ((o0.kind == NM_K_LW || o0.kind == NM_K_MUL || o0.kind == NM_K_DIV) && o0.rd > 0) {
            int t = 1 + rnd(g_slots - 1);
            if (t != fixed_slot && t != ill_slot && !(t == g_ls && b_used)) {
                nm_op ot = dec(w[t]);
                if (ot.kind == NM_K_ALU || ot.kind == NM_K_LUI || ot.kind == NM_K_NOP)
                    w[t] = gen_alu(g, o0.rd);
            }
        }
    }
    if (b_used && fixed_slot != g_ls) {
        switch (role) {
        case R_LOOP_CLOSE: {
            int f3 = chance(0.5) ? CMS_F3_BNE : CMS_F3_BLT;   /* bne c, x0 / blt x0, c */
            int rs1 = f3 == CMS_F3_BNE ? g->loop_c : 0, rs2 = f3 == CMS_F3_BNE ? 0 : g->loop_c;
            add_fix(g, bi, FX_BACK, g->loop_head, 0, 0, f3, rs1, rs2);
            w[g_ls] = branch_placeholder(0, f3, rs1, rs2);
            break;
        }
        case R_GUARD:
            w[g_ls] = gen_cond_branch(g, bi, FX_FWD, bi + 2, 0);
            break;
        case R_COMMIT:
        case R_FLD:
            w[g_ls] = enc_commit();
            break;
        case R_GEXIT:
        case R_FINAL:
            w[g_ls] = enc_exit(chance(0.3) ? (uint32_t)rnd(16) : (uint32_t)rnd(2048));
            break;
        default:
            w[g_ls] = NOP_WORD;
        }
    }
}

/* ------------------------------------------------------------------ a whole case */

static void random_profile(profile *p)
{
    p->p_mem = frand(0.2, 0.8);
    p->p_store = frand(0.3, 0.75);
    p->p_x = frand(0.1, 0.5);
    p->p_div = frand(0.2, 0.6);
    p->p_bop = frand(0.3, 0.8);
    p->p_commit = frand(2, 30);
    p->p_branch = frand(10, 40);
    p->p_jal = frand(0, 8);
    p->p_assert = frand(5, 30);
    p->p_assert_fail = frand(0, 0.15);
    p->p_accident = frand(0, 0.08);
    p->p_intent = frand(0, 0.12);
    p->p_same_rd = frand(0.1, 0.5);
    p->p_late_lost = frand(0, 0.25);
    p->p_spill = frand(0, 0.6);
    p->p_final_ill = 0.25;
    p->p_acc = frand(0.05, 0.5);
    p->p_randval = chance(0.3) ? frand(0.3, 0.8) : 0;
    p->p_loop = frand(0, 0.15);
    p->p_guard = frand(0, 0.08);
    p->p_badenter = 0.03;
    p->p_ntbad = frand(0, 0.1);
    p->p_fuse = frand(0, 0.6);
    p->p_midenter = 0.08;
    p->p_reenter = 0.3;
    p->p_falloff = 0.2;
    p->p_burst = chance(0.4) ? frand(0.05, 0.3) : 0;
    p->p_fwd = chance(0.4) ? frand(0.05, 0.3) : 0;
    p->nb = chance(0.15) ? 1 + rnd(4) : 3 + rnd(chance(0.3) ? MAXB - 5 : 20);
}

static void choose_window(gctx *g)
{
    gcase *c = g->c;
    int k = rnd(100);
    if (k < 52) {
        c->kind = "window";
        c->gwbase_w = TXF_REGION_BASE + 4u * (uint32_t)rnd(512);
        c->gwlimit = 4u * (uint32_t)(4 + rnd(29));
        if (chance(0.15)) c->gwlimit -= 1u + (uint32_t)rnd(3);
        if (chance(0.03)) c->gwlimit = 0;
    } else if (k < 68) {
        c->kind = "tiny-window";
        c->gwbase_w = TXF_REGION_BASE + 4u * (uint32_t)rnd(1024);
        c->gwlimit = 4u * (uint32_t)(1 + rnd(4));
    } else if (k < 80) {
        static const uint32_t lim[] = { 0x1000, 0x1001, 0x1004, 0x0ffd, 0x1800, 0x2000, 0xffffffffu };
        c->kind = "big-window";
        c->gwbase_w = TXF_REGION_BASE + 4u * (uint32_t)rnd(64);
        c->gwlimit = lim[rnd((int)(sizeof lim / sizeof lim[0]))];
    } else if (k < 93) {
        uint32_t m = 1u + (uint32_t)rnd(16);
        c->kind = "dmem-top";
        c->gwbase_w = DMEM_END - 4u * m;
        c->gwlimit = chance(0.2) ? 0xffffffffu : 4u * (m + 1u + (uint32_t)rnd(8));
    } else {
        static const uint32_t base[] = {
            CMS_IMEM_BASE + 0x100, CMS_TC_BASE, CMS_MMIO_BASE, 0xfffff000u,
            CMS_DMEM_BASE - 0x1000, DMEM_END, 0x80000000u
        };
        c->kind = "outside-dmem";
        c->gwbase_w = base[rnd((int)(sizeof base / sizeof base[0]))];
        c->gwlimit = chance(0.5) ? 4u * (uint32_t)(4 + rnd(16)) : 0x2000;
    }
    if (chance(0.05)) c->gwbase_w |= 1u + (uint32_t)rnd(3);   /* GWBASE bits [1:0] read 0 */
}

/* the state the runner sets up before tx.enter (also the look-ahead's start) */
static void setup_state(nm_state *s, const gcase *c)
{
    uint32_t i, v = c->fill_start;
    int k;
    nm_init(s, g_slots, g_sbdepth);
    nm_set_window(s, c->gwbase_w, c->gwlimit);
    for (i = 0; i < REGION_WORDS; i++, v += c->fill_step)
        nm_mem_write(s, TXF_REGION_BASE + 4 * i, v);
    for (k = 0; k < c->nwatch; k++) nm_mem_write(s, c->watch_addr + 4u * (uint32_t)k, c->watch[k]);
    for (k = 0; k < c->nprot; k++) nm_fw_prot(s, c->prot_off[k], 1);
    for (k = 1; k < NM_NTR; k++) nm_fw_wr(s, k, c->tr[k]);
}

static int count_valid(const nm_state *s)
{
    int n = 0;
    for (;;) {
        uint32_t off = 4u * (uint32_t)n, phys = s->gwbase + off, o = phys - CMS_DMEM_BASE;
        if (off >= s->gwlimit || off >= CMS_PROT_WORDS * 4u || o >= CMS_DMEM_BYTES_SIM ||
            !s->dmem_known[o / 4])
            return n;
        n++;
    }
}

static int in_loop_range(const gcase *c, int t, int from)
{
    int i;
    for (i = 0; i < c->nloop; i++)
        if (t >= c->loop_head[i] && t <= c->loop_close[i] &&
            !(from >= c->loop_head[i] && from <= c->loop_close[i]))
            return i;
    return -1;
}

static void resolve_fixups(gcase *c)
{
    int i;
    for (i = 0; i < c->nfix; i++) {
        fixup *f = &c->fix[i];
        uint32_t op = c->code_addr + (uint32_t)f->bundle * g_bb + (uint32_t)g_ls * 4u, target;
        int64_t off;
        int t = f->target, li;
        if (f->bundle >= c->nb) continue;
        if (t > c->nb - 1) t = c->nb - 1;
        switch (f->kind) {
        case FX_FWD:
            li = in_loop_range(c, t, f->bundle);
            if (li >= 0) t = c->loop_head[li] - 1;   /* not into a loop past its counter */
            if (t <= f->bundle) t = f->bundle + 1;
            if (t > c->nb - 1) t = c->nb - 1;
            target = c->code_addr + (uint32_t)t * g_bb;
            break;
        case FX_BACK:
            target = c->code_addr + (uint32_t)t * g_bb;
            break;
        case FX_MIS:
            target = c->code_addr + (uint32_t)t * g_bb + f->delta;
            break;
        case FX_BEFORE:
            target = CMS_TC_BASE - g_bb * (1u + f->delta);
            break;
        default:
            target = TC_END + g_bb * f->delta;
            break;
        }
        off = (int64_t)target - (int64_t)op;
        if (!f->jal && !fits_b(off)) {
            f->jal = 1;                     /* out of branch range: make it a jump */
        }
        if (f->jal && !fits_j(off)) off = 2 - (int64_t)g_ls * 4;   /* cannot happen in an 8 KiB TC */
        c->words[f->bundle * g_slots + g_ls] =
            f->jal ? enc_j((uint32_t)off, 0) : enc_b((uint32_t)off, f->rs2, f->rs1, f->f3);
    }
}

static uint32_t checksum_region(const nm_state *s)
{
    uint32_t i, sum = 0;
    for (i = 0; i < REGION_WORDS; i++)
        sum = sum * 31u + nm_mem_read(s, TXF_REGION_BASE + 4 * i);
    return sum;
}

/* generate case c (number no); 1 if it was kept, 0 if it has to be generated again */
static int gen_case(gcase *c, int no)
{
    gctx g;
    int i, k, bi, ended = 0, nb_target;
    uint32_t w[NM_MAX_SLOTS];

    memset(c, 0, sizeof *c);
    memset(&g, 0, sizeof g);
    c->no = no;
    g.c = c;
    g.pr = &g_pr;
    random_profile(&g.pf);
    choose_window(&g);

    /* memory: fill pattern, then a first look at the window to size the watch block */
    if (chance(0.25)) {
        c->fill_start = 4u * (uint32_t)rnd(8);
        c->fill_step = 4;                  /* words that are valid offsets: chained loads */
    } else {
        c->fill_start = rnd32();
        c->fill_step = rnd32() | 1u;
    }
    setup_state(g.pr, c);
    g.nvalid = count_valid(g.pr);
    if (g.nvalid > 0) {
        c->watch_addr = g.pr->gwbase;
        c->nwatch = g.nvalid < TXF_MAX_WATCH ? g.nvalid : TXF_MAX_WATCH;
    } else {
        c->watch_addr = TXF_REGION_BASE;
        c->nwatch = 4;
    }
    /* hot registers */
    g.nhot = 3 + rnd(4);
    for (i = 0; i < g.nhot; i++) g.hot[i] = 1 + rnd(15);
    for (i = 0; i < c->nwatch; i++) c->watch[i] = pick_value(&g);
    if (g.nvalid > 0 && chance(0.6)) {
        c->nprot = 1 + rnd(4);
        for (i = 0; i < c->nprot; i++)
            c->prot_off[i] = 4u * (uint32_t)rnd(g.nvalid < 64 ? g.nvalid : 64);
        if (chance(0.2) && c->nprot < TXF_MAX_PROT && g.nvalid < CMS_PROT_WORDS)   /* outside the window */
            c->prot_off[c->nprot++] = 4u * (uint32_t)(g.nvalid + rnd(CMS_PROT_WORDS - g.nvalid));
    }
    for (i = 1; i < NM_NTR; i++) c->tr[i] = pick_value(&g);
    setup_state(g.pr, c);

    /* bundles */
    nb_target = g.pf.nb;
    if (nb_target > MAXB - 1) nb_target = MAXB - 1;
    bi = 0;
    while (bi < nb_target - 1 && !ended) {
        enum role role[16];
        int nrole = 0, r;
        /* structure starting here */
        if (bi + 5 < nb_target && c->nloop < MAXLOOP && chance(g.pf.p_loop)) {
            int body = 1 + rnd(3);
            g.loop_c = 1 + rnd(15);
            g.loop_n = chance(0.2) ? 5 + rnd(6) : 1 + rnd(4);
            g.loop_head = bi + 1;
            role[nrole++] = R_LOOP_INIT;
            for (k = 0; k < body - 1; k++) role[nrole++] = R_LOOP_BODY;
            role[nrole++] = R_LOOP_DEC;
            role[nrole++] = R_LOOP_CLOSE;
            c->loop_head[c->nloop] = bi + 1;
            c->loop_close[c->nloop] = bi + nrole - 1;
            c->nloop++;
            g_cstats.loops++;
        } else if (chance(g.pf.p_burst)) {
            /* stores without a commit up to (or just past) a full store buffer, then COMMIT */
            int n = g_sbdepth - g.pr->sbn + rnd(3) - 1;
            if (n < 1) n = 1;
            if (bi + n + 2 > nb_target) nb_target = bi + n + 2 < MAXB - 1 ? bi + n + 2 : MAXB - 1;
            for (k = 0; k < n && bi + nrole + 2 < nb_target && nrole < 15; k++) role[nrole++] = R_STORE;
            if (chance(0.7)) role[nrole++] = R_COMMIT;
            g_cstats.bursts++;
        } else if (bi + 4 < nb_target && chance(g.pf.p_fwd)) {
            g.fwd_off = valid_off(&g);
            g.fwd_data = g.pr->sbn ? g.pr->sb_data[g.pr->sbn - 1] : 0;
            role[nrole++] = R_FST;
            if (chance(0.4)) role[nrole++] = R_NORMAL;
            role[nrole++] = R_FST;
            role[nrole++] = R_FLD;
        } else if (bi + 3 < nb_target && chance(g.pf.p_guard)) {
            role[nrole++] = R_GUARD;
            role[nrole++] = R_GEXIT;
        } else {
            role[nrole++] = R_NORMAL;
        }
        for (r = 0; r < nrole && !ended; r++, bi++) {
            int t, accepted = 0;
            nm_bundle b;
            uint32_t pc = CMS_TC_BASE + (uint32_t)bi * g_bb;
            g.excl = (role[r] >= R_LOOP_INIT && role[r] <= R_LOOP_CLOSE) ? g.loop_c : 0;
            for (t = 0; t < 12 && !accepted; t++) {
                enum intent in = pick_intent(&g, role[r]);
                gen_bundle(&g, bi, role[r], in, 0, w);
                nm_eval_words(g.pr, pc, w, &b);
                if (b.faults & NM_F_UNDEF) continue;
                if (!b.faults) {
                    accepted = 1;
                } else if (in != I_NONE || chance(g.pf.p_accident)) {
                    accepted = 1;
                    ended = 1;            /* the case ends with this abort (most likely) */
                }
            }
            if (!accepted) {
                gen_bundle(&g, bi, role[r], I_NONE, 1, w);
                nm_eval_words(g.pr, pc, w, &b);
            }
            if (!b.faults) nm_apply(g.pr, &b);
            for (k = 0; k < g_slots; k++) c->words[bi * g_slots + k] = w[k];
            g.spill = 0;
            if ((b.op[0].kind == NM_K_LW || b.op[0].kind == NM_K_MUL || b.op[0].kind == NM_K_DIV) &&
                b.op[0].rd > 0 && chance(g.pf.p_spill)) {
                int lost = 0;
                for (k = 1; k < g_slots; k++) lost |= b.op[k].rd == b.op[0].rd;
                if (!lost) g.spill = b.op[0].rd;
            }
        }
    }
    /* the last bundle leaves with EXIT */
    g.excl = 0;
    {
        nm_bundle b;
        int t;
        for (t = 0; t < 12; t++) {
            enum intent in = pick_intent(&g, R_FINAL);
            gen_bundle(&g, bi, R_FINAL, in == I_BADTARGET ? I_NONE : in, 0, w);
            nm_eval_words(g.pr, CMS_TC_BASE + (uint32_t)bi * g_bb, w, &b);
            if (!(b.faults & NM_F_UNDEF) && (!b.faults || in != I_NONE || chance(g.pf.p_accident)))
                break;
        }
        if (t == 12) gen_bundle(&g, bi, R_FINAL, I_NONE, 1, w);
        if (chance(g.pf.p_final_ill)) {
            /* the case ends with an illegal operation: everything before it is still checked
             * through the last commit */
            int sl = chance(0.4) ? g_ls : rnd(g_slots);
            w[sl] = gen_illegal(&g, sl);
        }
        /* DOC-SILENT: the bundle after the last one in the TC is outside the TC */
        if (chance(g.pf.p_falloff)) {
            c->falloff = 1;
            w[g_ls] = chance(0.5) ? NOP_WORD : gen_alu(&g, -1);
        }
        for (k = 0; k < g_slots; k++) c->words[bi * g_slots + k] = w[k];
        bi++;
    }
    c->nb = bi;

    /* placement in the TC, branch targets, entry */
    {
        uint32_t bytes = (uint32_t)c->nb * g_bb, room = (CMS_TC_BYTES - bytes) / g_bb;
        int p = rnd(100);
        if (c->falloff) c->code_addr = TC_END - bytes;
        else if (p < 45) c->code_addr = CMS_TC_BASE;
        else if (p < 80) c->code_addr = CMS_TC_BASE + g_bb * (uint32_t)rnd((int)room + 1);
        else c->code_addr = TC_END - bytes;
    }
    resolve_fixups(c);
    c->enter_addr = c->code_addr;
    if (chance(g.pf.p_midenter)) c->enter_addr = c->code_addr + g_bb * (uint32_t)rnd(c->nb);
    if (chance(g.pf.p_badenter)) {
        static const uint32_t bad[] = { 4, 2, 1 };
        switch (rnd(5)) {
        case 0: c->enter_addr = c->code_addr + bad[rnd(3)]; break;
        case 1: c->enter_addr = TC_END; break;
        case 2: c->enter_addr = CMS_TC_BASE - g_bb; break;
        case 3: c->enter_addr = CMS_IMEM_BASE; break;
        default: c->enter_addr = TXF_REGION_BASE; break;
        }
        if (g_slots == 4 && chance(0.5)) c->enter_addr = c->code_addr + 4u * (uint32_t)(1 + rnd(3));
    }

    /* the expected result: a fresh model from the start */
    setup_state(&g_st, c);
    for (i = 0; i < c->nb * g_slots; i++)
        nm_tc_write(&g_st, c->code_addr + 4u * (uint32_t)i, c->words[i]);
    for (i = 0; i <= c->nre; i++) {   /* c->nre grows inside */
        nm_result *res = &c->res[i];
        if (i > 0) {
            /* firmware between two runs: tx.wr (all scratch TRs after an abort: their values
             * are unspecified), tx.prot; then tx.enter again */
            struct reentry *e = &c->re[i - 1];
            if (e->ctl == 1) nm_fw_commit(&g_st);
            if (e->ctl == 2) nm_fw_rollback(&g_st);
            for (k = 0; k < e->nwr; k++) nm_fw_wr(&g_st, e->wr_n[k], e->wr_v[k]);
            for (k = 0; k < e->nprot; k++) nm_fw_prot(&g_st, e->prot_off[k], e->prot_bit[k]);
            g_cstats.reentries++;
        }
        *res = nm_run_hook(&g_st, i ? c->re[i - 1].enter : c->enter_addr, g_max_bundles, hook,
                            &g_cstats);
        if (res->status == NM_RUN_UNDEF) {
            g_stats.rej_undef++;
            return 0;
        }
        if (res->status == NM_RUN_LIMIT) {
            g_stats.rej_limit++;
            return 0;
        }
        if (i == c->nre && i < MAXRE && chance(i ? 0.3 : g.pf.p_reenter)) {
            /* one more run */
            struct reentry *e = &c->re[c->nre++];
            memset(e, 0, sizeof *e);
            e->enter = chance(0.7) ? c->code_addr : c->code_addr + g_bb * (uint32_t)rnd(c->nb);
            e->ctl = chance(0.25) ? 1 + rnd(2) : 0;
            /* the scratch TRs are unspecified after a rollback (abort or tx.rollback) */
            if (res->status == NM_RUN_ABORT || e->ctl == 2)
                for (k = NM_NSH; k < NM_NTR; k++) {
                    e->wr_n[e->nwr] = k;
                    e->wr_v[e->nwr++] = pick_value(&g);
                }
            for (k = rnd(4); k > 0; k--) {
                e->wr_n[e->nwr] = 1 + rnd(NM_NTR - 1);
                e->wr_v[e->nwr++] = pick_value(&g);
                if (e->nwr >= NM_NTR) break;
            }
            if (g.nvalid > 0)
                for (k = rnd(3); k > 0; k--) {
                    e->prot_off[e->nprot] = c->nprot && chance(0.5) ? c->prot_off[rnd(c->nprot)]
                                          : 4u * (uint32_t)rnd(g.nvalid < 64 ? g.nvalid : 64);
                    e->prot_bit[e->nprot++] = rnd(2);
                }
        }
    }
    if (c->falloff) g_cstats.falloffs++;
    return 1;
}

/* ------------------------------------------------------------------ output */

static void fmt_expected(FILE *f, const gcase *c, const nm_state *s)
{
    int i, ab = c->res[c->nre].status == NM_RUN_ABORT;
    fprintf(f, "c=%d r=", c->no);
    for (i = 0; i <= c->nre; i++) fprintf(f, "%s%08x", i ? "/" : "", (unsigned)c->res[i].rd_value);
    fprintf(f, " t=");
    for (i = 0; i <= c->nre; i++) {
        const nm_result *r = &c->res[i];
        if (i) fprintf(f, "/");
        if (r->status == NM_RUN_ABORT)
            fprintf(f, "1,%08x,1,%08x", (unsigned)r->cause, (unsigned)r->abort_pc);
        else
            fprintf(f, "0");
    }
    fprintf(f, " ts=");
    for (i = 0; i <= c->nre; i++)
        fprintf(f, "%s%08x", i ? "/" : "",
                c->res[i].status == NM_RUN_ABORT ? 0x80000000u | (unsigned)c->res[i].cause : 0u);
    fprintf(f, " tr=");
    for (i = 1; i < (ab ? NM_NSH : NM_NTR); i++) fprintf(f, "%s%08x", i > 1 ? "," : "", (unsigned)s->tr[i]);
    fprintf(f, " m=");
    for (i = 0; i < c->nwatch; i++)
        fprintf(f, "%s%08x", i ? "," : "", (unsigned)nm_mem_read(s, c->watch_addr + 4u * (uint32_t)i));
    fprintf(f, " ck=%08x k=%u,%u,%u,%u,%u,%u,%u rb=", (unsigned)checksum_region(s),
            (unsigned)s->cnt.commits, (unsigned)s->cnt.bundles, (unsigned)s->cnt.ops_a,
            (unsigned)s->cnt.ops_m, (unsigned)s->cnt.ops_x, (unsigned)s->cnt.ops_b,
            (unsigned)s->cnt.sbstores);
    for (i = 0; i < NM_NCAUSE; i++) fprintf(f, "%s%u", i ? "," : "", (unsigned)s->cnt.rb[i]);
    fprintf(f, "\n");
}

static const char *cause_name(int c)
{
    switch (c) {
    case CMS_CAUSE_TX_BOUNDS: return "BOUNDS";
    case CMS_CAUSE_TX_PROT: return "PROT";
    case CMS_CAUSE_TX_SBFULL: return "SBFULL";
    case CMS_CAUSE_TX_ASSERT: return "ASSERT";
    case CMS_CAUSE_TX_DIVZERO: return "DIVZERO";
    case CMS_CAUSE_TX_ILLEGAL: return "ILLEGAL";
    default: return "?";
    }
}

/* the case record (layout: runner.c, run_case) */
static unsigned emit_case(FILE *f, const gcase *c)
{
    int i, k;
    unsigned words = 0;
    char dis[96];
    fprintf(f, "/* ---- case %d (%s%s):", c->no, c->kind, c->falloff ? ", runs off the TC end" : "");
    for (i = 0; i <= c->nre; i++) {
        const nm_result *r = &c->res[i];
        fprintf(f, "%s", i ? ";" : "");
        if (r->status == NM_RUN_ABORT)
            fprintf(f, " abort %s at 0x%05x", cause_name(r->cause), (unsigned)r->abort_pc);
        else
            fprintf(f, " exit %u", (unsigned)r->rd_value);
        fprintf(f, " after %u bundles", r->bundles);
    }
    fprintf(f, " */\n");
    fprintf(f, "    .word %d, 0x%08x, 0x%08x   /* case, GWBASE, GWLIMIT */\n", c->no,
            (unsigned)c->gwbase_w, (unsigned)c->gwlimit);
    fprintf(f, "    .word 0x%08x, 0x%08x   /* fill start, step */\n", (unsigned)c->fill_start,
            (unsigned)c->fill_step);
    fprintf(f, "    .word 0x%08x, %d   /* watch block */\n", (unsigned)c->watch_addr, c->nwatch);
    words += 7;
    for (i = 0; i < c->nwatch; i++)
        fprintf(f, "%s0x%08x%s", i % 8 == 0 ? "    .word " : ", ", (unsigned)c->watch[i],
                i % 8 == 7 || i == c->nwatch - 1 ? "\n" : "");
    words += (unsigned)c->nwatch;
    fprintf(f, "    .word %d   /* protected offsets */\n", c->nprot);
    for (i = 0; i < c->nprot; i++) fprintf(f, "    .word 0x%x\n", (unsigned)c->prot_off[i]);
    words += 1u + (unsigned)c->nprot;
    fprintf(f, "    /* TR1..TR15 */\n");
    for (i = 1; i < NM_NTR; i++)
        fprintf(f, "%s0x%08x%s", i % 8 == 1 ? "    .word " : ", ", (unsigned)c->tr[i],
                i % 8 == 0 || i == NM_NTR - 1 ? "\n" : "");
    words += NM_NTR - 1;
    fprintf(f, "    .word 0x%08x, %d   /* TC address, words */\n", (unsigned)c->code_addr,
            c->nb * g_slots);
    words += 2;
    for (i = 0; i < c->nb; i++) {
        fprintf(f, "    .word ");
        for (k = 0; k < g_slots; k++)
            fprintf(f, "%s0x%08x", k ? ", " : "", (unsigned)c->words[i * g_slots + k]);
        fprintf(f, "   /* 0x%05x:", (unsigned)(c->code_addr + (uint32_t)i * g_bb));
        for (k = 0; k < g_slots; k++) {
            nm_dis_slot(c->words[i * g_slots + k], (unsigned)g_slots, (unsigned)k, dis, sizeof dis);
            fprintf(f, "%s %s", k ? " |" : "", dis);
        }
        fprintf(f, " */\n");
    }
    words += (unsigned)(c->nb * g_slots);
    fprintf(f, "    .word 0x%08x   /* tx.enter */\n", (unsigned)c->enter_addr);
    fprintf(f, "    .word %d   /* re-entries */\n", c->nre);
    words += 2;
    for (i = 0; i < c->nre; i++) {
        const struct reentry *e = &c->re[i];
        fprintf(f, "    .word 0x%08x, %d, %d   /* re-entry %d: tx.enter; %s; tx.wr (TR, value) */\n",
                (unsigned)e->enter, e->ctl, e->nwr, i + 1,
                e->ctl == 1 ? "tx.commit" : e->ctl == 2 ? "tx.rollback" : "-");
        for (k = 0; k < e->nwr; k++) fprintf(f, "    .word %d, 0x%08x\n", e->wr_n[k], (unsigned)e->wr_v[k]);
        fprintf(f, "    .word %d   /* tx.prot (offset, bit) */\n", e->nprot);
        for (k = 0; k < e->nprot; k++)
            fprintf(f, "    .word 0x%x, %d\n", (unsigned)e->prot_off[k], e->prot_bit[k]);
        words += 4u + 2u * (unsigned)(e->nwr + e->nprot);
    }
    return words * 4;
}

static void usage(FILE *f)
{
    fprintf(f, "usage: txgen --seed S --cases N --slots K --out DIR [--sbdepth D] [--max-bundles M]\n"
               "             [--batch-bytes B] [--quiet]\n");
}

int main(int argc, char **argv)
{
    unsigned long long seed = 1;
    long ncases = -1;
    const char *out = NULL;
    unsigned batch_bytes = TXF_BATCH_BYTES;
    int quiet = 0, i;
    char path[4096];
    FILE *fc, *fe;
    static gcase c;
    unsigned used = 0;
    int batch = -1;

    for (i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--quiet")) { quiet = 1; continue; }
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) { usage(stdout); return 0; }
        if (!v) { usage(stderr); return 64; }
        if (!strcmp(a, "--seed")) seed = strtoull(v, NULL, 0);
        else if (!strcmp(a, "--cases")) ncases = strtol(v, NULL, 0);
        else if (!strcmp(a, "--slots")) g_slots = (int)strtol(v, NULL, 0);
        else if (!strcmp(a, "--out")) out = v;
        else if (!strcmp(a, "--sbdepth")) g_sbdepth = (int)strtol(v, NULL, 0);
        else if (!strcmp(a, "--max-bundles")) g_max_bundles = (unsigned)strtoul(v, NULL, 0);
        else if (!strcmp(a, "--batch-bytes")) batch_bytes = (unsigned)strtoul(v, NULL, 0);
        else { fprintf(stderr, "txgen: unknown option %s\n", a); usage(stderr); return 64; }
        i++;
    }
    if (ncases < 0 || !out || (g_slots != 2 && g_slots != 4) || g_sbdepth < 1 ||
        g_sbdepth > NM_SB_MAX) {
        usage(stderr);
        return 64;
    }
    g_ls = g_slots - 1;
    g_bb = (uint32_t)g_slots * 4u;
    rng_state = seed * 0x2545f4914f6cdd1dull + (uint64_t)g_slots;

    if (mkdir(out, 0777) != 0 && errno != EEXIST) {
        perror(out);
        return 1;
    }
    snprintf(path, sizeof path, "%s/cases.S", out);
    fc = fopen(path, "w");
    if (!fc) { perror(path); return 1; }
    snprintf(path, sizeof path, "%s/expected.txt", out);
    fe = fopen(path, "w");
    if (!fe) { perror(path); return 1; }

    fprintf(fc, "/* cases.S -- generated by txgen --seed %llu --cases %ld --slots %d --sbdepth %d;"
                " do not edit.\n * One batch per runner ELF: assemble with -DTXF_BATCH=b. */\n",
            seed, ncases, g_slots, g_sbdepth);
    fprintf(fe, "# txgen --seed %llu --cases %ld --slots %d --sbdepth %d\n", seed, ncases, g_slots,
            g_sbdepth);
    fprintf(fc, "#include \"txf_layout.h\"\n#ifndef TXF_BATCH\n#error \"assemble with -DTXF_BATCH=b\"\n#endif\n");
    for (i = 0; i < ncases; i++) {
        unsigned bytes;
        int j;
        long tries = 0;
        char *buf = NULL;
        size_t blen = 0;
        FILE *mf;
        while (1) {
            memset(&g_cstats, 0, sizeof g_cstats);
            if (gen_case(&c, i)) break;
            if (++tries > 10000) {
                fprintf(stderr, "txgen: cannot generate case %d\n", i);
                return 1;
            }
        }
        /* account the statistics of the kept case */
        {
            unsigned long *d = (unsigned long *)&g_stats, *s2 = (unsigned long *)&g_cstats;
            size_t n = offsetof(stats, rej_undef) / sizeof(unsigned long), m;
            for (m = 0; m < n; m++) d[m] += s2[m];
        }
        g_stats.cases++;
        for (j = 0; j <= c.nre; j++) {
            const nm_result *r = &c.res[j];
            if (r->status == NM_RUN_EXIT) g_stats.exits++;
            else {
                g_stats.aborts[r->cause - CMS_CAUSE_TX_FIRST]++;
                if (r->bundles == 0 && r->cause == CMS_CAUSE_TX_ILLEGAL &&
                    (r->abort_pc & (g_bb - 1) || r->abort_pc - CMS_TC_BASE >= CMS_TC_BYTES))
                    g_stats.bad_enter++;
            }
        }
        mf = open_memstream(&buf, &blen);
        if (!mf) { perror("open_memstream"); return 1; }
        bytes = emit_case(mf, &c);
        fclose(mf);
        if (batch < 0 || used + bytes + 4 > batch_bytes) {
            if (batch >= 0) fprintf(fc, "    .word 0xffffffff   /* end of batch */\n#endif\n");
            batch++;
            used = 12;
            fprintf(fc, "\n#if TXF_BATCH == %d\n    .section .rodata.txf, \"a\"\n    .balign 4\n"
                        "    .globl txf_cases\ntxf_cases:\n    .word TXF_MAGIC, %d, %d   /* magic, SLOTS, SB_DEPTH */\n",
                    batch, g_slots, g_sbdepth);
        }
        fputs(buf, fc);
        free(buf);
        used += bytes;
        fmt_expected(fe, &c, &g_st);
    }
    if (batch >= 0) fprintf(fc, "    .word 0xffffffff   /* end of batch */\n#endif\n");
    fprintf(fc, "\n#if TXF_BATCH < 0 || TXF_BATCH >= %d\n#error \"TXF_BATCH out of range\"\n#endif\n",
            batch + 1);
    fprintf(fc, "/* batches: %d */\n", batch + 1);
    if (fclose(fc) != 0 || fclose(fe) != 0) {
        perror(out);
        return 1;
    }
    snprintf(path, sizeof path, "%s/batches", out);
    fc = fopen(path, "w");
    if (!fc) { perror(path); return 1; }
    fprintf(fc, "%d\n", batch + 1);
    fclose(fc);

    if (!quiet) {
        stats *t = &g_stats;
        fprintf(stderr, "txgen seed %llu SLOTS=%d SB_DEPTH=%d: %lu cases in %d batches "
                        "(%lu regenerated: %lu undefined memory/TC, %lu over %u bundles)\n",
                seed, g_slots, g_sbdepth, t->cases, batch + 1, t->rej_undef + t->rej_limit,
                t->rej_undef, t->rej_limit, g_max_bundles);
        fprintf(stderr, "  outcomes: %lu EXIT, aborts BOUNDS %lu PROT %lu SBFULL %lu ASSERT %lu "
                        "DIVZERO %lu ILLEGAL %lu (bad tx.enter %lu)\n",
                t->exits, t->aborts[0], t->aborts[1], t->aborts[2], t->aborts[3], t->aborts[4],
                t->aborts[5], t->bad_enter);
        fprintf(stderr, "  bundles %lu: loads %lu (forwarded %lu), stores %lu, commits %lu "
                        "(%lu with stores), mul %lu, div %lu, loops %lu\n",
                t->bundles, t->loads, t->fwd_loads, t->stores, t->commits, t->commits_with_stores,
                t->muls, t->divs, t->loops);
        fprintf(stderr, "  same-TR writes in a bundle %lu, late slot-0 result dropped %lu, branches "
                        "taken %lu / not %lu, asserts passed %lu, multi-fault bundles %lu\n",
                t->same_rd, t->late_lost, t->taken, t->untaken, t->assert_pass, t->multi_fault);
        fprintf(stderr, "  loads forwarded past older stores of other data %lu, commits of a full "
                        "buffer %lu, commits with a late slot-0 result %lu, re-entries %lu, runs off "
                        "the TC end %lu, store bursts %lu\n",
                t->fwd_multi, t->full_commits, t->late_commit, t->reentries, t->falloffs, t->bursts);
        fprintf(stderr, "  bmi/bpl taken %lu / not %lu, on operands whose difference's sign is not "
                        "their signed order %lu, beside a sub that writes their source %lu\n",
                t->mi_taken, t->mi_untaken, t->mi_wrap, t->fused);
        fprintf(stderr, "  fault pairs in one bundle:");
        {
            static const char *const fn[6] = { "ILLEGAL", "BOUNDS", "PROT", "SBFULL", "DIVZERO",
                                               "ASSERT" };
            int x, y;
            for (x = 0; x < 6; x++)
                for (y = x + 1; y < 6; y++)
                    if (t->combo[x][y]) fprintf(stderr, " %s+%s %lu", fn[x], fn[y], t->combo[x][y]);
        }
        fprintf(stderr, "\n");
    }
    return 0;
}
