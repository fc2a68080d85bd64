# ARGS: --irq-at 4000
/* irq_tx.S -- an external interrupt during a long bundle loop, with mstatus.MIE and mie.MEIE
 * set: the bundle about to complete aborts (rd = TX_ABORT_BIT | TX_IRQ, TXSTAT), the state is
 * that of the last commit (the loop counter agrees with the committed memory), and the trap is
 * taken at once: mcause 0x8000000B, mepc = the instruction after tx.enter. Re-entering finishes
 * the loop. The harness raises irq_i at cycle 4000, in the middle of the loop (~40,000 cycles).
 * docs/isa.md sections 4 and 7. */
#include "test.h"

#define ITER 10000

TEST_MAIN
    la a0, win
    csrw CMS_CSR_GWBASE, a0
    li a0, 64
    csrw CMS_CSR_GWLIMIT, a0
    TR_SET(x1, 0)
    TR_SET(x2, ITER)
    TR_SET(x3, 0)
    li a0, MIE_MEIE
    csrw mie, a0
    csrsi mstatus, MSTATUS_MIE
    csrr a0, mip
    CHECK_EQ(a0, 0, 1)                         /* the loop must start before cycle 4000 */

    /* ---- the interrupted loop (2..9) ---- */
    EXPECT_TRAP
    TX_RUN(s0, l_loop)
.Lret:
    CHECK_EQ(s0, ABORTED(CMS_CAUSE_TX_IRQ), 2)
    lw a0, T_COUNT(gp)
    CHECK_EQ(a0, 1, 3)
    lw a0, T_CAUSE(gp)
    CHECK_EQ(a0, MCAUSE_IRQ_EXT, 3)
    lw a0, T_EPC(gp)
    CHECK_ADDR(a0, .Lret, 4)
    CHECK_CSR(CMS_CSR_TXSTAT, TXSTAT_VALID | CMS_CAUSE_TX_IRQ, 5)
    csrr a0, CMS_CSR_TXPC                      /* one of the loop's bundles */
    TC_ADDR(a1, l_loop)
    sub a0, a0, a1
    CHECK_RANGE(a0, 0, 3 * BUNDLE_BYTES, 5)
    andi a0, a0, BUNDLE_BYTES - 1
    CHECK_EQ(a0, 0, 5)
    TX_RD(s1, x1)                              /* the committed counter... */
    CHECK_RANGE(s1, 1, ITER, 6)                /* ...stopped part way */
    la a0, win
    lw a1, 0(a0)
    CHECK_REG(a1, s1, 7)                       /* ...equals the committed store */
    TX_RD(a1, x3)
    slli a2, s1, 1
    CHECK_REG(a1, a2, 7)                       /* ...and TR3 = 2 * TR1, committed with it */
    CHECK_CSR(CMS_CSR_CNT_RB_BASE + (CMS_CAUSE_TX_IRQ - CMS_CAUSE_TX_FIRST), 1, 8)
    CHECK_CSR(CMS_CSR_CNT_RB_BASE + (CMS_CAUSE_TX_ASSERT - CMS_CAUSE_TX_FIRST), 0, 8)
    csrr a0, mip
    CHECK_EQ(a0, 0, 9)                         /* acknowledged by the handler */
    csrr a0, mstatus
    andi a0, a0, MSTATUS_MIE
    CHECK_EQ(a0, MSTATUS_MIE, 9)

    /* ---- re-enter: the loop finishes (10..11) ---- */
    TX_EXPECT_EXIT(l_loop, 1, 10)
    CHECK_TR(x1, ITER, 10)
    CHECK_TR(x3, 2 * ITER, 10)
    CHECK_MEM(win, ITER, 11)
    CHECK_CSR(CMS_CSR_CNT_RB_BASE + (CMS_CAUSE_TX_IRQ - CMS_CAUSE_TX_FIRST), 1, 11)
    csrw mie, zero
    csrci mstatus, MSTATUS_MIE
    TEST_PASS

TC_IMAGE
#include "commit_loop.inc"

    .data
    .balign 16
win: .space 64
