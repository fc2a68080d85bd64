`default_nettype none
// cms_spram -- single-port synchronous RAM, 32-bit words with byte enables. Read data appears
// the cycle after the address (what a write cycle returns is not defined: nothing uses it).
//
// Simulation and block-RAM targets: an inferred memory, not reset (that would block RAM
// inference). The harness loads it through the public array; INIT_FILE ($readmemh, one word
// per line) gives contents at configuration where the target allows it.
//
// iCE40 (CMS_ICE40 defined by the board flow): 16K words as two SB_SPRAM256KA (16K x 16 each,
// one per half-word; the write mask is per nibble). SPRAM cannot be initialised by the
// bitstream: INIT_FILE must be empty there, and cms_chip's boot copier fills the memory.
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
    output wire [31:0]   rdata_o
);
`ifdef CMS_ICE40
    generate if (WORDS != 16384 || AW != 14 || INIT_FILE != "") begin : g_bad
        // elaboration-time check: only the shape the chip uses maps onto the SPRAM pair
        cms_spram_unsupported_shape u_error ();
    end endgenerate

    genvar h;
    generate for (h = 0; h < 2; h = h + 1) begin : g_half
        SB_SPRAM256KA u_spram (
            .ADDRESS    (addr_i),
            .DATAIN     (wdata_i[h*16 +: 16]),
            .MASKWREN   ({we_i[2*h+1], we_i[2*h+1], we_i[2*h], we_i[2*h]}),
            .WREN       (|we_i),
            .CHIPSELECT (en_i),
            .CLOCK      (clk_i),
            .STANDBY    (1'b0),
            .SLEEP      (1'b0),
            .POWEROFF   (1'b1),     // active low: powered
            .DATAOUT    (rdata_o[h*16 +: 16])
        );
    end endgenerate
`else
    reg [31:0] mem_q [0:WORDS-1] /* verilator public_flat_rw */;
    reg [31:0] rdata_q;

    initial begin
        if (INIT_FILE != "") $readmemh(INIT_FILE, mem_q);
    end

    always @(posedge clk_i) begin
        if (en_i) begin
            if (we_i[0]) mem_q[addr_i][7:0]   <= wdata_i[7:0];
            if (we_i[1]) mem_q[addr_i][15:8]  <= wdata_i[15:8];
            if (we_i[2]) mem_q[addr_i][23:16] <= wdata_i[23:16];
            if (we_i[3]) mem_q[addr_i][31:24] <= wdata_i[31:24];
            rdata_q <= mem_q[addr_i];
        end
    end
    assign rdata_o = rdata_q;
`endif
endmodule
