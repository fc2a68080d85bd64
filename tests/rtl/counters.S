/* counters.S -- the hardware counters over known bundle sequences: CNT_BUNDLES, CNT_OPS_A/M/X/B
 * (NOPs not counted, aborted bundles not counted), CNT_COMMITS (COMMIT, EXIT, tx.commit),
 * CNT_RB_BASE+i per cause (tx.rollback not counted), CNT_SBHWM, CNT_SBSTORES, CNT_TXCYC against
 * the timing table, CNT_FWCYC; CFG_SLOTS equals the SLOTS the test was built for.
 * docs/isa.md sections 8 and 9; with CMS_CORE_MC, the timing table of docs/mc.md. */
#include "test.h"

#define LIMIT 256
#define FAILS B_ASSERT(1, x0, x0)
#define CNT_FIRST CMS_CSR_CNT_FWCYC
#define RB(cause) (CMS_CSR_CNT_RB_BASE + (cause) - CMS_CAUSE_TX_FIRST)

/* counter csr moved by val between the snapshots at s10 (before) and s11 (after) */
.macro check_delta csr, val, n, line
    lw t5, ((\csr) - CNT_FIRST) * 4(s10)
    lw t6, ((\csr) - CNT_FIRST) * 4(s11)
    sub t5, t6, t5
    check_eq t5, \val, \n, \line
.endm
.macro check_delta_range csr, lo, hi, n, line
    lw t5, ((\csr) - CNT_FIRST) * 4(s10)
    lw t6, ((\csr) - CNT_FIRST) * 4(s11)
    sub t5, t6, t5
    check_range t5, \lo, \hi, \n, \line
.endm
#define DELTA(csr, val, n)            check_delta csr, val, n, __LINE__
#define DELTA_RANGE(csr, lo, hi, n)   check_delta_range csr, lo, hi, n, __LINE__
#define BEFORE  mv a0, s10; jal ra, snapshot
#define AFTER   mv a0, s11; jal ra, snapshot

/* no translation-mode counter moved except those named by the caller: checks the rest are 0 */
.macro deltas bundles, a, m, x, b, commits, sbstores, n, line
    check_delta CMS_CSR_CNT_BUNDLES, \bundles, \n, \line
    check_delta CMS_CSR_CNT_OPS_A, \a, \n, \line
    check_delta CMS_CSR_CNT_OPS_M, \m, \n, \line
    check_delta CMS_CSR_CNT_OPS_X, \x, \n, \line
    check_delta CMS_CSR_CNT_OPS_B, \b, \n, \line
    check_delta CMS_CSR_CNT_COMMITS, \commits, \n, \line
    check_delta CMS_CSR_CNT_SBSTORES, \sbstores, \n, \line
.endm
#define DELTAS(bundles, a, m, x, b, commits, sbstores, n) \
    deltas bundles, a, m, x, b, commits, sbstores, n, __LINE__

TEST_MAIN
    la s10, snap_a
    la s11, snap_b
    la a0, win
    csrw CMS_CSR_GWBASE, a0
    li a0, LIMIT
    csrw CMS_CSR_GWLIMIT, a0

    /* ---- configuration (1..3) ---- */
    CHECK_CSR(CMS_CSR_CFG_SLOTS, SLOTS, 1)
    CHECK_CSR(CMS_CSR_CFG_TCBYTES, CMS_TC_BYTES, 2)
    csrr s0, CMS_CSR_CFG_SBDEPTH
    CHECK_RANGE(s0, 1, LIMIT / 4 - 1, 3)

    /* ---- a straight sequence (4..8) ---- */
    BEFORE
    TX_EXPECT_EXIT(k_seq, 5, 4)
    AFTER
    DELTAS(4, 2, 2, 1, 2, 2, 1, 4)
    lw s9, (CMS_CSR_CNT_TXCYC - CNT_FIRST) * 4(s10)   /* checked at the end (5) */
    lw t5, (CMS_CSR_CNT_TXCYC - CNT_FIRST) * 4(s11)
    sub s9, t5, s9
    DELTA(CMS_CSR_CNT_RB_BASE + 0, 0, 6)
    DELTA(CMS_CSR_CNT_RB_BASE + 3, 0, 6)
    CHECK_CSR(CMS_CSR_CNT_SBHWM, 1, 7)
    DELTA_RANGE(CMS_CSR_CNT_FWCYC, 1, 200, 8)

    /* ---- a loop: 10 x (A, B) + EXIT (9..10) ---- */
    TR_SET(x1, 0)
    TR_SET(x2, 10)
    BEFORE
    TX_EXPECT_EXIT(k_loop, 6, 9)
    AFTER
    DELTAS(21, 10, 0, 0, 11, 1, 0, 9)
#ifdef CMS_CORE_MC
    DELTA_RANGE(CMS_CSR_CNT_TXCYC, 63, 65, 10)  /* 3 cycles a bundle (docs/mc.md) */
#else
    DELTA_RANGE(CMS_CSR_CNT_TXCYC, 21, 23, 10)
