/* runner.c -- the translation-mode fuzz runner (bare metal, firmware mode on the chip).
 *
 * For each case record of one batch of txgen's cases.S (layout: txgen.c, emit_case):
 *   GWBASE/GWLIMIT; fill the fuzz region with the case's pattern; write the watch block; copy
 *   the bundles into the TC; set the protection bits; tx.wr TR1..TR15; read the counters;
 *   clear TXSTAT, tx.enter (a fault comes back through the trap handler in runner.S), TXSTAT;
 *   for each re-entry: tx.commit or tx.rollback (or neither), tx.wr, tx.prot, then the same; read the counters again, the TRs (as
 *   txf_enter read them right after the last tx.enter; TR1..TR7 only after an abort), the watch
 *   block and a checksum of the whole region; clear the protection bits again;
 * and prints one line in the format of txgen's expected.txt:
 *   c=N r=RD t=0|t=1,MCAUSE,MEPC_OK,MTVAL ts=TXSTAT tr=TR1,.. m=W0,.. ck=SUM k=COMMITS,BUNDLES,
 *   OPS_A,OPS_M,OPS_X,OPS_B,SBSTORES rb=RB24,..,RB30
 * (r, t and ts once per tx.enter, separated by '/'; counters as differences over the case). First a line "cfg slots=K sbdepth=D" from the
 * configuration CSRs; the run stops with status 4 if they differ from the batch header.
 * Exit status 0 at the end (the comparison is done on the host), 3 after an unexpected trap.
 */
#include <stdint.h>

#include "cms_defs.h"
#include "cms_insn.h"
#include "txf_layout.h"

extern const uint32_t txf_cases[];
extern volatile uint32_t txf_trap[4];
extern char txf_enter_ret[];
uint32_t txf_enter(uint32_t tc_addr, uint32_t *trs);
int txf_main(void);
void txf_bad_trap(void);

#define MMIO(off) (*(volatile uint32_t *)(uintptr_t)(CMS_MMIO_BASE + (off)))
#define NCNT 14

static void put_char(int c) { MMIO(CMS_MMIO_CON_TX) = (uint32_t)c; }

static void put_str(const char *s)
{
    while (*s) put_char(*s++);
}

static void put_hex8(uint32_t v)
{
    int i;
    for (i = 28; i >= 0; i -= 4) put_char("0123456789abcdef"[(v >> i) & 15]);
}

