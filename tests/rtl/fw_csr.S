/* fw_csr.S -- Zicsr in firmware mode: CSRRW/RS/RC and the immediate forms on mscratch, the
 * fixed CSRs (misa, mhartid, mstatus.MPP), WARL fields (mie, mip, mstatus, GWBASE), mcycle and
 * minstret (and their user aliases) counting, the custom CSRs' reset values and the
 * configuration CSRs. docs/isa.md sections 4, 8, 9. */
#include "test.h"

TEST_MAIN
    /* ---- counters are zero after reset: nothing ran in translation mode yet (1..3) ---- */
    CHECK_CSR(CMS_CSR_CNT_TXCYC, 0, 1)
    CHECK_CSR(CMS_CSR_CNT_BUNDLES, 0, 1)
    CHECK_CSR(CMS_CSR_CNT_OPS_A, 0, 1)
    CHECK_CSR(CMS_CSR_CNT_OPS_M, 0, 1)
    CHECK_CSR(CMS_CSR_CNT_OPS_X, 0, 1)
    CHECK_CSR(CMS_CSR_CNT_OPS_B, 0, 1)
    CHECK_CSR(CMS_CSR_CNT_COMMITS, 0, 1)
    CHECK_CSR(CMS_CSR_CNT_RB_BASE + 0, 0, 2)
    CHECK_CSR(CMS_CSR_CNT_RB_BASE + 1, 0, 2)
    CHECK_CSR(CMS_CSR_CNT_RB_BASE + 2, 0, 2)
    CHECK_CSR(CMS_CSR_CNT_RB_BASE + 3, 0, 2)
    CHECK_CSR(CMS_CSR_CNT_RB_BASE + 4, 0, 2)
    CHECK_CSR(CMS_CSR_CNT_RB_BASE + 5, 0, 2)
    CHECK_CSR(CMS_CSR_CNT_RB_BASE + 6, 0, 2)
    CHECK_CSR(CMS_CSR_CNT_RB_BASE + 7, 0, 2)
    CHECK_CSR(CMS_CSR_CNT_SBHWM, 0, 3)
    CHECK_CSR(CMS_CSR_CNT_SBSTORES, 0, 3)
    CHECK_CSR(CMS_CSR_TXSTAT, 0, 3)
    csrr a0, CMS_CSR_CNT_FWCYC
    CHECK_RANGE(a0, 1, 0x100000, 3)

    /* ---- mscratch: every access form (10..19) ---- */
    li a0, 0x12345678
    csrw mscratch, a0
    csrr a1, mscratch
    CHECK_EQ(a1, 0x12345678, 10)
    li a0, 0xf0f0f0f0
    csrrw a1, mscratch, a0
    CHECK_EQ(a1, 0x12345678, 11)
    csrr a1, mscratch
    CHECK_EQ(a1, 0xf0f0f0f0, 11)
    li a0, 0x0000000f
    csrrs a1, mscratch, a0
    CHECK_EQ(a1, 0xf0f0f0f0, 12)
    csrr a1, mscratch
    CHECK_EQ(a1, 0xf0f0f0ff, 12)
    li a0, 0xf0000001
    csrrc a1, mscratch, a0
    CHECK_EQ(a1, 0xf0f0f0ff, 13)
    csrr a1, mscratch
    CHECK_EQ(a1, 0x00f0f0fe, 13)
    csrrwi a1, mscratch, 0x15
    CHECK_EQ(a1, 0x00f0f0fe, 14)
    csrr a1, mscratch
    CHECK_EQ(a1, 0x15, 14)
    csrrsi a1, mscratch, 0x0a
    CHECK_EQ(a1, 0x15, 15)
    csrr a1, mscratch
    CHECK_EQ(a1, 0x1f, 15)
    csrrci a1, mscratch, 0x11
    CHECK_EQ(a1, 0x1f, 16)
    csrr a1, mscratch
    CHECK_EQ(a1, 0x0e, 16)
    /* rs1 = x0 / uimm = 0: read only, value kept */
    csrrs a1, mscratch, x0
    csrrc a2, mscratch, x0
    csrrsi a3, mscratch, 0
    CHECK_EQ(a1, 0x0e, 17)
    CHECK_EQ(a2, 0x0e, 17)
    CHECK_EQ(a3, 0x0e, 17)
    /* rd = rs1 */
    li a0, 0x777
    csrrw a0, mscratch, a0
    CHECK_EQ(a0, 0x0e, 18)
    csrr a0, mscratch
    CHECK_EQ(a0, 0x777, 18)
    /* CSR result used at once */
    csrr a0, mscratch
    addi a0, a0, 1
    CHECK_EQ(a0, 0x778, 19)

    /* ---- fixed and WARL CSRs (20..29) ---- */
    csrr a0, misa
    CHECK_EQ(a0, 0x40001100, 20)
    csrr a0, mhartid
    CHECK_EQ(a0, 0, 21)
    csrr a0, mstatus
    li a1, MSTATUS_MPP | MSTATUS_MIE
    and a0, a0, a1
    CHECK_EQ(a0, MSTATUS_MPP, 22)             /* MIE = 0 after reset, MPP reads 3 */
    csrsi mstatus, MSTATUS_MIE
    csrr a0, mstatus
    CHECK_EQ(a0, MSTATUS_MPP | MSTATUS_MIE, 23)
    li a1, -1
    csrw mstatus, a1
    csrr a0, mstatus
    CHECK_EQ(a0, MSTATUS_MPP | MSTATUS_MPIE | MSTATUS_MIE, 23)
    csrw mstatus, zero
    csrr a0, mstatus
    CHECK_EQ(a0, MSTATUS_MPP, 23)
    csrr a0, mie
    CHECK_EQ(a0, 0, 24)
    csrw mie, a1                              /* only MEIE exists */
    csrr a0, mie
    CHECK_EQ(a0, MIE_MEIE, 24)
    csrw mie, zero
    csrr a0, mie
    CHECK_EQ(a0, 0, 24)
    csrr a0, mip                              /* no interrupt source in this test */
    CHECK_EQ(a0, 0, 25)
    csrw mip, a1                              /* MEIP is read-only */
    csrr a0, mip
    CHECK_EQ(a0, 0, 25)
    li a0, 0x00001234
    csrw mepc, a0
    csrr a1, mepc
    CHECK_EQ(a1, 0x00001234, 26)
    li a0, 0x8000000b
    csrw mcause, a0
    csrr a1, mcause
    CHECK_EQ(a1, 0x8000000b, 27)
    li a0, 0xdeadbeef
    csrw mtval, a0
    csrr a1, mtval
    CHECK_EQ(a1, 0xdeadbeef, 27)
    csrr a0, mtvec
    CHECK_ADDR(a0, trap_entry, 28)

    /* ---- cycle and instruction counters (30..39; 35, 38, 39: the timing table) ---- */
    csrr a0, minstret
    nop
    nop
    nop
    nop
    nop
    nop
    nop
    nop
    nop
    nop
    csrr a1, minstret
    sub a2, a1, a0
    CHECK_EQ(a2, 11, 30)                      /* the first csrr and ten nops retired */
    csrr a0, instret
    csrr a1, minstret
    sub a2, a1, a0
    CHECK_EQ(a2, 1, 31)
    csrr a0, mcycle
    csrr a1, mcycle
    sub a2, a1, a0
    CHECK_RANGE(a2, 1, 4, 32)
    csrr a0, cycle
    csrr a1, mcycle
    sub a2, a1, a0
    CHECK_RANGE(a2, 1, 4, 33)
    csrr a0, mcycle
    li a3, 100
