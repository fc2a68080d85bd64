`default_nettype none
`include "cms_defs.vh"
// cms_chip -- the whole chip: core, IMEM, DMEM, translation cache and MMIO devices.
// The simulator and every FPGA board top instantiate this same module.
//
// Boot. The simulator loads IMEM and DMEM from outside before reset; the core starts at the end
// of reset. The boards read a boot image from their SPI flash after reset (cms_flash_boot, the
// flash_* ports; docs/isa.md section 3), holding the core in reset until it is written into
// IMEM and DMEM. The simulators build it with FLASH_BOOT=0 (mk/config.mk): no loader, flash
// ports idle, the memories as the harness wrote them.
module cms_chip #(
    parameter SLOTS      = 2,
    parameter SB_DEPTH   = 8,
    parameter DMEM_BYTES = `CMS_DMEM_BYTES_SIM,   // one of spec/chip.tbl's DMEM_BYTES_* (mk/config.mk)
    parameter IMEM_INIT  = "",
    parameter DMEM_INIT  = "",
    parameter FLASH_BOOT = 1          // 1: boot from the SPI flash (the boards); 0: the simulators
) (
    input  wire        clk_i,
    input  wire        rst_ni,         // synchronous, active low
    input  wire        irq_i,
    input  wire        con_ready_i,    // the console can take a byte; must be low from the
                                       // cycle after a con_valid_o pulse while it cannot
    output reg         con_valid_o,    // one-cycle pulse per console byte
    output reg  [7:0]  con_data_o,
    output reg         con_err_o,      // with con_valid_o: the byte is the error console's
                                       // (MMIO_CON_ERR), else the console's (MMIO_CON_TX)
    output reg         exit_valid_o,   // one-cycle pulse: the firmware ended the run
    output reg  [31:0] exit_code_o,
    output reg         irq_ack_o,      // one-cycle pulse: the firmware acknowledged irq_i
    // the SPI flash holding the boot image (mode 0; idle with FLASH_BOOT=0: CS high)
    output wire        flash_sck_o,
    output wire        flash_cs_no,
    output wire        flash_mosi_o,
    input  wire        flash_miso_i
);
    `include "cms_fn.vh"

    localparam IAW = $clog2(`CMS_IMEM_BYTES / 4);
    localparam DAW = $clog2(DMEM_BYTES / 4);
    localparam BB  = SLOTS * 4;
    localparam TRW = $clog2(`CMS_TC_BYTES / BB);
    localparam BSW = $clog2(SLOTS);

    // elaboration-time check: DMEM_BYTES a power of two inside DMEM's region and holding the
    // protection bits' offsets (what tools/gen_defs.py checks of the table's DMEM_BYTES_*)
    generate if (DMEM_BYTES > `CMS_DMEM_BYTES || (DMEM_BYTES & (DMEM_BYTES - 1)) != 0 ||
                 DMEM_BYTES < `CMS_PROT_WORDS * 4) begin : g_bad_dmem
        cms_chip_dmem_bytes_unsupported u_error ();
    end endgenerate

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

    // ---------------------------------------------------------------- boot loader
    localparam BAW = IAW > DAW ? IAW : DAW;
    wire            boot_busy, boot_imem, boot_dmem;
    wire [BAW-1:0]  boot_addr;
    wire [31:0]     boot_word;
    generate if (FLASH_BOOT) begin : g_boot
        cms_flash_boot #(.AW(BAW)) u_boot (
            .clk_i     (clk_i),
            .rst_ni    (rst_ni),
            .busy_o    (boot_busy),
            .imem_we_o (boot_imem),
            .dmem_we_o (boot_dmem),
            .addr_o    (boot_addr),
            .data_o    (boot_word),
            .sck_o     (flash_sck_o),
            .cs_no     (flash_cs_no),
            .mosi_o    (flash_mosi_o),
            .miso_i    (flash_miso_i)
        );
    end else begin : g_noboot
        assign boot_busy = 1'b0;
        assign boot_imem = 1'b0;
        assign boot_dmem = 1'b0;
        assign boot_addr = {BAW{1'b0}};
        assign boot_word = 32'd0;
        assign flash_sck_o = 1'b0;
        assign flash_cs_no = 1'b1;
        assign flash_mosi_o = 1'b0;
        wire unused_miso = flash_miso_i;
    end endgenerate

    // the core: cms_core (pipelined), or with CMS_CORE_MC defined the multi-cycle cms_core_mc
    // (rtl/mc/; a define rather than a parameter, so that the default netlist's names stay as
    // they are)
`ifdef CMS_CORE_MC
    cms_core_mc #(.SLOTS(SLOTS), .SB_DEPTH(SB_DEPTH), .DMEM_BYTES(DMEM_BYTES)) u_core (
`else
    cms_core #(.SLOTS(SLOTS), .SB_DEPTH(SB_DEPTH), .DMEM_BYTES(DMEM_BYTES)) u_core (
`endif
        .clk_i     (clk_i),
        .rst_ni    (rst_ni && !boot_busy),
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
    // the regions are aligned to their sizes (tools/gen_defs.py checks): the word offset into
    // one is the address's low bits
    wire [DAW-1:0]     d_dmem_w   = d_addr[DAW+1:2];
    wire [TRW+BSW-1:0] d_tc_w     = d_addr[TRW+BSW+1:2];
    wire [7:0]         d_mmio_off = d_addr[7:0];   // MMIO_BASE is a multiple of 256 (gen_defs.py)
    wire sel_dmem = cms_in_rgn(d_addr, `CMS_DMEM_BASE, DMEM_BYTES);
    wire sel_tc   = cms_in_rgn(d_addr, `CMS_TC_BASE, `CMS_TC_BYTES);
    wire sel_mmio = cms_in_rgn(d_addr, `CMS_MMIO_BASE, `CMS_MMIO_BYTES);

    // IMEM is fetch-only for the core; only the boot loader writes it
    cms_spram #(.WORDS(`CMS_IMEM_BYTES / 4), .AW(IAW), .INIT_FILE(IMEM_INIT)) u_imem (
        .clk_i   (clk_i),
        .en_i    (1'b1),
        .we_i    (boot_imem ? 4'hf : 4'd0),
        .addr_i  (boot_busy ? boot_addr[IAW-1:0] : i_addr),
        .wdata_i (boot_word),
        .rdata_o (i_rdata)
    );

    wire [31:0] dmem_rdata;
    cms_spram #(.WORDS(DMEM_BYTES / 4), .AW(DAW), .INIT_FILE(DMEM_INIT)) u_dmem (
        .clk_i   (clk_i),
        .en_i    (boot_busy ? boot_dmem : d_en && sel_dmem),
        .we_i    (boot_busy ? 4'hf : d_we),
        .addr_i  (boot_busy ? boot_addr[DAW-1:0] : d_dmem_w),
        .wdata_i (boot_busy ? boot_word : d_wdata),
        .rdata_o (dmem_rdata)
    );

    // TC: word w of the TC is bank w % SLOTS, row w / SLOTS
    wire [SLOTS-1:0] tc_bank;
    generate if (SLOTS == 1) begin : g_one
        assign tc_bank = 1'b1;
    end else begin : g_many
        assign tc_bank = {{(SLOTS-1){1'b0}}, 1'b1} << d_tc_w[BSW-1:0];
    end endgenerate
    cms_tcram #(.SLOTS(SLOTS), .ROWS(`CMS_TC_BYTES / BB), .RW(TRW)) u_tc (
        .clk_i   (clk_i),
        .we_i    (d_en && sel_tc && d_we == 4'hf),
        .wrow_i  (d_tc_w[TRW+BSW-1:BSW]),
        .wbank_i (tc_bank),
        .wdata_i (d_wdata),
        .rrow_i  (t_row),
        .rdata_o (t_rdata)
    );

    // MMIO: console and error console (one byte stream to the device, con_err_o telling which),
    // exit, interrupt acknowledge. Reads: console status (con_ready_i, and not in the cycle of
    // a con_valid_o pulse, when the device has not yet seen the byte); the other registers
    // read as 0.
    reg rd_mmio_q, rd_status_q;
    wire mmio_wr = d_en && sel_mmio && d_we != 4'd0;
    wire con_tx  = d_mmio_off[7:0] == `CMS_MMIO_CON_TX;
    wire con_err = d_mmio_off[7:0] == `CMS_MMIO_CON_ERR;
    always @(posedge clk_i) begin
        if (!rst_ni) begin
            con_valid_o <= 1'b0; con_data_o <= 8'd0; con_err_o <= 1'b0;
            exit_valid_o <= 1'b0; exit_code_o <= 32'd0;
            irq_ack_o <= 1'b0; rd_mmio_q <= 1'b0; rd_status_q <= 1'b0;
        end else begin
            con_valid_o  <= mmio_wr && (con_tx || con_err);
            exit_valid_o <= mmio_wr && d_mmio_off[7:0] == `CMS_MMIO_EXIT;
            irq_ack_o    <= mmio_wr && d_mmio_off[7:0] == `CMS_MMIO_IRQ_ACK;
            if (mmio_wr && (con_tx || con_err)) begin
                con_data_o <= d_wdata[7:0];
                con_err_o <= con_err;
            end
            if (mmio_wr && d_mmio_off[7:0] == `CMS_MMIO_EXIT) exit_code_o <= d_wdata;
            if (d_en) begin
                rd_mmio_q <= sel_mmio;
                rd_status_q <= sel_mmio && d_mmio_off[7:0] == `CMS_MMIO_CON_STATUS &&
                               con_ready_i && !con_valid_o;
            end
        end
    end
    always @* d_rdata = rd_mmio_q ? {31'd0, rd_status_q} : dmem_rdata;
endmodule
