/* tx_hazard.S -- dependences in translation mode around the load written one cycle late and the
 * multi-cycle divider: a load result used by the next bundle as an address, store data, divisor
 * and branch operand; a load and an ALU op writing one TR in one bundle (the higher slot wins)
 * or in consecutive bundles (the later wins); two loads to one TR; MUL/DIV beside an A op writing
 * the same TR; loads and stores in branch bundles; bundles written to the TC by firmware stores
 * are fetched at once. docs/isa.md section 5 ("read all, then write all", "the rule holds
 * between any two bundles"). */
#include "test.h"

#define ADDI(rd, rs1, imm) ENC_I(imm, rs1, 0, rd, CMS_OPC_OP_IMM)
#define EXIT_OP(code)      ENC_I(code, 0, CMS_TX_OP_EXIT, 0, CMS_OPC_CUSTOM0)
#define TC_FREE (CMS_TC_BASE + CMS_TC_BYTES - 2 * BUNDLE_BYTES)

/* write the bundle { addi x1, x0, imm ; NOPs ; EXIT code } at TC address addr */
.macro tc_bundle addr, imm, code
    li t5, \addr
    li t6, NOP_WORD
    .rept SLOTS
    sw t6, 0(t5)
    addi t5, t5, 4
    .endr
    li t5, \addr
    li t6, ADDI(1, 0, \imm)
    sw t6, 0(t5)
    li t6, EXIT_OP(\code)
    sw t6, (SLOTS - 1) * 4(t5)
.endm

TEST_MAIN
    la a0, win
    csrw CMS_CSR_GWBASE, a0
    li a0, 64
    csrw CMS_CSR_GWLIMIT, a0

    /* ---- load results (1..11) ---- */
    TR_SET(x7, 0x301)
    TX_EXPECT_EXIT(h_a, 1, 1)
    CHECK_TR(x1, 8, 1)
    CHECK_TR(x2, 0x302, 2)                     /* lw 0(TR1): address from the load before */
    CHECK_TR(x3, 0x302, 3)                     /* stored by the bundle after the load */
    CHECK_MEM(win + 16, 0x302, 3)
    CHECK_TR(x4, 5, 4)
    CHECK_TR(x5, 154, 5)                       /* 0x302 / 5: divisor loaded the bundle before */
    CHECK_TR(x6, 0x301, 6)                     /* the branch on it was taken */
    CHECK_TR(x7, 7, 7)                         /* lw and addi to TR7 in one bundle: slot 1 */
    CHECK_TR(x8, 9, 8)                         /* lw, then addi to TR8 next bundle: the addi */
    CHECK_TR(x9, 0x302, 9)                     /* two loads to TR9: the second */
    CHECK_TR(x10, 0x30b, 10)
    CHECK_TR(x11, 0x301, 11)                   /* a load beside a taken branch */

    /* ---- X class beside A ops writing the same TR; X results forwarded (12..15) ---- */
    TR_SET(x2, 100)
    TR_SET(x3, 7)
    TR_SET(x5, 0)
    TX_EXPECT_EXIT(h_b, 2, 12)
    CHECK_TR(x1, 5, 12)                        /* div, addi to TR1: slot 1 */
    CHECK_TR(x4, 6, 13)                        /* mul, addi to TR4: slot 1 */
    CHECK_TR(x5, 14, 14)
    CHECK_TR(x6, 1, 14)                        /* beside the div: the old TR5 */
    CHECK_TR(x7, 14, 14)
#if SLOTS >= 4
    CHECK_TR(x8, 3, 15)                        /* div in slot 0, slot 3 wins */
