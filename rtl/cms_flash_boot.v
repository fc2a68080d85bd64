`default_nettype none
`include "cms_defs.vh"
// cms_flash_boot -- the boards' boot loader: after reset it reads the boot image from the SPI
// flash the FPGA configured itself from and writes it into IMEM and DMEM; busy_o holds the core
// in reset until it is done (cms_chip). docs/isa.md section 3 has the sequence and the image:
// at flash byte address FLASH_BOOT_ADDR (spec/chip.tbl), little-endian 32-bit words: the header
// {DMEM words [31:16], IMEM words [15:0]}, then the IMEM words (from IMEM word 0), then the DMEM
// words (from DMEM word 0). The header must count at least one word (cms-bootimg's always do).
//
// SPI mode 0, one data line each way, SCK = clk_i / 2: sck_o, cs_no and mosi_o are flip-flops
// on clk_i; MOSI changes only while SCK is low (with its falling edge); MISO is sampled at the
// clock edge that ends SCK's high phase (it takes SCK's falling edge), half an SCK period after
// the flash drove it (mode 0 flashes change MISO after SCK falls).
//   1. 0xAB (release from deep power-down): the iCE40 leaves its configuration flash asleep
//      after configuring itself (the ECP5 does not; the command is harmless to an awake flash)
//   2. CS high for 2^FLASH_WAKE_LOG2 cycles (tRES1, 3 us for the W25Q128, is met up to
//      170 MHz with the table's 9)
//   3. 0x03 (READ) with the 24-bit address, then one 32-bit word per 64 cycles until the
//      header's count of words has been read; CS high again, busy_o low. The flash is not used
//      after that; a new reset reads the image again.
// The same 32-bit shift register sends the command and address and receives the words.
module cms_flash_boot #(
    parameter AW = 14                  // IMEM and DMEM word address width (the larger)
) (
    input  wire          clk_i,
    input  wire          rst_ni,       // synchronous, active low: starts the boot again
    output wire          busy_o,       // hold the core in reset
    output reg           imem_we_o,    // write data_o at addr_o (one cycle)
    output reg           dmem_we_o,
    output reg  [AW-1:0] addr_o,
    output wire [31:0]   data_o,
    output reg           sck_o,
    output reg           cs_no,
    output wire          mosi_o,
    input  wire          miso_i
);
    localparam [2:0] P_WAKE = 3'd0, P_WAIT = 3'd1, P_CMD = 3'd2, P_HDR = 3'd3, P_DATA = 3'd4,
                     P_DONE = 3'd5;
    // the wake-up wait ends when addr_o reaches 2^FLASH_WAKE_LOG2 (one bit of it set)
    localparam [AW-1:0] WAKE_END = {{(AW-1){1'b0}}, 1'b1} << `CMS_FLASH_WAKE_LOG2;
    localparam [31:0] BOOT_ADDR = `CMS_FLASH_BOOT_ADDR;

    reg [2:0]  phase_q;
    reg [31:0] sh_q;
    reg [4:0]  bit_q;       // bits of this unit still to come after the one on the line
    reg [15:0] ni_q, nd_q;  // IMEM, DMEM words still to write
    reg        full_q;      // sh_q holds a payload word: the write strobe goes out now
    reg        hdr_q;       // sh_q holds the header
    wire [31:0] nxt = {sh_q[30:0], miso_i};
    wire        shifting = phase_q == P_WAKE || phase_q == P_CMD || phase_q == P_HDR ||
                           phase_q == P_DATA;
    // the word now completing is the last one: one word left in all
    wire        last = ni_q == 16'd0 ? nd_q == 16'd1 : ni_q == 16'd1 && nd_q == 16'd0;

    assign busy_o = phase_q != P_DONE || full_q || imem_we_o || dmem_we_o;
    assign mosi_o = sh_q[31];
    // the image is little-endian: the first byte read (now in [31:24]) is the word's low byte
    assign data_o = {sh_q[7:0], sh_q[15:8], sh_q[23:16], sh_q[31:24]};

    always @(posedge clk_i) begin
        if (!rst_ni) begin
            phase_q <= P_WAKE;
            sh_q <= {8'hab, 24'd0};
            bit_q <= 5'd7;
            sck_o <= 1'b0;
            cs_no <= 1'b1;
            full_q <= 1'b0;
            hdr_q <= 1'b0;
            ni_q <= 16'd0;
            nd_q <= 16'd0;
            addr_o <= {AW{1'b0}};
            imem_we_o <= 1'b0;
            dmem_we_o <= 1'b0;
        end else begin
            full_q <= 1'b0;
            hdr_q <= 1'b0;
            imem_we_o <= 1'b0;
            dmem_we_o <= 1'b0;
            // ---- the word completed last cycle (SCK is rising for the next one now)
            if (hdr_q) begin
                ni_q <= data_o[15:0];
                nd_q <= data_o[31:16];
                addr_o <= {AW{1'b0}};
            end
            if (full_q) begin
                if (ni_q != 16'd0) begin
                    imem_we_o <= 1'b1;
                    ni_q <= ni_q - 1'b1;
                end else begin
                    dmem_we_o <= 1'b1;
                    nd_q <= nd_q - 1'b1;
                end
            end
            // the write of last cycle's word has gone out with addr_o: the next address (DMEM
            // starts again at word 0)
            if (imem_we_o || dmem_we_o)
                addr_o <= imem_we_o && ni_q == 16'd0 ? {AW{1'b0}} : addr_o + 1'b1;
            // ---- the SPI bus
            if (shifting) begin
                if (cs_no) begin
                    cs_no <= 1'b0;                  // select; MOSI holds the first bit
                end else if (!sck_o) begin
                    sck_o <= 1'b1;
                end else begin
                    sck_o <= 1'b0;
                    sh_q <= nxt;
                    bit_q <= bit_q - 1'b1;          // 0 - 1 = 31: the next 32-bit unit
                    if (bit_q == 5'd0) begin
                        case (phase_q)
                            P_WAKE: phase_q <= P_WAIT;
                            P_CMD:  phase_q <= P_HDR;
                            P_HDR: begin
                                phase_q <= P_DATA;
                                hdr_q <= 1'b1;
                            end
                            default: begin          // P_DATA
                                full_q <= 1'b1;
                                if (last) phase_q <= P_DONE;
                            end
                        endcase
                    end
                end
            end else if (phase_q == P_WAIT) begin
                // deselected after 0xAB; addr_o counts the wait (it is 0 after reset)
                cs_no <= 1'b1;
                addr_o <= addr_o + 1'b1;
                if (|(addr_o & WAKE_END)) begin
                    phase_q <= P_CMD;
                    sh_q <= {8'h03, BOOT_ADDR[23:0]};
                    bit_q <= 5'd31;
                    addr_o <= {AW{1'b0}};
                end
            end else begin                          // P_DONE
                cs_no <= 1'b1;
            end
        end
    end
endmodule
