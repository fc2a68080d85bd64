/* tx_alu.S -- translation mode basics: tx.wr/tx.rd round trip, every A-class operation and LUI,
 * MUL/DIV (X class) in slot 0, read-all-then-write-all within a bundle (swap, a slot reading a
 * TR another slot writes, two writes to one TR: the higher slot wins), TR0 stays zero,
 * branches taken and not taken, backward loops, JAL x0, and EXIT codes in tx.enter's rd.
 * docs/isa.md section 5. */
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

TEST_MAIN
    /* ---- tx.wr / tx.rd round trip, TR0 (1..3) ---- */
    TR_FILL(0x01010101, 0x01010101)
    TX_WR(x0, a1)
    CHECK_TR(x1, 0x01010101, 1)
    CHECK_TR(x2, 0x02020202, 1)
    CHECK_TR(x3, 0x03030303, 1)
    CHECK_TR(x4, 0x04040404, 1)
    CHECK_TR(x5, 0x05050505, 1)
    CHECK_TR(x6, 0x06060606, 1)
    CHECK_TR(x7, 0x07070707, 1)
    CHECK_TR(x8, 0x08080808, 1)
    CHECK_TR(x9, 0x09090909, 1)
    CHECK_TR(x10, 0x0a0a0a0a, 1)
    CHECK_TR(x11, 0x0b0b0b0b, 1)
    CHECK_TR(x12, 0x0c0c0c0c, 1)
    CHECK_TR(x13, 0x0d0d0d0d, 1)
    CHECK_TR(x14, 0x0e0e0e0e, 1)
    CHECK_TR(x15, 0x0f0f0f0f, 1)
    CHECK_TR(x0, 0, 2)
    /* tx.rd into x0 does nothing; tx.wr then tx.rd at once */
    TX_RD(x0, x5)
    CHECK_EQ(x0, 0, 3)
    li a0, 0x600d
    TX_WR(x9, a0)
    TX_RD(a1, x9)
    CHECK_EQ(a1, 0x600d, 3)

    /* ---- EXIT codes (4..7) ---- */
    TX_EXPECT_EXIT(b_exit0, 0, 4)
    TX_EXPECT_EXIT(b_exit1234, 1234, 5)
    TX_EXPECT_EXIT(b_exit2047, 2047, 6)
    TX_EXPECT_EXIT(b_exit1, 1, 7)
    /* (EXIT with imm[11] set, e.g. EXIT -1, is left alone: docs/isa.md gives rd = imm[10:0]
     * but codes 0..2047; the chip treats it as TX_ILLEGAL) */

    /* ---- OP (10..21) ---- */
    RUN_AB(b_op, -7, 3, 10, 10)
    CHECK_TR(x3, 0xfffffffc, 10)               /* add */
    CHECK_TR(x4, 0xfffffff6, 11)               /* sub */
    CHECK_TR(x5, 24, 12)                       /* sll */
    CHECK_TR(x6, 1, 13)                        /* slt */
    CHECK_TR(x7, 0, 14)                        /* sltu */
    CHECK_TR(x8, 0xfffffffa, 15)               /* xor */
    CHECK_TR(x9, 0x1fffffff, 16)               /* srl */
    CHECK_TR(x10, 0xffffffff, 17)              /* sra */
    CHECK_TR(x11, 0xfffffffb, 18)              /* or */
    CHECK_TR(x12, 1, 19)                       /* and */
    CHECK_TR(x13, 0x0000000a, 20)              /* sub reversed */
    CHECK_TR(x14, 1, 21)                       /* sltu reversed */
    CHECK_TR(x15, 0, 21)                       /* slt reversed */
    /* shift amounts are rs2[4:0] */
    RUN_AB(b_shift, 0x80000000, 33, 11, 22)
    CHECK_TR(x3, 0x00000000, 22)               /* sll by 1 */
    CHECK_TR(x4, 0x40000000, 22)               /* srl by 1 */
    CHECK_TR(x5, 0xc0000000, 22)               /* sra by 1 */
    CHECK_TR(x6, 0xf0000000, 23)               /* srai 3 */
    CHECK_TR(x7, 0x10000000, 23)               /* srli 3 */
    CHECK_TR(x8, 0x00000042, 23)               /* slli 1 of 33 */

    /* ---- OP-IMM and LUI (30..44) ---- */
    RUN_AB(b_imm, -7, 3, 12, 30)
    CHECK_TR(x3, 0xfffffff8, 30)               /* addi -1 */
    CHECK_TR(x4, 1, 31)                        /* slti -6 */
    CHECK_TR(x5, 1, 32)                        /* sltiu -1 */
    CHECK_TR(x6, 6, 33)                        /* xori -1 */
    CHECK_TR(x7, 0x7f3, 34)                    /* ori */
    CHECK_TR(x8, 0xf0, 35)                     /* andi */
    CHECK_TR(x9, 0x80000000, 36)               /* slli 31 */
    CHECK_TR(x10, 0x1fffffff, 37)              /* srli 3 */
    CHECK_TR(x11, 0xffffffff, 38)              /* srai 3 */
    CHECK_TR(x12, 0xfffff000, 39)              /* lui 0xfffff */
    CHECK_TR(x13, 0x12345000, 40)              /* lui 0x12345 */
    CHECK_TR(x14, 0x000007ff, 41)              /* addi 2047 */
    CHECK_TR(x15, 0xfffff800, 42)              /* addi x0, -2048 */
    RUN_AB(b_imm2, -7, 3, 13, 43)
    CHECK_TR(x3, 0, 43)                        /* slti -7 < -7 */
    CHECK_TR(x4, 0, 43)                        /* sltiu 3 < 3 */
    CHECK_TR(x5, 1, 43)                        /* sltiu x0 < 1 */
    CHECK_TR(x6, 0x12345678, 44)               /* lui + addi */
    CHECK_TR(x7, 0x12344fff, 44)               /* lui + addi -1 */

    /* ---- X class in slot 0 (50..60) ---- */
    RUN_AB(b_mul, 0x9abcdef0, 0x12345678, 14, 50)
    CHECK_TR(x3, 0x242d2080, 50)               /* mul */
    CHECK_TR(x4, 0xf8cc93d6, 51)               /* mulh */
    CHECK_TR(x5, 0xf8cc93d6, 52)               /* mulhsu */
    CHECK_TR(x6, 0x0b00ea4e, 53)               /* mulhu */
    CHECK_TR(x7, 0x9abcdef1, 54)               /* A op beside the X ops */
    CHECK_TR(x8, 0x12345679, 54)
    RUN_AB(b_div, -7, 3, 15, 55)
    CHECK_TR(x3, 0xfffffffe, 55)               /* div -7/3 = -2 */
    CHECK_TR(x4, 0x55555553, 56)               /* divu */
    CHECK_TR(x5, 0xffffffff, 57)               /* rem = -1 */
    CHECK_TR(x6, 0x00000000, 58)               /* remu 0xfffffff9 % 3 */
    CHECK_TR(x7, 0x80000000, 59)               /* div -2^31 / -1 */
    CHECK_TR(x8, 0, 59)                        /* rem -2^31 / -1 */
    CHECK_TR(x9, 4, 60)                        /* A ops beside the divides */
    CHECK_TR(x10, 5, 60)
    CHECK_TR(x11, 0xfffffffd, 60)              /* div result used by the next bundle */

    /* ---- read all, then write all (61..69) ---- */
    RUN_AB(b_swap, 11, 22, 16, 61)
    CHECK_TR(x1, 22, 61)                       /* swap in one bundle */
    CHECK_TR(x2, 11, 61)
    TR_SET(x3, 100)
    TR_SET(x4, 0)
    RUN_AB(b_rbw, 0, 0, 17, 62)
    CHECK_TR(x3, 5, 62)
    CHECK_TR(x4, 101, 62)                      /* slot 1 read the old TR3 */
    CHECK_TR(x5, 2, 63)                        /* two writes to TR5: slot 1 wins */
    CHECK_TR(x6, 6, 64)                        /* the next bundle sees both writes */
