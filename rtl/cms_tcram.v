`default_nettype none
// cms_tcram -- the translation cache: ROWS rows of SLOTS 32-bit words, written one word at a
// time through the firmware data port, read one whole bundle (row) per cycle by
// translation-mode fetch. Word w of the TC is bank (w % SLOTS) of row (w / SLOTS). Block RAM on
// the FPGA. (It once held the boards' boot image at configuration; they boot from their SPI
// flash now, rtl/cms_flash_boot.v.)
module cms_tcram #(
    parameter SLOTS     = 2,
    parameter ROWS      = 1024,
    parameter RW        = 10     // row address width
) (
    input  wire                clk_i,
    input  wire                we_i,
    input  wire [RW-1:0]       wrow_i,
    input  wire [SLOTS-1:0]    wbank_i,   // one-hot
    input  wire [31:0]         wdata_i,
    input  wire [RW-1:0]       rrow_i,
    output reg  [SLOTS*32-1:0] rdata_o
);
    // a row read in the cycle it is written: undefined (no collision logic); the TC is written
    // from firmware mode and fetched in translation mode, never both in one cycle
    (* no_rw_check *)
    reg [SLOTS*32-1:0] mem_q [0:ROWS-1];

    integer b;
    always @(posedge clk_i) begin
        for (b = 0; b < SLOTS; b = b + 1)
            if (we_i && wbank_i[b]) mem_q[wrow_i][b*32 +: 32] <= wdata_i;
        rdata_o <= mem_q[rrow_i];
    end
endmodule