1:  addi a3, a3, -1
    bnez a3, 1b
    csrr a1, mcycle
    sub a2, a1, a0
#ifdef CMS_CORE_MC
    CHECK_EQ(a2, 404, 34)                     /* li, then 200 instructions, 2 cycles each, csrr 2 (docs/mc.md) */
#else
    CHECK_RANGE(a2, 201, 400, 34)             /* 200 instructions, 1 cycle each (section 9) */
#endif
    /* timing contract: straight-line RV32I is one instruction per cycle */
    csrr a0, mcycle
    nop
    nop
    nop
    nop
    nop
    nop
    nop
    nop
    nop
    nop
    csrr a1, mcycle
    sub a2, a1, a0
#ifdef CMS_CORE_MC
    CHECK_EQ(a2, 22, 35)                      /* 10 nops and the csrr, 2 cycles each */
#else
    CHECK_EQ(a2, 11, 35)
#endif
    /* timing contract: a load and its use, MUL and its use: no stall */
    la s0, win
    li a3, 3
    csrr a0, mcycle
    lw a1, 0(s0)
    addi a1, a1, 1
    lw a1, 4(s0)
    add a2, a1, a1
    mul a1, a3, a3
    addi a1, a1, 1
    mul a1, a1, a3
    sw a1, 0(s0)
    lw a2, 0(s0)
    beq a2, x0, 1f
1:  csrr a2, mcycle
    sub a2, a2, a0
#ifdef CMS_CORE_MC
    CHECK_EQ(a2, 28, 38)                      /* 3 loads, 2 MULs and the store 3 cycles each, 4 others and the csrr 2 */
#else
    CHECK_EQ(a2, 11, 38)
#endif
    /* DIV/REM: 33 cycles (section 9), or 1 + 33 as a bundle with a divide; both accepted */
    csrr a0, mcycle
    div a1, a3, a3
    csrr a2, mcycle
    sub a2, a2, a0