#endif
    CHECK_TR(x10, 1400, 15)                    /* a mul result used by the next bundle */
    CHECK_MEM(win + 24, 49, 15)                /* ... and stored by it */

    /* ---- memory operations in branch bundles (16..18) ---- */
    TR_SET(x1, 0xc0ffee)
    TX_EXPECT_EXIT(h_c, 3, 16)
    CHECK_TR(x2, 0xc0ffee, 16)
    CHECK_TR(x3, 0xc0ffee, 17)
    CHECK_MEM(win + 20, 0xc0ffee, 18)

    /* ---- bundles written by firmware are fetched at once (19..21) ---- */
    tc_bundle TC_FREE, 0x55, 9
    li a0, TC_FREE
    TX_ENTER(a1, a0)
    CHECK_EQ(a1, 9, 19)
    CHECK_TR(x1, 0x55, 19)
    li a0, TC_FREE
    li a2, ADDI(1, 0, 0x66)
    sw a2, 0(a0)                               /* overwrite slot 0, enter at once */
    TX_ENTER(a1, a0)
    CHECK_EQ(a1, 9, 20)
    CHECK_TR(x1, 0x66, 20)
    tc_bundle TC_FREE + BUNDLE_BYTES, 0x77, 10 /* the last bundle of the TC */
    li a0, TC_FREE + BUNDLE_BYTES
    TX_ENTER(a1, a0)
    CHECK_EQ(a1, 10, 21)
    CHECK_TR(x1, 0x77, 21)

    /* ---- firmware instructions right before / after tx.enter (22..29) ---- */
    TC_ADDR(s1, h_t_add)
    TC_ADDR(s2, h_t_ld)
    TC_ADDR(s3, h_t_mul)
    TC_ADDR(s4, h_t_st)
    la s5, win
    li a0, 0x77
    TX_WR(x1, a0)
    TX_ENTER(a1, s1)                           /* {addi x2, x1, 1; EXIT} */
    TX_RD(a2, x2)
    CHECK_EQ(a2, 0x78, 22)
    CHECK_EQ(a1, 11, 22)
    li a0, 0x4321
    sw a0, 0(s5)
    TX_ENTER(a1, s2)                           /* {lw x3, 0(x0); EXIT} */
    TX_RD(a2, x3)
    CHECK_EQ(a2, 0x4321, 23)
    TX_ENTER(a1, s3)                           /* {mul x4, x1, x1; EXIT} */
    TX_RD(a2, x4)
    CHECK_EQ(a2, 0x77 * 0x77, 24)
    li a0, 0x66
    TX_WR(x1, a0)
    TX_ENTER(a1, s4)                           /* {sw x1, 4(x0); EXIT} */
    lw a2, 4(s5)
    CHECK_EQ(a2, 0x66, 25)
    li a0, 4
    csrw CMS_CSR_GWLIMIT, a0
    EXPECT_TRAP
    TX_ENTER(a1, s4)                           /* offset 4 >= GWLIMIT 4 now */
    CHECK_EQ(a1, ABORTED(CMS_CAUSE_TX_BOUNDS), 26)
    CHECK_TRAP(CMS_CAUSE_TX_BOUNDS, 26)
    li a0, 64
    csrw CMS_CSR_GWLIMIT, a0
    li a0, 4
    li a2, 1
    TX_PROT(a0, a2)
    EXPECT_TRAP
    TX_ENTER(a1, s4)                           /* word 1 protected just before */
    CHECK_EQ(a1, ABORTED(CMS_CAUSE_TX_PROT), 27)
    CHECK_TRAP(CMS_CAUSE_TX_PROT, 27)
    li a0, 4
    TX_PROT(a0, x0)
    TX_ENTER(a1, s4)                           /* and unprotected just before */
    CHECK_EQ(a1, 14, 28)
    li a0, 4
    li a2, 1
    li a3, 0x99
    EXPECT_TRAP_AT(.Lh_prot_ok)
    TX_PROT(a0, a2)
    sw a3, 4(s5)                               /* firmware store right after tx.prot */
    FAIL(29)
.Lh_prot_ok:
    CHECK_TRAP(CMS_CAUSE_TX_PROT, 29)
    CHECK_MEM(win + 4, 0x66, 29)
    li a0, 4
    TX_PROT(a0, x0)
    TEST_PASS

