/* fw_hazard.S -- firmware-mode dependences around results that arrive late (loads, MUL, DIV,
 * CSR reads, tx.rd, tx.enter's rd): every kind of consumer right after (ALU, branch, JALR
 * target, store address and data, CSR write, tx.wr, tx.prot, tx.enter), a later instruction
 * writing the same register (the later write wins), and a trap right after a load (the load
 * still completes). RISC-V sequential semantics; docs/isa.md section 9 (no load-use stall is a
 * timing matter, the values are not). */
#include "test.h"

TEST_MAIN
    la s0, data
    la a0, win
    csrw CMS_CSR_GWBASE, a0
    li a0, 64
    csrw CMS_CSR_GWLIMIT, a0

    /* ---- a later write to the same register wins (1..6) ---- */
    lw a0, 0(s0)
    li a0, 5
    CHECK_EQ(a0, 5, 1)
    lw a0, 0(s0)
    addi a0, x0, 6
    addi a1, a0, 0
    CHECK_EQ(a1, 6, 1)
    lw a0, 0(s0)
    lw a0, 4(s0)
    CHECK_EQ(a0, 0x22222222, 2)
    li a1, 3
    mul a0, a1, a1
    li a0, 7
    CHECK_EQ(a0, 7, 3)
    mul a0, a1, a1
    lw a0, 0(s0)
    CHECK_EQ(a0, 0x11111111, 3)
    div a0, a1, a1
    li a0, 8
    CHECK_EQ(a0, 8, 4)
    csrr a0, mscratch
    li a0, 9
    CHECK_EQ(a0, 9, 5)
    lw a0, 0(s0)
    csrr a0, mhartid
    CHECK_EQ(a0, 0, 6)
    lw a0, 0(s0)
    TX_RD(a0, x0)
    CHECK_EQ(a0, 0, 6)

    /* ---- consumers of a load result right after it (10..19) ---- */
    lw a0, 8(s0)                               /* = address of .Ljt */
    jalr ra, 0(a0)
    FAIL(10)
.Ljt:
    lw a0, 12(s0)                              /* = address of data */
    lw a1, 4(a0)
    CHECK_EQ(a1, 0x22222222, 11)
    lw a0, 12(s0)
    sw s0, 16(a0)                              /* store address */
    lw a1, 16(s0)
    CHECK_REG(a1, s0, 12)
    lw a0, 0(s0)
    sw a0, 20(s0)                              /* store data */
    lw a1, 20(s0)
    CHECK_EQ(a1, 0x11111111, 13)
    lw a0, 0(s0)
    csrw mscratch, a0                          /* CSR write */
    csrr a1, mscratch
    CHECK_EQ(a1, 0x11111111, 14)
    lw a0, 4(s0)
    csrrw a1, mscratch, a0
    csrr a1, mscratch
    CHECK_EQ(a1, 0x22222222, 14)
    lw a0, 0(s0)
    TX_WR(x5, a0)                              /* tx.wr */
    CHECK_TR(x5, 0x11111111, 15)
    lw a0, 24(s0)                              /* = 8 */
    li a1, 1
    TX_PROT(a0, a1)                            /* tx.prot offset */
    TX_PROTRD(a2, a0)
    CHECK_EQ(a2, 1, 16)
    lw a1, 28(s0)                              /* = 0 */
    TX_PROT(a0, a1)                            /* tx.prot value */
    TX_PROTRD(a2, a0)
    CHECK_EQ(a2, 0, 16)
    lw a0, 32(s0)                              /* = TC address of b_exit */
    TX_ENTER(a1, a0)                           /* tx.enter target */
    CHECK_EQ(a1, 5, 17)
    lw a0, 0(s0)
    li a1, 0x11111111
    beq a0, a1, 1f                             /* branch */
    FAIL(18)
1:  lw a0, 0(s0)
    bne a0, a1, 2f
    j 3f
2:  FAIL(18)
3:

    /* ---- consumers of MUL, DIV, CSR, tx.rd, tx.protrd, tx.enter results (20..29) ---- */
    li a1, 6
    mul a0, a1, a1
    beq a0, x0, 1f
    sw a0, 20(s0)
    lw a2, 20(s0)
    CHECK_EQ(a2, 36, 20)
    j 2f
1:  FAIL(20)
2:  mul a0, a1, a1
    csrw mscratch, a0
    csrr a2, mscratch
    CHECK_EQ(a2, 36, 21)
    div a0, a1, a1
    add a0, a0, a0
    CHECK_EQ(a0, 2, 22)
    li a0, 0x1234
    csrw mscratch, a0
    csrr a0, mscratch
    addi a0, a0, 1
    CHECK_EQ(a0, 0x1235, 23)
    csrr a0, mscratch
    sw a0, 20(s0)
    lw a2, 20(s0)
    CHECK_EQ(a2, 0x1234, 23)
    TR_SET(x6, 0x66)
    TX_RD(a0, x6)
    addi a0, a0, 1
    CHECK_EQ(a0, 0x67, 24)
    TX_RD(a0, x6)
    TX_WR(x7, a0)
    CHECK_TR(x7, 0x66, 24)
    li a0, 8
    li a1, 1
    TX_PROT(a0, a1)
    TX_PROTRD(a2, a0)
    beqz a2, 1f
    j 2f
1:  FAIL(25)
2:  TX_PROT(a0, x0)
    lw a0, 32(s0)
    TX_ENTER(a1, a0)
    addi a1, a1, 1
    CHECK_EQ(a1, 6, 26)
    TX_ENTER(a1, a0)
    bne a1, x0, 1f
    FAIL(27)
1:  TX_ENTER(a1, a0)
    TX_ENTER(a1, a0)                           /* back to back */
    CHECK_EQ(a1, 5, 27)

    /* ---- a trap right after a load: the load completes (30..31) ---- */
    li a0, 0
    EXPECT_TRAP
    lw a0, 0(s0)
    ecall
    CHECK_TRAP(CMS_CAUSE_ECALL_M, 30)
    CHECK_EQ(a0, 0x11111111, 30)
    li a0, 0
    EXPECT_TRAP
    lw a0, 4(s0)
    .word 0
    CHECK_TRAP(CMS_CAUSE_ILLEGAL, 31)
    CHECK_EQ(a0, 0x22222222, 31)
    li a0, 0
    li a1, 5
    EXPECT_TRAP
    mul a0, a1, a1
    lw a2, 2(s0)                               /* misaligned */
    CHECK_TRAP(CMS_CAUSE_LOAD_MISALIGNED, 32)
    CHECK_EQ(a0, 25, 32)
    TEST_PASS

TC_IMAGE
BUNDLE(b_exit)
BLAST
    B_EXIT(5)
BEND

    .data
    .balign 16
data:
    .word 0x11111111                           /* 0 */
    .word 0x22222222                           /* 4 */
    .word .Ljt                                 /* 8 */
    .word data                                 /* 12 */
    .word 0                                    /* 16: scratch */
    .word 0                                    /* 20: scratch */
    .word 8                                    /* 24 */
    .word 0                                    /* 28 */
    .word CMS_TC_BASE + (b_exit - _tc_image_start) /* 32 */
    .balign 16
win: .space 64
