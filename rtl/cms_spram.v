`default_nettype none
// cms_spram -- single-port synchronous RAM, 32-bit words with byte enables. Maps onto iCE40
// SPRAM (two 16K x 16 blocks per 64 KiB) or block RAM. Read data appears the cycle after the
// address. Not reset (that would block RAM inference). The harness loads it through the
// public array; FPGA builds through INIT_FILE ($readmemh format, one word per line).
module cms_spram #(
    parameter WORDS     = 16384,
    parameter AW        = 14,
    parameter INIT_FILE = ""
) (
    input  wire          clk_i,
    input  wire          en_i,
    input  wire [3:0]    we_i,
    input  wire [AW-1:0] addr_i,
    input  wire [31:0]   wdata_i,
    output reg  [31:0]   rdata_o
);
    reg [31:0] mem_q [0:WORDS-1] /* verilator public_flat_rw */;

    initial begin
        if (INIT_FILE != "") $readmemh(INIT_FILE, mem_q);
    end

    always @(posedge clk_i) begin
        if (en_i) begin
            if (we_i[0]) mem_q[addr_i][7:0]   <= wdata_i[7:0];
            if (we_i[1]) mem_q[addr_i][15:8]  <= wdata_i[15:8];
            if (we_i[2]) mem_q[addr_i][23:16] <= wdata_i[23:16];
            if (we_i[3]) mem_q[addr_i][31:24] <= wdata_i[31:24];
            rdata_o <= mem_q[addr_i];
        end
    end
endmodule
