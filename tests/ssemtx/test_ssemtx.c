/* test_ssemtx.c -- host tests of the SSEM translator (translator/ssem_tx.h), with sanitizers
 * (make test-ssemtx):
 *
 *   ir        the IR of known snippets, before and after optimization, against text written by
 *             hand from the SSEM semantics and docs/translator.md's rules
 *   sched     the scheduler's two ways (docs/translator.md, "Scheduling"): blocks of at most 32
 *             operations (dependences as bit masks) against bundles derived by hand; a block of
 *             38 (the general way) against the bundle counts derived by hand
 *   check     every translation made below: each word legal in its slot (nm_decode_slot),
 *             encode(decode(w)) == w, branch targets bundle aligned inside the translation, and
 *             the schedule against the operations' order (read-after-write in a later bundle,
 *             write-after-read not earlier, memory and B operations in order, nothing after a
 *             branch or commit that comes before it), virtual registers never clobbered live
 *   exact     the future firmware emulated: interpret with the reference until a line is hot,
 *             translate, load into the C model of translation mode (translator/nm_model.h), run,
 *             handle EXITs and ABORTs as the run-time contract says, go on interpreting; the
 *             final state (A, CI raw, store, steps, halted) equals the reference's, at the end
 *             and at many --stop-after points, for every tests/ssem program, the corpus
 *             (../shared/ssem-corpus, skipped when absent) and seeded random programs, with
 *             SLOTS 2 and 4 and SB_DEPTH 4 and 8
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nm_model.h"
#include "ssem_load.h"
#include "ssem_ref.h"
#include "ssem_tx.h"

static unsigned checks, fails;
#define CHECK(cond, ...) do { checks++; if (!(cond)) { fails++; if (fails < 40) { \
    printf("FAIL %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); printf("\n"); } } } while (0)

static uint64_t rng = 0x5eed1948ull;
static uint32_t rnd32(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)(rng >> 16);
}
static uint32_t rnd(uint32_t n) { return rnd32() % n; }

static stx_work *W;
static char text[1 << 17];

/* ------------------------------------------------------------------ the IR of snippets */

static uint32_t ins(unsigned op, unsigned s) { return (op << 13) | s; }

static void expect_text(const char *what, const char *got, const char *want)
{
    CHECK(strcmp(got, want) == 0, "%s: got\n%s\nwanted\n%s", what, got, want);
}

