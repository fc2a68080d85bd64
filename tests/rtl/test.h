/* test.h -- shared prologue, trap handler and check macros of the RTL tests (tests/rtl/*.S).
 *
 * Each test is a bare-metal program that the chip harness runs with no guest:
 *
 *     #include "test.h"
 *     TEST_MAIN
 *         ...set up, run, CHECK_*(..., n)...
 *         TEST_PASS
 *     TC_IMAGE
 *     BUNDLE(b_name) ops BLAST b-op BEND ...
 *
 * Result, written to MMIO_EXIT (and so the harness's exit status):
 *     0          pass
 *     1..199     check n failed; first the console shows
 *                "FAIL check n line L: got 0x.. expected 0x.."
 *     200+cause  unexpected exception (console: "TRAP mcause=.. mepc=.. mtval=..")
 *     250        unexpected interrupt
 *
 * Registers: gp points at the trap record for the whole run; tp, t5 and t6 are scratch of the
 * macros below. A test uses none of gp, tp, t5, t6 itself (all other registers are its own).
 *
 * Traps: the handler records mcause/mepc/mtval/mstatus/mip, counts the trap and resumes; a trap
 * nobody announced with EXPECT_TRAP ends the test. It resumes
 *   - at the address given to EXPECT_TRAP_AT, if one was given;
 *   - for an interrupt: at mepc, after acknowledging it (MMIO_IRQ_ACK);
 *   - for a translation-mode cause (>= CAUSE_TX_FIRST): at mepc (the instruction after tx.enter);
 *   - otherwise at mepc + 4 (the instruction after the one that trapped).
 *
 * Bundles are data: TC_IMAGE switches to section .tcimage (in DMEM), which the prologue copies
 * word by word to CMS_TC_BASE, so a bundle's TC address is CMS_TC_BASE + (label - start of the
 * image) (macro TC_ADDR). Write a bundle as
 *     BUNDLE(label)       aligns to SLOTS*4 and defines label
 *         addi x1, x0, 1  A/M/X operations from slot 0 on (x0..x15 name TR0..TR15)
 *     BLAST               NOPs up to the last slot (only before a B-class operation)
 *         B_EXIT(3)       the B-class operation, in slot SLOTS-1
 *     BEND                NOPs up to the end of the bundle
 * The same source then assembles for SLOTS=2 and SLOTS=4 (with SLOTS=2 a bundle holds at most
 * one A/M/X operation before a B-class operation).
 */
#ifndef RTL_TEST_H
#define RTL_TEST_H
#include "cms_defs.h"
#include "cms_insn.h"

#ifndef SLOTS
#error "assemble with -DSLOTS=N (operations per bundle)"
#endif
#define BUNDLE_BYTES (SLOTS * 4)

/* ---- instruction words (ENC_R, ENC_I, NOP_WORD), to compute expected mtval values and to
 * write bundles with stores: tests/rtl/enc.h ---- */
#include "enc.h"

/* ---- translation-mode operations of the branch class (docs/isa.md section 5), for bundles;
 * A/M/X operations are the ordinary mnemonics with x0..x15 naming TR0..TR15 ---- */
#define B_EXIT(code)       .insn i CMS_OPC_CUSTOM0, CMS_TX_OP_EXIT, x0, x0, code
#define B_COMMIT           .insn i CMS_OPC_CUSTOM0, CMS_TX_OP_COMMIT, x0, x0, 0
#define B_ASSERT(cond, rs1, rs2) .insn r CMS_OPC_CUSTOM0, CMS_TX_OP_ASSERT, cond, x0, rs1, rs2
#define B_NOP              addi x0, x0, 0
/* bmi / bpl (translation mode's own branch conditions; the assembler has no mnemonic) */
#define B_BMI(rs1, rs2, target) .insn b CMS_OPC_BRANCH, CMS_F3_BMI, rs1, rs2, target
#define B_BPL(rs1, rs2, target) .insn b CMS_OPC_BRANCH, CMS_F3_BPL, rs1, rs2, target

