/* fw_tx.S -- the translation registers and protection bits from firmware mode alone (no
 * tx.enter), so that the multi-cycle core runs it too (docs/isa.md sections 4 and 7):
 * tx.wr/tx.rd on every TR, TR0 reads 0, a tx.rd right after the tx.wr of the same TR and an
 * x register used right after it is written (the multi-cycle core writes its register RAM a
 * cycle late and bypasses), tx.commit/tx.rollback keep what tx.wr wrote (it writes the shadow
 * too), tx.prot/tx.protrd on several bits, their range trap, and a firmware store to a
 * protected window word trapping with CAUSE_TX_PROT (mtval = the address) without storing.
 */
#include "test.h"

TEST_MAIN
    /* ---- every TR: write i*0x01010101 + 7, read back (1..16) ---- */
    TR_FILL(7, 0x01010101)
    li a1, 0x5555
    TX_WR(x0, a1)                      /* ignored */
    CHECK_TR(x0, 0, 1)
    CHECK_TR(x1, 0x00000007, 2)
    CHECK_TR(x2, 0x01010108, 3)
    CHECK_TR(x5, 0x0404040b, 4)
    CHECK_TR(x7, 0x0606060d, 5)
    CHECK_TR(x8, 0x0707070e, 6)
    CHECK_TR(x11, 0x0a0a0a11, 7)
    CHECK_TR(x15, 0x0e0e0e15, 8)

    /* ---- back to back: tx.wr then tx.rd of the same TR; a result used at once (9..12) ---- */
    li a2, 0x12345678
    TX_WR(x3, a2)
    TX_RD(a3, x3)
    CHECK_EQ(a3, 0x12345678, 9)
    li a2, 0x0badf00d
    TX_WR(x12, a2)
    TX_RD(a3, x12)
    addi a4, a3, 1                    /* a3 used by the next instruction */
    CHECK_EQ(a4, 0x0badf00e, 10)
    TX_RD(a3, x2)
    TX_RD(a4, x3)
    sub a5, a4, a3
    CHECK_EQ(a5, 0x12345678 - 0x01010108, 11)
    li a2, 41
    addi a2, a2, 1
    add a2, a2, a2
    CHECK_EQ(a2, 84, 12)

    /* ---- commit and rollback keep what tx.wr wrote (13..15) ---- */
    TX_ROLLBACK
    TX_RD(a3, x3)
    CHECK_EQ(a3, 0x12345678, 13)
    TX_COMMIT
    li a2, 99
    TX_WR(x6, a2)
    TX_ROLLBACK
    TX_RD(a3, x6)
    CHECK_EQ(a3, 99, 14)
    TX_RD(a3, x12)
    CHECK_EQ(a3, 0x0badf00d, 15)

    /* ---- protection bits (16..21) ---- */
    li a0, 0
    li a1, 1
    TX_PROT(a0, a1)                   /* word 0 */
    li a0, 4 * 513
    TX_PROT(a0, a1)                   /* word 513 */
    li a0, 4 * (CMS_PROT_WORDS - 1)
    TX_PROT(a0, a1)                   /* the last word */
    li a0, 0
    TX_PROTRD(a2, a0)
    CHECK_EQ(a2, 1, 16)
    li a0, 4 * 513 + 2                /* a byte offset inside word 513 */
    TX_PROTRD(a2, a0)
    CHECK_EQ(a2, 1, 17)
    li a0, 4 * 512
    TX_PROTRD(a2, a0)
    CHECK_EQ(a2, 0, 18)
    li a0, 4 * (CMS_PROT_WORDS - 1)
    TX_PROTRD(a2, a0)
    CHECK_EQ(a2, 1, 19)
    li a0, 4 * 513
    TX_PROT(a0, zero)                 /* clear it again */
    TX_PROTRD(a2, a0)
    CHECK_EQ(a2, 0, 20)
    li a0, 4 * CMS_PROT_WORDS         /* out of range: traps, no effect */
    EXPECT_TRAP
t_protrd:
    TX_PROTRD(a2, a0)
    CHECK_TRAP_AT(CMS_CAUSE_LOAD_ACCESS, t_protrd, 4 * CMS_PROT_WORDS, 21)
    EXPECT_TRAP
t_prot:
    TX_PROT(a0, a1)
    CHECK_TRAP_AT(CMS_CAUSE_STORE_ACCESS, t_prot, 4 * CMS_PROT_WORDS, 22)

    /* ---- a firmware store to a protected window word (23..26) ---- */
    WINDOW_INIT(win, 100, 8, 32)      /* words 100..107 at win, window of 8 words */
    li a0, 8                          /* window offset 8: word 2 */
    li a1, 1
    TX_PROT(a0, a1)
    la s1, win
    li a2, 0x7777
    EXPECT_TRAP_AT(t_store_after)     /* a TX cause: the handler would resume at mepc */
t_store:
    sw a2, 8(s1)
t_store_after:
    CHECK_TRAP_AT(CMS_CAUSE_TX_PROT, t_store, win + 8, 23)
    lw a3, 8(s1)
    CHECK_EQ(a3, 102, 24)             /* not stored */
    sw a2, 12(s1)                     /* word 3: not protected */
    lw a3, 12(s1)
    CHECK_EQ(a3, 0x7777, 25)
    TX_PROT(a0, zero)
    sw a2, 8(s1)
    lw a3, 8(s1)
    CHECK_EQ(a3, 0x7777, 26)
    CHECK_NO_TRAP(27)
    TEST_PASS

    .data
    .balign 4
win: .space 64
