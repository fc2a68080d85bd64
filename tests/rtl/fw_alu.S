/* fw_alu.S -- firmware mode RV32I: ALU register and immediate ops, shifts, LUI/AUIPC, every
 * branch taken and not taken, JAL/JALR link values, loads/stores of every width with sign and
 * zero extension on DMEM, and back-to-back dependent instructions (forwarding).
 * Expected values: RISC-V unprivileged spec (docs/isa.md section 4). */
#include "test.h"

/* branch `op a, b` must be taken / not taken */
.macro br_taken op, a, b, n, line
    \op \a, \b, .Lbt\@
    check_eq zero, 1, \n, \line
.Lbt\@:
.endm
.macro br_not_taken op, a, b, n, line
    \op \a, \b, .Lbf\@
    j .Lbn\@
.Lbf\@:
    check_eq zero, 1, \n, \line
.Lbn\@:
.endm
#define TAKEN(op, a, b, n)     br_taken op, a, b, n, __LINE__
#define NOT_TAKEN(op, a, b, n) br_not_taken op, a, b, n, __LINE__

TEST_MAIN
    /* ---- register-register ALU (1..12) ---- */
    li s0, -7                /* 0xfffffff9 */
    li s1, 3
    li s2, 0x80000000
    add a0, s0, s1
    CHECK_EQ(a0, -4, 1)
    sub a0, s0, s1
    CHECK_EQ(a0, -10, 2)
    sub a0, s1, s0
    CHECK_EQ(a0, 10, 2)
    xor a0, s0, s1
    CHECK_EQ(a0, 0xfffffffa, 3)
    or a0, s0, s1
    CHECK_EQ(a0, 0xfffffffb, 4)
    and a0, s0, s1
    CHECK_EQ(a0, 1, 5)
    slt a0, s0, s1
    CHECK_EQ(a0, 1, 6)
    slt a0, s1, s0
    CHECK_EQ(a0, 0, 6)
    slt a0, s1, s1
    CHECK_EQ(a0, 0, 6)
    sltu a0, s0, s1
    CHECK_EQ(a0, 0, 7)
    sltu a0, s1, s0
    CHECK_EQ(a0, 1, 7)
    sll a0, s1, s1
    CHECK_EQ(a0, 24, 8)
    srl a0, s0, s1
    CHECK_EQ(a0, 0x1fffffff, 9)
    sra a0, s0, s1
    CHECK_EQ(a0, 0xffffffff, 10)
    sra a0, s2, s1
    CHECK_EQ(a0, 0xf0000000, 10)
    /* shift amount is rs2[4:0] */
    li a1, 33
    sll a0, s1, a1
    CHECK_EQ(a0, 6, 11)
    li a1, 0xffffffe0        /* [4:0] = 0 */
    srl a0, s0, a1
    CHECK_EQ(a0, 0xfffffff9, 11)
    li a1, 31
    srl a0, s2, a1
    CHECK_EQ(a0, 1, 11)
    sra a0, s2, a1
    CHECK_EQ(a0, 0xffffffff, 11)
    sll a0, s1, a1
    CHECK_EQ(a0, 0x80000000, 11)
    /* x0 */
    add x0, s0, s1
    CHECK_EQ(x0, 0, 12)
    addi x0, x0, 5
    CHECK_EQ(x0, 0, 12)
    add a0, x0, x0
    CHECK_EQ(a0, 0, 12)

    /* ---- register-immediate ALU (20..29) ---- */
    addi a0, s0, -1
    CHECK_EQ(a0, -8, 20)
    addi a0, s0, 2047
    CHECK_EQ(a0, 2040, 20)
    addi a0, s1, -2048
    CHECK_EQ(a0, -2045, 20)
    slti a0, s0, -6
    CHECK_EQ(a0, 1, 21)
    slti a0, s0, -7
    CHECK_EQ(a0, 0, 21)
    sltiu a0, s0, -1         /* 0xfffffff9 < 0xffffffff */
    CHECK_EQ(a0, 1, 22)
    sltiu a0, s1, 3
    CHECK_EQ(a0, 0, 22)
    sltiu a0, x0, 1          /* seqz */
    CHECK_EQ(a0, 1, 22)
    xori a0, s0, -1
    CHECK_EQ(a0, 6, 23)
    xori a0, s1, 0x7ff
    CHECK_EQ(a0, 0x7fc, 23)
    ori a0, s1, 0x7f0
    CHECK_EQ(a0, 0x7f3, 24)
    ori a0, s1, -16
    CHECK_EQ(a0, 0xfffffff3, 24)
    andi a0, s0, 0xf0
    CHECK_EQ(a0, 0xf0, 25)
    andi a0, s0, -2
    CHECK_EQ(a0, 0xfffffff8, 25)
    slli a0, s1, 31
    CHECK_EQ(a0, 0x80000000, 26)
    slli a0, s1, 0
    CHECK_EQ(a0, 3, 26)
    srli a0, s2, 31
    CHECK_EQ(a0, 1, 27)
    srli a0, s0, 4
    CHECK_EQ(a0, 0x0fffffff, 27)
    srai a0, s2, 31
    CHECK_EQ(a0, 0xffffffff, 28)
    srai a0, s0, 1
    CHECK_EQ(a0, 0xfffffffc, 28)
    srai a0, s1, 1
    CHECK_EQ(a0, 1, 28)

    /* ---- LUI, AUIPC (30..31) ---- */
    lui a0, 0xfffff
    CHECK_EQ(a0, 0xfffff000, 30)
    lui a0, 0x12345
    CHECK_EQ(a0, 0x12345000, 30)
    lui a0, 0
    CHECK_EQ(a0, 0, 30)