static void test_ir(void)
{
    /* 1 LDN 20; 2 SUB 21; 3 STO 22; 4 LDN 22; 5 CMP; 6 JMP 23; 7 STP; 20: 5; 21: 3; 23: 0 */
    int32_t st[32] = {0};
    uint32_t prof[32] = {0};
    st[1] = (int32_t)ins(2, 20); st[2] = (int32_t)ins(4, 21); st[3] = (int32_t)ins(3, 22);
    st[4] = (int32_t)ins(2, 22); st[5] = (int32_t)ins(6, 0); st[6] = (int32_t)ins(0, 23);
    st[7] = (int32_t)ins(7, 0); st[20] = 5; st[21] = 3; st[23] = 0;
    for (int i = 1; i <= 6; i++) prof[i] = 10;
    CHECK(stx_region(W, st, prof, 1, 4) == STX_OK, "region");
    CHECK(W->meta.const_lines == (1u << 20 | 1u << 21 | 1u << 23), "const lines %x", W->meta.const_lines);
    CHECK(W->meta.written_lines == 1u << 22 && W->meta.ncached == 1, "written");
    CHECK(W->meta.protect == (0x7eu | 1u << 20 | 1u << 21 | 1u << 23), "protect %x", W->meta.protect);
    CHECK(stx_build_ir(W) == STX_OK, "build");
    stx_print_naive(W, text, sizeof text);
    expect_text("naive IR", text,
        "b0(L1):\n"
        "  ; 1 LDN 20\n  v0 = ld m20\n  v1 = neg v0\n  A = v1\n"
        "  ; 2 SUB 21\n  v2 = A\n  v3 = ld m21\n  v4 = sub v2, v3\n  A = v4\n"
        "  ; 3 STO 22\n  v5 = A\n  st m22, v5\n"
        "  ; 4 LDN 22\n  v6 = ld m22\n  v7 = neg v6\n  A = v7\n"
        "  ; 5 CMP\n  v8 = A\n  cmp v8\n"
        "b1(L6):\n"
        "  ; 6 JMP 23\n  v0 = ld m23\n  jmp v0   ; now 0\n");
    CHECK(stx_optimize(W) == STX_OK, "optimize");
    stx_print_opt(W, text, sizeof text);
    /* A = -5 - 3 = -8 stored to line 22, A = 8: constants; the CMP sees 8 >= 0 and falls into
     * line 6 (CI = TR2 + 5 there); JMP 23 sets CI = 0: TR2 = 0 for the header line 1 (skew 0),
     * b1's only work is the loop's back edge: b0 computes its budget flag (TR15) from N at b0's
     * entry: remaining after b0 and b1 >= 6 (b0's maxlen) <=> N >= 5 + 1 + 6. The budget is
     * kept as a skew too: b1 sees remaining = N - 5, and its back edge subtracts 5 + 1. The
     * prologue is made with its registers (its flag in TR8, the first scratch register) */
    expect_text("optimized IR", text,
        "b2: prologue\n"
        "  t8 = slti N, 6\n  m22 = lw [line 22]\n  commit\n  bne t8, 0 -> b3\n"
        "b0(L1): body, lines 1 2 3 4 5, CI = TR2 + 0, budget = N - 0\n"
        "  t15 = slti N, 12\n  A = addi 0, 8\n  m22 = addi 0, -8\n"
        "b1(L6): body, lines 6, CI = TR2 + 5, budget = N - 5\n"
        "  CI = addi 0, 0\n  N = addi N, -6\n  beq t15, 0 -> b0(L1)\n"
        "b4: exit stub (exit 0, next line 1)\n"
        "  sw [line 22], m22\n  commit\n  exit 0\n"
        "b3: exit stub (exit 0, next line 1)\n"
        "  exit 0\n");

    /* copy propagation and algebra: 1 LDN 20; 2 SUB 21; 3 STO 24; 4 SUB 24; 5 STO 25;
     * 6 LDN 25; 7 CMP; 8 JRP 22; 9 STP. Lines 24 and 25 are written (cached): A = -m20 - m21 ...
     * all from the entry values of A, m24, m25 */
    {
        int32_t s2[32] = {0};
        uint32_t p2[32] = {0};
        s2[1] = (int32_t)ins(2, 20); s2[2] = (int32_t)ins(4, 21); s2[3] = (int32_t)ins(3, 24);
        s2[4] = (int32_t)ins(4, 24); s2[5] = (int32_t)ins(3, 25); s2[6] = (int32_t)ins(2, 25);
        s2[7] = (int32_t)ins(6, 0); s2[8] = (int32_t)ins(1, 22); s2[9] = (int32_t)ins(7, 0);
        s2[20] = 100000; s2[21] = 7; s2[22] = -8;    /* JRP 22: 8 - 8 + 1 = line 1 */
        for (int i = 1; i <= 8; i++) p2[i] = 5;
        CHECK(stx_region(W, s2, p2, 1, 4) == STX_OK, "region 2");
        CHECK(stx_build_ir(W) == STX_OK && stx_optimize(W) == STX_OK, "opt 2");
        stx_print_opt(W, text, sizeof text);
        /* A1 = -100000 - 7 = -100007 = m24; A2 = A1 - m24 = 0 = m25; A3 = -0 = 0; CMP falls
         * (0 >= 0) into 8 (CI = TR2 + 7): JRP -8 back to line 1 with CI = TR2 + 7 + 1 - 8, the
         * header's own skew: no CI fix. -100007 = 0xfffe8000 - 1703. Entry check 7 + 1; the
         * back edge's flag, computed in b0: N >= 7 + 1 + 8; the back edge subtracts 7 + 1 */
        expect_text("optimized IR 2", text,
            "b2: prologue\n"
            "  t8 = slti N, 8\n  m24 = lw [line 24]\n  m25 = lw [line 25]\n  commit\n  bne t8, 0 -> b3\n"
            "b0(L1): body, lines 1 2 3 4 5 6 7, CI = TR2 + 0, budget = N - 0\n"
            "  t15 = slti N, 16\n  v0 = lui 0xfffe8\n  A = addi 0, 0\n  m24 = addi v0, -1703\n  m25 = addi 0, 0\n"
            "b1(L8): body, lines 8, CI = TR2 + 7, budget = N - 7\n"
            "  N = addi N, -8\n  beq t15, 0 -> b0(L1)\n"
            "b4: exit stub (exit 0, next line 1)\n"
            "  sw [line 24], m24\n  sw [line 25], m25\n  commit\n  exit 0\n"
            "b3: exit stub (exit 0, next line 1)\n"
            "  exit 0\n");
    }
}

