`default_nettype none
`include "cms_defs.vh"
// cms_chip -- the whole chip: core, IMEM, DMEM, translation cache and MMIO devices.
// The simulator and every FPGA board top instantiate this same module.
module cms_chip #(
    parameter SLOTS     = 2,
    parameter SB_DEPTH  = 8,
    parameter IMEM_INIT = "",
    parameter DMEM_INIT = ""
) (
    input  wire        clk_i,
    input  wire        rst_ni,
    input  wire        irq_i,
    output reg         con_valid_o,    // one-cycle pulse per console byte
    output reg  [7:0]  con_data_o,
    output reg         exit_valid_o,   // one-cycle pulse: the firmware ended the run
    output reg  [31:0] exit_code_o,
    output reg         irq_ack_o       // one-cycle pulse: the firmware acknowledged irq_i
);
    localparam IAW = $clog2(`CMS_IMEM_BYTES / 4);
    localparam DAW = $clog2(`CMS_DMEM_BYTES / 4);
    localparam BB  = SLOTS * 4;
    localparam TRW = $clog2(`CMS_TC_BYTES / BB);
    localparam BSW = $clog2(SLOTS);

    wire [IAW-1:0]       i_addr;
    wire [31:0]          i_rdata;
    wire [TRW-1:0]       t_row;
    wire [SLOTS*32-1:0]  t_rdata;
    wire                 d_en;
    wire [3:0]           d_we;
    wire [31:0]          d_addr, d_wdata;
    reg  [31:0]          d_rdata;

    // irq_i is asynchronous to the chip: two flip-flops before the core sees it (one would let a
    // metastable value reach the many flip-flops that an abort updates)
    reg irq_meta_q, irq_q;
    always @(posedge clk_i) begin
        if (!rst_ni) begin
            irq_meta_q <= 1'b0;
            irq_q <= 1'b0;
        end else begin
            irq_meta_q <= irq_i;
            irq_q <= irq_meta_q;
        end
    end

    cms_core #(.SLOTS(SLOTS), .SB_DEPTH(SB_DEPTH)) u_core (
        .clk_i     (clk_i),
        .rst_ni    (rst_ni),
        .irq_i     (irq_q),
        .i_addr_o  (i_addr),
        .i_rdata_i (i_rdata),
        .t_row_o   (t_row),
        .t_rdata_i (t_rdata),
        .d_en_o    (d_en),
        .d_we_o    (d_we),
        .d_addr_o  (d_addr),
        .d_wdata_o (d_wdata),
        .d_rdata_i (d_rdata)
    );

    // address decode (the core has already checked access rights)
    wire [31:0] d_dmem_off = d_addr - `CMS_DMEM_BASE;
    wire [31:0] d_tc_off   = d_addr - `CMS_TC_BASE;
    wire [31:0] d_mmio_off = d_addr - `CMS_MMIO_BASE;
    wire sel_dmem = d_dmem_off < `CMS_DMEM_BYTES;
    wire sel_tc   = d_tc_off < `CMS_TC_BYTES;
    wire sel_mmio = d_mmio_off < 32'd16;

    cms_spram #(.WORDS(`CMS_IMEM_BYTES / 4), .AW(IAW), .INIT_FILE(IMEM_INIT)) u_imem (
        .clk_i (clk_i), .en_i (1'b1), .we_i (4'd0), .addr_i (i_addr), .wdata_i (32'd0),
        .rdata_o (i_rdata)
    );

    wire [31:0] dmem_rdata;
    cms_spram #(.WORDS(`CMS_DMEM_BYTES / 4), .AW(DAW), .INIT_FILE(DMEM_INIT)) u_dmem (
        .clk_i (clk_i), .en_i (d_en && sel_dmem), .we_i (d_we), .addr_i (d_dmem_off[DAW+1:2]),
        .wdata_i (d_wdata), .rdata_o (dmem_rdata)
    );

    // TC: word w of the TC is bank w % SLOTS, row w / SLOTS
    wire [SLOTS-1:0] tc_bank;
    generate if (SLOTS == 1) begin : g_one
        assign tc_bank = 1'b1;
    end else begin : g_many
        assign tc_bank = {{(SLOTS-1){1'b0}}, 1'b1} << d_tc_off[BSW+1:2];
    end endgenerate
    cms_tcram #(.SLOTS(SLOTS), .ROWS(`CMS_TC_BYTES / BB), .RW(TRW)) u_tc (
        .clk_i   (clk_i),
        .we_i    (d_en && sel_tc && d_we == 4'hf),
        .wrow_i  (d_tc_off[TRW+BSW+1:BSW+2]),
        .wbank_i (tc_bank),
        .wdata_i (d_wdata),
        .rrow_i  (t_row),
        .rdata_o (t_rdata)
    );

    // MMIO: console, exit, interrupt acknowledge. Reads: console status (always ready here);
    // the other registers read as 0.
    reg rd_mmio_q, rd_status_q;
    wire mmio_wr = d_en && sel_mmio && d_we != 4'd0;
    always @(posedge clk_i) begin
        if (!rst_ni) begin
            con_valid_o <= 1'b0; con_data_o <= 8'd0; exit_valid_o <= 1'b0; exit_code_o <= 32'd0;
            irq_ack_o <= 1'b0; rd_mmio_q <= 1'b0; rd_status_q <= 1'b0;
        end else begin
            con_valid_o  <= mmio_wr && d_mmio_off[7:0] == `CMS_MMIO_CON_TX;
            exit_valid_o <= mmio_wr && d_mmio_off[7:0] == `CMS_MMIO_EXIT;
            irq_ack_o    <= mmio_wr && d_mmio_off[7:0] == `CMS_MMIO_IRQ_ACK;
            if (mmio_wr && d_mmio_off[7:0] == `CMS_MMIO_CON_TX) con_data_o <= d_wdata[7:0];
            if (mmio_wr && d_mmio_off[7:0] == `CMS_MMIO_EXIT) exit_code_o <= d_wdata;
            if (d_en) begin
                rd_mmio_q <= sel_mmio;
                rd_status_q <= sel_mmio && d_mmio_off[7:0] == `CMS_MMIO_CON_STATUS;
            end
        end
    end
    always @* d_rdata = rd_mmio_q ? {31'd0, rd_status_q} : dmem_rdata;
endmodule
