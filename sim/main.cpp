// main.cpp -- the Verilator side of cms-sim: owns the model and exports the chip_* functions
// of harness.h; sim/harness.c does everything else.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#include <verilated.h>
#if VM_TRACE
#include <verilated_vcd_c.h>
#endif
#include "Vcms_chip.h"
#include "Vcms_chip___024root.h"
#include "cms_defs.h"
#include "harness.h"

static VerilatedContext *ctx;
static Vcms_chip *top;
static uint64_t cycles;
#if VM_TRACE
// The VCD goes through our own file object: Verilator 5.006 handles a failed write with a
// fatal error that deadlocks (VL_FATAL_MT inside its trace thread's flush), so a write error
// is recorded here instead, the data dropped, and the harness ends the run (chip_trace_error).
class TraceFile : public VerilatedVcdFile {
    int m_fd = -1;
public:
    int m_errno = 0; // the first write error
    bool open(const std::string &name) override {
        m_fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
        if (m_fd < 0) m_errno = errno;
        return m_fd >= 0;
    }
    void close() override {
        if (m_fd >= 0 && ::close(m_fd) != 0 && !m_errno) m_errno = errno;
        m_fd = -1;
    }
    ssize_t write(const char *bufp, ssize_t len) override {
        ssize_t done = 0;
        while (!m_errno && done < len) {
            ssize_t got = ::write(m_fd, bufp + done, (size_t)(len - done));
            if (got > 0) done += got;
            else if (got < 0 && errno != EINTR && errno != EAGAIN) m_errno = errno;
            else if (got == 0) m_errno = EIO;
        }
        return len; // never report a failure to Verilator (see above)
    }
};
static VerilatedVcdC *vcd;
static TraceFile *vcd_file;
static bool tracing; // dump this cycle (the harness's --trace-from/--trace-cycles window)
#endif

static const unsigned RESET_CYCLES = 4;

#define IMEM top->rootp->cms_chip__DOT__u_imem__DOT__mem_q
#define DMEM top->rootp->cms_chip__DOT__u_dmem__DOT__mem_q
// both cores (cms_core, cms_core_mc) name these alike: the firmware PC (the instruction in X;
// in translation mode the bundle's) and cms_csr's CNT_FWCYC counter
#define CORE_PC top->rootp->cms_chip__DOT__u_core__DOT__pc_q
#define CORE_FWCYC top->rootp->cms_chip__DOT__u_core__DOT__u_csr__DOT__c_fwcyc_q

static uint64_t *prof_hist; // --profile: cycles by IMEM word (the last entry: PC outside IMEM)
static uint32_t prof_words;

void chip_mem_write(enum chip_mem mem, uint32_t i, uint32_t value)
{
    if (mem == CHIP_IMEM && i < CMS_IMEM_BYTES / 4) IMEM[i] = value;
    if (mem == CHIP_DMEM && i < CHIP_DMEM_BYTES / 4) DMEM[i] = value;
}

uint32_t chip_mem_read(enum chip_mem mem, uint32_t i)
{
    if (mem == CHIP_IMEM && i < CMS_IMEM_BYTES / 4) return IMEM[i];
    if (mem == CHIP_DMEM && i < CHIP_DMEM_BYTES / 4) return DMEM[i];
    return 0;
}

// One clock edge; the traced path is separate so that the plain one stays tight.
static inline void edge(int clk)
{
    top->clk_i = clk;
    top->eval();
#if VM_TRACE
    if (vcd) {
        ctx->timeInc(1);
        if (tracing) vcd->dump(ctx->time());
    }
#endif
}

void chip_reset(void)
{
    top->irq_i = 0;
    top->con_ready_i = 1;
    top->rst_ni = 0;
    for (unsigned i = 0; i < RESET_CYCLES; i++) { edge(0); edge(1); }
    edge(0);
    top->rst_ni = 1;
    edge(0);
    cycles = 0;
}

void chip_set_irq(int level) { top->irq_i = level ? 1 : 0; }

uint64_t chip_cycles(void) { return cycles; }

#ifndef CHIP_SLOTS
#error "build with -DCHIP_SLOTS=<the SLOTS parameter> (mk/chip.mk)"
#endif
unsigned chip_slots(void) { return CHIP_SLOTS; }

