/* jvm_main.c -- the JVM guest's firmware (build/fw/jvm.elf): checks the host block and the
 * window it is given, runs the image there with the interpreter (jvm/interp.c), writes the
 * jvm_* results and reports.
 *
 * The host (cms-sim -cp DIR MAIN) writes the host block before reset: magic, flags, guest =
 * HOSTIF_GUEST_JVM, jvm_window (DMEM_BASE + JVM_WINDOW_OFF), jvm_window_bytes, jvm_image_bytes,
 * and the image copied to the window. The window must lie in [DMEM_BASE + JVM_WINDOW_OFF,
 * DMEM top - JVM_FW_STACK_BYTES): below it are the host block and this firmware's data, above
 * it the firmware's C stack (link.ld and mk/jvmfw.mk check both ends).
 *
 * The exit status (MMIO_EXIT, main's return value) is the guest's: System.exit's argument
 * (its low 8 bits, as a process's), 1 after an uncaught exception, 0 when main returns;
 * HOSTIF_ST_FAULT with a message when the host block, window or image is bad or the VM stops
 * on a fatal error. With HOSTIF_F_STATS the run's figures go to standard error.
 */
#include "fw.h"
#include "interp.h"

#define WIN_LO (CMS_DMEM_BASE + CMS_JVM_WINDOW_OFF)

/* All output goes through here: fd 1 standard output (MMIO_CON_TX), fd 2 standard error
 * (MMIO_CON_ERR). */
static void jvm_out(int fd, const uint8_t *p, uint32_t n)
{
    con_write_fd(fd == 2 ? CON_FD_ERR : CON_FD_OUT, (const char *)p, n);
}

static void out_str(int fd, const char *s)
{
    uint32_t n = 0;
    while (s[n])
        n++;
    jvm_out(fd, (const uint8_t *)s, n);
}

typedef struct {
    uint64_t t0;         /* mcycle at the start of the run */
    uint64_t max_cycles; /* HOSTIF_F_MAX_CYCLES: stop after about this many; 0: no limit */
} fw_clock;

static void plat_write(void *ctx, int fd, const uint8_t *p, uint32_t n)
{
    (void)ctx;
    jvm_out(fd, p, n);
}

static uint64_t plat_cycles(void *ctx)
{
    return read_mcycle64() - ((fw_clock *)ctx)->t0;
}

/* --max-cycles, checked about every 2^20 bytecodes */
static int plat_limit(void *ctx)
{
    fw_clock *c = ctx;
    return c->max_cycles && plat_cycles(ctx) >= c->max_cycles;
}

/* nanoseconds at the nominal clock (spec/chip.tbl CLOCK_HZ) */
static uint64_t plat_nanos(void *ctx)
{
    uint64_t r;
    return udiv64(plat_cycles(ctx) * 1000, CMS_CLOCK_HZ / 1000000, &r);
}

/* v in decimal with thousands separators (sep) or in hex, to standard error */
static void err_num(uint64_t v, int hex, int sep)
{
    char b[32];
    int n = 0, k = 0;
    do {
        uint64_t r;
        v = udiv64(v, hex ? 16 : 10, &r);
        if (sep && k && k % 3 == 0)
            b[n++] = ',';
        b[n++] = "0123456789abcdef"[r];
        k++;
    } while (v);
    if (hex)
        out_str(2, "0x");
    while (n)
        jvm_out(2, (const uint8_t *)&b[--n], 1);
}

static int fault(hostif_t *h, const char *what, uint32_t detail)
{
    out_str(2, "jvm firmware: ");
    out_str(2, what);
    if (detail) {
        out_str(2, " (");
        err_num(detail, 1, 0);
        out_str(2, ")");
    }
    out_str(2, "\n");
    h->status = HOSTIF_ST_FAULT;
    return HOSTIF_ST_FAULT;
}

static void stat_name(const char *name)
{
    uint32_t n = 0;
    out_str(2, name);
    while (name[n])
        n++;
    for (; n < 26; n++)
        out_str(2, " ");
}

static void stat_line(const char *name, uint64_t v)
{
    stat_name(name);
    err_num(v, 0, 1);
    out_str(2, "\n");
}

