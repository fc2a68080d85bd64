/* traps.S -- firmware-mode exceptions: illegal instructions (mtval = the instruction), unknown
 * and read-only CSRs, ECALL, EBREAK, misaligned loads/stores, access faults (IMEM, TC,
 * unmapped, MMIO holes), misaligned jump targets, fetch access faults, MRET and the
 * mstatus MIE/MPIE stack, mtvec mode bits ignored, FENCE/FENCE.I/WFI as no-ops.
 * docs/isa.md sections 2 and 4; RISC-V privileged spec for mepc/mtval. */
#include "test.h"

#define OPC_SYSTEM CMS_OPC_SYSTEM
#define CSRRS_ENC(csr, rs1, rd) ENC_I(csr, rs1, 2, rd, OPC_SYSTEM)
#define CSRRW_ENC(csr, rs1, rd) ENC_I(csr, rs1, 1, rd, OPC_SYSTEM)

/* the instruction at label traps with cause and mtval; resume after it */
#define TRAPS(label, cause, tval, n) CHECK_TRAP_AT(cause, label, tval, n)

TEST_MAIN
    /* ---- illegal instructions (1..12) ---- */
    EXPECT_TRAP
.Lill0: .word 0x00000000
    TRAPS(.Lill0, CMS_CAUSE_ILLEGAL, 0, 1)
    EXPECT_TRAP
.Lill1: .word 0xffffffff
    TRAPS(.Lill1, CMS_CAUSE_ILLEGAL, 0xffffffff, 2)
    /* OP with funct7 0x20 on XOR */
    EXPECT_TRAP
.Lill2: .insn r CMS_OPC_OP, 4, 0x20, a0, a1, a2
    TRAPS(.Lill2, CMS_CAUSE_ILLEGAL, ENC_R(0x20, 12, 11, 4, 10, CMS_OPC_OP), 3)
    /* SLLI with shamt[5] set (RV64 only) */
    EXPECT_TRAP
.Lill3: .insn i CMS_OPC_OP_IMM, 1, a0, a1, 0x020
    TRAPS(.Lill3, CMS_CAUSE_ILLEGAL, ENC_I(0x020, 11, 1, 10, CMS_OPC_OP_IMM), 4)
    /* LOAD funct3 3 (LD) */
    EXPECT_TRAP
.Lill4: .insn i CMS_OPC_LOAD, 3, a0, 0(sp)
    TRAPS(.Lill4, CMS_CAUSE_ILLEGAL, ENC_I(0, 2, 3, 10, CMS_OPC_LOAD), 5)
    /* custom-0 funct3 7: not a tx.* instruction */
    EXPECT_TRAP
.Lill5: .insn r CMS_OPC_CUSTOM0, 7, 0, a0, a1, a2
    TRAPS(.Lill5, CMS_CAUSE_ILLEGAL, ENC_R(0, 12, 11, 7, 10, CMS_OPC_CUSTOM0), 6)
    /* tx.ctl funct7 2: neither commit nor rollback */
    EXPECT_TRAP
.Lill6: .insn r CMS_OPC_CUSTOM0, CMS_FW_TX_CTL, 2, x0, x0, x0
    TRAPS(.Lill6, CMS_CAUSE_ILLEGAL, ENC_R(2, 0, 0, CMS_FW_TX_CTL, 0, CMS_OPC_CUSTOM0), 7)
    /* tx.wr / tx.rd with a TR number >= TR_COUNT */
    li a1, 5
    EXPECT_TRAP
.Lill7: .insn r CMS_OPC_CUSTOM0, CMS_FW_TX_WR, 0, x16, a1, x0
    TRAPS(.Lill7, CMS_CAUSE_ILLEGAL, ENC_R(0, 0, 11, CMS_FW_TX_WR, 16, CMS_OPC_CUSTOM0), 8)
    EXPECT_TRAP
