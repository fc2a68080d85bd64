/* tx_rollback.S -- rollback: a sequence that commits, then changes TR1..TR7, buffers stores and
 * faults leaves every shadowed TR at its last committed value, its buffered stores never reach
 * DMEM (nor are they forwarded afterwards), the committed ones do; the same for aborts by other
 * causes; the aborting bundle has no effect; tx.rollback from firmware. docs/isa.md section 7. */
#include "test.h"

#define LIMIT 64
#define FAILS B_ASSERT(1, x0, x0)   /* ASSERT BNE x0, x0: always fails */

TEST_MAIN
    WINDOW_INIT(win, 0xa0, 16, LIMIT)

    /* ---- commit, change everything, fail an ASSERT (1..9) ---- */
    TR_SET(x1, 0x11)
    TR_SET(x2, 0x22)
    TR_SET(x3, 0x33)
    TR_SET(x4, 0x44)
    TR_SET(x5, 0x55)
    TR_SET(x6, 0x66)
    TR_SET(x7, 0x77)
    TX_EXPECT_ABORT_AT(r_a, r_a_9, CMS_CAUSE_TX_ASSERT, 1)
    CHECK_TR(x1, 0x12, 2)                      /* committed by r_a_2 */
    CHECK_TR(x2, 0x24, 2)
    CHECK_TR(x3, 0x33, 3)                      /* never committed: tx.wr values */
    CHECK_TR(x4, 0x44, 3)
    CHECK_TR(x5, 0x55, 4)
    CHECK_TR(x6, 0x66, 4)
    CHECK_TR(x7, 0x77, 5)
    CHECK_MEM(win + 0, 0x12, 6)                /* committed store */
    CHECK_MEM(win + 4, 0xa1, 7)                /* buffered stores dropped */
    CHECK_MEM(win + 8, 0xa2, 7)
    /* the dropped stores are not forwarded to later loads */
    TX_EXPECT_EXIT(r_b, 1, 8)
    CHECK_TR(x1, 0xa1, 8)
    CHECK_TR(x2, 0xa2, 8)
    CHECK_TR(x3, 0x12, 9)

    /* ---- rollback by other causes (10..13) ---- */
    TR_SET(x1, 0x101)
    TX_EXPECT_ABORT_AT(r_div, r_div_3, CMS_CAUSE_TX_DIVZERO, 10)
    CHECK_TR(x1, 0x101, 10)
    CHECK_MEM(win + 0, 0x12, 10)
    TX_EXPECT_ABORT_AT(r_bnd, r_bnd_3, CMS_CAUSE_TX_BOUNDS, 11)
    CHECK_TR(x1, 0x101, 11)
    CHECK_MEM(win + 0, 0x12, 11)
    TX_EXPECT_ABORT_AT(r_ill, r_ill_3, CMS_CAUSE_TX_ILLEGAL, 12)
    CHECK_TR(x1, 0x101, 12)
    CHECK_MEM(win + 0, 0x12, 12)
    /* the last of several commits is the one restored */
    TX_EXPECT_ABORT_AT(r_multi, r_multi_4, CMS_CAUSE_TX_ASSERT, 13)
    CHECK_TR(x1, 2, 13)
    CHECK_MEM(win + 12, 2, 13)

    /* ---- the aborting bundle has no effect (14..15) ---- */
    TR_SET(x1, 5)
    TR_SET(x2, 6)
    TX_EXPECT_ABORT(r_self, CMS_CAUSE_TX_ASSERT, 14)
    CHECK_TR(x1, 5, 14)                        /* slot 0 of the failing bundle */
    TX_EXPECT_ABORT(r_self_ld, CMS_CAUSE_TX_ASSERT, 15)
    CHECK_TR(x2, 6, 15)                        /* a load in the failing bundle */

    /* ---- tx.rollback (16..19) ---- */
    csrr s1, CMS_CSR_CNT_RB_BASE + (CMS_CAUSE_TX_ASSERT - CMS_CAUSE_TX_FIRST)
    csrr s2, CMS_CSR_TXSTAT
    TX_ROLLBACK
    CHECK_TR(x1, 5, 16)                        /* shadow = working already */
    CHECK_TR(x2, 6, 16)
    li a0, 9
    TX_WR(x3, a0)
    TX_ROLLBACK
    CHECK_TR(x3, 9, 17)                        /* tx.wr wrote the shadow too */
    csrr a0, CMS_CSR_CNT_RB_BASE + (CMS_CAUSE_TX_ASSERT - CMS_CAUSE_TX_FIRST)
    CHECK_REG(a0, s1, 18)                      /* not counted per cause */
    csrr a0, CMS_CSR_TXSTAT
    CHECK_REG(a0, s2, 19)
    CHECK_NO_TRAP(19)
    TX_EXPECT_EXIT(r_b, 1, 19)                 /* translation still works */

    /* ---- a load or multiply the bundle before the abort: undone too (20..21) ---- */
    TR_SET(x1, 0x1234)
    TR_SET(x2, 0x5678)
    TX_EXPECT_ABORT_AT(r_ld, r_ld_2, CMS_CAUSE_TX_ASSERT, 20)
    CHECK_TR(x1, 0x1234, 20)
    TX_EXPECT_ABORT_AT(r_mul, r_mul_2, CMS_CAUSE_TX_ASSERT, 21)
    CHECK_TR(x2, 0x5678, 21)
    TX_EXPECT_ABORT_AT(r_ld_bnd, r_ld_bnd_2, CMS_CAUSE_TX_BOUNDS, 21)
    CHECK_TR(x1, 0x1234, 21)
    TEST_PASS