/* ---- mstatus / mie / mip bits ---- */
#define MSTATUS_MIE  (1 << CMS_MSTATUS_MIE_BIT)
#define MSTATUS_MPIE (1 << CMS_MSTATUS_MPIE_BIT)
#define MSTATUS_MPP  0x1800 /* MPP = 3 (machine mode): RISC-V privileged spec, read-only here */
#define MIE_MEIE     (1 << CMS_MIE_MEIE_BIT)
#define MIP_MEIP     (1 << CMS_MIE_MEIE_BIT)
#define MCAUSE_IRQ_EXT ((1 << CMS_MCAUSE_INT_BIT) | CMS_CAUSE_IRQ_EXT)
#define TXSTAT_VALID 0x80000000
#define ABORTED(cause) (CMS_TX_ABORT_BIT | (cause))

/* ---- the trap record (gp points at it) ---- */
#define T_COUNT   0  /* traps taken since the last EXPECT_TRAP / CHECK_TRAP */
#define T_CAUSE   4
#define T_EPC     8
#define T_TVAL    12
#define T_EXPECT  16 /* traps still expected; a trap when this is 0 ends the test */
#define T_RESUME  20 /* non-zero: resume here after the next trap (one shot) */
#define T_MSTATUS 24 /* mstatus as the handler saw it */
#define T_MIP     28 /* mip as the handler saw it (before acknowledging an interrupt) */
#define T_SAVE    32 /* the handler's save slot for tp */
#define T_NUM     36 /* failing check: number, line, value seen, value expected */
#define T_LINE    40
#define T_GOT     44
#define T_EXP     48
#define T_SIZE    64

#define TEST_EXIT_TRAP 200 /* + mcause: unexpected exception */
#define TEST_EXIT_IRQ  250 /* unexpected interrupt */

/* ---- checks (n = check number 1..199, reported as the exit status) ---- */

/* fail with check n unless reg == t6 */
.macro check_t6 reg, n, line
    beq \reg, t6, .Lck_ok\@
    sw \reg, T_GOT(gp)
    sw t6, T_EXP(gp)
    li t6, \n
    sw t6, T_NUM(gp)
    li t6, \line
    sw t6, T_LINE(gp)
    j test_fail
.Lck_ok\@:
.endm

.macro check_eq reg, val, n, line
    li t6, \val
    check_t6 \reg, \n, \line
.endm

/* x[reg] == x[reg2]; reg2 must not be t6 */
.macro check_reg reg, reg2, n, line
    mv t6, \reg2
    check_t6 \reg, \n, \line
.endm

/* x[reg] == address of label */
.macro check_addr reg, label, n, line
    la t6, \label
    check_t6 \reg, \n, \line
.endm

/* fail unless x[reg] lies in [lo, hi) (unsigned) */
.macro check_range reg, lo, hi, n, line
    li t6, \lo
    bltu \reg, t6, .Lck_bad\@
    li t6, \hi
    bltu \reg, t6, .Lck_ok\@
.Lck_bad\@:
    li t6, \lo
    check_t6 \reg, \n, \line  /* always fails; reports lo as the value expected */
.Lck_ok\@:
.endm

#define CHECK_EQ(reg, val, n)          check_eq reg, val, n, __LINE__
#define CHECK_REG(reg, reg2, n)        check_reg reg, reg2, n, __LINE__
#define CHECK_ADDR(reg, label, n)      check_addr reg, label, n, __LINE__
#define CHECK_RANGE(reg, lo, hi, n)    check_range reg, lo, hi, n, __LINE__
#define CHECK_CSR(csr, val, n)         csrr t5, csr; check_eq t5, val, n, __LINE__
#define CHECK_TR(tr, val, n)           TX_RD(t5, tr); check_eq t5, val, n, __LINE__
#define CHECK_MEM(addr, val, n)        la t5, addr; lw t5, 0(t5); check_eq t5, val, n, __LINE__
#define FAIL(n)                        check_eq zero, 1, n, __LINE__ /* always fails */

/* ---- traps ---- */