.Lill8: .insn r CMS_OPC_CUSTOM0, CMS_FW_TX_RD, 0, a0, x20, x0
    TRAPS(.Lill8, CMS_CAUSE_ILLEGAL, ENC_R(0, 0, 20, CMS_FW_TX_RD, 10, CMS_OPC_CUSTOM0), 9)
    /* AMO (no A extension) */
    EXPECT_TRAP
.Lill9: .word 0x00b5202f                    /* amoadd.w x0, a1, (a0) */
    TRAPS(.Lill9, CMS_CAUSE_ILLEGAL, 0x00b5202f, 10)
    /* the trapping instruction has no effect: rd unchanged */
    li a0, 0x5a5a
    EXPECT_TRAP
.Lill10: .insn r CMS_OPC_OP, 0, 0x10, a0, a1, a1
    TRAPS(.Lill10, CMS_CAUSE_ILLEGAL, ENC_R(0x10, 11, 11, 0, 10, CMS_OPC_OP), 11)
    CHECK_EQ(a0, 0x5a5a, 11)

    /* ---- CSRs that do not exist or are read-only (13..19) ---- */
    li a0, 0x1111
    EXPECT_TRAP
.Lcsr0: csrr a0, 0x7ff
    TRAPS(.Lcsr0, CMS_CAUSE_ILLEGAL, CSRRS_ENC(0x7ff, 0, 10), 13)
    CHECK_EQ(a0, 0x1111, 13)
    EXPECT_TRAP
.Lcsr1: csrr a0, 0x7c4                        /* next to TXPC */
    TRAPS(.Lcsr1, CMS_CAUSE_ILLEGAL, CSRRS_ENC(0x7c4, 0, 10), 14)
    EXPECT_TRAP
.Lcsr2: csrr a0, 0x180                        /* satp: no S mode */
    TRAPS(.Lcsr2, CMS_CAUSE_ILLEGAL, CSRRS_ENC(0x180, 0, 10), 15)
    /* writes to read-only CSRs (csr[11:10] = 3) trap */
    EXPECT_TRAP
.Lcsr3: csrw CMS_CSR_CNT_BUNDLES, a1
    TRAPS(.Lcsr3, CMS_CAUSE_ILLEGAL, CSRRW_ENC(CMS_CSR_CNT_BUNDLES, 11, 0), 16)
    EXPECT_TRAP
.Lcsr4: csrw mhartid, a1
    TRAPS(.Lcsr4, CMS_CAUSE_ILLEGAL, CSRRW_ENC(CMS_CSR_MHARTID, 11, 0), 17)
    EXPECT_TRAP
.Lcsr5: csrw cycle, a1
    TRAPS(.Lcsr5, CMS_CAUSE_ILLEGAL, CSRRW_ENC(CMS_CSR_CYCLE, 11, 0), 18)
    EXPECT_TRAP
.Lcsr6: csrw CMS_CSR_CFG_SLOTS, a1
    TRAPS(.Lcsr6, CMS_CAUSE_ILLEGAL, CSRRW_ENC(CMS_CSR_CFG_SLOTS, 11, 0), 19)
    CHECK_CSR(CMS_CSR_CFG_SLOTS, SLOTS, 19)

    /* ---- ECALL, EBREAK (20..21) ---- */
    EXPECT_TRAP
.Lecall: ecall
    lw t5, T_EPC(gp)
    CHECK_ADDR(t5, .Lecall, 20)
    CHECK_TRAP(CMS_CAUSE_ECALL_M, 20)
    EXPECT_TRAP
.Lebreak: ebreak
    lw t5, T_EPC(gp)
    CHECK_ADDR(t5, .Lebreak, 21)
    CHECK_TRAP(CMS_CAUSE_BREAKPOINT, 21)

    /* ---- misaligned loads and stores (22..29) ---- */
    la s0, buf
    li a0, 0x11223344
    sw a0, 0(s0)
    sw a0, 4(s0)
    li a0, 0x7777
    EXPECT_TRAP
