/* tx_window.S -- the guest window: translated LW/SW through GWBASE/GWLIMIT, offsets with
 * negative immediates, a load result used by the next bundle, and every TX_BOUNDS case
 * (offset >= GWLIMIT, wrapped offset, misaligned, offset >= PROT_WORDS*4, GWBASE + offset
 * outside DMEM) with the abort's rd, trap (mcause, mepc, mtval), TXSTAT and TXPC, and the
 * rollback of the aborting sequence. docs/isa.md sections 5, 6, 7. */
#include "test.h"

#define LIMIT 64

.macro set_window base, limit
    la t5, \base
    csrw CMS_CSR_GWBASE, t5
    li t5, \limit
    csrw CMS_CSR_GWLIMIT, t5
.endm

TEST_MAIN
    /* win[i] = 0x100 + i */
    la s0, win
    li a0, 0x100
    li a1, 0
1:  sw a0, 0(s0)
    addi a0, a0, 1
    addi s0, s0, 4
    addi a1, a1, 1
    li a2, 1024 + 16
    blt a1, a2, 1b
    set_window win, LIMIT
    CHECK_CSR(CMS_CSR_GWLIMIT, LIMIT, 1)

    /* ---- loads (2..6) ---- */
    TR_SET(x4, 4)
    TR_SET(x6, 8)
    TX_EXPECT_EXIT(b_ld, 1, 2)
    CHECK_TR(x1, 0x100, 2)                     /* lw 0(x0) */
    CHECK_TR(x2, 0x10f, 3)                     /* lw 60(x0): the last word */
    CHECK_TR(x3, 0x103, 4)                     /* lw 8(TR4 = 4) */
    CHECK_TR(x9, 0x101, 5)                     /* lw -4(TR6 = 8), used by the next bundle */
    CHECK_TR(x5, 0x100, 5)
    CHECK_TR(x7, 0x200, 6)                     /* TR1 + TR1 in a later bundle */
    CHECK_TR(x8, 0x10f, 6)
    CHECK_TR(x10, 0x101, 7)                    /* a slot beside a load sees the old TR */

    /* ---- stores (10..15) ---- */
    TR_SET(x1, 0xaaaa0001)
    TR_SET(x2, 0xaaaa0002)
    TR_SET(x4, 4)
    TX_EXPECT_EXIT(b_st, 2, 10)
    CHECK_MEM(win + 12, 0xaaaa0001, 10)        /* sw 12(x0): rd field (imm[4:0]) = 12 */
    CHECK_MEM(win + 20, 0xaaaa0002, 11)        /* sw 16(TR4 = 4) */
    CHECK_MEM(win + 56, 0xaaaa0001, 12)        /* sw -4(TR6 = 60) */
    CHECK_MEM(win + 16, 0x104, 13)             /* neighbours untouched */
    CHECK_MEM(win + 24, 0x106, 13)
    CHECK_MEM(win + 60, 0x10f, 13)
    CHECK_MEM(win + 64, 0x110, 14)             /* first word past the window */
    CHECK_TR(x3, 0xaaaa0002, 15)               /* and read back by a later bundle */

    /* ---- out of bounds (20..39) ---- */
    TX_EXPECT_ABORT(b_ld_lim, CMS_CAUSE_TX_BOUNDS, 20)      /* lw 64(x0), offset == limit */
    TX_EXPECT_ABORT(b_st_lim, CMS_CAUSE_TX_BOUNDS, 21)      /* sw 64(x0) */
    CHECK_MEM(win + 64, 0x110, 21)
    TX_EXPECT_ABORT(b_ld_neg, CMS_CAUSE_TX_BOUNDS, 22)      /* lw -4(x0): offset 0xfffffffc */
    TR_SET(x4, 0xfffffff0)
    TX_EXPECT_ABORT(b_ld_wrap, CMS_CAUSE_TX_BOUNDS, 23)     /* lw 4(TR4 = -16) */
    TR_SET(x4, 0x80000000)
    TX_EXPECT_ABORT(b_st_big, CMS_CAUSE_TX_BOUNDS, 24)      /* sw 0(TR4 = 2^31) */
    TX_EXPECT_ABORT(b_ld_mis2, CMS_CAUSE_TX_BOUNDS, 25)     /* lw 2(x0) */
    TX_EXPECT_ABORT(b_ld_mis1, CMS_CAUSE_TX_BOUNDS, 26)     /* lw 1(x0) */
    TX_EXPECT_ABORT(b_st_mis, CMS_CAUSE_TX_BOUNDS, 27)      /* sw 7(x0) */
    CHECK_MEM(win + 4, 0x101, 27)
    CHECK_MEM(win + 8, 0x102, 27)
    /* an abort in a later bundle: TXPC/mtval name that bundle, the earlier ones are undone */
    TR_SET(x1, 0x11)
    TR_SET(x2, 0x22)
    TX_EXPECT_ABORT_AT(b_late, b_late_3, CMS_CAUSE_TX_BOUNDS, 28)
    CHECK_TR(x1, 0x11, 29)
    CHECK_TR(x2, 0x22, 29)
    CHECK_MEM(win + 0, 0x100, 29)              /* the buffered store was dropped */
    /* a window of more than PROT_WORDS*4 bytes: offsets from PROT_WORDS*4 on are out */
    set_window win, 2 * CMS_PROT_WORDS * 4
    TR_SET(x4, CMS_PROT_WORDS * 4 - 4)
    TX_EXPECT_EXIT(b_ld_t4, 3, 30)
    CHECK_TR(x1, 0x100 + CMS_PROT_WORDS - 1, 30)
    TR_SET(x4, CMS_PROT_WORDS * 4)
    TX_EXPECT_ABORT(b_ld_t4, CMS_CAUSE_TX_BOUNDS, 31)
    /* limit 0: nothing is inside */
    set_window win, 0
    TR_SET(x4, 0)
    TX_EXPECT_ABORT(b_ld_t4, CMS_CAUSE_TX_BOUNDS, 32)
    /* the window at the top of DMEM: GWBASE + offset must stay inside DMEM */
    set_window CMS_DMEM_BASE + CMS_DMEM_BYTES_SIM - 8, LIMIT
    TR_SET(x4, 4)
    TX_EXPECT_EXIT(b_ld_t4, 3, 33)
    TR_SET(x4, 8)                              /* just past DMEM */
    TX_EXPECT_ABORT(b_ld_t4, CMS_CAUSE_TX_BOUNDS, 34)
    TX_EXPECT_ABORT(b_st_t4, CMS_CAUSE_TX_BOUNDS, 34)
    /* windows over IMEM, TC, MMIO, and wrapping past 2^32 */
    set_window CMS_IMEM_BASE, LIMIT
    TR_SET(x4, 0)
    TX_EXPECT_ABORT(b_ld_t4, CMS_CAUSE_TX_BOUNDS, 35)
    TX_EXPECT_ABORT(b_st_t4, CMS_CAUSE_TX_BOUNDS, 35)
    set_window CMS_TC_BASE, LIMIT
    TX_EXPECT_ABORT(b_ld_t4, CMS_CAUSE_TX_BOUNDS, 36)
    TX_EXPECT_ABORT(b_st_t4, CMS_CAUSE_TX_BOUNDS, 36)
    set_window CMS_MMIO_BASE, LIMIT
    TR_SET(x4, CMS_MMIO_CON_STATUS)
    TX_EXPECT_ABORT(b_ld_t4, CMS_CAUSE_TX_BOUNDS, 37)
    TR_SET(x4, CMS_MMIO_CON_TX)
    TX_EXPECT_ABORT(b_st_t4, CMS_CAUSE_TX_BOUNDS, 37)
    set_window CMS_DMEM_BASE - 16, LIMIT       /* the first four words are below DMEM */
    TR_SET(x4, 12)
    TX_EXPECT_ABORT(b_ld_t4, CMS_CAUSE_TX_BOUNDS, 38)
    TR_SET(x4, 16)
    TX_EXPECT_EXIT(b_ld_t4, 3, 38)             /* = DMEM_BASE */
    set_window 0xfffffff0, LIMIT
    TR_SET(x4, 16)                             /* wraps to address 0 */
    TX_EXPECT_ABORT(b_ld_t4, CMS_CAUSE_TX_BOUNDS, 39)
    TX_EXPECT_EXIT(b_nomem, 4, 39)             /* translation still works */

    /* ---- a window elsewhere in DMEM (40..42) ---- */
    set_window win + 32, LIMIT
    TR_SET(x4, 0)
    TX_EXPECT_EXIT(b_ld_t4, 3, 40)
    CHECK_TR(x1, 0x108, 40)
    TR_SET(x1, 0xbbbb0000)
    TR_SET(x4, 8)
    TX_EXPECT_EXIT(b_st_t4, 5, 41)
    CHECK_MEM(win + 40, 0xbbbb0000, 41)
    CHECK_CSR(CMS_CSR_TXSTAT, TXSTAT_VALID | CMS_CAUSE_TX_BOUNDS, 42) /* kept until the next abort */
    TEST_PASS

