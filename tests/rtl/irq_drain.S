# ARGS: --irq-at 3000 --irq-at 5007 --irq-at 7014 --irq-at 9021 --irq-at 11028 --irq-at 13035 --irq-at 15042 --irq-at 17049
/* irq_drain.S -- eight interrupts, at different phases, into a loop whose iterations divide
 * (a 33-cycle stall) and commit four stores (a 4-cycle drain), with mie.MEIE = 1 and
 * mstatus.MIE = 0. After each abort (rd = TX_ABORT_BIT | TX_IRQ, no trap) the state is exactly
 * one commit: the counter, the quotient and all four stored words agree; the firmware
 * acknowledges (MMIO_IRQ_ACK), mip.MEIP falls, and re-entering continues the loop to its end.
 * docs/isa.md sections 2, 4 and 7. */
#include "test.h"

#define ITER   1000
#define EVENTS 8

TEST_MAIN
    la a0, win
    csrw CMS_CSR_GWBASE, a0
    li a0, 64
    csrw CMS_CSR_GWLIMIT, a0
    csrr a0, CMS_CSR_CFG_SBDEPTH
    CHECK_RANGE(a0, 4, 1000, 1)                /* four stores per commit must fit */
    TR_SET(x1, 0)
    TR_SET(x2, ITER)
    TR_SET(x4, 0)
    TR_SET(x5, 1)
    li a0, MIE_MEIE
    csrw mie, a0
    csrci mstatus, MSTATUS_MIE
    csrr a0, mip
    CHECK_EQ(a0, 0, 1)                         /* must start before the first interrupt */
    li s4, EVENTS
    li s5, 0                                   /* the counter after the previous abort */
    la s6, win
    sw zero, T_COUNT(gp)

next:
    TX_RUN(s0, d_loop)
    CHECK_EQ(s0, ABORTED(CMS_CAUSE_TX_IRQ), 2)
    TX_RD(s1, x1)
    CHECK_RANGE(s1, 0, ITER, 3)
    bltu s1, s5, bad_progress                  /* never goes back */
    lw a0, 0(s6)
    CHECK_REG(a0, s1, 4)                       /* the four words of the last commit */
    lw a0, 4(s6)
    CHECK_REG(a0, s1, 4)
    lw a0, 8(s6)
    CHECK_REG(a0, s1, 4)
    lw a0, 12(s6)
    CHECK_REG(a0, s1, 4)
    TX_RD(a0, x4)
    CHECK_REG(a0, s1, 5)                       /* the quotient committed with them */
    CHECK_NO_TRAP(6)
    li a0, CMS_MMIO_BASE
    sw zero, CMS_MMIO_IRQ_ACK(a0)
    li a1, 1000
1:  csrr a0, mip
    beqz a0, 2f
    addi a1, a1, -1
    bnez a1, 1b
    FAIL(7)                                    /* MEIP did not fall after the acknowledge */
2:  mv s5, s1
    addi s4, s4, -1
    bnez s4, next

    TX_EXPECT_EXIT(d_loop, 1, 8)
    CHECK_TR(x1, ITER, 8)
    CHECK_TR(x4, ITER, 8)
    CHECK_MEM(win + 12, ITER, 8)
    CHECK_CSR(CMS_CSR_CNT_RB_BASE + (CMS_CAUSE_TX_IRQ - CMS_CAUSE_TX_FIRST), EVENTS, 9)
    csrw mie, zero
    TEST_PASS

bad_progress:
    FAIL(3)

TC_IMAGE
/* TR1 = i, TR2 = ITER, TR5 = 1: i += 1, TR4 = i / 1, win[0..3] = i, COMMIT, until i == ITER */
BUNDLE(d_loop)
    addi x1, x1, 1
BEND
BUNDLE(d_loop_2)
    div x4, x1, x5
BEND
BUNDLE(d_loop_3)
    sw x1, 0(x0)
BEND
BUNDLE(d_loop_4)
    sw x1, 4(x0)
BEND
BUNDLE(d_loop_5)
    sw x1, 8(x0)
BEND
BUNDLE(d_loop_6)
    sw x4, 12(x0)
BLAST
    B_COMMIT
BEND
BUNDLE(d_loop_7)
BLAST
    bne x1, x2, d_loop
BEND
BUNDLE(d_loop_8)
BLAST
    B_EXIT(1)
BEND

    .data
    .balign 16
win: .space 64