/* ------------------------------------------------------------------ checks of a translation */

static stx_op vops[STX_MAX_OPS];   /* the optimized IR before register allocation */

static void check_translation(const stx_work *w, const uint32_t *words, const stx_meta *m)
{
    unsigned S = m->slots;
    for (uint32_t i = 0; i < m->nwords; i++) {
        nm_op o;
        nm_why why = nm_decode_slot(words[i], S, i % S, &o);
        CHECK(why == NM_OK, "word %u 0x%08x illegal in slot %u: %s", i, words[i], i % S, nm_why_str(why));
        if (why == NM_OK) {
            CHECK(nm_encode(&o) == words[i], "round trip of 0x%08x", words[i]);
            if (o.op == NM_BR || o.op == NM_J) {
                int32_t t = (int32_t)(i * 4u) + (int32_t)o.imm;
                CHECK(t >= 0 && (uint32_t)t < m->nwords * 4u && t % (int32_t)(S * 4) == 0,
                      "branch target %d", t);
            }
            CHECK(o.op != NM_SW || (o.imm / 4u < 32 && !(m->protect >> (o.imm / 4u) & 1u)),
                  "a store to a protected line");
        }
    }
    /* the schedule against the order of the operations (virtual names) */
    for (int b = 0; b < w->norder; b++) {
        const stx_block *k = &w->blk[w->order[b]];
        for (int j = 0; j < k->no; j++) {
            const stx_op *oj = &w->ops[k->o0 + j], *vj = &vops[k->o0 + j];
            nm_class cj = nm_class_of((nm_opk)oj->k);
            if (!oj->k) continue;
            for (int i = 0; i < j; i++) {
                const stx_op *oi = &w->ops[k->o0 + i], *vi = &vops[k->o0 + i];
                nm_class ci = nm_class_of((nm_opk)oi->k);
                bool raw = false;
                if (!oi->k) continue;
                if (vi->d > 0 && (vj->a == vi->d || vj->b == vi->d)) {
                    raw = true;
                    for (int x = i + 1; x < j; x++)
                        if (vops[k->o0 + x].d == vi->d && w->ops[k->o0 + x].k) raw = false;
                }
                /* the co-designed exception: a blt/bge of a SUB's result in the SUB's own bundle,
                 * as bmi/bpl of the SUB's operands (which it then reads as the SUB does) */
                bool fused = raw && oj->k == NM_BR && oi->k == NM_SUB && oi->bun == oj->bun &&
                             ((vj->imm == CMS_F3_BLT && oj->imm == CMS_F3_BMI) ||
                              (vj->imm == CMS_F3_BGE && oj->imm == CMS_F3_BPL)) &&
                             vj->b <= 0 && oj->a == oi->a && oj->b == oi->b;
                if (raw) CHECK(oi->bun < oj->bun || fused, "RAW %d -> %d", i, j);
                if (oj->k == NM_BR && (oj->imm == CMS_F3_BMI || oj->imm == CMS_F3_BPL) && vj->a == vi->d &&
                    raw)
                    CHECK(fused, "bmi/bpl %d without its SUB %d in the same bundle", j, i);
                if (vj->d > 0 && (vi->a == vj->d || vi->b == vj->d)) CHECK(oi->bun <= oj->bun, "WAR");
                if (vj->d > 0 && vi->d == vj->d) CHECK(oi->bun < oj->bun, "WAW");
                if (ci == NM_C_B && cj == NM_C_B) CHECK(oi->bun < oj->bun, "B order");
                if ((ci == NM_C_M || ci == NM_C_X) && (cj == NM_C_M || cj == NM_C_X)) CHECK(oi->bun < oj->bun, "M order");
                if (oj->k == NM_BR || oj->k == NM_J || oj->k == NM_EXIT || oj->k == NM_COMMIT)
                    CHECK(oi->bun <= oj->bun, "op after a branch/commit");
            }
            /* a virtual register's TR is not written by anything else while it is live */
            if (vj->d >= STX_NVREG0) {
                int last = oj->bun;
                for (int u = 0; u < k->no; u++)
                    if (w->ops[k->o0 + u].k && (vops[k->o0 + u].a == vj->d || vops[k->o0 + u].b == vj->d) &&
                        w->ops[k->o0 + u].bun > last)
                        last = w->ops[k->o0 + u].bun;
                CHECK(oj->d >= STX_TR_SCRATCH0 && oj->d < NM_TR_COUNT, "vreg in TR%d", oj->d);
                for (int u = 0; u < k->no; u++) {
                    const stx_op *ou = &w->ops[k->o0 + u];
                    if (u == j || !ou->k || ou->d != oj->d) continue;
                    CHECK(!(ou->bun >= oj->bun && ou->bun < last), "TR%d clobbered while live", oj->d);
                }
            }
        }
    }
}

