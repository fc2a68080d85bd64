// tb_main.cpp -- Verilator main for tests/postsynth/tb_chip.v built with TB_EXTCLK: toggles the
// clock until the test bench calls $finish (or $fatal, which exits non-zero).
#include "Vtb_chip.h"
#include "verilated.h"

int main(int argc, char **argv)
{
    VerilatedContext *ctx = new VerilatedContext;
    ctx->commandArgs(argc, argv);
    Vtb_chip *tb = new Vtb_chip(ctx);
    tb->clk = 0;
    tb->eval();
    while (!ctx->gotFinish()) {
        tb->clk = !tb->clk;
        tb->eval();
        ctx->timeInc(5);
    }
    tb->final();
    delete tb;
    delete ctx;
    return 0;
}