#if SLOTS >= 4
    TR_SET(x3, 3)
    TR_SET(x4, 4)
    RUN_AB(b_rot4, 1, 2, 18, 65)
    CHECK_TR(x1, 2, 65)                        /* four-way rotation in one bundle */
    CHECK_TR(x2, 3, 65)
    CHECK_TR(x3, 4, 65)
    CHECK_TR(x4, 1, 65)
    CHECK_TR(x5, 4, 66)                        /* four writes to TR5: slot 3 wins */
    CHECK_TR(x6, 3, 67)                        /* slot 3 wins over slot 0, slot 2 over 1 */
    CHECK_TR(x7, 2, 67)
#endif
    /* TR0: writes ignored, reads zero */
    RUN_AB(b_tr0, 5, 6, 19, 68)
    CHECK_TR(x0, 0, 68)
    CHECK_TR(x3, 0, 68)
    CHECK_TR(x4, 5, 69)
    CHECK_TR(x1, 5, 69)

    /* ---- branches (70..82): the taken path exits 2, the fall-through 1 ---- */
    RUN_AB(b_beq, 5, 5, 2, 70)
    RUN_AB(b_beq, 5, 6, 1, 70)
    RUN_AB(b_beq, 0, 0x80000000, 1, 70)
    RUN_AB(b_bne, 5, 6, 2, 71)
    RUN_AB(b_bne, 5, 5, 1, 71)
    RUN_AB(b_blt, -1, 1, 2, 72)
    RUN_AB(b_blt, 1, -1, 1, 72)
    RUN_AB(b_blt, 5, 5, 1, 72)
    RUN_AB(b_bge, 1, -1, 2, 73)
    RUN_AB(b_bge, 5, 5, 2, 73)
    RUN_AB(b_bge, -1, 1, 1, 73)
    RUN_AB(b_bltu, 1, -1, 2, 74)
    RUN_AB(b_bltu, -1, 1, 1, 74)
    RUN_AB(b_bltu, 5, 5, 1, 74)
    RUN_AB(b_bgeu, -1, 1, 2, 75)
    RUN_AB(b_bgeu, 5, 5, 2, 75)
    RUN_AB(b_bgeu, 1, -1, 1, 75)
    /* a branch whose bundle also writes its operand reads the old value */
    TR_SET(x3, 0)
    RUN_AB(b_loop1, 0, 10, 20, 76)
    CHECK_TR(x1, 11, 76)                       /* ran while the old TR1 != 10 */
    /* a counted loop over two bundles: TR3 = 1 + 2 + ... + 10 */
    TR_SET(x3, 0)
    RUN_AB(b_loop2, 0, 10, 21, 77)
    CHECK_TR(x1, 10, 77)
    CHECK_TR(x3, 55, 77)
    /* JAL x0 forwards and backwards */
    TR_SET(x4, 0)
    TR_SET(x5, 5)
    RUN_AB(b_jal, 0, 0, 22, 78)
    CHECK_TR(x4, 6, 78)
    /* a branch to a bundle before it, then on */
    RUN_AB(b_back, 0, 0, 23, 79)
    CHECK_TR(x1, 3, 79)
    /* a long loop: 1000 iterations of one bundle */
    TR_SET(x3, 0)
    RUN_AB(b_loop1, 0, 1000, 20, 80)
    CHECK_TR(x1, 1001, 80)
    /* the taken branch skips the bundle after it (no effect of it) */
    RUN_AB(b_skip, 0, 0, 24, 81)
    CHECK_TR(x3, 0, 81)
    CHECK_TR(x4, 7, 81)
    TEST_PASS

