/* tx_assert.S -- ASSERT with every condition code, passing (execution goes on, the bundle's
 * other slots take effect) and failing (abort TX_ASSERT, rollback), and division by zero in
 * translation mode (DIV/DIVU/REM/REMU abort with TX_DIVZERO; MUL by zero and -2^31 / -1 do
 * not). docs/isa.md sections 5 and 7. */
#include "test.h"

#define C_EQ  0
#define C_NE  1
#define C_LT  4
#define C_GE  5
#define C_LTU 6
#define C_GEU 7

/* with TR1 = a, TR2 = b: the ASSERT in bundle label passes (EXIT 1) / fails */
.macro assert_pass label, a, b, n, line
    li t6, \a
    TX_WR(x1, t6)
    li t6, \b
    TX_WR(x2, t6)
    TR_SET(x3, 0)
    tx_exit \label, 1, \n, \line
    TX_RD(t5, x3)
    check_eq t5, 1, \n, \line                  /* slot 0 beside the ASSERT took effect */
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
    /* ---- ASSERT (1..12) ---- */
    PASSES(a_eq, 5, 5, 1)
    FAILS(a_eq, 5, 6, 2)
    FAILS(a_eq, 0, 0x80000000, 2)
    PASSES(a_ne, 5, 6, 3)
    FAILS(a_ne, 5, 5, 4)
    PASSES(a_lt, -1, 1, 5)
    FAILS(a_lt, 1, -1, 6)
    FAILS(a_lt, 5, 5, 6)
    PASSES(a_ge, 1, -1, 7)
    PASSES(a_ge, 5, 5, 7)
    FAILS(a_ge, -1, 1, 8)
    PASSES(a_ltu, 1, -1, 9)
    FAILS(a_ltu, -1, 1, 10)
    FAILS(a_ltu, 5, 5, 10)
    PASSES(a_geu, -1, 1, 11)
    PASSES(a_geu, 5, 5, 11)
    FAILS(a_geu, 1, -1, 12)
    /* operands written by the bundle before (13) */
    TR_SET(x3, 0)
    TX_EXPECT_EXIT(a_dep, 2, 13)
    TX_EXPECT_ABORT_AT(a_dep2, a_dep2_2, CMS_CAUSE_TX_ASSERT, 13)
    /* several passing ASSERTs in a loop, then one that fails (14) */
    TR_SET(x1, 0)
    TR_SET(x2, 5)
    TX_EXPECT_ABORT_AT(a_loop, a_loop_2, CMS_CAUSE_TX_ASSERT, 14)
    CHECK_TR(x1, 5, 14)                        /* committed every iteration */
    CHECK_CSR(CMS_CSR_CNT_RB_BASE + (CMS_CAUSE_TX_ASSERT - CMS_CAUSE_TX_FIRST), 11, 15)

    /* ---- division by zero (20..28) ---- */
    TR_SET(x1, 100)
    TR_SET(x2, 0)
    TR_SET(x3, 7)
    TX_EXPECT_ABORT(d_div, CMS_CAUSE_TX_DIVZERO, 20)
    TX_EXPECT_ABORT(d_divu, CMS_CAUSE_TX_DIVZERO, 21)
    TX_EXPECT_ABORT(d_rem, CMS_CAUSE_TX_DIVZERO, 22)
    TX_EXPECT_ABORT(d_remu, CMS_CAUSE_TX_DIVZERO, 23)
    CHECK_TR(x3, 7, 24)                        /* the A op beside it had no effect */
    TR_SET(x2, 5)
    TX_EXPECT_ABORT_AT(d_late, d_late_2, CMS_CAUSE_TX_DIVZERO, 25) /* divisor 0 from the bundle before */
    CHECK_TR(x2, 5, 25)
    TR_SET(x2, 0)
    TX_EXPECT_EXIT(d_ok, 3, 26)                /* no abort without a zero divisor */
    CHECK_TR(x4, 0, 26)                        /* mul by 0 */
    CHECK_TR(x5, 0x80000000, 27)               /* -2^31 / -1 */
    CHECK_TR(x6, 0, 27)                        /* -2^31 % -1 */
    CHECK_TR(x7, 14, 28)                       /* 100 / 7 */
    CHECK_CSR(CMS_CSR_CNT_RB_BASE + (CMS_CAUSE_TX_DIVZERO - CMS_CAUSE_TX_FIRST), 5, 28)
    TEST_PASS

TC_IMAGE
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
    assert_case a_eq, C_EQ
    assert_case a_ne, C_NE
    assert_case a_lt, C_LT
    assert_case a_ge, C_GE
    assert_case a_ltu, C_LTU
    assert_case a_geu, C_GEU

BUNDLE(a_dep)
    addi x4, x0, 9
    addi x5, x0, 9
BEND
BUNDLE(a_dep_2)
    addi x5, x0, 1
BLAST
    B_ASSERT(C_EQ, x4, x5)                     /* reads the old TR5 (9): passes */
BEND
BUNDLE(a_dep_3)
BLAST
    B_EXIT(2)
BEND
BUNDLE(a_dep2)
    addi x4, x0, 9
    addi x5, x0, 8
BEND
BUNDLE(a_dep2_2)
BLAST
    B_ASSERT(C_EQ, x4, x5)
BEND

/* TR1 = 0, TR2 = 5: TR1 += 1 and commit while TR1 != 5 holds, checked by ASSERT NE */
BUNDLE(a_loop)
    addi x1, x1, 1
BLAST
    B_COMMIT
BEND
BUNDLE(a_loop_2)
BLAST
    B_ASSERT(C_NE, x1, x2)
BEND
BUNDLE(a_loop_3)
BLAST
    j a_loop
BEND

/* TR1 = 100, TR2 = 0, TR3 = 7 */
BUNDLE(d_div)
    div x4, x1, x2
    addi x3, x0, 1
BEND
BUNDLE(d_divu)
    divu x4, x1, x2
    addi x3, x0, 1
BEND
BUNDLE(d_rem)
    rem x4, x1, x2
    addi x3, x0, 1
BEND
BUNDLE(d_remu)
    remu x4, x1, x2
    addi x3, x0, 1
BEND
BUNDLE(d_late)
    addi x2, x0, 0
BEND
BUNDLE(d_late_2)
    div x4, x1, x2
BEND
BUNDLE(d_ok)
    mul x4, x1, x2
    lui x8, 0x80000
BEND
BUNDLE(d_ok_2)
    addi x9, x0, -1
BEND
BUNDLE(d_ok_3)
    div x5, x8, x9
BEND
BUNDLE(d_ok_4)
    rem x6, x8, x9
BEND
BUNDLE(d_ok_5)
    div x7, x1, x3
BLAST
    B_EXIT(3)
BEND
