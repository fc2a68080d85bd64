/* tx_prot.S -- protection bits: tx.prot/tx.protrd (per word, byte offsets, bit = rs2 & 1,
 * offsets >= PROT_WORDS*4 trap), a translated SW to a protected word aborts with TX_PROT and
 * rolls back, loads are unaffected; firmware SW/SH/SB to a protected word of the window trap
 * with TX_PROT, mtval = the address, and do not happen; neighbours and addresses outside
 * [GWBASE, GWBASE+GWLIMIT) are unaffected; clearing the bit lets the store through.
 * docs/isa.md sections 4, 6, 7. */
#include "test.h"

#define LIMIT 64

.macro prot off, bit
    li t5, \off
    li t6, \bit
    TX_PROT(t5, t6)
.endm
.macro check_protrd off, val, n, line
    li t5, \off
    TX_PROTRD(t5, t5)
    check_eq t5, \val, \n, \line
.endm
#define PROT(off, bit) prot off, bit
#define CHECK_PROT(off, val, n) check_protrd off, val, n, __LINE__

TEST_MAIN
    la s0, win
    li a0, 0xe0
    li a1, 32
1:  sw a0, 0(s0)
    addi a0, a0, 1
    addi s0, s0, 4
    addi a1, a1, -1
    bnez a1, 1b
    la s0, win
    csrw CMS_CSR_GWBASE, s0
    li a0, LIMIT
    csrw CMS_CSR_GWLIMIT, a0

    /* ---- tx.prot / tx.protrd (1..6) ---- */
    CHECK_PROT(0, 0, 1)                        /* zero after reset */
    CHECK_PROT(8, 0, 1)
    CHECK_PROT(CMS_PROT_WORDS * 4 - 4, 0, 1)
    PROT(8, 1)
    CHECK_PROT(8, 1, 2)
    CHECK_PROT(9, 1, 2)                        /* any byte of the word */
    CHECK_PROT(11, 1, 2)
    CHECK_PROT(4, 0, 3)
    CHECK_PROT(12, 0, 3)
    PROT(13, 3)                                /* bit = 3 & 1: word 3 */
    CHECK_PROT(12, 1, 4)
    PROT(14, 2)                                /* bit = 2 & 1 = 0: cleared */
    CHECK_PROT(12, 0, 4)
    CHECK_PROT(8, 1, 4)
    PROT(CMS_PROT_WORDS * 4 - 1, 1)            /* the last word */
    CHECK_PROT(CMS_PROT_WORDS * 4 - 4, 1, 5)
    PROT(CMS_PROT_WORDS * 4 - 4, 0)
    CHECK_PROT(CMS_PROT_WORDS * 4 - 4, 0, 5)
    /* offsets >= PROT_WORDS*4 trap (store / load access), mtval = the offset */
    li a0, CMS_PROT_WORDS * 4
    li a1, 1
    EXPECT_TRAP
.Lp0: TX_PROT(a0, a1)
    CHECK_TRAP_AT(CMS_CAUSE_STORE_ACCESS, .Lp0, CMS_PROT_WORDS * 4, 6)
    li a2, 0x777
    EXPECT_TRAP
.Lp1: TX_PROTRD(a2, a0)
    CHECK_TRAP_AT(CMS_CAUSE_LOAD_ACCESS, .Lp1, CMS_PROT_WORDS * 4, 6)
    CHECK_EQ(a2, 0x777, 6)
    li a0, 0xfffffffc
    EXPECT_TRAP
.Lp2: TX_PROTRD(a2, a0)
    CHECK_TRAP_AT(CMS_CAUSE_LOAD_ACCESS, .Lp2, 0xfffffffc, 6)
    CHECK_PROT(0, 0, 6)                        /* the trapping tx.prot changed nothing */

    /* ---- translated stores and loads (10..16); word 2 (offset 8) is protected ---- */
    TR_SET(x1, 0x1111)
    TR_SET(x2, 0x2222)
    TX_EXPECT_ABORT(t_st8, CMS_CAUSE_TX_PROT, 10)
    CHECK_MEM(win + 8, 0xe2, 10)
    TX_EXPECT_ABORT_AT(t_seq, t_seq_3, CMS_CAUSE_TX_PROT, 11)
    CHECK_TR(x1, 0x1111, 11)                   /* rolled back */
    CHECK_MEM(win + 4, 0xe1, 12)               /* the store before it was dropped */
    CHECK_MEM(win + 8, 0xe2, 12)
    TX_EXPECT_EXIT(t_ld8, 1, 13)               /* loads are fine */
    CHECK_TR(x3, 0xe2, 13)
    TX_EXPECT_EXIT(t_nb, 2, 14)                /* the neighbours take stores */
    CHECK_MEM(win + 4, 0x2222, 14)
    CHECK_MEM(win + 12, 0x2222, 14)
    CHECK_MEM(win + 8, 0xe2, 14)
    CHECK_CSR(CMS_CSR_CNT_RB_BASE + (CMS_CAUSE_TX_PROT - CMS_CAUSE_TX_FIRST), 2, 15)

    /* ---- firmware stores (20..33) ---- */
    li a0, 0x12345678
    EXPECT_TRAP_AT(.Lf0_ok)