.Lauipc0:
    auipc a0, 0
    CHECK_ADDR(a0, .Lauipc0, 31)
.Lauipc1:
    auipc a0, 1
    la a1, .Lauipc1
    sub a0, a0, a1
    CHECK_EQ(a0, 0x1000, 31)
.Lauipc2:
    auipc a0, 0xfffff        /* pc - 0x1000, wraps */
    la a1, .Lauipc2
    sub a0, a1, a0
    CHECK_EQ(a0, 0x1000, 31)

    /* ---- branches (40..47) ---- */
    li a0, -1
    li a1, 1
    li a2, 1
    TAKEN(beq, a1, a2, 40)
    NOT_TAKEN(beq, a0, a1, 40)
    TAKEN(bne, a0, a1, 41)
    NOT_TAKEN(bne, a1, a2, 41)
    TAKEN(blt, a0, a1, 42)
    NOT_TAKEN(blt, a1, a0, 42)
    NOT_TAKEN(blt, a1, a2, 42)
    TAKEN(bge, a1, a0, 43)
    TAKEN(bge, a1, a2, 43)
    NOT_TAKEN(bge, a0, a1, 43)
    TAKEN(bltu, a1, a0, 44)
    NOT_TAKEN(bltu, a0, a1, 44)
    NOT_TAKEN(bltu, a1, a2, 44)
    TAKEN(bgeu, a0, a1, 45)
    TAKEN(bgeu, a1, a2, 45)
    NOT_TAKEN(bgeu, a1, a0, 45)
    /* a backward counted loop */
    li a0, 0
    li a1, 10
    li a2, 0
.Lloop:
    addi a0, a0, 1
    add a2, a2, a0
    blt a0, a1, .Lloop
    CHECK_EQ(a0, 10, 46)
    CHECK_EQ(a2, 55, 46)
    /* a taken branch must not execute the instruction after it */
    li a0, 0
    beq x0, x0, 1f
    li a0, 1
1:  CHECK_EQ(a0, 0, 47)

    /* ---- JAL, JALR (50..55) ---- */
    li a0, 0
.Ljal:
    jal ra, 1f
    li a0, 1                 /* skipped */
1:  CHECK_EQ(a0, 0, 50)
    la a1, .Ljal + 4
    CHECK_REG(ra, a1, 50)
    la a1, .Ljalr_target
.Ljalr:
    jalr s3, 0(a1)
    FAIL(51)
.Ljalr_target:
    la a2, .Ljalr + 4
    CHECK_REG(s3, a2, 51)
    /* offset added, bit 0 of the target cleared */
    la a1, .Ljalr_t2 - 8
    jalr s3, 9(a1)
    FAIL(52)
.Ljalr_t2:
    /* rd == rs1: the target uses the old value */
    la s4, .Ljalr_t3
.Ljalr3:
    jalr s4, 0(s4)
    FAIL(53)
.Ljalr_t3:
    CHECK_ADDR(s4, .Ljalr3 + 4, 53)
    /* call/return through a subroutine */
    li a0, 5
    jal ra, double_a0
    CHECK_EQ(a0, 10, 54)
    /* JAL backwards */
    li a0, 0
    j 3f
2:  addi a0, a0, 1
    j 4f