#ifdef CMS_CORE_MC
    CHECK_EQ(a2, 40, 39)                      /* DIV 38 cycles, the csrr 2 */
#else
    CHECK_RANGE(a2, 34, 36, 39)
#endif
    /* taken branches and jumps: 1 cycle */
    csrr a0, mcycle
    j 1f
1:  beq x0, x0, 2f
2:  jal a1, 3f
3:  csrr a2, mcycle
    sub a2, a2, a0
#ifdef CMS_CORE_MC
    CHECK_EQ(a2, 8, 39)                       /* 3 taken jumps and the csrr, 2 cycles each */
#else
    CHECK_EQ(a2, 4, 39)
#endif
    csrr a0, mcycleh
    CHECK_EQ(a0, 0, 36)
    csrr a0, minstreth
    CHECK_EQ(a0, 0, 36)
    csrr a0, cycleh
    CHECK_EQ(a0, 0, 36)
    csrr a0, instreth
    CHECK_EQ(a0, 0, 36)
    /* the firmware-mode cycle counter moves, the translation one does not */
    csrr a0, CMS_CSR_CNT_FWCYC
    nop
    nop
    csrr a1, CMS_CSR_CNT_FWCYC
    sub a2, a1, a0
    CHECK_RANGE(a2, 3, 10, 37)
    CHECK_CSR(CMS_CSR_CNT_TXCYC, 0, 37)

    /* ---- custom CSRs (40..49) ---- */
    la a0, win + 3
    csrw CMS_CSR_GWBASE, a0
    csrr a1, CMS_CSR_GWBASE
    CHECK_ADDR(a1, win, 40)                   /* bits [1:0] read 0 */
    li a0, 0x40
    csrw CMS_CSR_GWLIMIT, a0
    CHECK_CSR(CMS_CSR_GWLIMIT, 0x40, 41)
    li a0, 0x12345
    csrw CMS_CSR_GWLIMIT, a0
    CHECK_CSR(CMS_CSR_GWLIMIT, 0x12345, 41)
    li a0, TXSTAT_VALID | CMS_CAUSE_TX_ASSERT
    csrw CMS_CSR_TXSTAT, a0
    CHECK_CSR(CMS_CSR_TXSTAT, TXSTAT_VALID | CMS_CAUSE_TX_ASSERT, 42)
    csrw CMS_CSR_TXSTAT, zero
    CHECK_CSR(CMS_CSR_TXSTAT, 0, 42)
    CHECK_CSR(CMS_CSR_CFG_SLOTS, SLOTS, 43)
    CHECK_CSR(CMS_CSR_CFG_TCBYTES, CMS_TC_BYTES, 44)
    CHECK_CSR(CMS_CSR_CFG_DMEMBYTES, CMS_DMEM_BYTES_SIM, 44)
    csrr a0, CMS_CSR_CFG_SBDEPTH
    CHECK_RANGE(a0, 1, 257, 45)
    CHECK_CSR(CMS_CSR_CNT_RB_BASE + 7, 0, 46) /* 0xFCF reads 0 */
    /* reading a read-only CSR with csrrs x0 / csrrsi 0 does not trap */
    csrrs a0, CMS_CSR_CNT_BUNDLES, x0
    csrrsi a0, CMS_CSR_CFG_SLOTS, 0
    CHECK_EQ(a0, SLOTS, 47)
    CHECK_NO_TRAP(48)

    /* ---- a counter write replaces that cycle's increment: no carry into the high half (49..50) */
    csrw minstreth, zero
    li a0, -1
    csrw minstret, a0
    csrwi minstret, 5
    csrr a1, minstreth
    CHECK_EQ(a1, 0, 49)
    csrw mcycleh, zero
    csrw mcycle, a0
    csrwi mcycle, 5
    csrr a1, mcycleh
#ifdef CMS_CORE_MC
    CHECK_EQ(a1, 1, 50)   /* the multi-cycle core: the cycle between the writes (S_D) carries */
#else
    CHECK_EQ(a1, 0, 50)
#endif

    /* ---- identification CSRs and mstatush read 0 (51..54) ---- */
    csrr a0, CMS_CSR_MVENDORID
    CHECK_EQ(a0, 0, 51)
    csrr a0, CMS_CSR_MARCHID
    CHECK_EQ(a0, 0, 52)
    csrr a0, CMS_CSR_MIMPID
    CHECK_EQ(a0, 0, 53)
    csrr a0, CMS_CSR_MSTATUSH
    CHECK_EQ(a0, 0, 54)
    CHECK_NO_TRAP(54)
    TEST_PASS

    .data
    .balign 16
win: .space 64