#ifndef CHIP_DMEM_BYTES
#error "build with -DCHIP_DMEM_BYTES=<the DMEM_BYTES parameter> (mk/chip.mk)"
#endif
static_assert(sizeof DMEM == CHIP_DMEM_BYTES, "CHIP_DMEM_BYTES is not the model's DMEM");
uint32_t chip_dmem_bytes(void) { return CHIP_DMEM_BYTES; }

void chip_profile(uint64_t *hist, uint32_t nwords)
{
    prof_hist = hist;
    prof_words = nwords;
}

uint32_t chip_fwcyc(void) { return CORE_FWCYC; }

// after a rising edge: the chip's one-cycle output pulses (console byte, exit, interrupt
// acknowledge) as CHIP_EV_* bits, copied to *out when there are any
static inline unsigned sample_events(chip_out_t *out)
{
    if (!(top->con_valid_o | top->exit_valid_o | top->irq_ack_o))
        return 0;
    unsigned ev = (top->con_valid_o ? CHIP_EV_CON : 0u) | (top->exit_valid_o ? CHIP_EV_EXIT : 0u) |
                  (top->irq_ack_o ? CHIP_EV_IRQ_ACK : 0u);
    out->con_byte = top->con_data_o;
    out->con_err = top->con_err_o;
    out->exit_code = top->exit_code_o;
    out->events = ev;
    return ev;
}

// the cycles of chip_run; PROFILE (--profile): each cycle CNT_FWCYC counts (firmware mode, no
// store-buffer drain) is charged to the instruction in X during it (pc_q before the rising
// edge), so the histogram sums to the counter exactly, whatever the core
template <bool PROFILE> static unsigned run_cycles(uint64_t n, chip_out_t *out)
{
    for (; n; n--) {
        uint32_t c0 = PROFILE ? CORE_FWCYC : 0, pc = PROFILE ? CORE_PC : 0;
        edge(1);
        cycles++;
        if (PROFILE && CORE_FWCYC != c0) {
            uint32_t i = (pc - CMS_IMEM_BASE) / 4;
            prof_hist[i < prof_words ? i : prof_words]++;
        }
        if (unsigned ev = sample_events(out)) {
            edge(0);
            return ev;
        }
        edge(0);
    }
    out->events = 0;
    return 0;
}

unsigned chip_run(uint64_t n, chip_out_t *out)
{
    return prof_hist ? run_cycles<true>(n, out) : run_cycles<false>(n, out);
}

int chip_trace_open(const char *path)
{
#if VM_TRACE
    vcd_file = new TraceFile;
    vcd = new VerilatedVcdC(vcd_file);
    top->trace(vcd, 99);
    vcd->open(path);
    if (!vcd->isOpen()) {
        std::fprintf(stderr, "cms-sim: --trace: cannot open %s for writing: %s\n", path,
                     std::strerror(vcd_file->m_errno ? vcd_file->m_errno : EIO));
        delete vcd;
        delete vcd_file;
        vcd = nullptr;
        vcd_file = nullptr;
        return -1;
    }
    tracing = true;
    return 0;
#else
    std::fprintf(stderr, "cms-sim: --trace %s: this build has no tracing (verilate with --trace)\n", path);
    return -1;
#endif
}

void chip_trace_enable(int on)
{
#if VM_TRACE
    tracing = vcd && on;
#else
    (void)on;
#endif
}

int chip_trace_error(void)
{
#if VM_TRACE
    return vcd_file ? vcd_file->m_errno : 0;
#else
    return 0;
#endif
}

int chip_trace_close(void)
{
#if VM_TRACE
    if (!vcd) return 0;
    vcd->close();
    int e = vcd_file->m_errno;
    delete vcd;
    delete vcd_file;
    vcd = nullptr;
    vcd_file = nullptr;
    tracing = false;
    return e;
#else
    return 0;
#endif
}

int main(int argc, char **argv)
{
    ctx = new VerilatedContext;
#if VM_TRACE
    ctx->traceEverOn(true);
#endif
    top = new Vcms_chip{ctx};
    int rc = harness_main(argc, argv);
    top->final();
    chip_trace_close(); // normally done by the harness already
    delete top;
    delete ctx;
    return rc;
}
