/* trap.c -- the C trap handler. An external interrupt is acknowledged, counted and returned
 * from: the interpreted guest never notices (tests/run_diff.py checks that under interrupt
 * storms). Any other trap is an internal fault: record it in the host block, say so on the
 * console, exit with HOSTIF_ST_FAULT.
 */
#include "fw.h"
#ifdef CMS_MORPH
#include "morph.h"
#endif

static const char *const cause_names[] = {
    [CMS_CAUSE_INSN_MISALIGNED] = "instruction address misaligned",
    [CMS_CAUSE_INSN_ACCESS] = "instruction access fault",
    [CMS_CAUSE_ILLEGAL] = "illegal instruction",
    [CMS_CAUSE_BREAKPOINT] = "breakpoint",
    [CMS_CAUSE_LOAD_MISALIGNED] = "load address misaligned",
    [CMS_CAUSE_LOAD_ACCESS] = "load access fault",
    [CMS_CAUSE_STORE_MISALIGNED] = "store address misaligned",
    [CMS_CAUSE_STORE_ACCESS] = "store access fault",
    [CMS_CAUSE_ECALL_M] = "ecall",
    [CMS_CAUSE_TX_BOUNDS] = "translation: guest window bounds",
    [CMS_CAUSE_TX_PROT] = "store to a protected guest word",
    [CMS_CAUSE_TX_SBFULL] = "translation: store buffer full",
    [CMS_CAUSE_TX_ASSERT] = "translation: assertion failed",
    [CMS_CAUSE_TX_DIVZERO] = "translation: divide by zero",
    [CMS_CAUSE_TX_ILLEGAL] = "translation: illegal bundle",
};
#define NCAUSES (sizeof cause_names / sizeof cause_names[0])

void cms_trap(uint32_t *frame)
{
    hostif_t *const h = hostif;
    uint32_t cause = csr_read(CMS_CSR_MCAUSE);
    uint32_t epc = csr_read(CMS_CSR_MEPC);
    uint32_t tval = csr_read(CMS_CSR_MTVAL);

    if (cause == (MCAUSE_INTERRUPT | CMS_CAUSE_IRQ_EXT)) {
        mmio->irq_ack = 1;
        h->irqs++;
        /* Forward progress: return with interrupts disabled (mret copies MPIE into MIE). The
         * interpreter enables them again only after guest progress (main.c, irq_enable): with
         * the line raised every cycle the handler would otherwise be re-entered at once after
         * every mret, for ever. */
        csr_clear(CMS_CSR_MSTATUS, MSTATUS_MPIE);
        return; /* start.S restores the registers and executes mret */
    }
#ifdef CMS_MORPH
    /* a translation's abort (mtval = the bundle's TC address): morph_enter handles it from
     * tx.enter's result, mepc is after the tx.enter */
    if (cause >= CMS_CAUSE_TX_FIRST && cause <= CMS_CAUSE_TX_ILLEGAL && tval >= CMS_TC_BASE &&
        tval <= CMS_TC_BASE + CMS_TC_BYTES)
        return;
    /* the interpreter's own store into a protected guest word (mtval = its physical address):
     * invalidate the translations that protect it, clear the bit, return to the store */
    if (cause == CMS_CAUSE_TX_PROT && tval - (uint32_t)(uintptr_t)h->store < sizeof h->store) {
        morph_prot_trap(tval);
        return;
    }
#endif
    h->trap_cause = cause;
    h->trap_pc = epc;
    h->trap_tval = tval;
    h->status = HOSTIF_ST_FAULT;

    if (h->magic != HOSTIF_MAGIC || !(h->flags & HOSTIF_F_QUIET)) {
        const char *name = NULL;
        if (cause & MCAUSE_INTERRUPT)
            name = (cause & ~MCAUSE_INTERRUPT) == CMS_CAUSE_IRQ_EXT ? "external interrupt" : NULL;
        else if (cause < NCAUSES)
            name = cause_names[cause];
        con_puts("firmware fault: unexpected trap: mcause ");
        con_hex(cause);
        if (name) {
            con_puts(" (");
            con_puts(name);
            con_putc(')');
        }
        con_puts(", mepc ");
        con_hex(epc);
        con_puts(", mtval ");
        con_hex(tval);
        con_puts(", sp ");
        con_hex(frame[2]);
        con_putc('\n');
    }
    fw_barrier();
    mmio->exit = HOSTIF_ST_FAULT;
    for (;;)
        ;
}