/* the next instruction that traps is expected to (once) */
#define EXPECT_TRAP \
    sw zero, T_COUNT(gp); li tp, 1; sw tp, T_EXPECT(gp); sw zero, T_RESUME(gp)
/* ... and resume at label afterwards */
#define EXPECT_TRAP_AT(label) \
    EXPECT_TRAP; la tp, label; sw tp, T_RESUME(gp)

/* exactly one trap since EXPECT_TRAP, with mcause = cause; rearms the count */
.macro check_trap cause, n, line
    lw t5, T_COUNT(gp)
    check_eq t5, 1, \n, \line
    lw t5, T_CAUSE(gp)
    check_eq t5, \cause, \n, \line
    sw zero, T_COUNT(gp)
    sw zero, T_EXPECT(gp)
    sw zero, T_RESUME(gp)
.endm
/* ... and mepc = address of epc_label, mtval = tval (a number or an address expression) */
.macro check_trap_at cause, epc_label, tval, n, line
    lw t5, T_EPC(gp)
    check_addr t5, \epc_label, \n, \line
    lw t5, T_TVAL(gp)
    la t6, \tval
    check_t6 t5, \n, \line
    check_trap \cause, \n, \line
.endm
.macro check_no_trap n, line
    lw t5, T_COUNT(gp)
    check_eq t5, 0, \n, \line
    sw zero, T_EXPECT(gp)
    sw zero, T_RESUME(gp)
.endm
#define CHECK_TRAP(cause, n)                  check_trap cause, n, __LINE__
#define CHECK_TRAP_AT(cause, label, tval, n)  check_trap_at cause, label, tval, n, __LINE__
#define CHECK_NO_TRAP(n)                      check_no_trap n, __LINE__

/* ---- guest window: fill `words` words at `label` with first, first+1, ... and point
 * GWBASE/GWLIMIT at it (limit in bytes). Uses s0, a0, a1. */
.macro window_init label, first, words, limit
    la s0, \label
    li a0, \first
    li a1, \words
91:  sw a0, 0(s0)
    addi a0, a0, 1
    addi s0, s0, 4
    addi a1, a1, -1
    bnez a1, 91b
    la a0, \label
    csrw CMS_CSR_GWBASE, a0
    li a0, \limit
    csrw CMS_CSR_GWLIMIT, a0
.endm
#define WINDOW_INIT(label, first, words, limit) window_init label, first, words, limit

/* ---- TR1..TR15 = first, first + step, first + 2*step, ... (tx.wr); leaves a0 = step and
 * a1 = the value of TR15 ---- */
.macro tr_fill first, step
    li a0, \step
    li a1, \first
    TX_WR(x1, a1)
    .irp tr, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11, x12, x13, x14, x15
    add a1, a1, a0
    TX_WR(\tr, a1)
    .endr
.endm
#define TR_FILL(first, step) tr_fill first, step

/* ---- translation mode ---- */

/* x[reg] = TC address of bundle label (uses tp) */
.macro tc_addr reg, label
    la \reg, \label
    la tp, _tc_image_start
    sub \reg, \reg, tp
    li tp, CMS_TC_BASE
    add \reg, \reg, tp
.endm
#define TC_ADDR(reg, label) tc_addr reg, label

/* TR[tr] = val, working and shadow */
#define TR_SET(tr, val) li t6, val; TX_WR(tr, t6)

/* x[rd] = result of running the bundles from label (uses t6) */
#define TX_RUN(rd, label) tc_addr t6, label; TX_ENTER(rd, t6)

/* run from label; expect EXIT code and no trap */
.macro tx_exit label, code, n, line
    sw zero, T_COUNT(gp)
    tc_addr t6, \label
    TX_ENTER(t5, t6)
    check_eq t5, \code, \n, \line
    check_no_trap \n, \line
.endm
#define TX_EXPECT_EXIT(label, code, n) tx_exit label, code, n, __LINE__

/* run from label; expect an abort with cause in the bundle at label `at` (default: label):
 * rd, the trap (mcause, mepc = after tx.enter, mtval = TC address), TXSTAT and TXPC */