#endif

    /* ---- one bundle per cycle: 1000 iterations of one bundle (11) ---- */
    TR_SET(x1, 0)
    TR_SET(x2, 999)
    BEFORE
    TX_EXPECT_EXIT(k_loop1, 7, 11)
    AFTER
    DELTAS(1001, 1000, 0, 0, 1001, 1, 0, 11)
#ifdef CMS_CORE_MC
    DELTA_RANGE(CMS_CSR_CNT_TXCYC, 3003, 3005, 11)
#else
    DELTA_RANGE(CMS_CSR_CNT_TXCYC, 1001, 1003, 11)
#endif

    /* ---- a divide: +33 cycles (12..13) ---- */
    TR_SET(x1, 100)
    TR_SET(x2, 7)
    BEFORE
    TX_EXPECT_EXIT(k_div, 8, 12)
    AFTER
    DELTAS(2, 0, 0, 1, 1, 1, 0, 12)
#ifdef CMS_CORE_MC
    DELTA_RANGE(CMS_CSR_CNT_TXCYC, 42, 44, 13)   /* 3 + 36 (cms_div_mc) + 3 */
#else
    DELTA_RANGE(CMS_CSR_CNT_TXCYC, 35, 37, 13)   /* 2 bundles + 33 */
#endif
    CHECK_TR(x3, 14, 13)

    /* ---- an aborted bundle is not counted (14..15) ---- */
    BEFORE
    TX_EXPECT_ABORT_AT(k_abort, k_abort_2, CMS_CAUSE_TX_ASSERT, 14)
    AFTER
    DELTAS(1, 1, 0, 0, 0, 0, 0, 14)
    DELTA(RB(CMS_CAUSE_TX_ASSERT), 1, 15)

    /* ---- one abort of each cause (16..24) ---- */
    BEFORE
    TX_EXPECT_ABORT(k_bnd, CMS_CAUSE_TX_BOUNDS, 16)
    li a0, 0
    li a1, 1
    TX_PROT(a0, a1)
    TX_EXPECT_ABORT(k_st0, CMS_CAUSE_TX_PROT, 17)
    TX_PROT(a0, x0)
    TR_SET(x3, 0)
    addi a0, s0, 1
    TX_WR(x4, a0)
    TX_EXPECT_ABORT(k_sb, CMS_CAUSE_TX_SBFULL, 18)
    TX_EXPECT_ABORT(k_abort_2, CMS_CAUSE_TX_ASSERT, 19)
    TX_EXPECT_ABORT(k_dz, CMS_CAUSE_TX_DIVZERO, 20)
    TX_EXPECT_ABORT(k_ill, CMS_CAUSE_TX_ILLEGAL, 21)
    AFTER
    DELTA(RB(CMS_CAUSE_TX_BOUNDS), 1, 16)
    DELTA(RB(CMS_CAUSE_TX_PROT), 1, 17)
    DELTA(RB(CMS_CAUSE_TX_SBFULL), 1, 18)
    DELTA(RB(CMS_CAUSE_TX_ASSERT), 1, 19)
    DELTA(RB(CMS_CAUSE_TX_DIVZERO), 1, 20)
    DELTA(RB(CMS_CAUSE_TX_ILLEGAL), 1, 21)
    DELTA(RB(CMS_CAUSE_TX_IRQ), 0, 22)
    CHECK_CSR(RB(CMS_CAUSE_TX_IRQ), 0, 22)     /* no interrupt in this test */
    CHECK_CSR(CMS_CSR_CNT_RB_BASE + 7, 0, 22)  /* 0xFCF reads 0 */
    /* the SBFULL run: N stores entered, N loop bundles + N branch bundles completed */
    lw t5, (CMS_CSR_CNT_SBSTORES - CNT_FIRST) * 4(s10)
    lw a0, (CMS_CSR_CNT_SBSTORES - CNT_FIRST) * 4(s11)
    sub a0, a0, t5
    CHECK_REG(a0, s0, 23)
    csrr a0, CMS_CSR_CNT_SBHWM
    CHECK_REG(a0, s0, 23)
    DELTA(CMS_CSR_CNT_COMMITS, 0, 24)
    CHECK_CSR(CMS_CSR_CNT_RB_BASE + 0, 1, 24)  /* absolute values since reset */
    CHECK_CSR(CMS_CSR_CNT_RB_BASE + 1, 1, 24)
    CHECK_CSR(CMS_CSR_CNT_RB_BASE + 2, 1, 24)
    CHECK_CSR(CMS_CSR_CNT_RB_BASE + 3, 2, 24)
    CHECK_CSR(CMS_CSR_CNT_RB_BASE + 4, 1, 24)
    CHECK_CSR(CMS_CSR_CNT_RB_BASE + 5, 1, 24)

    /* ---- tx.commit counts, tx.rollback does not (25..26) ---- */
    BEFORE
    TX_COMMIT
    TX_ROLLBACK
    TX_COMMIT
    AFTER
    DELTAS(0, 0, 0, 0, 0, 2, 0, 25)
    DELTA(RB(CMS_CAUSE_TX_BOUNDS), 0, 26)
    DELTA(RB(CMS_CAUSE_TX_ASSERT), 0, 26)
    DELTA(RB(CMS_CAUSE_TX_ILLEGAL), 0, 26)
    DELTA(CMS_CSR_CNT_TXCYC, 0, 26)

    /* ---- firmware work moves FWCYC only (27) ---- */
    BEFORE
    li a0, 50
