# ARGS: --irq-at 3000
/* irq_fw.S -- the external interrupt in firmware mode. The harness raises irq_i at cycle 3000
 * (first line: the runner's ARGS) and holds it until the chip pulses irq_ack_o (MMIO_IRQ_ACK).
 * mip.MEIP follows irq_i; masked by mie.MEIE = 0 or by mstatus.MIE = 0 it is not taken; with
 * both set it is taken before the next instruction: mcause 0x8000000B, mepc = that
 * instruction, MPIE = 1, MIE = 0 in the handler, MRET restores MIE. docs/isa.md section 4. */
#include "test.h"

TEST_MAIN
    csrr a0, mip
    CHECK_EQ(a0, 0, 1)                         /* the test must start before cycle 3000 */
    /* ---- MIE = 1, MEIE = 0: wait for MEIP, nothing taken (2..3) ---- */
    csrw mie, zero
    csrsi mstatus, MSTATUS_MIE
    li s0, 200000
1:  csrr a0, mip
    bnez a0, 2f                                /* MEIP is mip's only bit */
    addi s0, s0, -1
    bnez s0, 1b
    FAIL(2)                                    /* MEIP never rose */
2:  csrr s1, mcycle
    CHECK_RANGE(s1, 2990, 3100, 2)             /* raised at (harness) cycle 3000 */
    li s0, 100
1:  addi s0, s0, -1
    bnez s0, 1b
    CHECK_NO_TRAP(3)
    csrr a0, mip
    CHECK_EQ(a0, MIP_MEIP, 3)                  /* level: pending until acknowledged */

    /* ---- MIE = 0, MEIE = 1: nothing taken (4) ---- */
    csrci mstatus, MSTATUS_MIE
    li a0, MIE_MEIE
    csrw mie, a0
    li s0, 100
1:  addi s0, s0, -1
    bnez s0, 1b
    CHECK_NO_TRAP(4)
    csrr a0, mip
    CHECK_EQ(a0, MIP_MEIP, 4)

    /* ---- both set: taken before the next instruction (5..10) ---- */
    EXPECT_TRAP
    csrsi mstatus, MSTATUS_MIE
.Lirq_here:
    nop
    lw a0, T_COUNT(gp)
    CHECK_EQ(a0, 1, 5)
    lw a0, T_CAUSE(gp)
    CHECK_EQ(a0, MCAUSE_IRQ_EXT, 6)
    lw a0, T_EPC(gp)
    CHECK_ADDR(a0, .Lirq_here, 7)
    lw a0, T_MSTATUS(gp)                       /* in the handler */
    andi a0, a0, MSTATUS_MIE | MSTATUS_MPIE
    CHECK_EQ(a0, MSTATUS_MPIE, 8)
    lw a0, T_MIP(gp)
    CHECK_EQ(a0, MIP_MEIP, 8)
    csrr a0, mstatus                           /* after MRET */
    andi a0, a0, MSTATUS_MIE | MSTATUS_MPIE
    CHECK_EQ(a0, MSTATUS_MIE | MSTATUS_MPIE, 9)
    csrr a0, mip                               /* acknowledged by the handler */
    CHECK_EQ(a0, 0, 10)
    li s0, 100
1:  addi s0, s0, -1
    bnez s0, 1b
    lw a0, T_COUNT(gp)
    CHECK_EQ(a0, 1, 10)                        /* taken once */
    csrw mie, zero
    csrci mstatus, MSTATUS_MIE
    TEST_PASS
