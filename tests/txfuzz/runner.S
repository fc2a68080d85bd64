/* runner.S -- start-up, trap handler and the tx.enter call of the translation-mode fuzz runner
 * (runner.c runs the cases). Bare metal on the chip harness: cms-sim-sN --firmware runner.elf.
 *
 * The trap handler records every trap (count, mcause, mepc, mtval in txf_trap) and, for a
 * translation-mode fault (mcause 24..31 and mepc = the instruction after tx.enter: docs/isa.md
 * section 7), returns to mepc. Any other trap is a runner failure: it prints
 * "TRAP mcause=.. mepc=.. mtval=.." and exits with status 3. The handler uses tp (which the
 * C code never allocates) and saves t0 in mscratch; every other register is preserved.
 */
#include "cms_defs.h"
#include "cms_insn.h"
#include "txf_layout.h"

    .section .text.start, "ax"
    .globl _start
_start:
    la t0, txf_trap_entry
    csrw mtvec, t0
    li sp, TXF_REGION_BASE               /* the stack sits just below the fuzz region */
    /* clear .bss */
    la t0, _bss_start
    la t1, _bss_end
1:  bgeu t0, t1, 2f
    sw zero, 0(t0)
    addi t0, t0, 4
    j 1b
2:  call txf_main
    /* txf_main returns the exit status */
    li t0, CMS_MMIO_BASE
    sw a0, CMS_MMIO_EXIT(t0)
3:  j 3b

    .text
/* uint32_t txf_enter(uint32_t tc_addr, uint32_t trs[15]): tx.enter; returns its rd (EXIT code
 * or abort). Reads TR1..TR15 into trs with tx.rd at once, so that the first tx.rd follows the
 * translation's last bundle (and its late load or multiply result) as closely as possible. */
    .globl txf_enter, txf_enter_ret
txf_enter:
    TX_ENTER(a0, a0)
txf_enter_ret:
    TX_RD(t0, x1)
    TX_RD(t1, x2)
    TX_RD(t2, x3)
    sw t0, 0(a1)
    sw t1, 4(a1)
    sw t2, 8(a1)
    TX_RD(t0, x4)
    TX_RD(t1, x5)
    TX_RD(t2, x6)
    sw t0, 12(a1)
    sw t1, 16(a1)
    sw t2, 20(a1)
    TX_RD(t0, x7)
    TX_RD(t1, x8)
    TX_RD(t2, x9)
    sw t0, 24(a1)
    sw t1, 28(a1)
    sw t2, 32(a1)
    TX_RD(t0, x10)
    TX_RD(t1, x11)
    TX_RD(t2, x12)
    sw t0, 36(a1)
    sw t1, 40(a1)
    sw t2, 44(a1)
    TX_RD(t0, x13)
    TX_RD(t1, x14)
    TX_RD(t2, x15)
    sw t0, 48(a1)
    sw t1, 52(a1)
    sw t2, 56(a1)
    ret

    .balign 4
txf_trap_entry:
    csrw mscratch, t0
    la tp, txf_trap
    lw t0, 0(tp)
    addi t0, t0, 1
    sw t0, 0(tp)
    csrr t0, mcause
    sw t0, 4(tp)
    csrr t0, mepc
    sw t0, 8(tp)
    csrr t0, mtval
    sw t0, 12(tp)
    csrr t0, mcause
    bltz t0, txf_trap_bad                /* an interrupt: never enabled here */
    addi t0, t0, -CMS_CAUSE_TX_FIRST
    sltiu t0, t0, 8
    beqz t0, txf_trap_bad
    /* a translation abort resumes after tx.enter; anything else (e.g. a firmware store to a
     * protected word, CAUSE_TX_PROT) would trap again at once */
    csrr t0, mepc
    addi t0, t0, -4
    la tp, txf_enter
    bne t0, tp, txf_trap_bad
    csrr t0, mscratch
    mret
txf_trap_bad:
    li sp, TXF_REGION_BASE
    call txf_bad_trap                    /* prints, exits 3; does not return */
4:  j 4b

    .bss
    .balign 4
    .globl txf_trap
txf_trap:
    .space 16                            /* count, mcause, mepc, mtval */
