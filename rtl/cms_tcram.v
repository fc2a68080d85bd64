`default_nettype none
// cms_tcram -- the translation cache: SLOTS banks of 32-bit words, written one word at a time
// through the firmware data port, read one whole bundle per cycle by translation-mode fetch.
// Word w of the TC lives in bank (w % SLOTS) at row (w / SLOTS). Block RAM on the FPGA.
module cms_tcram #(
    parameter SLOTS = 2,
    parameter ROWS  = 1024,
    parameter RW    = 10     // row address width
) (
    input  wire               clk_i,
    input  wire               we_i,
    input  wire [RW-1:0]      wrow_i,
    input  wire [SLOTS-1:0]   wbank_i,   // one-hot
    input  wire [31:0]        wdata_i,
    input  wire [RW-1:0]      rrow_i,
    output wire [SLOTS*32-1:0] rdata_o
);
    genvar b;
    generate for (b = 0; b < SLOTS; b = b + 1) begin : g_bank
        reg [31:0] mem_q [0:ROWS-1];
        reg [31:0] rdata_q;
        always @(posedge clk_i) begin
            if (we_i && wbank_i[b]) mem_q[wrow_i] <= wdata_i;
            rdata_q <= mem_q[rrow_i];
        end
        assign rdata_o[b*32 +: 32] = rdata_q;
    end endgenerate
endmodule
