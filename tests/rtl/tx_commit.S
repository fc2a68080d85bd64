/* tx_commit.S -- commit: after COMMIT the buffered stores are in DMEM (seen by firmware loads)
 * and the shadows equal the working TRs, including the COMMIT bundle's own results (ALU, a load
 * written one cycle later, MUL, DIV); a later abort returns to exactly that state. Stores
 * reach DMEM in program order. EXIT commits; tx.commit counts as a commit; many commits in a
 * loop. docs/isa.md section 7. */
#include "test.h"

#define LIMIT 64
#define FAILS B_ASSERT(1, x0, x0)   /* ASSERT BNE x0, x0: always fails */

TEST_MAIN
    WINDOW_INIT(win, 0xc000, 16, LIMIT)

    /* ---- COMMIT, then more work, then an abort (1..5) ---- */
    TR_SET(x1, 1)
    TR_SET(x2, 2)
    TR_SET(x3, 3)
    TX_EXPECT_ABORT_AT(c_a, c_a_5, CMS_CAUSE_TX_ASSERT, 1)
    CHECK_TR(x1, 10, 2)                        /* committed values */
    CHECK_TR(x2, 20, 2)
    CHECK_TR(x3, 3, 3)                         /* changed after the commit: restored */
    CHECK_MEM(win + 0, 10, 4)                  /* the committed store is in DMEM */
    CHECK_MEM(win + 4, 0xc001, 5)              /* the later one is not */

    /* ---- the COMMIT bundle's own results are committed (6..9) ---- */
    TR_SET(x1, 1)
    TX_EXPECT_ABORT_AT(c_b, c_b_2, CMS_CAUSE_TX_ASSERT, 6)
    CHECK_TR(x1, 50, 6)                        /* ALU op beside COMMIT */
    TR_SET(x5, 1)
    TX_EXPECT_ABORT_AT(c_c, c_c_2, CMS_CAUSE_TX_ASSERT, 7)
    CHECK_TR(x5, 0xc002, 7)                    /* a load beside COMMIT */
    TR_SET(x1, 6)
    TR_SET(x2, 7)
    TR_SET(x6, 1)
    TX_EXPECT_ABORT_AT(c_d, c_d_2, CMS_CAUSE_TX_ASSERT, 8)
    CHECK_TR(x6, 42, 8)                        /* MUL beside COMMIT */
    TR_SET(x1, 100)
    TR_SET(x7, 1)
    TX_EXPECT_ABORT_AT(c_e, c_e_2, CMS_CAUSE_TX_ASSERT, 9)
    CHECK_TR(x7, 14, 9)                        /* DIV beside COMMIT */

    /* ---- stores reach DMEM in program order (10..12) ---- */
    TR_SET(x1, 0x1111)
    TR_SET(x2, 0x2222)
    TR_SET(x3, 0x3333)
    TX_EXPECT_ABORT_AT(c_f, c_f_5, CMS_CAUSE_TX_ASSERT, 10)
    CHECK_MEM(win + 0, 0x2222, 10)             /* two stores to one word: the younger */
    CHECK_MEM(win + 4, 0x3333, 11)
    CHECK_MEM(win + 8, 0xc002, 12)             /* after the commit: dropped */

    /* ---- EXIT commits (13..16) ---- */
    TX_EXPECT_EXIT(c_g, 3, 13)
    CHECK_TR(x1, 7, 13)
    CHECK_MEM(win + 12, 7, 14)
    TX_ROLLBACK                                /* shadows already equal: nothing changes */
    CHECK_TR(x1, 7, 15)
    TX_EXPECT_ABORT(c_fail, CMS_CAUSE_TX_ASSERT, 16)
    CHECK_TR(x1, 7, 16)
    CHECK_MEM(win + 12, 7, 16)

    /* ---- tx.commit (17..18) ---- */
    csrr s1, CMS_CSR_CNT_COMMITS
    TX_COMMIT
    csrr s2, CMS_CSR_CNT_COMMITS
    sub a0, s2, s1
    CHECK_EQ(a0, 1, 17)
    CHECK_TR(x1, 7, 18)
    TX_EXPECT_ABORT(c_fail, CMS_CAUSE_TX_ASSERT, 18)
    CHECK_TR(x1, 7, 18)

    /* ---- a loop that commits every iteration (19..21) ---- */
    TR_SET(x1, 0)
    TR_SET(x2, 20)
    csrr s1, CMS_CSR_CNT_COMMITS
    TX_EXPECT_EXIT(c_loop, 4, 19)
    csrr s2, CMS_CSR_CNT_COMMITS
    CHECK_TR(x1, 20, 19)
    CHECK_MEM(win + 16, 20, 20)
    sub a0, s2, s1
    CHECK_EQ(a0, 21, 21)                       /* 20 COMMITs and the EXIT */

    /* ---- loads and stores right after a COMMIT that is still draining (22..25) ---- */
    TR_SET(x1, 0xa1)
    TR_SET(x2, 0xa2)
    TR_SET(x3, 0xa3)
    TR_SET(x6, 0xa6)
    TX_EXPECT_EXIT(c_drain, 5, 22)
    CHECK_TR(x4, 0xa3, 22)                     /* the last store of the drain */
    CHECK_TR(x5, 0xa1, 23)                     /* the first */
    CHECK_TR(x7, 0xa6, 24)                     /* a store after the commit, forwarded */
    la a0, win
    lw a1, 0(a0)
    CHECK_EQ(a1, 0xa6, 25)
    lw a1, 4(a0)
    CHECK_EQ(a1, 0xa2, 25)
    lw a1, 8(a0)
    CHECK_EQ(a1, 0xa3, 25)

    /* ---- firmware accesses right after EXIT drained stores (26..27) ---- */
    TR_SET(x1, 0xb1)
    TR_SET(x2, 0xb2)
    la s3, win
    li a2, 0xf00d
    TC_ADDR(a0, c_exit_st)
    TX_ENTER(a1, a0)
    lw a3, 36(s3)                              /* stored by the EXIT bundle's commit */
    sw a2, 32(s3)                              /* after the drained store to the same word */
    lw a4, 32(s3)
    CHECK_EQ(a1, 6, 26)
    CHECK_EQ(a3, 0xb2, 26)
    CHECK_EQ(a4, 0xf00d, 27)

    /* ---- a load just before EXIT / COMMIT is committed (28..29) ---- */
    TR_SET(x5, 1)
    TX_EXPECT_EXIT(c_ld_exit, 7, 28)
    TX_EXPECT_ABORT(c_fail, CMS_CAUSE_TX_ASSERT, 28)
    CHECK_TR(x5, 0xb2, 28)
    TR_SET(x2, 7)
    TR_SET(x5, 1)
    TR_SET(x6, 1)
    TX_EXPECT_ABORT_AT(c_ld_commit, c_ld_commit_4, CMS_CAUSE_TX_ASSERT, 29)
    CHECK_TR(x5, 0xf00d, 29)
    CHECK_TR(x6, 42, 29)
    TEST_PASS