/* ------------------------------------------------------------------ the scheduler */

/* translate the region of `store` entered at line 1 (lines 1..nlines executed) with `slots`:
 * the bundles' text in text[] (vops: the IR before register allocation, for the checks) */
static void sched_snippet(const int32_t *store, unsigned nlines, unsigned slots)
{
    uint32_t prof[32] = {0};
    stx_err r;
    for (unsigned i = 1; i <= nlines; i++) prof[i] = 5;
    text[0] = 0;
    r = stx_region(W, store, prof, 1, slots);
    if (!r) r = stx_optimize(W);
    if (!r) {
        for (int i = 0; i < W->nops; i++) vops[i] = W->ops[i];
        r = stx_schedule(W);
    }
    if (!r) r = stx_link(W, CMS_TC_BASE);
    CHECK(r == STX_OK, "sched snippet (slots %u): %s", slots, stx_err_str(r));
    if (r) return;
    check_translation(W, W->words, &W->meta);
    stx_print_bundles(W, text, sizeof text);
}

/* the body block of line 1: its bundles and operations */
static void body1(int *nb, int *nops)
{
    const stx_block *k = &W->blk[W->block_of[1]];
    *nb = k->nb;
    *nops = 0;
    for (int i = 0; i < k->no; i++) *nops += W->ops[k->o0 + i].k != 0;
}

static void test_sched(void)
{
    int nb, nops;
    /* test_ir's snippet 2: b0 = t15 = slti N, 16; v1 = lui 0xfffe8; A = addi 0, 0;
     * m24 = addi v1, -1703; m25 = addi 0, 0. Only m24 depends on anything (on v1, a bundle
     * later): heights v1 1, the others 0; priority v1, then program order. SLOTS=2: bundle 0
     * v1 and slti, 1 A (first ready by priority) and m24, 2 m25; the ALU slots in program
     * order; v1 in TR8. SLOTS=4: bundle 0 v1, slti, A, m25 (m24 waits for v1), 1 m24.
     * The prologue: v0 = slti N, 8; lw m24; lw m25; commit; bne v0, 0. Heights: bne 0; commit
     * 1 (B before B); lw m25 1 (into the barrier, latency 0); lw m24 2 (memory before memory);
     * v0 1. SLOTS=2: bundle 0 lw m24, v0 (slot 0 memory, slot 1); 1 lw m25, then commit (its
     * latency-0 dependence placed in the same bundle); 2 bne (after commit, B order) */
    {
        int32_t s2[32] = {0};
        s2[1] = (int32_t)ins(2, 20); s2[2] = (int32_t)ins(4, 21); s2[3] = (int32_t)ins(3, 24);
        s2[4] = (int32_t)ins(4, 24); s2[5] = (int32_t)ins(3, 25); s2[6] = (int32_t)ins(2, 25);
        s2[7] = (int32_t)ins(6, 0); s2[8] = (int32_t)ins(1, 22); s2[9] = (int32_t)ins(7, 0);
        s2[20] = 100000; s2[21] = 7; s2[22] = -8;
        sched_snippet(s2, 8, 2);
        CHECK(strstr(text,
                     "b2: prologue @+0x0000\n"
                     "  00100000: lw x4, 96(x0)          | slti x8, x3, 8\n"
                     "  00100008: lw x5, 100(x0)         | commit\n"
                     "  00100010: nop                    | bne x8, x0, .+60\n"
                     "b0(L1): body @+0x0018\n"
                     "  00100018: slti x15, x3, 16       | lui x8, 0xfffe8\n"
                     "  00100020: addi x1, x0, 0         | addi x4, x8, -1703\n"
                     "  00100028: addi x5, x0, 0         | nop\n"
                     "b1(L8)") != NULL, "snippet 2, SLOTS=2:\n%s", text);
        sched_snippet(s2, 8, 4);
        CHECK(strstr(text,
                     "b0(L1): body @+0x0030\n"
                     "  00100030: slti x15, x3, 16       | lui x8, 0xfffe8     | addi x1, x0, 0      | addi x5, x0, 0\n"
                     "  00100040: addi x4, x8, -1703     | nop                 | nop                 | nop\n"
                     "b1(L8)") != NULL, "snippet 2, SLOTS=4:\n%s", text);
    }
    /* more than 32 operations in a block: 8 x (SUB 28; STO 31; JRP 31) then STP, line 28 =
     * 0x12345678, line 31 = 0 (the JRPs speculated to go on to the next line). JRP k asserts
     * m31 = A - k * 0x12345678 = 0: lui, addi (no multiple has its low 12 bits rounding to
     * 0), add, assert.eq: 32 operations; then the finals A and m31, A - 8 * 0x12345678: 3 each:
     * 38. SLOTS=2: at least 19 bundles, and the 8 chains (lui, addi, add, assert, a bundle
     * apart each) leave none empty: 19. SLOTS=4: the asserts one a bundle in order, the first
     * in bundle 3 at the earliest: bundles 3..10, 11 */
    {
        int32_t s3[32] = {0};
        for (int i = 0; i < 8; i++) {
            s3[1 + 3 * i] = (int32_t)ins(4, 28);
            s3[2 + 3 * i] = (int32_t)ins(3, 31);
            s3[3 + 3 * i] = (int32_t)ins(1, 31);
        }
        s3[25] = (int32_t)ins(7, 0);
        s3[28] = 0x12345678;
        sched_snippet(s3, 25, 2);
        body1(&nb, &nops);
        CHECK(nops == 38 && nb == 19, "38 operations in 19 bundles (SLOTS=2): %d in %d", nops, nb);
        sched_snippet(s3, 25, 4);
        body1(&nb, &nops);
        CHECK(nops == 38 && nb == 11, "38 operations in 11 bundles (SLOTS=4): %d in %d", nops, nb);
    }
}