.Lf0: sw a0, 8(s0)
    FAIL(20)
.Lf0_ok:
    CHECK_TRAP_AT(CMS_CAUSE_TX_PROT, .Lf0, win + 8, 20)
    CHECK_MEM(win + 8, 0xe2, 21)
    EXPECT_TRAP_AT(.Lf1_ok)
.Lf1: sh a0, 10(s0)
    FAIL(22)
.Lf1_ok:
    CHECK_TRAP_AT(CMS_CAUSE_TX_PROT, .Lf1, win + 10, 22)
    EXPECT_TRAP_AT(.Lf2_ok)
.Lf2: sb a0, 11(s0)
    FAIL(23)
.Lf2_ok:
    CHECK_TRAP_AT(CMS_CAUSE_TX_PROT, .Lf2, win + 11, 23)
    EXPECT_TRAP_AT(.Lf3_ok)
.Lf3: sb a0, 8(s0)
    FAIL(24)
.Lf3_ok:
    CHECK_TRAP_AT(CMS_CAUSE_TX_PROT, .Lf3, win + 8, 24)
    CHECK_MEM(win + 8, 0xe2, 25)
    lw a1, 8(s0)                               /* firmware loads are fine */
    CHECK_EQ(a1, 0xe2, 26)
    sw a0, 4(s0)                               /* the neighbours take stores */
    sb a0, 15(s0)
    CHECK_NO_TRAP(27)
    CHECK_MEM(win + 4, 0x12345678, 27)
    CHECK_MEM(win + 12, 0x78002222, 27)
    /* the bit of offset 64 is set but GWLIMIT = 64: win + 64 is outside the window */
    PROT(LIMIT, 1)
    sw a0, LIMIT(s0)
    CHECK_NO_TRAP(28)
    CHECK_MEM(win + LIMIT, 0x12345678, 28)
    PROT(LIMIT, 0)
    /* the bits follow the window: move GWBASE up by 16 */
    PROT(0, 1)
    addi a1, s0, 16
    csrw CMS_CSR_GWBASE, a1
    sw a0, 0(s0)                               /* below the window now */
    CHECK_NO_TRAP(29)
    EXPECT_TRAP_AT(.Lf4_ok)
.Lf4: sw a0, 16(s0)                           /* window offset 0 */
    FAIL(30)
.Lf4_ok:
    CHECK_TRAP_AT(CMS_CAUSE_TX_PROT, .Lf4, win + 16, 30)
    EXPECT_TRAP_AT(.Lf5_ok)
.Lf5: sw a0, 8 + 16(s0)                       /* window offset 8: bit 2 */
    FAIL(31)
.Lf5_ok:
    CHECK_TRAP_AT(CMS_CAUSE_TX_PROT, .Lf5, win + 24, 31)
    sw a0, 8(s0)                               /* word 2 of the old window: below it now */
    CHECK_NO_TRAP(31)
    li a1, 0xe2
    sw a1, 8(s0)
    csrw CMS_CSR_GWBASE, s0
    PROT(0, 0)
    /* firmware-mode traps are not rollbacks */
    CHECK_CSR(CMS_CSR_CNT_RB_BASE + (CMS_CAUSE_TX_PROT - CMS_CAUSE_TX_FIRST), 2, 32)

    /* ---- clear the bit: stores go through (34..36) ---- */
    PROT(8, 0)
    CHECK_PROT(8, 0, 34)
    li a0, 0x600d
    sw a0, 8(s0)
    CHECK_NO_TRAP(34)
    CHECK_MEM(win + 8, 0x600d, 34)
    TX_EXPECT_EXIT(t_st8_ok, 3, 35)
    CHECK_MEM(win + 8, 0x1111, 35)
    CHECK_TR(x4, 0x1111, 36)
    TEST_PASS

TC_IMAGE
BUNDLE(t_st8)
    sw x1, 8(x0)
BEND
BUNDLE(t_seq)
    addi x1, x0, 1
BEND
BUNDLE(t_seq_2)
    sw x1, 4(x0)
BEND
BUNDLE(t_seq_3)
    sw x1, 8(x0)
BLAST
    B_EXIT(9)
BEND
BUNDLE(t_ld8)
    lw x3, 8(x0)
BLAST
    B_EXIT(1)
BEND
BUNDLE(t_nb)
    sw x2, 4(x0)
BEND
BUNDLE(t_nb_2)
    sw x2, 12(x0)
BLAST
    B_EXIT(2)
BEND
BUNDLE(t_st8_ok)
    sw x1, 8(x0)
BEND
BUNDLE(t_st8_ok_2)
    lw x4, 8(x0)
BLAST
    B_EXIT(3)
BEND

    .data
    .balign 16
win: .space 32 * 4
