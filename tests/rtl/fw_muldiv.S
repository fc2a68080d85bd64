/* fw_muldiv.S -- firmware mode RV32M: MUL/MULH/MULHSU/MULHU, DIV/DIVU/REM/REMU including
 * division by zero and -2^31 / -1 (RISC-V results, no trap), and dependent instructions
 * around the multi-cycle divider. Expected values: RISC-V "M" extension. */
#include "test.h"

TEST_MAIN
    li s0, 0x9abcdef0
    li s1, 0x12345678
    li s2, -1
    li s3, 0x80000000
    li s4, -7
    li s5, 3

    /* ---- multiply (1..8) ---- */
    mul a0, s4, s5
    CHECK_EQ(a0, -21, 1)
    mul a0, s0, s1
    CHECK_EQ(a0, 0x242d2080, 2)
    mulh a0, s0, s1
    CHECK_EQ(a0, 0xf8cc93d6, 3)
    mulhu a0, s0, s1
    CHECK_EQ(a0, 0x0b00ea4e, 4)
    mulhsu a0, s0, s1        /* signed 0x9abcdef0 * unsigned 0x12345678 */
    CHECK_EQ(a0, 0xf8cc93d6, 5)
    mulhsu a0, s1, s0        /* signed 0x12345678 * unsigned 0x9abcdef0 */
    CHECK_EQ(a0, 0x0b00ea4e, 5)
    mulhsu a0, s2, s2        /* -1 * 0xffffffff */
    CHECK_EQ(a0, 0xffffffff, 5)
    mulh a0, s2, s2          /* -1 * -1 = 1 */
    CHECK_EQ(a0, 0, 6)
    mulhu a0, s2, s2         /* 0xffffffff^2 = 0xfffffffe_00000001 */
    CHECK_EQ(a0, 0xfffffffe, 6)
    mul a0, s2, s2
    CHECK_EQ(a0, 1, 6)
    mulh a0, s3, s3          /* (-2^31)^2 = 2^62 */
    CHECK_EQ(a0, 0x40000000, 7)
    mulhu a0, s3, s3
    CHECK_EQ(a0, 0x40000000, 7)
    mulh a0, s3, s2          /* -2^31 * -1 = 2^31 */
    CHECK_EQ(a0, 0, 7)
    mul a0, s3, s2
    CHECK_EQ(a0, 0x80000000, 7)
    mul a0, s4, x0
    CHECK_EQ(a0, 0, 8)
    mulh a0, s4, s5          /* -21 */
    CHECK_EQ(a0, 0xffffffff, 8)

    /* ---- divide (10..19) ---- */
    li a1, -20
    li a2, 6
    div a0, a1, a2
    CHECK_EQ(a0, -3, 10)
    rem a0, a1, a2
    CHECK_EQ(a0, -2, 11)
    li a1, 20
    li a2, -6
    div a0, a1, a2
    CHECK_EQ(a0, -3, 10)
    rem a0, a1, a2
    CHECK_EQ(a0, 2, 11)
    li a1, -20
    div a0, a1, a2
    CHECK_EQ(a0, 3, 10)
    rem a0, a1, a2
    CHECK_EQ(a0, -2, 11)
    divu a0, s2, s5          /* 0xffffffff / 3 */
    CHECK_EQ(a0, 0x55555555, 12)
    li a1, 0xfffffff9
    divu a0, a1, s5
    CHECK_EQ(a0, 0x55555553, 12)
    remu a0, a1, s5
    CHECK_EQ(a0, 0, 13)
    li a1, 100
    li a2, 7
    remu a0, a1, a2
    CHECK_EQ(a0, 2, 13)
    divu a0, s3, s2          /* 0x80000000 / 0xffffffff */
    CHECK_EQ(a0, 0, 14)
    remu a0, s3, s2
    CHECK_EQ(a0, 0x80000000, 14)
    divu a0, s1, s1
    CHECK_EQ(a0, 1, 14)
    /* division by zero */
    div a0, s1, x0
    CHECK_EQ(a0, 0xffffffff, 15)
    divu a0, s1, x0
    CHECK_EQ(a0, 0xffffffff, 15)
    rem a0, s1, x0
    CHECK_EQ(a0, 0x12345678, 16)
    remu a0, s0, x0
    CHECK_EQ(a0, 0x9abcdef0, 16)
    rem a0, s4, x0
    CHECK_EQ(a0, -7, 16)
    /* overflow */
    div a0, s3, s2
    CHECK_EQ(a0, 0x80000000, 17)
    rem a0, s3, s2
    CHECK_EQ(a0, 0, 17)
    /* the trap counter is untouched: no trap in firmware mode */
    CHECK_NO_TRAP(18)

    /* ---- dependencies around the multiplier and divider (20..29) ---- */
    li a1, 6
    mul a0, a1, a1
    addi a0, a0, 1
    CHECK_EQ(a0, 37, 20)
    mul a0, a1, a1
    mul a0, a0, a1
    CHECK_EQ(a0, 216, 21)
    li a1, 1000
    li a2, 7
    div a0, a1, a2
    addi a0, a0, 1
    CHECK_EQ(a0, 143, 22)
    div a0, a1, a2
    div a0, a0, a2           /* 142 / 7 */
    rem a3, a1, a2           /* 1000 % 7 */
    CHECK_EQ(a0, 20, 23)
    CHECK_EQ(a3, 6, 23)
    /* rd == rs1 and rd == rs2 */
    li a0, 1000
    div a0, a0, a2
    CHECK_EQ(a0, 142, 24)
    li a0, 7
    li a1, 1000
    remu a0, a1, a0
    CHECK_EQ(a0, 6, 24)
    /* a load feeding the divider, the divider feeding a store */
    la s6, data
    lw a1, 0(s6)
    divu a0, a1, a2          /* 700 / 7 */
    sw a0, 4(s6)
    lw a3, 4(s6)
    CHECK_EQ(a3, 100, 25)
    /* a divide followed by independent instructions and a branch on its result */
    div a0, a1, a2
    li a4, 5
    addi a4, a4, 5
    li a5, 100
    bne a0, a5, 1f
    CHECK_EQ(a4, 10, 26)
    j 2f
1:  FAIL(26)
2:
    /* a divide whose operand is written by the instruction before */
    li a1, 91
    addi a1, a1, 0
    li a2, 13
    div a0, a1, a2
    CHECK_EQ(a0, 7, 27)
    /* MULH chain with a load */
    lw a1, 8(s6)
    mulhu a0, a1, a1
    CHECK_EQ(a0, 0xfffffffe, 28)
    TEST_PASS

    .data
    .balign 4
data: .word 700, 0, 0xffffffff
