/* consoles.c -- a bare program for test-harness (tests/run_harness_tests.py, consoles): the two
 * consoles and the chip's DMEM size as the firmware sees them.
 *
 * Writes to the console (MMIO_CON_TX: cms-sim's standard output) and to the error console
 * (MMIO_CON_ERR: its standard error) through each of firmware/console.c's ways, then the
 * DMEM size read from CSR_CFG_DMEMBYTES (fw_dmem_bytes). Exit status 0 when start.S put the
 * stack at the top of that DMEM (DMEM_BASE + the size), 1 otherwise.
 */
#include "fw.h"

int main(void)
{
    uint32_t sp;
    __asm__ volatile("mv %0, sp" : "=r"(sp));
    con_puts("out: con_puts\n");
    con_puts_err("err: con_puts_err\n");
    con_putc_fd(CON_FD_OUT, 'o');
    con_putc_fd(CON_FD_ERR, 'e');
    con_putc('\n');
    con_putc_err('\n');
    con_write_fd(CON_FD_ERR, "err: con_write_fd\n", 18);
    con_write_fd(CON_FD_OUT, "out: con_write_fd\n", 18);
    uint32_t n = fw_dmem_bytes();
    con_puts("dmem bytes ");
    con_u64(n);
    con_putc('\n');
    /* main's frame is below the top: a few words at most at -O2 */
    return sp <= CMS_DMEM_BASE + n && sp + 64 > CMS_DMEM_BASE + n ? 0 : 1;
}
