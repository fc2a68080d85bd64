`default_nettype none
// tb_spi_flash -- a model of the boards' SPI NOR flash (W25Q128-like) for the test benches: it
// answers exactly what cms_flash_boot sends and fails the simulation ($fatal) on anything else.
//
// Contents: the image's bytes from flash byte address BASE, read at the start from the file
// named by the plusarg +boot=FILE ($readmemh text, one byte per line: boards/flow.mk writes it
// from the boot image with od) holding +boot_bytes=N bytes (at most MAX_BYTES, the largest
// image), so that one build of a test bench serves every image; clocking out a byte at any
// other address is an error, and so is a missing plusarg.
// Commands: 0xAB (release from deep power-down; the flash starts asleep, as the iCE40 leaves
// it), then 0x03 READ with a 24-bit address, data out for as many bytes as clocked.
// Checks, each a $fatal with the reason:
//   - SPI mode 0: SCK low when CS falls and when it rises; MOSI changes only while SCK is low
//     (it is stable through each high phase, where the flash samples it on the rising edge)
//   - CS framing: a command is whole bytes; 0xAB is one byte; READ has its 3 address bytes
//   - an unknown command; READ while asleep; CS falling less than TRES1 cycles after the 0xAB
//     that woke it; a READ clocking out a bit of a byte outside the image (a flash drives the
//     next byte's first bit after the last bit read: that alone is not an error)
// The model runs on the test bench's clock clk_i (the chip's clock): it sees SCK, CS and MOSI as
// flip-flops of that clock drive them, and it changes MISO in the clock cycle after it sees SCK
// fall (a flash drives MISO a few ns after SCK's falling edge; the chip samples it half an SCK
// period later). TRES1: tRES1 (3 us for the W25Q128) in chip cycles at the fastest clock a board
// runs the chip at (50 MHz: 150).
module tb_spi_flash #(
    parameter [23:0] BASE      = 24'h0,
    parameter        MAX_BYTES = 4,
    parameter        TRES1     = 150
) (
    input  wire clk_i,
    input  wire sck_i,
    input  wire cs_ni,
    input  wire mosi_i,
    output reg  miso_o
);
    reg [7:0]    mem [0:MAX_BYTES-1];
    reg [8*1024-1:0] image;
    integer      nbytes;       // the image's size
    initial begin
        miso_o = 1'b0;
        if (!$value$plusargs("boot=%s", image) || !$value$plusargs("boot_bytes=%d", nbytes))
            $fatal(1, "tb_spi_flash: no +boot=FILE +boot_bytes=N");
        if (nbytes < 4 || nbytes > MAX_BYTES)
            $fatal(1, "tb_spi_flash: +boot_bytes=%0d (4 to %0d)", nbytes, MAX_BYTES);
        $readmemh(image, mem, 0, nbytes - 1);
    end

    reg        sck_q = 1'b0, cs_n_q = 1'b1, mosi_q = 1'b0;   // last cycle's pins
    reg        asleep = 1'b1;
    integer    since_wake = 0;           // cycles since CS rose after 0xAB
    integer    nbits = 0;                // bits received in this CS frame
    reg [7:0]  cmd = 8'd0;
    reg [31:0] rx = 32'd0;               // the frame's first 32 bits
    reg [23:0] addr = 24'd0;             // READ: the next byte's address
    reg [7:0]  out = 8'd0;               // READ: the byte being shifted out
    integer    outbits = 0;              // bits of `out` still to send
    reg        past = 1'b0;              // `out` is outside the image (must not be clocked)
    integer    off;

    always @(posedge clk_i) begin
        sck_q <= sck_i;
        cs_n_q <= cs_ni;
        mosi_q <= mosi_i;
        if (since_wake < TRES1) since_wake <= since_wake + 1;
        // ---- CS edges (mode 0: SCK idle low)
        if (!cs_ni && cs_n_q) begin
            if (sck_i) $fatal(1, "tb_spi_flash: CS fell while SCK was high (not mode 0)");
            if (cmd == 8'hab && since_wake < TRES1)
                $fatal(1, "tb_spi_flash: CS fell %0d cycles after the 0xAB wake-up (tRES1: %0d)",
                       since_wake, TRES1);
            nbits <= 0;
            outbits <= 0;
            past <= 1'b0;
        end
        if (cs_ni && !cs_n_q) begin
            if (sck_i) $fatal(1, "tb_spi_flash: CS rose while SCK was high (not mode 0)");
            if (nbits % 8 != 0) $fatal(1, "tb_spi_flash: CS rose after %0d bits (not whole bytes)", nbits);
            if (cmd == 8'h03 && nbits < 32)
                $fatal(1, "tb_spi_flash: READ ended after %0d bits, inside its address", nbits);
            if (cmd == 8'hab) begin
                asleep <= 1'b0;
                since_wake <= 0;
            end
        end
        // ---- while selected
        if (!cs_ni && !cs_n_q) begin
            if (mosi_i != mosi_q && sck_i)
                $fatal(1, "tb_spi_flash: MOSI changed while SCK was high (mode 0: only while low)");
            if (sck_i && !sck_q) begin                    // rising edge: sample MOSI
                if (past)
                    $fatal(1, "tb_spi_flash: READ at 0x%06x, outside the image", addr - 24'd1);
                nbits <= nbits + 1;
                if (nbits < 32) rx <= {rx[30:0], mosi_i};
                if (nbits == 7) begin
                    cmd <= {rx[6:0], mosi_i};
                    case ({rx[6:0], mosi_i})
                        8'hab: ;
                        8'h03: if (asleep) $fatal(1, "tb_spi_flash: READ while in deep power-down");
                        default: $fatal(1, "tb_spi_flash: unexpected command 0x%02x", {rx[6:0], mosi_i});
                    endcase
                end
                if (nbits == 8 && cmd == 8'hab)
                    $fatal(1, "tb_spi_flash: clocks after 0xAB (a device ID read is not expected)");
                if (nbits == 31) addr <= {rx[22:0], mosi_i};
            end
            if (!sck_i && sck_q && cmd == 8'h03 && nbits >= 32) begin   // falling edge: next bit out
                if (outbits == 0) begin
                    off = addr - BASE;
                    past <= addr < BASE || off >= nbytes;
                    miso_o <= addr < BASE || off >= nbytes ? 1'b1 : mem[off][7];
                    out <= addr < BASE || off >= nbytes ? 8'hff : {mem[off][6:0], 1'b0};
                    outbits <= 7;
                    addr <= addr + 24'd1;
                end else begin
                    miso_o <= out[7];
                    out <= {out[6:0], 1'b0};
                    outbits <= outbits - 1;
                end
            end
        end
    end
endmodule
