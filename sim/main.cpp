// main.cpp -- the Verilator side of cms-sim: owns the model and exports the chip_* functions
// of harness.h; sim/harness.c does everything else.
#include <cstdio>
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
static VerilatedVcdC *vcd;
#endif

static const unsigned RESET_CYCLES = 4;

#define IMEM top->rootp->cms_chip__DOT__u_imem__DOT__mem_q
#define DMEM top->rootp->cms_chip__DOT__u_dmem__DOT__mem_q

void chip_mem_write(enum chip_mem mem, uint32_t i, uint32_t value)
{
    if (mem == CHIP_IMEM && i < CMS_IMEM_BYTES / 4) IMEM[i] = value;
    if (mem == CHIP_DMEM && i < CMS_DMEM_BYTES / 4) DMEM[i] = value;
}

uint32_t chip_mem_read(enum chip_mem mem, uint32_t i)
{
    if (mem == CHIP_IMEM && i < CMS_IMEM_BYTES / 4) return IMEM[i];
    if (mem == CHIP_DMEM && i < CMS_DMEM_BYTES / 4) return DMEM[i];
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
        vcd->dump(ctx->time());
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

unsigned chip_run(uint64_t n, chip_out_t *out)
{
    for (; n; n--) {
        edge(1);
        cycles++;
        // the three outputs are one-cycle pulses, sampled after the rising edge
        if (top->con_valid_o | top->exit_valid_o | top->irq_ack_o) {
            unsigned ev = (top->con_valid_o ? CHIP_EV_CON : 0u) | (top->exit_valid_o ? CHIP_EV_EXIT : 0u) |
                          (top->irq_ack_o ? CHIP_EV_IRQ_ACK : 0u);
            out->con_byte = top->con_data_o;
            out->exit_code = top->exit_code_o;
            out->events = ev;
            edge(0);
            return ev;
        }
        edge(0);
    }
    out->events = 0;
    return 0;
}

int chip_trace_open(const char *path)
{
#if VM_TRACE
    vcd = new VerilatedVcdC;
    top->trace(vcd, 99);
    vcd->open(path);
    if (!vcd->isOpen()) {
        std::fprintf(stderr, "cms-sim: --trace %s: cannot open the file for writing\n", path);
        delete vcd;
        vcd = nullptr;
        return -1;
    }
    return 0;
#else
    std::fprintf(stderr, "cms-sim: --trace %s: this build has no tracing (verilate with --trace)\n", path);
    return -1;
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
#if VM_TRACE
    if (vcd) { vcd->close(); delete vcd; }
#endif
    delete top;
    delete ctx;
    return rc;
}
