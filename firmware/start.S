/* start.S -- reset entry and trap entry (docs/isa.md section 3).
 *
 * _start: gp, sp = the top of DMEM (DMEM_BASE + CSR_CFG_DMEMBYTES: the chip's DMEM size, so
 * that one ELF runs on every configuration, each with all of its DMEM), clear .bss, mtvec =
 * cms_trap_entry, call main, then write main's return value to MMIO_EXIT and spin.
 * cms_trap_entry: saves x1..x31 in a frame on the stack (frame[n] = xn; frame[0] unused),
 * calls cms_trap(frame); if that ever returns, restores the registers and executes mret.
 * Reusable by any firmware or test that provides `int main(void)`; a program that defines
 * no cms_trap gets a default one that writes mcause to MMIO_EXIT.
 */
#include "cms_defs.h"

#define FRAME_WORDS 32
#define FRAME_BYTES (FRAME_WORDS * 4)

    .section .text.start, "ax"
    .globl _start
_start:
    .option push
    .option norelax
    la      gp, __global_pointer$
    .option pop
    csrr    sp, CMS_CSR_CFG_DMEMBYTES
    li      t0, CMS_DMEM_BASE
    add     sp, sp, t0

    la      t0, __bss_start
    la      t1, __bss_end
1:  bgeu    t0, t1, 2f
    sw      zero, 0(t0)
    addi    t0, t0, 4
    j       1b
2:
    la      t0, cms_trap_entry
    csrw    CMS_CSR_MTVEC, t0

    call    main

    li      t0, CMS_MMIO_BASE
    sw      a0, CMS_MMIO_EXIT(t0)
3:  j       3b

    .text
    .balign 4
    .globl cms_trap_entry
cms_trap_entry:
    addi    sp, sp, -FRAME_BYTES
    sw      x1, 1*4(sp)
    .irp n, 3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    sw      x\n, \n*4(sp)
    .endr
    addi    t0, sp, FRAME_BYTES         /* the interrupted sp */
    sw      t0, 2*4(sp)
    mv      a0, sp
    call    cms_trap
    lw      x1, 1*4(sp)
    .irp n, 3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    lw      x\n, \n*4(sp)
    .endr
    addi    sp, sp, FRAME_BYTES
    mret

/* Default trap handler for programs without their own: exit with mcause. */
    .weak   cms_trap
cms_trap:
    csrr    t1, CMS_CSR_MCAUSE
    li      t0, CMS_MMIO_BASE
    sw      t1, CMS_MMIO_EXIT(t0)
4:  j       4b