static void put_dec(uint32_t v)
{
    char buf[12];
    int n = 0;
    do {
        buf[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n) put_char(buf[--n]);
}

static void exit_with(uint32_t status)
{
    MMIO(CMS_MMIO_EXIT) = status;
    for (;;) {
    }
}

void txf_bad_trap(void)
{
    put_str("\nTRAP mcause=");
    put_hex8(txf_trap[1]);
    put_str(" mepc=");
    put_hex8(txf_trap[2]);
    put_str(" mtval=");
    put_hex8(txf_trap[3]);
    put_char('\n');
    exit_with(3);
}

static void read_counters(uint32_t *c)
{
    c[0] = csr_read(CMS_CSR_CNT_COMMITS);
    c[1] = csr_read(CMS_CSR_CNT_BUNDLES);
    c[2] = csr_read(CMS_CSR_CNT_OPS_A);
    c[3] = csr_read(CMS_CSR_CNT_OPS_M);
    c[4] = csr_read(CMS_CSR_CNT_OPS_X);
    c[5] = csr_read(CMS_CSR_CNT_OPS_B);
    c[6] = csr_read(CMS_CSR_CNT_SBSTORES);
    c[7] = csr_read(CMS_CSR_CNT_RB_BASE + 0);
    c[8] = csr_read(CMS_CSR_CNT_RB_BASE + 1);
    c[9] = csr_read(CMS_CSR_CNT_RB_BASE + 2);
    c[10] = csr_read(CMS_CSR_CNT_RB_BASE + 3);
    c[11] = csr_read(CMS_CSR_CNT_RB_BASE + 4);
    c[12] = csr_read(CMS_CSR_CNT_RB_BASE + 5);
    c[13] = csr_read(CMS_CSR_CNT_RB_BASE + 6);
}

static void write_trs(const uint32_t *v)
{
    tx_wr(1, v[0]); tx_wr(2, v[1]); tx_wr(3, v[2]); tx_wr(4, v[3]); tx_wr(5, v[4]);
    tx_wr(6, v[5]); tx_wr(7, v[6]); tx_wr(8, v[7]); tx_wr(9, v[8]); tx_wr(10, v[9]);
    tx_wr(11, v[10]); tx_wr(12, v[11]); tx_wr(13, v[12]); tx_wr(14, v[13]); tx_wr(15, v[14]);
}

/* tx.wr TR[n] (n in 1..15; the TR number is part of the instruction) */
static void write_tr(uint32_t n, uint32_t v)
{
    switch (n) {
    case 1: tx_wr(1, v); break;
    case 2: tx_wr(2, v); break;
    case 3: tx_wr(3, v); break;
    case 4: tx_wr(4, v); break;
    case 5: tx_wr(5, v); break;
    case 6: tx_wr(6, v); break;
    case 7: tx_wr(7, v); break;
    case 8: tx_wr(8, v); break;
    case 9: tx_wr(9, v); break;
    case 10: tx_wr(10, v); break;
    case 11: tx_wr(11, v); break;
    case 12: tx_wr(12, v); break;
    case 13: tx_wr(13, v); break;
    case 14: tx_wr(14, v); break;
    case 15: tx_wr(15, v); break;
    default: break;
    }
}

#define MAXRUN 3
static uint32_t trs[15];
static uint32_t run_rd[MAXRUN], run_ntrap[MAXRUN], run_cause[MAXRUN], run_epc_ok[MAXRUN];
static uint32_t run_tval[MAXRUN], run_txstat[MAXRUN];

static void enter(uint32_t k, uint32_t addr)
{
    csr_write(CMS_CSR_TXSTAT, 0);
    txf_trap[0] = 0;
    run_rd[k] = txf_enter(addr, trs);
    run_txstat[k] = csr_read(CMS_CSR_TXSTAT);
    run_ntrap[k] = txf_trap[0];
    run_cause[k] = txf_trap[1];
    run_epc_ok[k] = txf_trap[2] == (uint32_t)(uintptr_t)txf_enter_ret;
    run_tval[k] = txf_trap[3];
}

static const uint32_t *run_case(const uint32_t *p)
{
    uint32_t no = *p++, gwbase = *p++, gwlimit = *p++, fill = *p++, step = *p++;
    volatile uint32_t *watch = (volatile uint32_t *)(uintptr_t)*p++;
    uint32_t nwatch = *p++, nprot, ncode, i, k, code_addr, nre, ab, sum;
    const uint32_t *wv = p, *prot, *tr0, *code, *re;
    volatile uint32_t *region = (volatile uint32_t *)(uintptr_t)TXF_REGION_BASE;
    volatile uint32_t *tc;
    uint32_t c0[NCNT], c1[NCNT];

    p += nwatch;
    nprot = *p++;
    prot = p;
    p += nprot;
    tr0 = p;
    p += 15;
    code_addr = *p++;
    ncode = *p++;
    code = p;
    p += ncode;

    csr_write(CMS_CSR_GWBASE, gwbase);
    csr_write(CMS_CSR_GWLIMIT, gwlimit);
    for (i = 0; i < TXF_REGION_BYTES / 4; i++, fill += step) region[i] = fill;
    for (i = 0; i < nwatch; i++) watch[i] = wv[i];
    tc = (volatile uint32_t *)(uintptr_t)code_addr;
    for (i = 0; i < ncode; i++) tc[i] = code[i];
    /* after the stores: a firmware store to a protected word of the window traps, and a window
     * (GWBASE + GWLIMIT) can reach past DMEM into the TC */
    for (i = 0; i < nprot; i++) tx_prot(prot[i], 1);
    write_trs(tr0);

    read_counters(c0);
    enter(0, *p++);
    nre = *p++;
    re = p;
    if (nre >= MAXRUN) {
        put_str("bad case record\n");
        exit_with(5);
    }
    for (k = 1; k <= nre && k < MAXRUN; k++) {
        uint32_t addr = *p++, ctl = *p++, nwr = *p++, np;
        if (ctl == 1) tx_commit();
        if (ctl == 2) tx_rollback();
        for (i = 0; i < nwr; i++, p += 2) write_tr(p[0], p[1]);
        np = *p++;
        for (i = 0; i < np; i++, p += 2) tx_prot(p[0], p[1]);
        enter(k, addr);
    }
    read_counters(c1);
    ab = (run_rd[nre] & CMS_TX_ABORT_BIT) != 0;

    put_str("c=");
    put_dec(no);
    put_str(" r=");
    for (k = 0; k <= nre; k++) {
        if (k) put_char('/');
        put_hex8(run_rd[k]);
    }
    put_str(" t=");
    for (k = 0; k <= nre; k++) {
        if (k) put_char('/');
        put_dec(run_ntrap[k]);
        if (run_ntrap[k]) {
            put_char(',');
            put_hex8(run_cause[k]);
            put_char(',');
            put_dec(run_epc_ok[k]);
            put_char(',');
            put_hex8(run_tval[k]);
        }
    }
    put_str(" ts=");
    for (k = 0; k <= nre; k++) {
        if (k) put_char('/');
        put_hex8(run_txstat[k]);
    }
    put_str(" tr=");
    for (i = 0; i < (ab ? CMS_TR_SHADOWED - 1u : 15u); i++) {
        if (i) put_char(',');
        put_hex8(trs[i]);
    }
    put_str(" m=");
    for (i = 0; i < nwatch; i++) {
        if (i) put_char(',');
        put_hex8(watch[i]);
    }
    sum = 0;
    for (i = 0; i < TXF_REGION_BYTES / 4; i++) sum = sum * 31u + region[i];
    put_str(" ck=");
    put_hex8(sum);
    put_str(" k=");
    for (i = 0; i < 7; i++) {
        if (i) put_char(',');
        put_dec(c1[i] - c0[i]);
    }
    put_str(" rb=");
    for (i = 7; i < NCNT; i++) {
        if (i > 7) put_char(',');
        put_dec(c1[i] - c0[i]);
    }
    put_char('\n');

    /* the next case's stores to the region must not meet protected words */
    for (i = 0; i < nprot; i++) tx_prot(prot[i], 0);
    p = re;
    for (k = 1; k <= nre; k++) {
        uint32_t nwr, np;
        p += 2;
        nwr = *p++;
        p += 2 * nwr;
        np = *p++;
        for (i = 0; i < np; i++, p += 2) tx_prot(p[0], 0);
    }
    return p;
}

int txf_main(void)
{
    const uint32_t *p = txf_cases;
    uint32_t slots = csr_read(CMS_CSR_CFG_SLOTS), sbd = csr_read(CMS_CSR_CFG_SBDEPTH);

    put_str("cfg slots=");
    put_dec(slots);
    put_str(" sbdepth=");
    put_dec(sbd);
    put_char('\n');
    if (p[0] != TXF_MAGIC || p[1] != slots || p[2] != sbd) {
        put_str("config mismatch: cases for slots=");
        put_dec(p[1]);
        put_str(" sbdepth=");
        put_dec(p[2]);
        put_char('\n');
        return 4;
    }
    p += 3;
    while (*p != 0xffffffffu) p = run_case(p);
    put_str("done\n");
    return 0;
}
