/* tx_bmi.S -- bmi / bpl (branch if bit 31 of TR[rs1] - TR[rs2], 32-bit wrapping, is 1 / 0) and
 * assert.mi / assert.pl: the wrap-around cases where the sign of the difference is not the
 * signed comparison (0x80000000 - 1, 0x7fffffff - (-1), 0 - 0x80000000), equal operands, rs1 =
 * rs2 the same TR, and the op in the same bundle as a `sub` that writes its source (the bundle
 * reads every operand before it writes: the branch tests the sign of the difference sub
 * writes), as SSEM's SUB-then-CMP translates; a counted loop of one bundle. docs/isa.md
 * section 5. */
#include "test.h"

/* run bundles `label` with TR1 = a, TR2 = b; expect EXIT code */
.macro run_ab label, a, b, code, n, line
    li t6, \a
    TX_WR(x1, t6)
    li t6, \b
    TX_WR(x2, t6)
    tx_exit \label, \code, \n, \line
.endm
#define RUN_AB(label, a, b, code, n) run_ab label, a, b, code, n, __LINE__

/* TR1 = a, TR2 = b, TR3 = 0: the ASSERT beside `addi x3, x0, 1` passes (EXIT 1) / fails */
.macro assert_pass label, a, b, n, line
    TR_SET(x3, 0)
    run_ab \label, \a, \b, 1, \n, \line
    TX_RD(t5, x3)
    check_eq t5, 1, \n, \line
.endm
.macro assert_fail label, a, b, n, line
    li t6, \a
    TX_WR(x1, t6)
    li t6, \b
    TX_WR(x2, t6)
    TR_SET(x3, 0)
    tx_abort \label, CMS_CAUSE_TX_ASSERT, \n, \line
    TX_RD(t5, x3)
    check_eq t5, 0, \n, \line
.endm
#define PASSES(label, a, b, n) assert_pass label, a, b, n, __LINE__
#define FAILS(label, a, b, n)  assert_fail label, a, b, n, __LINE__