.Lmis0: lw a0, 2(s0)
    TRAPS(.Lmis0, CMS_CAUSE_LOAD_MISALIGNED, buf + 2, 22)
    CHECK_EQ(a0, 0x7777, 22)
    EXPECT_TRAP
.Lmis1: lw a0, 1(s0)
    TRAPS(.Lmis1, CMS_CAUSE_LOAD_MISALIGNED, buf + 1, 23)
    EXPECT_TRAP
.Lmis2: lh a0, 1(s0)
    TRAPS(.Lmis2, CMS_CAUSE_LOAD_MISALIGNED, buf + 1, 24)
    EXPECT_TRAP
.Lmis3: lhu a0, 3(s0)
    TRAPS(.Lmis3, CMS_CAUSE_LOAD_MISALIGNED, buf + 3, 25)
    li a1, 0x55667788
    EXPECT_TRAP
.Lmis4: sw a1, 2(s0)
    TRAPS(.Lmis4, CMS_CAUSE_STORE_MISALIGNED, buf + 2, 26)
    EXPECT_TRAP
.Lmis5: sh a1, 3(s0)
    TRAPS(.Lmis5, CMS_CAUSE_STORE_MISALIGNED, buf + 3, 27)
    EXPECT_TRAP
.Lmis6: sw a1, 5(s0)
    TRAPS(.Lmis6, CMS_CAUSE_STORE_MISALIGNED, buf + 5, 28)
    /* none of the misaligned stores happened */
    lw a0, 0(s0)
    CHECK_EQ(a0, 0x11223344, 29)
    lw a0, 4(s0)
    CHECK_EQ(a0, 0x11223344, 29)
    /* halfword and byte accesses that are aligned do not trap */
    lh a0, 2(s0)
    lbu a0, 3(s0)
    CHECK_EQ(a0, 0x11, 29)
    CHECK_NO_TRAP(29)

    /* ---- load/store access faults (30..45) ---- */
    li s1, CMS_IMEM_BASE + 0x100
    li a0, 0x7777
    EXPECT_TRAP
.Lacc0: lw a0, 0(s1)                          /* IMEM is not on the data port */
    TRAPS(.Lacc0, CMS_CAUSE_LOAD_ACCESS, CMS_IMEM_BASE + 0x100, 30)
    CHECK_EQ(a0, 0x7777, 30)
    EXPECT_TRAP
.Lacc1: lbu a0, 1(s1)
    TRAPS(.Lacc1, CMS_CAUSE_LOAD_ACCESS, CMS_IMEM_BASE + 0x101, 31)
    li s1, CMS_TC_BASE
    EXPECT_TRAP
.Lacc2: lw a0, 0(s1)                          /* TC loads fault */
    TRAPS(.Lacc2, CMS_CAUSE_LOAD_ACCESS, CMS_TC_BASE, 32)
    li s1, CMS_TC_BASE + CMS_TC_BYTES
    EXPECT_TRAP
.Lacc3: lw a0, 0(s1)                          /* just past the TC */
    TRAPS(.Lacc3, CMS_CAUSE_LOAD_ACCESS, CMS_TC_BASE + CMS_TC_BYTES, 33)
    li s1, 0x40000000
    EXPECT_TRAP
.Lacc4: lw a0, 0(s1)
    TRAPS(.Lacc4, CMS_CAUSE_LOAD_ACCESS, 0x40000000, 34)
    li s1, CMS_MMIO_BASE + CMS_MMIO_BYTES
    EXPECT_TRAP
.Lacc5: lw a0, 0(s1)                          /* past the MMIO bytes */
    TRAPS(.Lacc5, CMS_CAUSE_LOAD_ACCESS, CMS_MMIO_BASE + CMS_MMIO_BYTES, 35)
    li s1, 0xfffffffc
    EXPECT_TRAP
.Lacc6: lw a0, 0(s1)
    TRAPS(.Lacc6, CMS_CAUSE_LOAD_ACCESS, 0xfffffffc, 36)
    li s1, 0x40000000
    EXPECT_TRAP