.macro tx_abort label, cause, n, line, at
    EXPECT_TRAP
    tc_addr t6, \label
    TX_ENTER(t5, t6)
.Ltx_ret\@:
    check_eq t5, ABORTED(\cause), \n, \line
    lw t5, T_COUNT(gp)
    check_eq t5, 1, \n, \line
    lw t5, T_CAUSE(gp)
    check_eq t5, \cause, \n, \line
    lw t5, T_EPC(gp)
    check_addr t5, .Ltx_ret\@, \n, \line
    .ifb \at
    tc_addr t6, \label
    .else
    tc_addr t6, \at
    .endif
    lw t5, T_TVAL(gp)
    check_t6 t5, \n, \line
    csrr t5, CMS_CSR_TXPC
    check_t6 t5, \n, \line
    csrr t5, CMS_CSR_TXSTAT
    check_eq t5, (TXSTAT_VALID | \cause), \n, \line
    sw zero, T_COUNT(gp)
    sw zero, T_EXPECT(gp)
.endm
#define TX_EXPECT_ABORT(label, cause, n)         tx_abort label, cause, n, __LINE__
#define TX_EXPECT_ABORT_AT(label, at, cause, n)  tx_abort label, cause, n, __LINE__, at

/* ---- bundles ---- */
.macro bundle_start label
    .balignl BUNDLE_BYTES, NOP_WORD
\label:
    .set .Lb_start, .
    .set .Lb_has_last, 0
.endm
.macro bundle_last
    .if (. - .Lb_start) > (SLOTS - 1) * 4
    .error "bundle: no room left for the last-slot operation"
    .endif
    .fill (.Lb_start + (SLOTS - 1) * 4 - .) / 4, 4, NOP_WORD
    .set .Lb_has_last, 1
.endm
.macro bundle_end
    .if .Lb_has_last == 0
    .if (. - .Lb_start) > SLOTS * 4
    .error "bundle: more operations than SLOTS"
    .endif
    .endif
    .balignl BUNDLE_BYTES, NOP_WORD
.endm
#define BUNDLE(label) bundle_start label
#define BLAST         bundle_last
#define BEND          bundle_end
/* before BEND of a bundle that deliberately holds a branch outside the last slot (its size
 * cannot be checked at assembly time) */
#define BUNCHECKED    .set .Lb_has_last, 1
#define TC_IMAGE      .section .tcimage, "aw"

/* ---- start, end ---- */
#define TEST_MAIN .text; .globl test_main; test_main:
#define TEST_PASS li t6, 0; j test_exit

    .section .text.start, "ax"
    .globl _start
_start:
    la gp, trap_rec
    la t0, trap_entry
    csrw mtvec, t0
    csrr sp, CMS_CSR_CFG_DMEMBYTES          /* the top of the chip's DMEM */
    li t0, CMS_DMEM_BASE
    add sp, sp, t0
    /* copy the bundles to the TC */
    la t0, _tc_image_start
    la t1, _tc_image_end
    li t2, CMS_TC_BASE
1:  bgeu t0, t1, 2f
    lw t3, 0(t0)
    sw t3, 0(t2)
    addi t0, t0, 4
    addi t2, t2, 4
    j 1b
2:  li t0, 0
    li t1, 0
    li t2, 0
    li t3, 0
    j test_main

/* exit status in t6 */
test_exit:
    li t5, CMS_MMIO_BASE
    sw t6, CMS_MMIO_EXIT(t5)
3:  j 3b

test_fail:
    la a0, msg_fail
    jal ra, put_str
    lw a0, T_NUM(gp)
    jal ra, put_dec
    la a0, msg_line
    jal ra, put_str
    lw a0, T_LINE(gp)
    jal ra, put_dec
    la a0, msg_got
    jal ra, put_str
    lw a0, T_GOT(gp)
    jal ra, put_hex
    la a0, msg_exp
    jal ra, put_str
    lw a0, T_EXP(gp)
    jal ra, put_hex
    li a0, '\n'
    jal ra, put_char
    lw t6, T_NUM(gp)
    j test_exit

