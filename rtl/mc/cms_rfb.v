`default_nettype none
// cms_rfb -- the register storage of the multi-cycle implementation for the UP5K
// (cms_core_mc, docs/mc.md): the firmware registers x0..x31 and the translation
// registers TR0..TR(NTR-1) with the shadows of TR1..TR(NSH-1), all in block RAM, with commit
// and rollback that copy nothing.
//
// Each shadowed TR has two words in the RAM and two bits in flip-flops: wk_q (which word holds
// the working value) and sh_q (which holds the shadow). Clean (no write since the last commit
// or rollback): wk == sh, one word holds both. The first working write after that goes to the
// other word and points wk at it; later ones overwrite it. Commit: sh = wk. Rollback: wk = sh.
// A write of both copies (tx.wr, or a committed bundle's late result) writes the working word
// and points sh at it. Scratch TRs (NSH..NTR-1) and the x registers have one word each and keep
// their values across a rollback.
//
// Word addresses (7 bits): x[i] at i, TR r at 32 + r (copy 0) and 48 + r (copy 1). NSH <= 8.
// TR index 16 + t (t = 0..15; the ISA has TR0..TR15 only) names word 64 + t, a plain word
// with no shadow: cms_core_mc keeps there the results of a bundle's upper slots until the
// bundle writes them.
//
// Timing: one write per cycle; NRP read ports, each synchronous (the value is there the cycle
// after the request). A read in the cycle of a write of the same register returns an undefined
// value (no collision logic in the RAM: cms_core_mc never does that). A commit in the cycle of
// a write includes that write; a rollback never comes with a write (the sequencer orders them).
// x0 and TR0 read 0: writes to them are ignored, and the RAM starts at 0 (its initial contents,
// which the FPGA's configuration loads). Each read port is a copy of the RAM (2 SB_RAM40_4K of
// 256 x 16 on the iCE40), all written alike.
module cms_rfb #(
    parameter NSH = 8,
    parameter NRP = 2
) (
    input  wire             clk_i,
    // read ports: re, tr (0: x register, 1: TR), idx
    input  wire [NRP-1:0]   re_i,
    input  wire [NRP-1:0]   rtr_i,
    input  wire [NRP*5-1:0] ridx_i,
    output wire [NRP*32-1:0] rdata_o,
    // the write port
    input  wire             we_i,
    input  wire             wtr_i,
    input  wire [4:0]       widx_i,
    input  wire             wboth_i,   // TR: working and shadow (ignored for x registers)
    input  wire [31:0]      wdata_i,
    input  wire             commit_i,
    input  wire             rollback_i
);
    localparam       AW = 7;
    localparam [4:0] NSH5 = NSH[4:0];
    reg [NSH-1:0] wk_q = {NSH{1'b0}}, sh_q = {NSH{1'b0}};

    // the write: which word, and the pointer bits after it
    wire [3:0] wr = widx_i[3:0];
    wire       w_tmp = wtr_i && widx_i[4];                                  // word 64 + wr
    wire       w_sh = wtr_i && !widx_i[4] && wr != 4'd0 && {1'b0, wr} < NSH5;   // a shadowed TR
    wire       w_clean = wk_q[wr[2:0]] == sh_q[wr[2:0]];
    wire       w_copy = w_sh && (wboth_i ? wk_q[wr[2:0]] : (w_clean ? !sh_q[wr[2:0]] : wk_q[wr[2:0]]));
    wire [AW-1:0] waddr = w_tmp ? {3'b100, wr} : wtr_i ? {2'b01, w_copy, wr} : {2'b00, widx_i};
    wire       wen = we_i && (w_tmp || (wtr_i ? wr != 4'd0 : widx_i != 5'd0));

    reg [NSH-1:0] wk_n, sh_n;
    always @* begin
        wk_n = wk_q;
        sh_n = sh_q;
        if (we_i && w_sh) begin
            wk_n[wr[2:0]] = w_copy;
            if (wboth_i) sh_n[wr[2:0]] = w_copy;
        end
        if (commit_i) sh_n = wk_n;
        if (rollback_i) wk_n = sh_q;
        wk_n[0] = 1'b0;   // TR0 has no shadow
        sh_n[0] = 1'b0;
    end
    always @(posedge clk_i) begin
        wk_q <= wk_n;
        sh_q <= sh_n;
    end

    genvar p;
    generate for (p = 0; p < NRP; p = p + 1) begin : g_rp
        wire [4:0] ri = ridx_i[p*5 +: 5];
        wire       r_sh = {1'b0, ri[3:0]} < NSH5 && ri[3:0] != 4'd0;
        wire       r_copy = r_sh && wk_q[ri[2:0]];
        wire [AW-1:0] raddr = !rtr_i[p] ? {2'b00, ri} : ri[4] ? {3'b100, ri[3:0]} : {2'b01, r_copy, ri[3:0]};
        (* no_rw_check *)
        reg [31:0] mem [0:(1 << AW) - 1];
        reg [31:0] q;
        integer z;
        initial for (z = 0; z < (1 << AW); z = z + 1) mem[z] = 32'd0;
        always @(posedge clk_i) begin
            if (wen) mem[waddr] <= wdata_i;
            if (re_i[p]) q <= mem[raddr];
        end
        assign rdata_o[p*32 +: 32] = q;
    end endgenerate
endmodule