TC_IMAGE
BUNDLE(b_ld)
    lw x1, 0(x0)
BEND
BUNDLE(b_ld_2)
    lw x2, 60(x0)
BEND
BUNDLE(b_ld_3)
    lw x3, 8(x4)
BEND
BUNDLE(b_ld_4)
    lw x5, -4(x6)
BEND
BUNDLE(b_ld_5)
    lw x8, 60(x0)
    add x9, x5, x0                            /* the load of the bundle before */
BEND
BUNDLE(b_ld_6)
    lw x5, 0(x0)
    add x10, x5, x0                           /* the old TR5, not this bundle's load */
BEND
BUNDLE(b_ld_7)
    add x7, x1, x1
BLAST
    B_EXIT(1)
BEND

BUNDLE(b_st)
    sw x1, 12(x0)
BEND
BUNDLE(b_st_2)
    sw x2, 16(x4)
    addi x6, x0, 60
BEND
BUNDLE(b_st_3)
    sw x1, -4(x6)
BEND
BUNDLE(b_st_4)
    lw x3, 20(x0)
BLAST
    B_EXIT(2)
BEND

BUNDLE(b_ld_lim)
    lw x1, 64(x0)
BEND
BUNDLE(b_st_lim)
    sw x1, 64(x0)
BEND
BUNDLE(b_ld_neg)
    lw x1, -4(x0)
BEND
BUNDLE(b_ld_wrap)
    lw x1, 4(x4)
BEND
BUNDLE(b_st_big)
    sw x1, 0(x4)
BEND
BUNDLE(b_ld_mis2)
    lw x1, 2(x0)
BEND
BUNDLE(b_ld_mis1)
    lw x1, 1(x0)
BEND
BUNDLE(b_st_mis)
    sw x1, 7(x0)
BEND

BUNDLE(b_late)
    addi x1, x0, 1
    addi x2, x0, 2
BEND
BUNDLE(b_late_2)
    sw x1, 0(x0)
BEND
BUNDLE(b_late_3)
    lw x3, 64(x0)
BLAST
    B_EXIT(9)
BEND

BUNDLE(b_ld_t4)
    lw x1, 0(x4)
BLAST
    B_EXIT(3)
BEND
BUNDLE(b_st_t4)
    sw x1, 0(x4)
BLAST
    B_EXIT(5)
BEND
BUNDLE(b_nomem)
BLAST
    B_EXIT(4)
BEND

    .data
    .balign 16
win: .space 4 * (1024 + 16)