TC_IMAGE
BUNDLE(b_exit0)
BLAST
    B_EXIT(0)
BEND
BUNDLE(b_exit1234)
BLAST
    B_EXIT(1234)
BEND
BUNDLE(b_exit2047)
BLAST
    B_EXIT(2047)
BEND
BUNDLE(b_exit1)
    addi x1, x0, 1
BLAST
    B_EXIT(1)
BEND

/* TR1 = -7, TR2 = 3 */
BUNDLE(b_op)
    add x3, x1, x2
    sub x4, x1, x2
BEND
BUNDLE(b_op_2)
    sll x5, x2, x2
    slt x6, x1, x2
BEND
BUNDLE(b_op_3)
    sltu x7, x1, x2
    xor x8, x1, x2
BEND
BUNDLE(b_op_4)
    srl x9, x1, x2
    sra x10, x1, x2
BEND
BUNDLE(b_op_5)
    or x11, x1, x2
    and x12, x1, x2
BEND
BUNDLE(b_op_6)
    sub x13, x2, x1
    sltu x14, x2, x1
BEND
BUNDLE(b_op_7)
    slt x15, x2, x1
BLAST
    B_EXIT(10)
BEND

/* TR1 = 0x80000000, TR2 = 33 */
BUNDLE(b_shift)
    sll x3, x1, x2
    srl x4, x1, x2