3:  j 2b
4:  CHECK_EQ(a0, 1, 55)

    /* ---- loads and stores on DMEM (60..72) ---- */
    la s5, buf
    li a0, 0x80ff7f01
    sw a0, 0(s5)
    lw a1, 0(s5)
    CHECK_EQ(a1, 0x80ff7f01, 60)
    lb a1, 0(s5)
    CHECK_EQ(a1, 0x01, 61)
    lb a1, 1(s5)
    CHECK_EQ(a1, 0x7f, 61)
    lb a1, 2(s5)
    CHECK_EQ(a1, 0xffffffff, 61)
    lb a1, 3(s5)
    CHECK_EQ(a1, 0xffffff80, 61)
    lbu a1, 2(s5)
    CHECK_EQ(a1, 0xff, 62)
    lbu a1, 3(s5)
    CHECK_EQ(a1, 0x80, 62)
    lh a1, 0(s5)
    CHECK_EQ(a1, 0x7f01, 63)
    lh a1, 2(s5)
    CHECK_EQ(a1, 0xffff80ff, 63)
    lhu a1, 2(s5)
    CHECK_EQ(a1, 0x80ff, 64)
    lhu a1, 0(s5)
    CHECK_EQ(a1, 0x7f01, 64)
    /* byte stores into each lane */
    sw zero, 4(s5)
    li a0, 0x11
    sb a0, 4(s5)
    li a0, 0x1322
    sb a0, 5(s5)
    li a0, 0x33
    sb a0, 6(s5)
    li a0, 0xff44
    sb a0, 7(s5)
    lw a1, 4(s5)
    CHECK_EQ(a1, 0x44332211, 65)
    /* halfword stores into each half */
    li a0, 0x12345678
    sh a0, 8(s5)
    li a0, 0xabcdef01
    sh a0, 10(s5)
    lw a1, 8(s5)
    CHECK_EQ(a1, 0xef015678, 66)
    /* neighbours untouched */
    li a0, 0x55555555
    sw a0, 12(s5)
    sw a0, 16(s5)
    li a0, 0xaa
    sb a0, 14(s5)
    lw a1, 12(s5)
    CHECK_EQ(a1, 0x55aa5555, 67)
    lw a1, 16(s5)
    CHECK_EQ(a1, 0x55555555, 67)
    /* negative offsets */
    addi s6, s5, 16
    lw a1, -4(s6)
    CHECK_EQ(a1, 0x55aa5555, 68)
    li a0, 0x01020304
    sw a0, -16(s6)
    lw a1, 0(s5)
    CHECK_EQ(a1, 0x01020304, 68)
    /* data in .data loaded by the harness */
    la a0, pattern
    lw a1, 0(a0)
    CHECK_EQ(a1, 0xcafef00d, 69)
    lhu a1, 6(a0)
    CHECK_EQ(a1, 0x8765, 69)

    /* ---- forwarding: dependent instructions back to back (80..89) ---- */
    li a0, 1
    addi a0, a0, 1
    addi a0, a0, 1
    add a0, a0, a0
    sub a0, a0, x0
    xor a0, a0, a0
    addi a0, a0, 7
    slli a0, a0, 2
    CHECK_EQ(a0, 28, 80)
    /* load then use, at once */
    la a0, pattern
    lw a1, 0(a0)
    addi a1, a1, 1
    CHECK_EQ(a1, 0xcafef00e, 81)
    lw a1, 0(a0)
    add a2, a1, a1
    CHECK_EQ(a2, 0x95fde01a, 81)
    /* load then use as a base address */
    la a0, ptr
    lw a1, 0(a0)
    lw a2, 0(a1)
    CHECK_EQ(a2, 0xcafef00d, 82)
    /* load then store of the loaded value, store then load back */
    lw a1, 0(a0)
    sw a1, 20(s5)
    lw a2, 20(s5)
    CHECK_REG(a2, a1, 83)
    /* load then branch on it */
    la a0, pattern
    lw a1, 0(a0)
    li a3, 0xcafef00d
    beq a1, a3, 1f
    FAIL(84)
1:
    /* ALU result into a store's data and address */
    la a0, buf
    addi a0, a0, 24
    li a1, 0x1234
    addi a1, a1, 1
    sw a1, 0(a0)
    lw a2, 24(s5)
    CHECK_EQ(a2, 0x1235, 85)
    /* byte store then word load of the same word */
    li a1, 0x99
    sb a1, 25(s5)
    lw a2, 24(s5)
    CHECK_EQ(a2, 0x9935, 86)
    /* load into a register read by the next two instructions */
    lw a1, 24(s5)
    add a2, a1, x0
    add a3, x0, a1
    CHECK_EQ(a2, 0x9935, 87)
    CHECK_EQ(a3, 0x9935, 87)
    /* JAL link used at once */
    jal a4, 1f
1:  addi a4, a4, 0
    la a5, 1b
    CHECK_REG(a4, a5, 88)
    /* LUI then ADDI (li) then use */
    li a0, 0x12345fff
    addi a0, a0, 1
    CHECK_EQ(a0, 0x12346000, 89)

    TEST_PASS

double_a0:
    add a0, a0, a0
    ret

    .data
    .balign 4
buf:      .space 32
pattern:  .word 0xcafef00d, 0x87654321
ptr:      .word pattern