.Lacc7: sw a1, 0(s1)
    TRAPS(.Lacc7, CMS_CAUSE_STORE_ACCESS, 0x40000000, 37)
    li s1, CMS_IMEM_BASE + 0x200
    EXPECT_TRAP
.Lacc8: sw a1, 0(s1)                          /* IMEM is not writable by the data port */
    TRAPS(.Lacc8, CMS_CAUSE_STORE_ACCESS, CMS_IMEM_BASE + 0x200, 38)
    li s1, CMS_TC_BASE + CMS_TC_BYTES - 16
    EXPECT_TRAP
.Lacc9: sb a1, 0(s1)                          /* the TC takes word stores only */
    TRAPS(.Lacc9, CMS_CAUSE_STORE_ACCESS, CMS_TC_BASE + CMS_TC_BYTES - 16, 39)
    EXPECT_TRAP
.Lacc10: sh a1, 2(s1)
    TRAPS(.Lacc10, CMS_CAUSE_STORE_ACCESS, CMS_TC_BASE + CMS_TC_BYTES - 14, 40)
    sw a1, 4(s1)                              /* a word store to the TC is fine */
    CHECK_NO_TRAP(41)
    li s1, CMS_TC_BASE + CMS_TC_BYTES
    EXPECT_TRAP
.Lacc11: sw a1, 0(s1)
    TRAPS(.Lacc11, CMS_CAUSE_STORE_ACCESS, CMS_TC_BASE + CMS_TC_BYTES, 42)
    csrr s1, CMS_CSR_CFG_DMEMBYTES            /* the chip's DMEM size */
    li t0, CMS_DMEM_BASE - 4
    add s1, s1, t0                            /* the last DMEM word is fine */
    sw a1, 0(s1)
    lw a0, 0(s1)
    CHECK_REG(a0, a1, 43)
    CHECK_NO_TRAP(43)
    /* just past DMEM (the TC in the simulators, whose DMEM fills its region; nothing on the
     * boards): a byte store and a load fault */
    EXPECT_TRAP
    sb a1, 4(s1)
    CHECK_TRAP(CMS_CAUSE_STORE_ACCESS, 43)
    EXPECT_TRAP
    lw a0, 4(s1)
    CHECK_TRAP(CMS_CAUSE_LOAD_ACCESS, 43)
    li s1, CMS_MMIO_BASE + CMS_MMIO_CON_STATUS
    lw a0, 0(s1)
    andi a0, a0, 1
    CHECK_EQ(a0, 1, 44)                       /* console ready (always, in simulation) */
    CHECK_NO_TRAP(44)

    /* ---- misaligned jump targets (50..55) ---- */
    li ra, 0x3333
    la s1, .Ljt0
    EXPECT_TRAP_AT(.Lmj0_ok)
.Lmj0: jalr ra, 2(s1)                        /* target .Ljt0 + 2 */
    FAIL(50)
.Ljt0:
    FAIL(50)
.Lmj0_ok:
    lw t5, T_EPC(gp)
    CHECK_ADDR(t5, .Lmj0, 50)                 /* reported on the jump */
    lw t5, T_TVAL(gp)
    CHECK_ADDR(t5, .Ljt0 + 2, 51)             /* mtval = the target */
    CHECK_TRAP(CMS_CAUSE_INSN_MISALIGNED, 50)
    CHECK_EQ(ra, 0x3333, 52)                  /* the jump did not complete: no link */
    EXPECT_TRAP_AT(.Lmj1_ok)
.Lmj1: jal ra, .Lmj1 + 6
    FAIL(53)
.Lmj1_ok:
    lw t5, T_EPC(gp)
    CHECK_ADDR(t5, .Lmj1, 53)
    CHECK_TRAP(CMS_CAUSE_INSN_MISALIGNED, 53)
    EXPECT_TRAP_AT(.Lmj2_ok)
.Lmj2: beq x0, x0, .Lmj2 + 6                 /* taken branch to a misaligned target */
    FAIL(54)
