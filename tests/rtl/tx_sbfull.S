/* tx_sbfull.S -- store buffer capacity. N = CFG_SBDEPTH (read at run time): N stores then EXIT
 * or COMMIT are fine; N stores then one more aborts with TX_SBFULL and none of them reach
 * DMEM; after the abort the buffer is empty again; two batches of N with a COMMIT between;
 * CNT_SBHWM reaches N. docs/isa.md section 7. */
#include "test.h"

#define WORDS 128
#define MARK  0x5bf00000

/* fill win[0..WORDS) with MARK + index */
.macro fill_win
    la t5, win
    li t6, 0
.Lfill\@:
    li tp, MARK
    add tp, tp, t6
    sw tp, 0(t5)
    addi t5, t5, 4
    addi t6, t6, 1
    li tp, WORDS
    blt t6, tp, .Lfill\@
.endm

TEST_MAIN
    csrr s0, CMS_CSR_CFG_SBDEPTH               /* N */
    CHECK_RANGE(s0, 1, WORDS / 2 - 1, 1)       /* the window holds 2N + 1 words */
    la a0, win
    csrw CMS_CSR_GWBASE, a0
    li a0, WORDS * 4
    csrw CMS_CSR_GWLIMIT, a0
    CHECK_CSR(CMS_CSR_CNT_SBHWM, 0, 2)

    /* ---- N + 1 stores without a commit (3..8) ---- */
    fill_win
    TR_SET(x3, 0)                              /* offset */
    addi a0, s0, 1
    TX_WR(x4, a0)                              /* count */
    TR_SET(x5, 1)
    TX_EXPECT_ABORT_AT(s_loop, s_loop, CMS_CAUSE_TX_SBFULL, 3)
    CHECK_TR(x3, 0, 4)                         /* rolled back */
    addi a0, s0, 1
    TX_RD(a1, x4)
    CHECK_REG(a1, a0, 4)
    /* nothing reached DMEM */
    la s1, win
    li s2, MARK
    addi s3, s0, 2
1:  lw a0, 0(s1)
    CHECK_REG(a0, s2, 5)
    addi s1, s1, 4
    addi s2, s2, 1
    addi s3, s3, -1
    bnez s3, 1b
    csrr a0, CMS_CSR_CNT_SBHWM
    CHECK_REG(a0, s0, 6)
    csrr a0, CMS_CSR_CNT_SBSTORES
    CHECK_REG(a0, s0, 7)                       /* N entered; the (N+1)th never was */
    CHECK_CSR(CMS_CSR_CNT_RB_BASE + (CMS_CAUSE_TX_SBFULL - CMS_CAUSE_TX_FIRST), 1, 8)

    /* ---- exactly N stores, then EXIT (10..12) ---- */
    TR_SET(x3, 0)
    TX_WR(x4, s0)
    TX_EXPECT_EXIT(s_loop, 6, 10)
    la s1, win
    li s2, 0
    mv s3, s0
1:  lw a0, 0(s1)                               /* win[i] = 4i */
    CHECK_REG(a0, s2, 11)
    addi s1, s1, 4
    addi s2, s2, 4
    addi s3, s3, -1
    bnez s3, 1b
    lw a0, 0(s1)                               /* win[N] untouched */
    li a1, MARK
    add a1, a1, s0
    CHECK_REG(a0, a1, 12)

    /* ---- N stores, COMMIT, N more, EXIT (13..15) ---- */
    fill_win
    TR_SET(x3, 0)
    TX_WR(x4, s0)
    TX_WR(x6, s0)
    TX_EXPECT_EXIT(s_two, 7, 13)
    la s1, win
    li s2, 0
    slli s3, s0, 1
1:  lw a0, 0(s1)
    CHECK_REG(a0, s2, 14)
    addi s1, s1, 4
    addi s2, s2, 4
    addi s3, s3, -1
    bnez s3, 1b
    lw a0, 0(s1)
    li a1, MARK
    slli a2, s0, 1
    add a1, a1, a2
    CHECK_REG(a0, a1, 15)
    csrr a0, CMS_CSR_CNT_SBHWM
    CHECK_REG(a0, s0, 15)

    /* ---- N stores then COMMIT, then one more store: fine (16) ---- */
    TR_SET(x3, 0)
    TX_WR(x4, s0)
    TX_EXPECT_EXIT(s_plus1, 8, 16)
    la a0, win
    slli a1, s0, 2
    add a0, a0, a1
    lw a0, 0(a0)
    slli a1, s0, 2
    CHECK_REG(a0, a1, 16)
    TEST_PASS

TC_IMAGE
/* TR3 = offset, TR4 = count, TR5 = 1: win[TR3/4] = TR3 for count words, then EXIT 6 */
BUNDLE(s_loop)
    sw x3, 0(x3)
    addi x3, x3, 4
BEND
BUNDLE(s_loop_2)
    addi x4, x4, -1
BLAST
    bne x4, x5, s_loop                         /* the old count: runs count times */
BEND
BUNDLE(s_loop_3)
BLAST
    B_EXIT(6)
BEND

/* TR4 = TR6 = N: N stores, COMMIT, N stores, EXIT 7 */
BUNDLE(s_two)
    addi x5, x0, 1
BEND
BUNDLE(s_two_1)
    sw x3, 0(x3)
    addi x3, x3, 4
BEND
BUNDLE(s_two_2)
    addi x4, x4, -1
BLAST
    bne x4, x5, s_two_1
BEND
BUNDLE(s_two_3)
    add x4, x6, x0
BLAST
    B_COMMIT
BEND
BUNDLE(s_two_4)
    sw x3, 0(x3)
    addi x3, x3, 4
BEND
BUNDLE(s_two_5)
    addi x4, x4, -1
BLAST
    bne x4, x5, s_two_4
BEND
BUNDLE(s_two_6)
BLAST
    B_EXIT(7)
BEND

/* TR4 = N: N stores, COMMIT, one store, EXIT 8 */
BUNDLE(s_plus1)
    addi x5, x0, 1
BEND
BUNDLE(s_plus1_1)
    sw x3, 0(x3)
    addi x3, x3, 4
BEND
BUNDLE(s_plus1_2)
    addi x4, x4, -1
BLAST
    bne x4, x5, s_plus1_1
BEND
BUNDLE(s_plus1_3)
BLAST
    B_COMMIT
BEND
BUNDLE(s_plus1_4)
    sw x3, 0(x3)
BLAST
    B_EXIT(8)
BEND

    .data
    .balign 16
win: .space WORDS * 4
