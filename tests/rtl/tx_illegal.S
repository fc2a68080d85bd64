/* tx_illegal.S -- TX_ILLEGAL: operations in a slot not of their class (M/X outside slot 0, B
 * outside the last slot), unknown encodings (all-zero word, AUIPC, JALR, other load/store
 * widths, SYSTEM, FENCE, unknown custom-0 and OP/OP-IMM encodings, JAL with rd != 0), register
 * fields >= TR_COUNT, non-zero rd on EXIT/COMMIT/ASSERT, branch targets not bundle aligned or
 * outside the TC, and tx.enter to a misaligned or non-TC address. Each aborts with rd, trap,
 * TXSTAT and TXPC as in docs/isa.md section 7 and leaves the TRs alone. Section 5. */
#include "test.h"

#define ILL CMS_CAUSE_TX_ILLEGAL
#define ILLEGAL(label, n) TX_EXPECT_ABORT(label, ILL, n)

/* tx.enter to address addr aborts with TX_ILLEGAL; mtval and TXPC = addr */
.macro enter_bad addr, n, line
    EXPECT_TRAP
    li t6, \addr
    TX_ENTER(t5, t6)
.Lenter_ret\@:
    check_eq t5, ABORTED(ILL), \n, \line
    lw t5, T_EPC(gp)
    check_addr t5, .Lenter_ret\@, \n, \line
    lw t5, T_TVAL(gp)
    check_eq t5, \addr, \n, \line
    csrr t5, CMS_CSR_TXPC
    check_eq t5, \addr, \n, \line
    csrr t5, CMS_CSR_TXSTAT
    check_eq t5, TXSTAT_VALID | ILL, \n, \line
    check_trap ILL, \n, \line
.endm
#define ENTER_BAD(addr, n) enter_bad addr, n, __LINE__

TEST_MAIN
    la a0, win
    csrw CMS_CSR_GWBASE, a0
    li a0, 64
    csrw CMS_CSR_GWLIMIT, a0
    TR_SET(x1, 0x1111)
    TR_SET(x2, 0x2222)
    TR_SET(x3, 0x3333)

    /* ---- branch targets (1..4) ---- */
    ILLEGAL(i_br_before_tc, 1)
    ILLEGAL(i_br_after_tc, 2)
    ILLEGAL(i_br_mis, 3)
    ILLEGAL(i_j_mis, 4)
    TX_EXPECT_EXIT(i_br_mis_nt, 1, 4)          /* a good not-taken branch for contrast */

    /* ---- slot classes (5..14) ---- */
    ILLEGAL(i_lw_last, 5)
    ILLEGAL(i_sw_last, 6)
    ILLEGAL(i_mul_last, 7)
    ILLEGAL(i_div_last, 8)
    ILLEGAL(i_exit_0, 9)
    ILLEGAL(i_commit_0, 10)
    ILLEGAL(i_assert_0, 11)
    ILLEGAL(i_beq_0, 12)
    ILLEGAL(i_j_0, 13)
#if SLOTS >= 4
    ILLEGAL(i_lw_1, 14)
    ILLEGAL(i_lw_2, 14)
    ILLEGAL(i_mul_1, 14)
    ILLEGAL(i_remu_2, 14)
    ILLEGAL(i_exit_1, 14)
    ILLEGAL(i_beq_2, 14)