int main(void)
{
    hostif_t *const h = hostif;
    if (h->magic != HOSTIF_MAGIC)
        return fault(h, "no host block (bad magic)", h->magic);
    if (h->guest != HOSTIF_GUEST_JVM)
        return fault(h, "the host block's guest is not JVM (this firmware runs Java only)", h->guest);
    uint32_t w = h->jvm_window, n = h->jvm_window_bytes;
    uint32_t win_hi = CMS_DMEM_BASE + csr_read(CMS_CSR_CFG_DMEMBYTES) - CMS_JVM_FW_STACK_BYTES;
    if (w != WIN_LO || (n & 7))
        return fault(h, "the guest window is not at DMEM_BASE + JVM_WINDOW_OFF", w);
    if (n > win_hi - WIN_LO)   /* a boot image for a board with more DMEM (cms-bootimg --dmem-bytes) */
        return fault(h, "the guest window is larger than this chip's DMEM allows (a boot image for "
                        "a board with more DMEM?); its bytes", n);

    fw_clock clk = {0, 0};
    if (h->flags & HOSTIF_F_MAX_CYCLES)
        clk.max_cycles = (uint64_t)h->max_cycles_hi << 32 | h->max_cycles_lo;
    jvm_platform plat = {&clk, plat_write, plat_nanos, plat_cycles, plat_limit};
    jvm_vm vm;
    const char *why = jvm_init(&vm, &plat, (uint8_t *)(uintptr_t)w, n, h->jvm_image_bytes, 0);
    if (why)
        return fault(h, why, 0);

    clk.t0 = read_mcycle64();
    uint64_t i0 = read_minstret64();
    int st = jvm_run(&vm);
    uint64_t cycles = read_mcycle64() - clk.t0, insns = read_minstret64() - i0;

    h->cycles_lo = (uint32_t)cycles;
    h->cycles_hi = (uint32_t)(cycles >> 32);
    h->instret_lo = (uint32_t)insns;
    h->instret_hi = (uint32_t)(insns >> 32);
    h->steps_lo = (uint32_t)vm.bytecodes;
    h->steps_hi = (uint32_t)(vm.bytecodes >> 32);
    h->jvm_exit = (uint32_t)vm.exit_status;
    h->jvm_bytecodes_lo = (uint32_t)vm.bytecodes;
    h->jvm_bytecodes_hi = (uint32_t)(vm.bytecodes >> 32);
    h->jvm_invocations_lo = (uint32_t)vm.invocations;
    h->jvm_invocations_hi = (uint32_t)(vm.invocations >> 32);
    h->jvm_allocations = vm.allocations;
    h->jvm_alloc_bytes_lo = (uint32_t)vm.alloc_bytes;
    h->jvm_alloc_bytes_hi = (uint32_t)(vm.alloc_bytes >> 32);
    h->jvm_gcs = vm.gcs;
    h->jvm_gc_cycles_lo = (uint32_t)vm.gc_cycles;
    h->jvm_gc_cycles_hi = (uint32_t)(vm.gc_cycles >> 32);
    h->jvm_heap_hwm = vm.heap_hwm;
    h->jvm_heap_bytes = vm.semi_bytes;
    for (uint32_t i = 0; i < HOSTIF_NCOUNTERS; i++)
        h->counters[i] = 0;

    if (vm.fatal)
        return fault(h, vm.fatal, vm.fatal_detail);
    if (vm.limit) {
        out_str(2, "jvm firmware: the cycle limit stopped the run\n");
        st = HOSTIF_ST_LIMIT;
    }

    if ((h->flags & HOSTIF_F_STATS) && !(h->flags & HOSTIF_F_QUIET)) {
        stat_line("bytecodes executed", vm.bytecodes);
        stat_line("native cycles", cycles);
        stat_name("cycles per bytecode");
        uint64_t r, x = udiv64(cycles * 100 + vm.bytecodes / 2, vm.bytecodes ? vm.bytecodes : 1, &r);
        err_num(udiv64(x, 100, &r), 0, 1);
        out_str(2, r < 10 ? ".0" : ".");
        err_num(r, 0, 0);
        out_str(2, "\n");
        stat_line("invocations", vm.invocations);
        stat_line("allocations", vm.allocations);
        stat_line("allocated bytes", vm.alloc_bytes);
        stat_line("collections", vm.gcs);
        stat_line("collection cycles", vm.gc_cycles);
        stat_line("heap high-water mark", vm.heap_hwm);
        stat_line("heap (one semispace)", vm.semi_bytes);
    }
    h->status = (uint32_t)st & 0xff;
    return (int)h->status;
}