/* ------------------------------------------------------------------ the emulated firmware */

#define GW_PHYS (CMS_DMEM_BASE + 0x4000u)

typedef struct {
    bool valid;
    stx_meta meta;
} tr_entry;

typedef struct {
    nm_state *ns;
    tr_entry tr[32];
    uint32_t tc_next;
    uint32_t profile[32], retry[32];
    unsigned threshold;
    uint64_t tx_steps, int_steps, translations, exits, aborts[8], flushes;
    int errors;
} emu;

static stx_meta metabuf;
static const char *cur_name = "";
static uint32_t wordbuf[NM_TC_WORDS];

static uint64_t tot_inval;

static void invalidate_line(emu *e, unsigned line)
{
    for (int i = 0; i < 32; i++)
        if (e->tr[i].valid && (e->tr[i].meta.protect >> line & 1u)) {
            tot_inval++;
            e->tr[i].valid = false;
            e->retry[i] = e->profile[i] + 8u * e->threshold;   /* not again at once */
        }
}

static void translate(emu *e, const ssem_state_t *st, unsigned line)
{
    stx_err r;
    uint32_t room;
    r = stx_region(W, st->store, e->profile, line, (unsigned)e->ns->slots);
    if (!r) r = stx_build_ir(W);
    if (!r) r = stx_optimize(W);
    if (!r) {
        for (int i = 0; i < W->nops; i++) vops[i] = W->ops[i];
        r = stx_schedule(W);
    }
    room = (uint32_t)(CMS_TC_BASE + CMS_TC_BYTES) - e->tc_next;
    if (!r && W->nbundles * e->ns->slots * 4u > room) {       /* full: flush */
        for (int i = 0; i < 32; i++) e->tr[i].valid = false;
        e->tc_next = CMS_TC_BASE;
        e->flushes++;
    }
    if (!r) r = stx_link(W, e->tc_next);
    if (r) {
        CHECK(r == STX_E_EMPTY || r == STX_E_REGS, "%s: translate line %u: %s", cur_name, line, stx_err_str(r));
        if (r != STX_E_EMPTY && r != STX_E_REGS && fails < 3) {
            for (int i = 0; i < 32; i++) printf(" %d", st->store[i]);
            printf("\n");
        }
        e->retry[line] = e->profile[line] + 1000;
        return;
    }
    metabuf = W->meta;
    for (uint32_t i = 0; i < metabuf.nwords; i++)
        wordbuf[i] = W->words[i];
    check_translation(W, wordbuf, &metabuf);
    for (uint32_t i = 0; i < metabuf.nwords; i++)
        nm_tc_write(e->ns, metabuf.tc_addr + 4u * i, wordbuf[i]);
    e->tc_next += metabuf.nwords * 4u;
    e->tr[line].valid = true;
    e->tr[line].meta = metabuf;
    e->translations++;
}

