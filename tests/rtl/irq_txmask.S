# ARGS: --irq-at 4000
/* irq_txmask.S -- an external interrupt during a bundle loop with mie.MEIE = 1 but
 * mstatus.MIE = 0: translation aborts (rd = TX_ABORT_BIT | TX_IRQ, state = last commit) and no
 * trap is taken; while still pending, the next tx.enter aborts in its first bundle; with
 * MEIE = 0 it neither aborts translation nor traps, so the loop finishes; setting MEIE with
 * MIE = 1 then takes it in firmware mode. docs/isa.md sections 4 and 7. */
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
    csrci mstatus, MSTATUS_MIE
    csrr a0, mip
    CHECK_EQ(a0, 0, 1)                         /* the loop must start before cycle 4000 */

    /* ---- MIE = 0: abort, no trap (2..8) ---- */
    sw zero, T_COUNT(gp)
    TX_RUN(s0, l_loop)
    CHECK_EQ(s0, ABORTED(CMS_CAUSE_TX_IRQ), 2)
    CHECK_NO_TRAP(3)
    CHECK_CSR(CMS_CSR_TXSTAT, TXSTAT_VALID | CMS_CAUSE_TX_IRQ, 4)
    TX_RD(s1, x1)
    CHECK_RANGE(s1, 1, ITER, 5)
    la a0, win
    lw a1, 0(a0)
    CHECK_REG(a1, s1, 6)
    TX_RD(a1, x3)
    slli a2, s1, 1
    CHECK_REG(a1, a2, 6)
    csrr a0, mip
    CHECK_EQ(a0, MIP_MEIP, 7)                  /* still pending */
    CHECK_CSR(CMS_CSR_CNT_RB_BASE + (CMS_CAUSE_TX_IRQ - CMS_CAUSE_TX_FIRST), 1, 8)

    /* ---- still pending: the first bundle aborts, nothing completes (9..11) ---- */
    csrr s2, CMS_CSR_CNT_BUNDLES
    TX_RUN(s0, l_loop)
    CHECK_EQ(s0, ABORTED(CMS_CAUSE_TX_IRQ), 9)
    CHECK_NO_TRAP(9)
    csrr a0, CMS_CSR_TXPC
    TC_ADDR(a1, l_loop)
    CHECK_REG(a0, a1, 10)
    csrr a0, CMS_CSR_CNT_BUNDLES
    CHECK_REG(a0, s2, 11)
    TX_RD(a0, x1)
    CHECK_REG(a0, s1, 11)

    /* ---- MEIE = 0: the loop runs to its end (12..14) ---- */
    csrw mie, zero
    csrsi mstatus, MSTATUS_MIE
    TX_EXPECT_EXIT(l_loop, 1, 12)
    CHECK_TR(x1, ITER, 12)
    CHECK_MEM(win, ITER, 13)
    csrr a0, mip
    CHECK_EQ(a0, MIP_MEIP, 14)
    CHECK_CSR(CMS_CSR_CNT_RB_BASE + (CMS_CAUSE_TX_IRQ - CMS_CAUSE_TX_FIRST), 2, 14)

    /* ---- MEIE = 1 with MIE = 1: taken in firmware mode (15..18) ---- */
    li a0, MIE_MEIE
    EXPECT_TRAP
    csrw mie, a0
.Lirq_here:
    nop
    lw a0, T_COUNT(gp)
    CHECK_EQ(a0, 1, 15)
    lw a0, T_CAUSE(gp)
    CHECK_EQ(a0, MCAUSE_IRQ_EXT, 16)
    lw a0, T_EPC(gp)
    CHECK_ADDR(a0, .Lirq_here, 17)
    csrr a0, mip
    CHECK_EQ(a0, 0, 18)
    TX_EXPECT_EXIT(l_exit, 2, 18)              /* translation runs normally again */
    csrw mie, zero
    csrci mstatus, MSTATUS_MIE
    TEST_PASS

TC_IMAGE
#include "commit_loop.inc"
BUNDLE(l_exit)
BLAST
    B_EXIT(2)
BEND

    .data
    .balign 16
win: .space 64