TEST_MAIN
    /* ---- bmi: taken (EXIT 2) when bit 31 of TR1 - TR2 is 1, else falls through (EXIT 1) ---- */
    RUN_AB(b_bmi, 3, 5, 2, 1)                  /* -2 */
    RUN_AB(b_bmi, 5, 3, 1, 2)                  /* 2 */
    RUN_AB(b_bmi, 5, 5, 1, 3)                  /* equal: 0 */
    RUN_AB(b_bmi, 0, 0, 1, 3)
    RUN_AB(b_bmi, -1, -1, 1, 3)
    RUN_AB(b_bmi, 0x80000000, 1, 1, 4)         /* wraps to 0x7fffffff: not taken (blt would be) */
    RUN_AB(b_bmi, 0x7fffffff, -1, 2, 5)        /* wraps to 0x80000000: taken (blt would not be) */
    RUN_AB(b_bmi, 0, 0x80000000, 2, 6)         /* 0 - (-2^31) = 0x80000000 */
    RUN_AB(b_bmi, 0x80000000, 0x7fffffff, 1, 7) /* 1 */
    RUN_AB(b_bmi, -2, -1, 2, 8)                /* -1 */
    RUN_AB(b_bmi, -1, 1, 2, 8)                 /* -2 */
    /* ---- bpl: the opposite ---- */
    RUN_AB(b_bpl, 3, 5, 1, 11)
    RUN_AB(b_bpl, 5, 3, 2, 12)
    RUN_AB(b_bpl, 5, 5, 2, 13)
    RUN_AB(b_bpl, 0x80000000, 1, 2, 14)
    RUN_AB(b_bpl, 0x7fffffff, -1, 1, 15)
    RUN_AB(b_bpl, 0, 0x80000000, 1, 16)
    RUN_AB(b_bpl, 0x80000000, 0x7fffffff, 2, 17)
    /* ---- rs1 = rs2, the same TR: the difference is 0 whatever TR1 holds ---- */
    RUN_AB(b_bmi_same, 0x80000000, 0, 1, 20)
    RUN_AB(b_bmi_same, -1, 0, 1, 20)
    RUN_AB(b_bpl_same, 0x80000000, 0, 2, 21)
    RUN_AB(b_bpl_same, 0x7fffffff, 0, 2, 21)
    /* ---- sub x1, x1, x2 in slot 0 and bmi / bpl x1, x2 in the same bundle: the branch reads
     * the old TR1 and so tests the sign of the new one ---- */
    RUN_AB(b_sub_bmi, 3, 5, 2, 30)
    CHECK_TR(x1, -2, 30)
    RUN_AB(b_sub_bmi, 5, 3, 1, 31)
    CHECK_TR(x1, 2, 31)
    RUN_AB(b_sub_bmi, 0x80000000, 1, 1, 32)
    CHECK_TR(x1, 0x7fffffff, 32)
    RUN_AB(b_sub_bmi, 0x7fffffff, -1, 2, 33)
    CHECK_TR(x1, 0x80000000, 33)
    RUN_AB(b_sub_bmi, 7, 7, 1, 34)
    CHECK_TR(x1, 0, 34)
    RUN_AB(b_sub_bpl, 3, 5, 1, 35)
    CHECK_TR(x1, -2, 35)
    RUN_AB(b_sub_bpl, 0x80000000, 1, 2, 36)
    CHECK_TR(x1, 0x7fffffff, 36)
    RUN_AB(b_sub_bpl, 0x7fffffff, -1, 1, 37)
    CHECK_TR(x1, 0x80000000, 37)
    /* sub x1, x1, x1 beside bmi x1, x1: TR1 becomes 0, the old difference is 0: not taken */
    RUN_AB(b_sub_same, 0x80000000, 0, 1, 38)
    CHECK_TR(x1, 0, 38)
    /* a write to the branch's other source in the same bundle is not seen either */
    RUN_AB(b_sub_rs2, 3, 5, 2, 39)             /* bmi x1, x2 with TR2 = 5 -> 0 beside it */
    CHECK_TR(x2, 0, 39)
    /* ---- a loop of one bundle: sub x1, x1, x2 | bpl x1, x2, itself (TR1 = 10, TR2 = 3:
     * 7, 4, 1, -2) ---- */
    RUN_AB(b_loop, 10, 3, 3, 40)
    CHECK_TR(x1, -2, 40)
    RUN_AB(b_loop, 0x80000002, 1, 3, 41)       /* 0x80000002 - 1 has bit 31 set: one step */
    CHECK_TR(x1, 0x80000001, 41)

    /* ---- assert.mi / assert.pl (the same conditions) ---- */
    PASSES(a_mi, 3, 5, 50)
    FAILS(a_mi, 5, 3, 51)
    FAILS(a_mi, 5, 5, 52)
    FAILS(a_mi, 0x80000000, 1, 53)
    PASSES(a_mi, 0x7fffffff, -1, 54)
    PASSES(a_pl, 5, 5, 55)
    PASSES(a_pl, 0x80000000, 1, 56)
    FAILS(a_pl, 0x7fffffff, -1, 57)
    FAILS(a_pl, 3, 5, 58)
    CHECK_CSR(CMS_CSR_CNT_RB_BASE + (CMS_CAUSE_TX_ASSERT - CMS_CAUSE_TX_FIRST), 5, 59)
    TEST_PASS

TC_IMAGE
/* the branch alone, or (rd given) with `sub rd, rs1, rs2` in slot 0 of the same bundle */
.macro branch_case name, cond, brs1, brs2, rd, rs1, rs2
BUNDLE(\name)
.ifnb \rd
    sub \rd, \rs1, \rs2
.endif
BLAST
    .insn b CMS_OPC_BRANCH, \cond, \brs1, \brs2, \name\()_taken
BEND
BUNDLE(\name\()_fall)
BLAST
    B_EXIT(1)
BEND
BUNDLE(\name\()_taken)
BLAST
    B_EXIT(2)
BEND
.endm
    branch_case b_bmi, CMS_F3_BMI, x1, x2
    branch_case b_bpl, CMS_F3_BPL, x1, x2
    branch_case b_bmi_same, CMS_F3_BMI, x1, x1
    branch_case b_bpl_same, CMS_F3_BPL, x1, x1
    branch_case b_sub_bmi, CMS_F3_BMI, x1, x2, x1, x1, x2
    branch_case b_sub_bpl, CMS_F3_BPL, x1, x2, x1, x1, x2
    branch_case b_sub_same, CMS_F3_BMI, x1, x1, x1, x1, x1
    branch_case b_sub_rs2, CMS_F3_BMI, x1, x2, x2, x0, x0

BUNDLE(b_loop)
    sub x1, x1, x2
BLAST
    B_BPL(x1, x2, b_loop)
BEND
BUNDLE(b_loop_out)
BLAST
    B_EXIT(3)
BEND

.macro assert_case name, cond
BUNDLE(\name)
    addi x3, x0, 1
BLAST
    B_ASSERT(\cond, x1, x2)
BEND
BUNDLE(\name\()_2)
BLAST
    B_EXIT(1)
BEND
.endm
    assert_case a_mi, CMS_F3_BMI
    assert_case a_pl, CMS_F3_BPL