/* run the program to N steps (or halt) the way the firmware will; chunk: the largest budget
 * given to one entry (random below it) */
static void emu_run(emu *e, ssem_state_t *st, uint64_t N, uint32_t chunk)
{
    bool no_tx = false;
    while (!st->halted && st->steps < N) {
        unsigned l = (st->ci + 1u) & 31u;
        tr_entry *t = &e->tr[l];
        if (t->valid && !no_tx) {
            uint64_t left = N - st->steps;
            uint32_t B = (uint32_t)(left < chunk ? left : chunk), prot = 0;
            nm_result r;
            if (rnd(3) == 0) B = 1 + rnd(B);
            for (int i = 0; i < 32; i++)
                if (e->tr[i].valid) prot |= e->tr[i].meta.protect;
            for (unsigned i = 0; i < 32; i++) {
                nm_mem_write(e->ns, GW_PHYS + 4u * i, (uint32_t)st->store[i]);
                nm_fw_prot(e->ns, 4u * i, (int)(prot >> i & 1u));
            }
            /* junk in the cached TRs and scratch: the translation must not depend on them */
            for (int i = STX_TR_CACHE0; i < NM_TR_COUNT; i++)
                nm_fw_wr(e->ns, i, rnd32());
            nm_fw_wr(e->ns, STX_TR_A, st->a);
            nm_fw_wr(e->ns, STX_TR_CI, st->ci);
            nm_fw_wr(e->ns, STX_TR_BUDGET, B);
            r = nm_run(e->ns, t->meta.tc_addr, B * 8u + 64u);
            if (r.status == NM_RUN_EXIT || r.status == NM_RUN_ABORT) {
                uint32_t rem = nm_fw_rd(e->ns, STX_TR_BUDGET);
                CHECK(rem <= B, "budget grew: %u > %u", rem, B);
                st->a = nm_fw_rd(e->ns, STX_TR_A);
                st->ci = nm_fw_rd(e->ns, STX_TR_CI);
                st->steps += B - rem;
                e->tx_steps += B - rem;
                for (unsigned i = 0; i < 32; i++)
                    st->store[i] = (int32_t)nm_mem_read(e->ns, GW_PHYS + 4u * i);
                no_tx = rem == B;
            }
            if (r.status == NM_RUN_EXIT) {
                e->exits++;
                CHECK(r.rd_value < STX_EXIT_FIRST + t->meta.nexits, "exit code %u", r.rd_value);
                if (r.rd_value == STX_EXIT_STP)
                    st->halted = 1;
                if (r.rd_value >= STX_EXIT_FIRST)
                    CHECK(((st->ci + 1u) & 31u) == t->meta.exit[r.rd_value - STX_EXIT_FIRST].line,
                          "exit %u: line %u, metadata %u", r.rd_value, (st->ci + 1u) & 31u,
                          t->meta.exit[r.rd_value - STX_EXIT_FIRST].line);
            } else if (r.status == NM_RUN_ABORT) {
                e->aborts[r.cause - CMS_CAUSE_TX_FIRST < 8 ? r.cause - CMS_CAUSE_TX_FIRST : 7]++;
                if (r.abort_pc >= t->meta.tc_addr + t->meta.wb_from)
                    for (unsigned i = 0; i < t->meta.ncached; i++)
                        st->store[t->meta.cached_line[i]] = (int32_t)nm_fw_rd(e->ns, STX_TR_CACHE0 + (int)i);
                no_tx = true;
                if (r.cause == CMS_CAUSE_TX_ASSERT) {
                    t->valid = false;
                    e->retry[l] = e->profile[l] + e->threshold;
                } else if (r.cause == CMS_CAUSE_TX_PROT) {
                    nm_op o;
                    uint32_t w0 = e->ns->tc[(r.abort_pc - CMS_TC_BASE) / 4u];
                    CHECK(nm_decode(w0, &o) == NM_OK && o.op == NM_SW, "PROT abort not at a store");
                    invalidate_line(e, (o.imm / 4u) & 31u);
                } else {
                    CHECK(0, "abort cause %d at 0x%x", r.cause, r.abort_pc);
                    e->errors++;
                    return;
                }
            } else {
                CHECK(0, "model run: %s", r.why ? r.why : "limit");
                e->errors++;
                return;
            }
            continue;
        }
        no_tx = false;
        {
            uint32_t pi = (uint32_t)st->store[l];
            e->profile[l]++;
            if (((pi >> 13) & 7u) == 3u)
                invalidate_line(e, pi & 31u);       /* the protection trap's handler */
            ssem_ref_run(st, st->steps + 1);
            e->int_steps++;
            if (!st->halted && !e->tr[l].valid && e->profile[l] >= e->threshold &&
                e->profile[l] >= e->retry[l])
                translate(e, st, l);
        }
    }
}