TC_IMAGE
/* TR1..3 = 0xa1..0xa3, TR6 = 0xa6 */
BUNDLE(c_drain)
    sw x1, 0(x0)
BEND
BUNDLE(c_drain_2)
    sw x2, 4(x0)
BEND
BUNDLE(c_drain_3)
    sw x3, 8(x0)
BLAST
    B_COMMIT
BEND
BUNDLE(c_drain_4)
    lw x4, 8(x0)
BEND
BUNDLE(c_drain_5)
    lw x5, 0(x0)
BEND
BUNDLE(c_drain_6)
    sw x6, 0(x0)
BEND
BUNDLE(c_drain_7)
    lw x7, 0(x0)
BLAST
    B_EXIT(5)
BEND

BUNDLE(c_exit_st)
    sw x1, 32(x0)
BEND
BUNDLE(c_exit_st_2)
    sw x2, 36(x0)
BLAST
    B_EXIT(6)
BEND

BUNDLE(c_ld_exit)
    lw x5, 36(x0)
BLAST
    B_EXIT(7)
BEND

/* TR2 = 7 */
BUNDLE(c_ld_commit)
    lw x5, 32(x0)
    addi x1, x0, 6
BEND
BUNDLE(c_ld_commit_2)
    mul x6, x1, x2
BLAST
    B_COMMIT
BEND
BUNDLE(c_ld_commit_3)
    addi x6, x0, 3
BEND
BUNDLE(c_ld_commit_4)
    addi x5, x0, 3
BLAST
    FAILS
BEND

/* commit TR1 = 10, TR2 = 20, win[0] = 10; then TR1 = 99, TR3 = 33, win[1] = 33; fail */
BUNDLE(c_a)
    addi x1, x0, 10
    addi x2, x0, 20
BEND
BUNDLE(c_a_2)
    sw x1, 0(x0)
BLAST
    B_COMMIT
BEND
BUNDLE(c_a_3)
    addi x1, x0, 99
    addi x3, x0, 33
BEND
BUNDLE(c_a_4)
    sw x3, 4(x0)
BEND
BUNDLE(c_a_5)
BLAST
    FAILS
BEND

BUNDLE(c_b)
    addi x1, x0, 50
BLAST
    B_COMMIT
BEND
BUNDLE(c_b_2)
    addi x1, x0, 60
BLAST
    FAILS
BEND

BUNDLE(c_c)
    lw x5, 8(x0)
BLAST
    B_COMMIT
BEND
BUNDLE(c_c_2)
    addi x5, x0, 1
BLAST
    FAILS
BEND

BUNDLE(c_d)
    mul x6, x1, x2
BLAST
    B_COMMIT
BEND
BUNDLE(c_d_2)
    addi x6, x0, 1
BLAST
    FAILS
BEND

/* TR1 = 100, TR2 = 7 */
BUNDLE(c_e)
    div x7, x1, x2
BLAST
    B_COMMIT
BEND
BUNDLE(c_e_2)
    addi x7, x0, 1
BLAST
    FAILS
BEND

BUNDLE(c_f)
    sw x1, 0(x0)
BEND
BUNDLE(c_f_2)
    sw x2, 0(x0)
BEND
BUNDLE(c_f_3)
    sw x3, 4(x0)
BLAST
    B_COMMIT
BEND
BUNDLE(c_f_4)
    sw x1, 8(x0)
BEND
BUNDLE(c_f_5)
BLAST
    FAILS
BEND

BUNDLE(c_g)
    addi x1, x0, 7
BEND
BUNDLE(c_g_2)
    sw x1, 12(x0)
BLAST
    B_EXIT(3)
BEND

BUNDLE(c_fail)
    addi x1, x0, 123
BLAST
    FAILS
BEND

/* TR1 = 0, TR2 = 20: TR1 += 1, win[4] = TR1, commit, until TR1 == TR2 */
BUNDLE(c_loop)
    addi x1, x1, 1
BEND
BUNDLE(c_loop_2)
    sw x1, 16(x0)
BLAST
    B_COMMIT
BEND
BUNDLE(c_loop_3)
BLAST
    bne x1, x2, c_loop
BEND
BUNDLE(c_loop_4)
BLAST
    B_EXIT(4)
BEND

    .data
    .balign 16
win: .space 64