1:  addi a0, a0, -1
    bnez a0, 1b
    AFTER
    DELTAS(0, 0, 0, 0, 0, 0, 0, 27)
    DELTA(CMS_CSR_CNT_TXCYC, 0, 27)
#ifdef CMS_CORE_MC
    DELTA_RANGE(CMS_CSR_CNT_FWCYC, 200, 400, 27)  /* 2 cycles an instruction, 3 a store */
#else
    DELTA_RANGE(CMS_CSR_CNT_FWCYC, 100, 200, 27)
#endif

    /* ---- k_seq's TXCYC: 4 bundles + the EXIT's commit draining 1 store, in translation
     * mode (EXIT = "commit, then leave translation mode"; +1 slack) (5) ---- */
#ifdef CMS_CORE_MC
    /* 4 cycles for each bundle (two results; a multiply, store or load in slot 0), and the
     * drain: one cycle to read the first entry, one to write it */
    CHECK_RANGE(s9, 18, 20, 5)
#else
    CHECK_RANGE(s9, 5, 7, 5)
#endif
    TEST_PASS

/* a0 = buffer: CSRs 0xFC0..0xFD1 */
snapshot:
    csrr t0, 0xfc0
    sw t0, 0(a0)
    csrr t0, 0xfc1
    sw t0, 4(a0)
    csrr t0, 0xfc2
    sw t0, 8(a0)
    csrr t0, 0xfc3
    sw t0, 12(a0)
    csrr t0, 0xfc4
    sw t0, 16(a0)
    csrr t0, 0xfc5
    sw t0, 20(a0)
    csrr t0, 0xfc6
    sw t0, 24(a0)
    csrr t0, 0xfc7
    sw t0, 28(a0)
    csrr t0, 0xfc8
    sw t0, 32(a0)
    csrr t0, 0xfc9
    sw t0, 36(a0)
    csrr t0, 0xfca
    sw t0, 40(a0)
    csrr t0, 0xfcb
    sw t0, 44(a0)
    csrr t0, 0xfcc
    sw t0, 48(a0)
    csrr t0, 0xfcd
    sw t0, 52(a0)
    csrr t0, 0xfce
    sw t0, 56(a0)
    csrr t0, 0xfcf
    sw t0, 60(a0)
    csrr t0, 0xfd0
    sw t0, 64(a0)
    csrr t0, 0xfd1
    sw t0, 68(a0)
    ret

TC_IMAGE
/* 4 bundles: A A | X B(COMMIT) | M | M B(EXIT) */
BUNDLE(k_seq)
    addi x1, x0, 1
    addi x2, x0, 2
BEND
BUNDLE(k_seq_2)
    mul x3, x1, x2
BLAST
    B_COMMIT
BEND
BUNDLE(k_seq_3)
    sw x3, 0(x0)
BEND
BUNDLE(k_seq_4)
    lw x5, 0(x0)
BLAST
    B_EXIT(5)
BEND

/* TR1 = 0, TR2 = 10: (A) (B) x 10, then EXIT */
BUNDLE(k_loop)
    addi x1, x1, 1
BEND
BUNDLE(k_loop_2)
BLAST
    bne x1, x2, k_loop
BEND
BUNDLE(k_loop_3)
BLAST
    B_EXIT(6)
BEND

/* TR1 = 0, TR2 = 999: one bundle (A, B) while the old TR1 != 999: 1000 times */
BUNDLE(k_loop1)
    addi x1, x1, 1
BLAST
    bne x1, x2, k_loop1
BEND
BUNDLE(k_loop1_2)
BLAST
    B_EXIT(7)
BEND

BUNDLE(k_div)
    div x3, x1, x2
BEND
BUNDLE(k_div_2)
BLAST
    B_EXIT(8)
BEND

BUNDLE(k_abort)
    addi x1, x0, 5
BEND
BUNDLE(k_abort_2)
    addi x2, x0, 6
BLAST
    FAILS
BEND

BUNDLE(k_bnd)
    lw x1, LIMIT(x0)
BEND
BUNDLE(k_st0)
    sw x1, 0(x0)
BEND
/* TR3 = 0, TR4 = count */
BUNDLE(k_sb)
    sw x3, 0(x3)
    addi x3, x3, 4
BEND
BUNDLE(k_sb_2)
    addi x4, x4, -1
BLAST
    bne x4, x0, k_sb
BEND
BUNDLE(k_dz)
    div x1, x1, x0
BEND
BUNDLE(k_ill)
    .word 0
BEND

    .data
    .balign 16
snap_a: .space 32 * 4
snap_b: .space 32 * 4
win:    .space LIMIT