BEND
BUNDLE(b_shift_2)
    sra x5, x1, x2
    srai x6, x1, 3
BEND
BUNDLE(b_shift_3)
    srli x7, x1, 3
    slli x8, x2, 1
BEND
BUNDLE(b_shift_4)
BLAST
    B_EXIT(11)
BEND

/* TR1 = -7, TR2 = 3 */
BUNDLE(b_imm)
    addi x3, x1, -1
    slti x4, x1, -6
BEND
BUNDLE(b_imm_2)
    sltiu x5, x1, -1
    xori x6, x1, -1
BEND
BUNDLE(b_imm_3)
    ori x7, x2, 0x7f0
    andi x8, x1, 0xf0
BEND
BUNDLE(b_imm_4)
    slli x9, x2, 31
    srli x10, x1, 3
BEND
BUNDLE(b_imm_5)
    srai x11, x1, 3
    lui x12, 0xfffff
BEND
BUNDLE(b_imm_6)
    lui x13, 0x12345
    addi x14, x0, 2047
BEND
BUNDLE(b_imm_7)
    addi x15, x0, -2048
BLAST
    B_EXIT(12)
BEND
BUNDLE(b_imm2)
    slti x3, x1, -7
    sltiu x4, x2, 3
BEND
BUNDLE(b_imm2_2)
    sltiu x5, x0, 1
    lui x6, 0x12345
BEND
BUNDLE(b_imm2_3)
    addi x6, x6, 0x678
    lui x7, 0x12345
BEND
BUNDLE(b_imm2_4)
    addi x7, x7, -1
BLAST
    B_EXIT(13)
BEND

/* TR1 = 0x9abcdef0, TR2 = 0x12345678 */
BUNDLE(b_mul)
    mul x3, x1, x2
    addi x7, x1, 1
BEND
BUNDLE(b_mul_2)
    mulh x4, x1, x2
    addi x8, x2, 1
BEND
BUNDLE(b_mul_3)
    mulhsu x5, x1, x2
BEND
BUNDLE(b_mul_4)
    mulhu x6, x1, x2
BLAST
    B_EXIT(14)
BEND

/* TR1 = -7, TR2 = 3 */
BUNDLE(b_div)
    div x3, x1, x2
    addi x9, x0, 4
BEND
BUNDLE(b_div_2)
    divu x4, x1, x2
    addi x10, x0, 5
BEND
BUNDLE(b_div_3)
    rem x5, x1, x2
    lui x12, 0x80000
BEND
BUNDLE(b_div_4)
    remu x6, x1, x2
    addi x13, x0, -1
BEND
BUNDLE(b_div_5)
    div x7, x12, x13
BEND
BUNDLE(b_div_6)
    rem x8, x12, x13
BEND
BUNDLE(b_div_7)
    addi x11, x3, -1                          /* -2 - 1 */
BLAST
    B_EXIT(15)
BEND

/* TR1 = 11, TR2 = 22 */
BUNDLE(b_swap)
    add x1, x2, x0
    add x2, x1, x0