static nm_state *NS;
static unsigned nruns, ndiff;
static uint64_t tot_tx, tot_int, tot_trans, tot_aborts, tot_ab[8];

static void one_run(const int32_t *image, uint32_t ci0, uint64_t N, int slots, int sbd,
                    unsigned threshold, uint32_t chunk, const char *name)
{
    static emu e;
    ssem_state_t st, ref;
    ssem_image_t img;
    memset(&e, 0, sizeof e);
    cur_name = name;
    memcpy(img.store, image, sizeof img.store);
    nm_init(NS, slots, sbd);
    nm_set_window(NS, GW_PHYS, 128);
    e.ns = NS;
    e.tc_next = CMS_TC_BASE;
    e.threshold = threshold;
    ssem_ref_init(&st, &img);
    st.ci = ci0;
    ref = st;
    emu_run(&e, &st, N, chunk);
    ssem_ref_run(&ref, N);
    nruns++;
    tot_tx += e.tx_steps;
    tot_int += e.int_steps;
    tot_trans += e.translations;
    for (int i = 0; i < 8; i++) tot_aborts += e.aborts[i], tot_ab[i] += e.aborts[i];
    if (st.a != ref.a || st.ci != ref.ci || st.steps != ref.steps || st.halted != ref.halted ||
        memcmp(st.store, ref.store, sizeof st.store)) {
        ndiff++;
        CHECK(0, "%s slots %d sb %d N %llu: A %d/%d CI %u/%u steps %llu/%llu halted %d/%d", name,
              slots, sbd, (unsigned long long)N, (int)st.a, (int)ref.a, st.ci, ref.ci,
              (unsigned long long)st.steps, (unsigned long long)ref.steps, st.halted, ref.halted);
        for (int i = 0; i < 32; i++)
            if (st.store[i] != ref.store[i]) printf("   line %d: %d, reference %d\n", i, st.store[i], ref.store[i]);
    } else {
        checks++;
    }
}

/* the program at every configuration: its end (or cap) and `nstops` stop points */
static void exact_program(const int32_t *image, uint32_t ci0, uint64_t cap, int nstops, const char *name)
{
    ssem_state_t ref;
    ssem_image_t img;
    uint64_t end;
    memcpy(img.store, image, sizeof img.store);
    ssem_ref_init(&ref, &img);
    ref.ci = ci0;
    ssem_ref_run(&ref, cap);
    end = ref.steps;
    for (int c = 0; c < 4; c++) {
        int slots = c & 1 ? 4 : 2, sbd = c & 2 ? 8 : 4;
        one_run(image, ci0, cap, slots, sbd, 4, 100000, name);
        for (int k = 0; k < nstops; k++) {
            uint64_t N = end < 2 ? end : 1 + (uint64_t)rnd32() % end;
            one_run(image, ci0, N, slots, sbd, 1 + rnd(12), 1 + rnd(3000), name);
        }
    }
}

static int load(const char *path, int32_t *store)
{
    ssem_image_t img;
    char err[4608];
    if (ssem_load_file(path, -1, &img, err, sizeof err)) {
        printf("cannot load %s: %s\n", path, err);
        return -1;
    }
    memcpy(store, img.store, sizeof img.store);
    return 0;
}

static void random_program(int32_t *s)
{
    for (int i = 0; i < 32; i++) {
        uint32_t r = rnd(100);
        if (r < 65) {
            static const unsigned ops[] = { 0, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 6, 6, 6, 7 };
            unsigned op = ops[rnd(sizeof ops / sizeof ops[0])];
            unsigned sl = rnd(4) ? 16 + rnd(16) : rnd(32);
            s[i] = (int32_t)((op << 13) | sl | (rnd(8) == 0 ? rnd32() & 0xffff0000u : 0));
        } else if (r < 90) {
            s[i] = (int32_t)rnd(41) - 20;
        } else {
            s[i] = (int32_t)rnd32();
        }
    }
}