TC_IMAGE
/* win = 8, 0x301, 0x302, 5, ...; TR7 = 0x301 */
BUNDLE(h_a)
    lw x1, 0(x0)
BEND
BUNDLE(h_a_2)
    lw x2, 0(x1)
BEND
BUNDLE(h_a_3)
    sw x2, 16(x0)
BEND
BUNDLE(h_a_4)
    lw x3, 16(x0)
BEND
BUNDLE(h_a_5)
    lw x4, 12(x0)
BEND
BUNDLE(h_a_6)
    div x5, x3, x4
BEND
BUNDLE(h_a_7)
    lw x6, 4(x0)
BEND
BUNDLE(h_a_8)
BLAST
    beq x6, x7, h_a_10
BEND
BUNDLE(h_a_9)
BLAST
    B_EXIT(99)
BEND
BUNDLE(h_a_10)
    lw x7, 0(x0)
    addi x7, x0, 7
BEND
BUNDLE(h_a_11)
    lw x8, 4(x0)
BEND
BUNDLE(h_a_12)
    addi x8, x0, 9
BEND
BUNDLE(h_a_13)
    lw x9, 4(x0)
BEND
BUNDLE(h_a_14)
    lw x9, 8(x0)
BEND
BUNDLE(h_a_15)
    lw x11, 4(x0)
BLAST
    beq x0, x0, h_a_17
BEND
BUNDLE(h_a_16)
BLAST
    B_EXIT(98)
BEND
BUNDLE(h_a_17)
    add x10, x9, x8
BLAST
    bne x11, x6, h_a_16                        /* the load beside the branch is seen here */
BEND
BUNDLE(h_a_18)
BLAST
    B_EXIT(1)
BEND

/* TR2 = 100, TR3 = 7, TR5 = 0 */
BUNDLE(h_b)
    div x1, x2, x3
    addi x1, x0, 5
BEND
BUNDLE(h_b_2)
    mul x4, x2, x3
    addi x4, x0, 6
BEND
BUNDLE(h_b_3)
    div x5, x2, x3
    addi x6, x5, 1
BEND
#if SLOTS >= 4
BUNDLE(h_b_4)
    div x8, x2, x3
    addi x8, x0, 1
    addi x8, x0, 2
    addi x8, x0, 3
BEND
#endif
BUNDLE(h_b_5)
    mul x9, x2, x3
    add x7, x5, x0
BEND
BUNDLE(h_b_6)
    mul x11, x3, x3
    add x10, x9, x9
BEND
BUNDLE(h_b_7)
    sw x11, 24(x0)
BLAST
    B_EXIT(2)
BEND

/* TR1 = 0xc0ffee */
BUNDLE(h_c)
    sw x1, 20(x0)
BLAST
    j h_c_3
BEND
BUNDLE(h_c_2)
BLAST
    B_EXIT(98)
BEND
BUNDLE(h_c_3)
    lw x2, 20(x0)
BLAST
    beq x0, x0, h_c_5
BEND
BUNDLE(h_c_4)
BLAST
    B_EXIT(97)
BEND
BUNDLE(h_c_5)
    add x3, x2, x0
BLAST
    B_EXIT(3)
BEND

BUNDLE(h_t_add)
    addi x2, x1, 1
BLAST
    B_EXIT(11)
BEND
BUNDLE(h_t_ld)
    lw x3, 0(x0)
BLAST
    B_EXIT(12)
BEND
BUNDLE(h_t_mul)
    mul x4, x1, x1
BLAST
    B_EXIT(13)
BEND
BUNDLE(h_t_st)
    sw x1, 4(x0)
BLAST
    B_EXIT(14)
BEND

    .data
    .balign 16
win: .word 8, 0x301, 0x302, 5, 0x304, 0x305, 0x306, 0x307
     .word 0x308, 0x309, 0x30a, 0x30b, 0x30c, 0x30d, 0x30e, 0x30f