#endif

    /* ---- unknown encodings (15..34) ---- */
    ILLEGAL(i_zero, 15)
    ILLEGAL(i_zero_last, 16)
    ILLEGAL(i_ones, 17)
    ILLEGAL(i_auipc, 18)
    ILLEGAL(i_jalr, 19)
    ILLEGAL(i_jalr_last, 19)
    ILLEGAL(i_lb, 20)
    ILLEGAL(i_lhu, 21)
    ILLEGAL(i_sb, 22)
    ILLEGAL(i_sh, 23)
    ILLEGAL(i_ecall, 24)
    ILLEGAL(i_csr, 25)
    ILLEGAL(i_fence, 26)
    ILLEGAL(i_custom3, 27)
    ILLEGAL(i_custom7_last, 27)
    ILLEGAL(i_op_bad_f7, 28)
    ILLEGAL(i_slli_bad, 29)
    ILLEGAL(i_srli_bad, 29)
    ILLEGAL(i_jal_ra, 30)
    /* (branch funct3 2 and 3 and ASSERT conditions 2 and 3 are bmi, bpl, assert.mi, assert.pl:
     * tx_bmi.S; here those operations where they are illegal) */
    ILLEGAL(i_bmi_0, 31)
    ILLEGAL(i_bpl_rs2_16, 32)
    ILLEGAL(i_assert_mi_rd, 32)
    ILLEGAL(i_exit_rs1, 33)
    ILLEGAL(i_commit_imm, 34)

    /* ---- register fields >= 16 (35..44) ---- */
    ILLEGAL(i_rd16, 35)
    ILLEGAL(i_rs1_17, 36)
    ILLEGAL(i_rs2_31, 37)
    ILLEGAL(i_lui16, 38)
    ILLEGAL(i_lw_rd16, 39)
    ILLEGAL(i_lw_rs1_20, 39)
    ILLEGAL(i_sw_rs2_16, 40)
    ILLEGAL(i_mul_rs1_16, 41)
    ILLEGAL(i_beq_rs1_16, 42)
    ILLEGAL(i_assert_rs2_17, 43)
    ILLEGAL(i_slli_rd16, 44)

    /* ---- non-zero rd on branch-class operations (45..47) ---- */
    ILLEGAL(i_exit_rd, 45)
    ILLEGAL(i_commit_rd, 46)
    ILLEGAL(i_assert_rd, 47)

    /* ---- an illegal bundle after good ones: TXPC names it, the good ones are undone (48) ---- */
    TX_EXPECT_ABORT_AT(i_late, i_late_2, ILL, 48)

    /* none of the aborted bundles changed a TR (49) */
    CHECK_TR(x1, 0x1111, 49)
    CHECK_TR(x2, 0x2222, 49)
    CHECK_TR(x3, 0x3333, 49)
    CHECK_MEM(win, 0, 49)
    CHECK_CSR(CMS_CSR_CNT_COMMITS, 1, 49)      /* only the one EXIT above */

    /* ---- tx.enter to a bad address (50..56) ---- */
    ENTER_BAD(CMS_TC_BASE + 4, 50)
    ENTER_BAD(CMS_TC_BASE + 2, 51)
    ENTER_BAD(CMS_TC_BASE + BUNDLE_BYTES - 4, 52)
    ENTER_BAD(CMS_TC_BASE + CMS_TC_BYTES, 53)
    ENTER_BAD(CMS_TC_BASE - BUNDLE_BYTES, 54)
    ENTER_BAD(CMS_IMEM_BASE, 55)
    ENTER_BAD(0x80000000, 56)
    CHECK_TR(x1, 0x1111, 57)
    TX_EXPECT_EXIT(i_br_mis_nt, 1, 58)         /* and a good entry still works */
    TEST_PASS

TC_IMAGE
/* first in the image: TC offset < 4 KiB, so 4 KiB back is before the TC */
BUNDLE(i_br_before_tc)
    addi x1, x0, 1
BLAST
    beq x0, x0, . - 4096
BEND
BUNDLE(i_br_after_tc)
    addi x1, x0, 1
BLAST
    jal x0, . + CMS_TC_BYTES
BEND
BUNDLE(i_br_mis)                            /* . + 8 from the last slot: slot 1 of a bundle */
    addi x1, x0, 1
BLAST
    beq x0, x0, . + 8
BEND
BUNDLE(i_j_mis)
BLAST
    jal x0, . + 8
BEND
BUNDLE(i_br_mis_nt)
BLAST
    bne x0, x0, i_br_before_tc
BEND
BUNDLE(i_br_mis_nt_2)
BLAST
    B_EXIT(1)
BEND

BUNDLE(i_lw_last)
    addi x1, x0, 1
BLAST
    lw x2, 0(x0)
BEND
BUNDLE(i_sw_last)
BLAST
    sw x2, 0(x0)
BEND
BUNDLE(i_mul_last)
    addi x1, x0, 1
BLAST
    mul x2, x1, x1
BEND
BUNDLE(i_div_last)
BLAST
    div x2, x1, x1
BEND
BUNDLE(i_exit_0)
    B_EXIT(1)
BEND
BUNDLE(i_commit_0)
    B_COMMIT
BEND
BUNDLE(i_assert_0)
    B_ASSERT(0, x0, x0)
BEND
BUNDLE(i_beq_0)
    beq x0, x0, i_br_mis_nt_2
BUNCHECKED
BEND
BUNDLE(i_j_0)
    j i_br_mis_nt_2
BUNCHECKED
BEND
#if SLOTS >= 4
BUNDLE(i_lw_1)
    B_NOP
    lw x2, 0(x0)
BEND
BUNDLE(i_lw_2)
    B_NOP
    B_NOP
    lw x2, 0(x0)
BEND
BUNDLE(i_mul_1)
    B_NOP
    mul x2, x1, x1
BEND
BUNDLE(i_remu_2)
    B_NOP
    B_NOP
    remu x2, x1, x1
BEND
BUNDLE(i_exit_1)
    B_NOP
    B_EXIT(1)
BEND
BUNDLE(i_beq_2)
    B_NOP
    B_NOP
    beq x0, x0, i_br_mis_nt_2
BUNCHECKED
BEND
#endif