trap_entry:
    sw tp, T_SAVE(gp)
    csrr tp, mcause
    sw tp, T_CAUSE(gp)
    csrr tp, mepc
    sw tp, T_EPC(gp)
    csrr tp, mtval
    sw tp, T_TVAL(gp)
    csrr tp, mstatus
    sw tp, T_MSTATUS(gp)
    csrr tp, mip
    sw tp, T_MIP(gp)
    lw tp, T_COUNT(gp)
    addi tp, tp, 1
    sw tp, T_COUNT(gp)
    lw tp, T_EXPECT(gp)
    beqz tp, trap_unexpected
    addi tp, tp, -1
    sw tp, T_EXPECT(gp)
    csrr tp, mcause
    bltz tp, 5f                      /* interrupt: acknowledge, resume at mepc */
    lw tp, T_RESUME(gp)
    bnez tp, 6f
    csrr tp, mcause
    addi tp, tp, -CMS_CAUSE_TX_FIRST
    bgez tp, 7f                      /* translation abort: mepc is after tx.enter */
    csrr tp, mepc
    addi tp, tp, 4
    csrw mepc, tp
    j 7f
5:  li tp, CMS_MMIO_BASE
    sw zero, CMS_MMIO_IRQ_ACK(tp)
    j 7f
6:  csrw mepc, tp
    sw zero, T_RESUME(gp)
7:  lw tp, T_SAVE(gp)
    mret

trap_unexpected:
    la a0, msg_trap
    jal ra, put_str
    lw a0, T_CAUSE(gp)
    jal ra, put_hex
    la a0, msg_epc
    jal ra, put_str
    lw a0, T_EPC(gp)
    jal ra, put_hex
    la a0, msg_tval
    jal ra, put_str
    lw a0, T_TVAL(gp)
    jal ra, put_hex
    li a0, '\n'
    jal ra, put_char
    lw t6, T_CAUSE(gp)
    bltz t6, 8f
    andi t6, t6, 31
    addi t6, t6, TEST_EXIT_TRAP
    j test_exit
8:  li t6, TEST_EXIT_IRQ
    j test_exit

/* console output; clobber a0..a3, t0 */
put_char:
    li t0, CMS_MMIO_BASE
    sw a0, CMS_MMIO_CON_TX(t0)
    ret
put_str:
    mv a2, ra
    mv a1, a0
9:  lbu a0, 0(a1)
    beqz a0, 10f
    jal ra, put_char
    addi a1, a1, 1
    j 9b
10: jr a2
put_hex:
    mv a2, ra
    mv a1, a0
    li a0, '0'
    jal ra, put_char
    li a0, 'x'
    jal ra, put_char
    li a3, 28
11: srl a0, a1, a3
    andi a0, a0, 15
    addi a0, a0, '0'
    li t0, '9'
    ble a0, t0, 12f
    addi a0, a0, 'a' - '0' - 10
12: jal ra, put_char
    addi a3, a3, -4
    bgez a3, 11b
    jr a2
put_dec:                             /* 0..9999 */
    mv a2, ra
    mv a1, a0
    li a3, 1000
    li t1, 0                         /* set once a digit is printed */
13: divu a0, a1, a3
    remu a1, a1, a3
    bnez a0, 14f
    bnez t1, 14f
    li t0, 1
    beq a3, t0, 14f
    j 15f
14: addi a0, a0, '0'
    li t1, 1
    jal ra, put_char
15: li t0, 10
    divu a3, a3, t0
    bnez a3, 13b
    jr a2

    .section .rodata
msg_fail: .asciz "FAIL check "
msg_line: .asciz " line "
msg_got:  .asciz ": got "
msg_exp:  .asciz " expected "
msg_trap: .asciz "TRAP mcause="
msg_epc:  .asciz " mepc="
msg_tval: .asciz " mtval="

    .data
    .balign 16
trap_rec:
    .space T_SIZE

    .section .tcimage, "aw"
    .balign 16
#endif