BEND
BUNDLE(b_swap_2)
BLAST
    B_EXIT(16)
BEND

/* TR3 = 100 */
BUNDLE(b_rbw)
    addi x3, x0, 5
    addi x4, x3, 1
BEND
BUNDLE(b_rbw_2)
    addi x5, x0, 1
    addi x5, x0, 2
BEND
BUNDLE(b_rbw_3)
    add x6, x3, x0                            /* 5: both writes are visible now */
BEND
BUNDLE(b_rbw_4)
    addi x6, x6, 1
BLAST
    B_EXIT(17)
BEND

#if SLOTS >= 4
/* TR1..TR4 = 1, 2, 3, 4 */
BUNDLE(b_rot4)
    add x1, x2, x0
    add x2, x3, x0
    add x3, x4, x0
    add x4, x1, x0
BEND
BUNDLE(b_rot4_2)
    addi x5, x0, 1
    addi x5, x0, 2
    addi x5, x0, 3
    addi x5, x0, 4
BEND
BUNDLE(b_rot4_3)
    addi x6, x0, 1
    addi x7, x0, 1
    addi x7, x0, 2
    addi x6, x0, 3
BEND
BUNDLE(b_rot4_4)
BLAST
    B_EXIT(18)
BEND
#endif

/* TR1 = 5, TR2 = 6 */
BUNDLE(b_tr0)
    addi x0, x1, 0                            /* not a NOP: a write to TR0, ignored */
    lui x0, 0x12345
BEND
BUNDLE(b_tr0_2)
    add x3, x0, x0
    add x4, x1, x0
BEND
BUNDLE(b_tr0_3)
    mul x0, x1, x2
BLAST
    B_EXIT(19)
BEND

.macro branch_case name, op
BUNDLE(\name)
BLAST
    \op x1, x2, \name\()_taken
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
    branch_case b_beq, beq
    branch_case b_bne, bne
    branch_case b_blt, blt
    branch_case b_bge, bge
    branch_case b_bltu, bltu
    branch_case b_bgeu, bgeu

/* TR1 = 0, TR2 = n: loop while the old TR1 != n */
BUNDLE(b_loop1)
    addi x1, x1, 1
BLAST
    bne x1, x2, b_loop1
BEND
BUNDLE(b_loop1_out)
BLAST
    B_EXIT(20)
BEND

/* TR1 = 0, TR2 = 10, TR3 = 0 */
BUNDLE(b_loop2)
    addi x1, x1, 1
BEND
BUNDLE(b_loop2_2)
    add x3, x3, x1
BLAST
    bne x1, x2, b_loop2
BEND
BUNDLE(b_loop2_3)
BLAST
    B_EXIT(21)
BEND

/* TR4 = 0, TR5 = 5: a: TR4 += 1, leave if the old TR4 == 5; b: j a */
BUNDLE(b_jal)
BLAST
    j b_jal_a
BEND
BUNDLE(b_jal_out)
BLAST
    B_EXIT(22)
BEND
BUNDLE(b_jal_a)
    addi x4, x4, 1
BLAST
    beq x4, x5, b_jal_out
BEND
BUNDLE(b_jal_b)
BLAST
    j b_jal_a
BEND

/* forwards over a bundle, back to it, on to the end: TR1 = 1 + 2 = 3 */
BUNDLE(b_back)
BLAST
    j b_back_2
BEND
BUNDLE(b_back_1)
    addi x1, x1, 2
BLAST
    j b_back_3
BEND
BUNDLE(b_back_2)
    addi x1, x1, 1
BLAST
    beq x0, x0, b_back_1
BEND
BUNDLE(b_back_3)
BLAST
    B_EXIT(23)
BEND

BUNDLE(b_skip)
    addi x4, x0, 7
BLAST
    beq x0, x0, b_skip_2
BEND
BUNDLE(b_skip_1)
    addi x3, x0, 1
BLAST
    B_EXIT(99)
BEND
BUNDLE(b_skip_2)
    add x3, x0, x0
BLAST
    B_EXIT(24)
BEND
