/* fw.h -- firmware-wide declarations: the MMIO overlay, the host block, CSR access, console.
 * Numbers come from cms_defs.h (spec/chip.tbl) and hostif.h; see docs/isa.md.
 */
#ifndef FW_H
#define FW_H
#include <stddef.h>
#include <stdint.h>
#include "cms_defs.h"
#include "cms_insn.h"
#include "hostif.h"

/* ---- MMIO (docs/isa.md section 2) ---- */
typedef struct {
    volatile uint32_t con_tx;     /* write: byte [7:0] to the console */
    volatile uint32_t con_status; /* read: bit 0 = console can take a byte */
    volatile uint32_t exit;       /* write: end of run, value = exit status */
    volatile uint32_t irq_ack;    /* write: acknowledge the external interrupt */
    volatile uint32_t con_err;    /* write: byte [7:0] to the error console (con_status as con_tx) */
} mmio_t;
_Static_assert(offsetof(mmio_t, con_tx) == CMS_MMIO_CON_TX, "mmio_t.con_tx");
_Static_assert(offsetof(mmio_t, con_status) == CMS_MMIO_CON_STATUS, "mmio_t.con_status");
_Static_assert(offsetof(mmio_t, exit) == CMS_MMIO_EXIT, "mmio_t.exit");
_Static_assert(offsetof(mmio_t, irq_ack) == CMS_MMIO_IRQ_ACK, "mmio_t.irq_ack");
_Static_assert(offsetof(mmio_t, con_err) == CMS_MMIO_CON_ERR, "mmio_t.con_err");
#define mmio ((mmio_t *const)CMS_MMIO_BASE)
#define MMIO_CON_READY 1u /* con_status bit 0 */

/* ---- The host block: reserved by link.ld at CMS_HOSTBLK_ADDR ---- */
extern hostif_t cms_hostblk;
#define hostif (&cms_hostblk)
_Static_assert(sizeof(hostif_t) == HOSTIF_BYTES, "HOSTIF_BYTES disagrees with hostif_t");

/* ---- CSRs ---- */
#define MCAUSE_INTERRUPT (1u << CMS_MCAUSE_INT_BIT)
#define MSTATUS_MIE (1u << CMS_MSTATUS_MIE_BIT)
#define MSTATUS_MPIE (1u << CMS_MSTATUS_MPIE_BIT)
#define MIE_MEIE (1u << CMS_MIE_MEIE_BIT)
/* csr must be a compile-time constant expression (e.g. CMS_CSR_CNT_FWCYC + 3). */
#define csr_read_c(csr) ({ uint32_t v_; \
    __asm__ volatile("csrr %0, %1" : "=r"(v_) : "i"(csr)); v_; })

static inline uint64_t read_mcycle64(void)
{
    uint32_t hi, lo;
    do {
        hi = csr_read(CMS_CSR_MCYCLEH);
        lo = csr_read(CMS_CSR_MCYCLE);
    } while (hi != csr_read(CMS_CSR_MCYCLEH));
    return (uint64_t)hi << 32 | lo;
}

static inline uint64_t read_minstret64(void)
{
    uint32_t hi, lo;
    do {
        hi = csr_read(CMS_CSR_MINSTRETH);
        lo = csr_read(CMS_CSR_MINSTRET);
    } while (hi != csr_read(CMS_CSR_MINSTRETH));
    return (uint64_t)hi << 32 | lo;
}

static inline void fw_barrier(void) { __asm__ volatile("" ::: "memory"); }

/* The chip's DMEM size (CSR CFG_DMEMBYTES: 512 KiB in the simulators, 64 KiB on the
 * iCEBreaker, 256 KiB on the ULX3S); start.S puts the stack at DMEM_BASE + this. */
static inline uint32_t fw_dmem_bytes(void) { return csr_read(CMS_CSR_CFG_DMEMBYTES); }

/* ---- console.c: polled output on MMIO_CON_TX; no libc ---- */
void con_putc(char c);
void con_puts(const char *s);
/* The error console, MMIO_CON_ERR: cms-sim's standard error (the boards: the same UART).
 * con_putc_fd and con_write_fd take CON_FD_OUT (con_putc's console) or CON_FD_ERR. */
#define CON_FD_OUT 1
#define CON_FD_ERR 2
void con_putc_err(char c);
void con_puts_err(const char *s);
void con_putc_fd(int fd, char c);
void con_write_fd(int fd, const char *s, uint32_t n); /* n bytes of s (NULs included) */
void con_u64(uint64_t v);         /* decimal with thousands separators: 2,097,154 */
void con_i32(int32_t v);          /* signed decimal, no separators */
void con_hex(uint32_t v);         /* 0x%08x */
void con_ratio(uint64_t n, uint64_t d); /* n/d with two decimals, rounded; "-" if d == 0 */
void con_pad(const char *s, unsigned width); /* s, then spaces up to width */
uint64_t udiv64(uint64_t n, uint64_t d, uint64_t *rem); /* no libgcc: shift-subtract */

/* ---- trap.c ---- */
void cms_trap(uint32_t *frame);

#endif