TC_IMAGE
BUNDLE(r_a)
    addi x1, x1, 1
    addi x2, x2, 2
BEND
BUNDLE(r_a_2)
    sw x1, 0(x0)
BLAST
    B_COMMIT
BEND
BUNDLE(r_a_3)
    addi x1, x0, -1
    addi x2, x0, -1
BEND
BUNDLE(r_a_4)
    addi x3, x0, -1
    addi x4, x0, -1
BEND
BUNDLE(r_a_5)
    addi x5, x0, -1
    addi x6, x0, -1
BEND
BUNDLE(r_a_6)
    addi x7, x0, -1
    addi x8, x0, -1
BEND
BUNDLE(r_a_7)
    sw x1, 4(x0)
BEND
BUNDLE(r_a_8)
    sw x3, 8(x0)
BEND
BUNDLE(r_a_9)
    lw x9, 4(x0)
BLAST
    B_ASSERT(0, x1, x0)                       /* BEQ TR1 (-1), 0: fails */
BEND

BUNDLE(r_b)
    lw x1, 4(x0)
BEND
BUNDLE(r_b_2)
    lw x2, 8(x0)
BEND
BUNDLE(r_b_3)
    lw x3, 0(x0)
BLAST
    B_EXIT(1)
BEND

BUNDLE(r_div)
    addi x1, x0, 5
BEND
BUNDLE(r_div_2)
    sw x1, 0(x0)
BEND
BUNDLE(r_div_3)
    div x2, x1, x0
BEND

BUNDLE(r_bnd)
    addi x1, x0, 5
BEND
BUNDLE(r_bnd_2)
    sw x1, 0(x0)
BEND
BUNDLE(r_bnd_3)
    lw x2, LIMIT(x0)
BEND

BUNDLE(r_ill)
    addi x1, x0, 5
BEND
BUNDLE(r_ill_2)
    sw x1, 0(x0)
BEND
BUNDLE(r_ill_3)
    .word 0
BEND

BUNDLE(r_multi)
    addi x1, x0, 1
BLAST
    B_COMMIT
BEND
BUNDLE(r_multi_2)
    sw x1, 12(x0)
BEND
BUNDLE(r_multi_3)
    addi x1, x0, 2
BLAST
    B_COMMIT
BEND
BUNDLE(r_multi_3b)
    sw x1, 12(x0)
BLAST
    B_COMMIT
BEND
BUNDLE(r_multi_3c)
    addi x1, x0, 3
BEND
BUNDLE(r_multi_3d)
    sw x1, 12(x0)
BEND
BUNDLE(r_multi_4)
BLAST
    FAILS
BEND

BUNDLE(r_self)
    addi x1, x0, 77
BLAST
    FAILS
BEND
BUNDLE(r_self_ld)
    lw x2, 0(x0)
BLAST
    FAILS
BEND

BUNDLE(r_ld)
    lw x1, 0(x0)
BEND
BUNDLE(r_ld_2)
BLAST
    FAILS
BEND
BUNDLE(r_mul)
    mul x2, x2, x2
BEND
BUNDLE(r_mul_2)
BLAST
    FAILS
BEND
BUNDLE(r_ld_bnd)
    lw x1, 4(x0)
BEND
BUNDLE(r_ld_bnd_2)
    lw x1, LIMIT(x0)
BEND

    .data
    .balign 16
win: .space 64
