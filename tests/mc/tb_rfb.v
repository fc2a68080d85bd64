`default_nettype none
`timescale 1ns / 1ps
// tb_rfb -- randomized test of rtl/mc/cms_rfb.v against a model written the way docs/isa.md
// section 7 states the rules: separate working and shadow values, commit copies working to
// shadow, rollback copies shadow to working (TR1..TR(NSH-1) only), tx.wr writes both; TR
// index 16 + t is a plain word (cms_core_mc's results in flight), untouched by both.
//
// Every cycle: both read ports read a random register (x or TR), and at most one of: a write
// (x or TR, working only or both copies, sometimes with a commit in the same cycle), a commit,
// a rollback. A read is checked the next cycle, except a read of the register written in the
// same cycle (undefined: cms_rfb has no collision logic). TB_SEED and TB_CYCLES choose the run (make test-mc: fixed seed; RFB_SEED,
// RFB_CYCLES for longer runs). Ends with "tb_rfb: N cycles, M reads checked, 0 mismatches"
// or $fatal at the first mismatch.
module tb_rfb;
`ifndef TB_SEED
    `define TB_SEED 1
`endif
`ifndef TB_CYCLES
    `define TB_CYCLES 100000
`endif
    localparam NSH = 8;
    reg clk = 1'b0;
    always #5 clk = !clk;

    reg  [1:0]  re, rtr;
    reg  [9:0]  ridx;
    wire [63:0] rdata;
    reg         we, wtr, wboth, commit, rollback;
    reg  [4:0]  widx;
    reg  [31:0] wdata;
    cms_rfb #(.NSH(NSH), .NRP(2)) dut (
        .clk_i (clk), .re_i (re), .rtr_i (rtr), .ridx_i (ridx), .rdata_o (rdata),
        .we_i (we), .wtr_i (wtr), .widx_i (widx), .wboth_i (wboth), .wdata_i (wdata),
        .commit_i (commit), .rollback_i (rollback));

    // the model
    reg [31:0] x [0:31];
    reg [31:0] work [0:15];
    reg [31:0] shadow [0:15];
    reg [31:0] tmp [0:15];
    reg [31:0] expect [0:1];
    reg        expect_v [0:1];
    integer seed, cyc, i, p, checked, op;
    reg [31:0] r;

    function [31:0] model_read(input tr, input [4:0] idx);
        if (tr && idx[4]) model_read = tmp[idx[3:0]];
        else if (tr) model_read = idx[3:0] == 4'd0 ? 32'd0 : work[idx[3:0]];
        else    model_read = idx == 5'd0 ? 32'd0 : x[idx];
    endfunction

    initial begin
        seed = `TB_SEED;
        checked = 0;
        for (i = 0; i < 32; i = i + 1) x[i] = 32'd0;
        for (i = 0; i < 16; i = i + 1) begin work[i] = 32'd0; shadow[i] = 32'd0; tmp[i] = 32'd0; end
        expect_v[0] = 1'b0; expect_v[1] = 1'b0;
        {re, rtr, ridx, we, wtr, wboth, commit, rollback, widx, wdata} = 0;
        for (cyc = 0; cyc < `TB_CYCLES; cyc = cyc + 1) begin
            // drive this cycle's requests (between clock edges)
            @(negedge clk);
            for (p = 0; p < 2; p = p + 1) begin
                if (expect_v[p] && rdata[p*32 +: 32] !== expect[p])
                    $fatal(1, "tb_rfb: cycle %0d port %0d: read %h, expected %h", cyc, p,
                           rdata[p*32 +: 32], expect[p]);
                if (expect_v[p]) checked = checked + 1;
            end
            r = $random(seed);
            re = r[1:0];
            rtr = r[3:2];
            ridx = {r[13:9], r[8:4]};
            for (p = 0; p < 2; p = p + 1) begin
                expect_v[p] = re[p];
                if (re[p]) expect[p] = model_read(rtr[p], ridx[p*5 +: 5]);
            end
            r = $random(seed);
            op = r[3:0];
            we = 1'b0; commit = 1'b0; rollback = 1'b0;
            wtr = r[4]; widx = r[9:5]; wboth = r[10] && r[11];
            if (wtr) widx[4] = r[12] && r[13] && r[14];   // sometimes a plain word
            wdata = $random(seed);
            if (op < 9) we = 1'b1;
            if (op == 9 || op == 10) begin we = 1'b1; commit = 1'b1; end
            if (op == 11) commit = 1'b1;
            if (op == 12 || op == 13) rollback = 1'b1;
            // a read of the register written this cycle: undefined (not checked)
            for (p = 0; p < 2; p = p + 1)
                if (we && rtr[p] == wtr && ridx[p*5 +: 5] == widx)
                    expect_v[p] = 1'b0;
            // the model, after the reads were taken
            if (we) begin
                if (!wtr) begin
                    if (widx != 5'd0) x[widx] = wdata;
                end else if (widx[4]) begin
                    tmp[widx[3:0]] = wdata;
                end else if (widx[3:0] != 4'd0) begin
                    work[widx[3:0]] = wdata;
                    if (wboth && widx[3:0] < NSH) shadow[widx[3:0]] = wdata;
                end
            end
            if (commit) for (i = 1; i < NSH; i = i + 1) shadow[i] = work[i];
            if (rollback) for (i = 1; i < NSH; i = i + 1) work[i] = shadow[i];
        end
        @(negedge clk);
        $display("tb_rfb: seed %0d, %0d cycles, %0d reads checked, 0 mismatches", `TB_SEED,
                 `TB_CYCLES, checked);
        $finish;
    end
endmodule