BUNDLE(i_zero)
    .word 0
BEND
BUNDLE(i_zero_last)
    addi x1, x0, 1
BLAST
    .word 0
BEND
BUNDLE(i_ones)
    .word 0xffffffff
BEND
BUNDLE(i_auipc)
    auipc x1, 0
BEND
BUNDLE(i_jalr)
    jalr x0, 0(x1)
BEND
BUNDLE(i_jalr_last)
BLAST
    jalr x0, 0(x1)
BEND
BUNDLE(i_lb)
    lb x1, 0(x0)
BEND
BUNDLE(i_lhu)
    lhu x1, 0(x0)
BEND
BUNDLE(i_sb)
    sb x1, 0(x0)
BEND
BUNDLE(i_sh)
    sh x1, 0(x0)
BEND
BUNDLE(i_ecall)
BLAST
    ecall
BEND
BUNDLE(i_csr)
    csrrs x1, mscratch, x0
BEND
BUNDLE(i_fence)
    fence
BEND
BUNDLE(i_custom3)
    .insn i CMS_OPC_CUSTOM0, 3, x0, x0, 0
BEND
BUNDLE(i_custom7_last)
BLAST
    .insn i CMS_OPC_CUSTOM0, 7, x0, x0, 0
BEND
BUNDLE(i_op_bad_f7)
    .insn r CMS_OPC_OP, 4, 0x20, x1, x2, x3     /* XOR with funct7 0x20 */
BEND
BUNDLE(i_slli_bad)
    .insn i CMS_OPC_OP_IMM, 1, x1, x2, 0x401    /* SLLI with funct7 0x20 */
BEND
BUNDLE(i_srli_bad)
    .insn i CMS_OPC_OP_IMM, 5, x1, x2, 0x020    /* shamt[5] set (RV64 only) */
BEND
BUNDLE(i_jal_ra)
BLAST
    jal x1, i_br_mis_nt_2
BEND
BUNDLE(i_bmi_0)
    B_BMI(x0, x0, i_br_mis_nt_2)               /* class B in slot 0 */
BUNCHECKED
BEND
BUNDLE(i_bpl_rs2_16)
BLAST
    B_BPL(x1, x16, i_br_mis_nt_2)
BEND
BUNDLE(i_assert_mi_rd)
BLAST
    .insn r CMS_OPC_CUSTOM0, CMS_TX_OP_ASSERT, CMS_F3_BMI, x1, x0, x0
BEND
BUNDLE(i_exit_rs1)
BLAST
    .insn i CMS_OPC_CUSTOM0, CMS_TX_OP_EXIT, x0, x1, 5
BEND
BUNDLE(i_commit_imm)
BLAST
    .insn i CMS_OPC_CUSTOM0, CMS_TX_OP_COMMIT, x0, x0, 1
BEND

BUNDLE(i_rd16)
    .insn i CMS_OPC_OP_IMM, 0, x16, x0, 1
BEND
BUNDLE(i_rs1_17)
    .insn r CMS_OPC_OP, 0, 0, x1, x17, x0
BEND
BUNDLE(i_rs2_31)
    .insn r CMS_OPC_OP, 0, 0, x1, x0, x31
BEND
BUNDLE(i_lui16)
    lui x16, 1
BEND
BUNDLE(i_lw_rd16)
    lw x16, 0(x0)
BEND
BUNDLE(i_lw_rs1_20)
    lw x1, 0(x20)
BEND
BUNDLE(i_sw_rs2_16)
    sw x16, 0(x0)
BEND
BUNDLE(i_mul_rs1_16)
    mul x1, x16, x1
BEND
BUNDLE(i_beq_rs1_16)
BLAST
    beq x16, x0, i_br_mis_nt_2
BEND
BUNDLE(i_assert_rs2_17)
BLAST
    B_ASSERT(0, x0, x17)
BEND
BUNDLE(i_slli_rd16)
    slli x18, x1, 1
BEND

BUNDLE(i_exit_rd)
BLAST
    .insn i CMS_OPC_CUSTOM0, CMS_TX_OP_EXIT, x1, x0, 5
BEND
BUNDLE(i_commit_rd)
BLAST
    .insn i CMS_OPC_CUSTOM0, CMS_TX_OP_COMMIT, x1, x0, 0
BEND
BUNDLE(i_assert_rd)
BLAST
    .insn r CMS_OPC_CUSTOM0, CMS_TX_OP_ASSERT, 0, x1, x0, x0
BEND

BUNDLE(i_late)
    addi x1, x0, 1
BEND
BUNDLE(i_late_1)
    sw x1, 0(x0)
BEND
BUNDLE(i_late_2)
    addi x2, x0, 2
BLAST
    .word 0
BEND

    .data
    .balign 16
win: .space 64