int main(int argc, char **argv)
{
    const char *corpus = NULL;
    unsigned nprog = 0, ncorp = 0, nrand = 0, random_count = 300, seed = 0x1948u;
    bool only_random = false;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--corpus") && i + 1 < argc) corpus = argv[++i];
        else if (!strcmp(argv[i], "--random") && i + 1 < argc) random_count = (unsigned)strtoul(argv[++i], NULL, 0), only_random = true;
        else if (!strcmp(argv[i], "--seed") && i + 1 < argc) seed = (unsigned)strtoul(argv[++i], NULL, 0);
        else { printf("usage: test_ssemtx [--corpus DIR] [--random COUNT [--seed S]]\n"); return 64; }
    }
    W = malloc(sizeof *W);
    NS = malloc(sizeof *NS);
    if (!W || !NS) return 2;

    test_ir();
    printf("ir: %u checks, %u failed\n", checks, fails);
    test_sched();
    printf("sched: %u checks, %u failed\n", checks, fails);

    if (!only_random) {   /* tests/ssem */
        DIR *d = opendir("tests/ssem");
        struct dirent *de;
        while (d && (de = readdir(d))) {
            char path[512];
            int32_t st[32];
            size_t n = strlen(de->d_name);
            if (n < 6 || strcmp(de->d_name + n - 5, ".ssem")) continue;
            snprintf(path, sizeof path, "tests/ssem/%s", de->d_name);
            if (load(path, st)) { CHECK(0, "load %s", path); continue; }
            exact_program(st, 0, strstr(de->d_name, "kilburn") ? 2200000 : 300000, 6, de->d_name);
            nprog++;
        }
        if (d) closedir(d);
    }
    if (corpus && !only_random) {
        char dir[512];
        DIR *d;
        struct dirent *de;
        snprintf(dir, sizeof dir, "%s/normalized", corpus);
        d = opendir(dir);
        if (!d) {
            printf("corpus: %s absent, skipped\n", dir);
        } else {
            while ((de = readdir(d))) {
                char path[1024];
                int32_t st[32];
                size_t n = strlen(de->d_name);
                if (n < 5 || strcmp(de->d_name + n - 4, ".hex")) continue;
                snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
                if (load(path, st)) { CHECK(0, "load %s", path); continue; }
                exact_program(st, 0, 200000, 4, de->d_name);
                ncorp++;
            }
            closedir(d);
        }
    }
    if (!only_random) {
        /* an indirect jump whose line the loop rewrites every iteration (speculated, ASSERTed):
         * 1 LDN 24; 2 STO 24 (24 toggles 6, -6); 3 JRP 24 (to line 10 or 30); 10..14 count++ in
         * line 25; 15 JMP 28 and 30 JMP 28 (line 28 = 0: back to line 1). Never halts. */
        int32_t st[32] = {0};
        st[1] = (int32_t)ins(2, 24); st[2] = (int32_t)ins(3, 24); st[3] = (int32_t)ins(1, 24);
        st[10] = (int32_t)ins(2, 25); st[11] = (int32_t)ins(4, 26); st[12] = (int32_t)ins(3, 27);
        st[13] = (int32_t)ins(2, 27); st[14] = (int32_t)ins(3, 25); st[15] = (int32_t)ins(0, 28);
        st[30] = (int32_t)ins(0, 28); st[24] = -6; st[26] = 1;
        exact_program(st, 0, 20000, 8, "toggled JRP");
        nprog++;
    }
    /* seeded random programs; a few with CI raw far from 0 */
    rng = seed ? seed : 1u;
    for (unsigned i = 0; i < random_count; i++) {
        int32_t st[32];
        uint32_t ci0 = i % 5 == 4 ? rnd32() : 0;
        random_program(st);
        exact_program(st, ci0, 3000, 2, "random");
        nrand++;
    }
    printf("exact: %u programs (tests/ssem and one here), %u corpus records, %u random programs (seed %#x): "
           "%u runs, %u differences\n", nprog, ncorp, nrand, seed, nruns, ndiff);
    printf("  guest instructions translated %llu, interpreted %llu; translations %llu, aborts %llu "
           "(TX_PROT %llu, TX_ASSERT %llu); translations invalidated by stores (self-modifying "
           "code) %llu\n",
           (unsigned long long)tot_tx, (unsigned long long)tot_int, (unsigned long long)tot_trans,
           (unsigned long long)tot_aborts,
           (unsigned long long)tot_ab[CMS_CAUSE_TX_PROT - CMS_CAUSE_TX_FIRST],
           (unsigned long long)tot_ab[CMS_CAUSE_TX_ASSERT - CMS_CAUSE_TX_FIRST],
           (unsigned long long)tot_inval);
    printf("test-ssemtx: %u checks, %u failed\n", checks, fails);
    free(W);
    free(NS);
    return fails ? 1 : 0;
}
