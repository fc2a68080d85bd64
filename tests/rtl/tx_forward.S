/* tx_forward.S -- store-to-load forwarding: a translated LW after a SW to the same word, before
 * any commit, returns the stored value (the youngest of several), whatever address arithmetic
 * names the word; a load of another word reads DMEM; a forwarded value feeds later bundles;
 * forwarded-then-rolled-back stores leave DMEM alone. Checked inside translation mode with
 * ASSERT, and from firmware after EXIT. docs/isa.md section 7. */
#include "test.h"

#define LIMIT 64
#define ASSERT_EQ(a, b) B_ASSERT(0, a, b)
#define FAILS B_ASSERT(1, x0, x0)

TEST_MAIN
    WINDOW_INIT(win, 0xd0, 16, LIMIT)

    /* ---- forwarding, checked from firmware after EXIT (1..7) ---- */
    TR_SET(x1, 0x1001)
    TR_SET(x3, 0x3003)
    TR_SET(x4, 0x4004)
    TX_EXPECT_EXIT(f_a, 1, 1)
    CHECK_TR(x2, 0x1001, 1)                    /* sw then lw of word 0 */
    CHECK_TR(x5, 0x4004, 2)                    /* the youngest of three stores */
    CHECK_TR(x6, 0xd1, 3)                      /* word 1: from DMEM */
    CHECK_TR(x7, 0x3003, 4)                    /* word 2 (stored between): its own value */
    CHECK_MEM(win + 0, 0x4004, 5)
    CHECK_MEM(win + 8, 0x3003, 5)
    CHECK_MEM(win + 4, 0xd1, 6)
    CHECK_TR(x8, 0x4005, 7)                    /* forwarded value used by the next bundle */

    /* ---- the same word named two ways (8..9) ---- */
    TR_SET(x1, 0x5555)
    TR_SET(x4, 8)
    TR_SET(x5, 4)
    TX_EXPECT_EXIT(f_b, 2, 8)
    CHECK_TR(x2, 0x5555, 8)                    /* sw 4(TR4 = 8), lw 8(TR5 = 4): offset 12 */
    CHECK_TR(x3, 0x5556, 9)                    /* a value computed the bundle before, stored */

    /* ---- checked inside translation, then rolled back (10..12) ---- */
    TR_SET(x1, 0x6666)
    TX_EXPECT_ABORT_AT(f_c, f_c_5, CMS_CAUSE_TX_ASSERT, 10)
    CHECK_MEM(win + 16, 0xd4, 11)              /* the forwarded store never reached DMEM */
    TX_EXPECT_EXIT(f_d, 3, 12)                 /* and is not forwarded any more */
    CHECK_TR(x2, 0xd4, 12)

    /* ---- a store after a commit is forwarded; the committed one comes from DMEM (13..14) ---- */
    TR_SET(x1, 0x7777)
    TR_SET(x3, 0x8888)
    TX_EXPECT_EXIT(f_e, 4, 13)
    CHECK_TR(x2, 0x7777, 13)
    CHECK_TR(x5, 0x8888, 14)
    CHECK_MEM(win + 20, 0x8888, 14)
    TEST_PASS

TC_IMAGE
/* TR1 = 0x1001, TR3 = 0x3003, TR4 = 0x4004 */
BUNDLE(f_a)
    sw x1, 0(x0)
BEND
BUNDLE(f_a_2)
    lw x2, 0(x0)
BEND
BUNDLE(f_a_3)
    sw x3, 0(x0)
BEND
BUNDLE(f_a_4)
    sw x3, 8(x0)
BEND
BUNDLE(f_a_5)
    sw x4, 0(x0)
BEND
BUNDLE(f_a_6)
    lw x5, 0(x0)
BEND
BUNDLE(f_a_7)
    lw x6, 4(x0)
    addi x8, x5, 1
BEND
BUNDLE(f_a_8)
    lw x7, 8(x0)
BLAST
    B_EXIT(1)
BEND

/* TR1 = 0x5555, TR4 = 8, TR5 = 4 */
BUNDLE(f_b)
    sw x1, 4(x4)
    addi x6, x1, 1
BEND
BUNDLE(f_b_2)
    lw x2, 8(x5)
BEND
BUNDLE(f_b_3)
    sw x6, 24(x0)
BEND
BUNDLE(f_b_4)
    lw x3, 24(x0)
BLAST
    B_EXIT(2)
BEND

/* TR1 = 0x6666 */
BUNDLE(f_c)
    sw x1, 16(x0)
BEND
BUNDLE(f_c_2)
    lw x2, 16(x0)
BEND
BUNDLE(f_c_3)
BLAST
    ASSERT_EQ(x2, x1)                         /* passes: forwarded */
BEND
BUNDLE(f_c_4)
    lw x3, 16(x0)
BLAST
    ASSERT_EQ(x2, x1)
BEND
BUNDLE(f_c_5)
BLAST
    FAILS
BEND

BUNDLE(f_d)
    lw x2, 16(x0)
BLAST
    B_EXIT(3)
BEND

/* TR1 = 0x7777, TR3 = 0x8888 */
BUNDLE(f_e)
    sw x3, 20(x0)
BLAST
    B_COMMIT
BEND
BUNDLE(f_e_2)
    sw x1, 28(x0)
BEND
BUNDLE(f_e_3)
    lw x2, 28(x0)
BEND
BUNDLE(f_e_4)
    lw x5, 20(x0)
BLAST
    B_EXIT(4)
BEND

    .data
    .balign 16
win: .space 64