.Lmj2_ok:
    lw t5, T_EPC(gp)
    CHECK_ADDR(t5, .Lmj2, 54)
    CHECK_TRAP(CMS_CAUSE_INSN_MISALIGNED, 54)
    bne x0, x0, .+6                           /* not taken: no trap */
    CHECK_NO_TRAP(55)

    /* ---- instruction fetch access fault (56..57) ---- */
    la s1, buf                                /* DMEM: not fetchable */
    EXPECT_TRAP_AT(.Lfa_ok)
    jalr ra, 0(s1)
    FAIL(56)
.Lfa_ok:
    lw t5, T_EPC(gp)
    CHECK_ADDR(t5, buf, 56)
    lw t5, T_TVAL(gp)
    CHECK_ADDR(t5, buf, 56)
    CHECK_TRAP(CMS_CAUSE_INSN_ACCESS, 56)
    li s1, CMS_TC_BASE                        /* TC: fetched in translation mode only */
    EXPECT_TRAP_AT(.Lfa2_ok)
    jr s1
    FAIL(57)
.Lfa2_ok:
    lw t5, T_EPC(gp)
    CHECK_EQ(t5, CMS_TC_BASE, 57)
    CHECK_TRAP(CMS_CAUSE_INSN_ACCESS, 57)

    /* ---- MRET and the MIE/MPIE stack (60..69) ---- */
    la a0, .Lmret_to
    csrw mepc, a0
    li a0, MSTATUS_MPIE
    csrs mstatus, a0
    csrci mstatus, MSTATUS_MIE
    mret
    FAIL(60)
.Lmret_to:
    csrr a0, mstatus
    andi a0, a0, MSTATUS_MIE | MSTATUS_MPIE
    CHECK_EQ(a0, MSTATUS_MIE | MSTATUS_MPIE, 61) /* MIE = MPIE, MPIE = 1 */
    la a0, .Lmret_to2
    csrw mepc, a0
    li a0, MSTATUS_MPIE
    csrc mstatus, a0
    mret
    FAIL(62)
.Lmret_to2:
    csrr a0, mstatus
    andi a0, a0, MSTATUS_MIE | MSTATUS_MPIE
    CHECK_EQ(a0, MSTATUS_MPIE, 62)
    /* a trap with MIE = 1: the handler sees MIE = 0, MPIE = 1; MRET restores MIE */
    csrsi mstatus, MSTATUS_MIE                /* no interrupt source: mie = 0, nothing pending */
    EXPECT_TRAP
    ecall
    lw a0, T_MSTATUS(gp)
    andi a0, a0, MSTATUS_MIE | MSTATUS_MPIE
    CHECK_EQ(a0, MSTATUS_MPIE, 63)
    CHECK_TRAP(CMS_CAUSE_ECALL_M, 63)
    csrr a0, mstatus
    andi a0, a0, MSTATUS_MIE | MSTATUS_MPIE
    CHECK_EQ(a0, MSTATUS_MIE | MSTATUS_MPIE, 64)
    /* a trap with MIE = 0: the handler sees MPIE = 0 */
    csrci mstatus, MSTATUS_MIE
    EXPECT_TRAP
    ecall
    lw a0, T_MSTATUS(gp)
    andi a0, a0, MSTATUS_MIE | MSTATUS_MPIE
    CHECK_EQ(a0, 0, 65)
    CHECK_TRAP(CMS_CAUSE_ECALL_M, 65)
    csrr a0, mstatus
    andi a0, a0, MSTATUS_MIE | MSTATUS_MPIE
    CHECK_EQ(a0, MSTATUS_MPIE, 66)
    /* the handler's MRET to mepc + 4 continued right after the ecall: checked by every trap
     * above; mcause/mepc/mtval hold the last trap's values afterwards */
    csrr a0, mcause
    CHECK_EQ(a0, CMS_CAUSE_ECALL_M, 67)

    /* ---- mtvec: direct mode only, bits [1:0] ignored (70..71) ---- */
    la a0, trap_entry
    ori a0, a0, 1
    csrw mtvec, a0
    EXPECT_TRAP
    ecall
    CHECK_TRAP(CMS_CAUSE_ECALL_M, 70)
    la a0, trap_entry
    ori a0, a0, 2
    csrw mtvec, a0
    EXPECT_TRAP
    ebreak
    CHECK_TRAP(CMS_CAUSE_BREAKPOINT, 71)
    la a0, trap_entry
    csrw mtvec, a0

    /* ---- FENCE, FENCE.I, WFI are no-ops (72) ---- */
    li a0, 1
    fence
    .word 0x0000100f                          /* fence.i (Zifencei is not in -march) */
    wfi
    addi a0, a0, 1
    CHECK_EQ(a0, 2, 72)
    CHECK_NO_TRAP(72)

    /* ---- MMIO takes word accesses only (73..76) ---- */
    li t0, CMS_MMIO_BASE
    li a1, 99
    EXPECT_TRAP
    sb a1, CMS_MMIO_EXIT(t0)                  /* accepted, it would end the test with 0x63636363 */
    CHECK_TRAP(CMS_CAUSE_STORE_ACCESS, 73)
    EXPECT_TRAP
    sh a1, CMS_MMIO_CON_TX(t0)
    CHECK_TRAP(CMS_CAUSE_STORE_ACCESS, 74)
    EXPECT_TRAP
    lb a0, CMS_MMIO_CON_STATUS(t0)
    CHECK_TRAP(CMS_CAUSE_LOAD_ACCESS, 75)
    lw a0, CMS_MMIO_CON_STATUS(t0)
    CHECK_EQ(a0, 1, 76)
    CHECK_NO_TRAP(76)

    /* ---- BRANCH with funct3 2 or 3 is illegal, whatever its operands (78) ---- */
    EXPECT_TRAP
.Lbr2: .word 0x00002463                       /* funct3 2, x0 and x0, offset 8 */
    TRAPS(.Lbr2, CMS_CAUSE_ILLEGAL, 0x00002463, 78)
    li a0, 1
    li a1, 2
    EXPECT_TRAP
.Lbr3: .word 0x00b53463                       /* funct3 3, a0 and a1, offset 8 */
    TRAPS(.Lbr3, CMS_CAUSE_ILLEGAL, 0x00b53463, 78)

#ifdef CMS_CORE_MC
    /* ---- cms_core_mc: where each trap is taken (77; docs/mc.md, timing) ----
     * ECALL traps from S_E, a load's fault from S_L and a store's from S_P, one cycle
     * later; the handler's path is the same for the three causes */
    la s0, buf
    EXPECT_TRAP
    csrr s2, mcycle
    ecall
    csrr s3, mcycle
    sub s1, s3, s2
    CHECK_TRAP(CMS_CAUSE_ECALL_M, 77)
    EXPECT_TRAP
    csrr s2, mcycle
    lw a0, 2(s0)
    csrr s3, mcycle
    sub s3, s3, s2
    sub s3, s3, s1
    CHECK_TRAP(CMS_CAUSE_LOAD_MISALIGNED, 77)
    CHECK_EQ(s3, 1, 77)
    EXPECT_TRAP
    csrr s2, mcycle
    lw a0, 0(zero)                            /* IMEM: an access fault */
    csrr s3, mcycle
    sub s3, s3, s2
    sub s3, s3, s1
    CHECK_TRAP(CMS_CAUSE_LOAD_ACCESS, 77)
    CHECK_EQ(s3, 1, 77)
    EXPECT_TRAP
    csrr s2, mcycle
    sw a0, 0(zero)
    csrr s3, mcycle
    sub s3, s3, s2
    sub s3, s3, s1
    CHECK_TRAP(CMS_CAUSE_STORE_ACCESS, 77)
    CHECK_EQ(s3, 1, 77)
#endif
    TEST_PASS

    .data
    .balign 16
buf: .space 32
