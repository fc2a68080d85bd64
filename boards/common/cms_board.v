`default_nettype none
// cms_board -- what every board top puts around cms_chip, given a clock: the power-on reset,
// the console on a UART, and the run/halt/fault status for the board's LEDs. A board's top.v
// adds its clock (oscillator or PLL) and maps the status onto its own LEDs.
//
//   reset    power-on: rst_n_o is low for 2^POR_BITS cycles after configuration and until
//            pll_lock_i is high (flip-flops start at their initial values after configuration)
//   console  the chip's console bytes -> cms_uart_tx (BAUD, 8N1) -> tx_o; con_ready_i is the
//            UART's ready_o, so the firmware waits for the line. The error console's bytes
//            (MMIO_CON_ERR, con_err_o) go out on the same line, in the order written
//   flash    the chip's boot loader reads the boot image from the board's configuration flash
//            after reset (rtl/cms_flash_boot.v): SPI mode 0, passed through to the top (the
//            ULX3S's clock goes through USRMCLK there)
//   status   running_o: out of reset and no exit yet; halted_o: the firmware exited with code 0
//            (the guest halted); failed_o: it exited with any other code (fault or limit);
//            blink_o: a slow square wave (bit 23 of a free-running counter)
module cms_board #(
    parameter CLK_HZ   = 12000000,   // the chip's clock (the UART's bit timing)
    parameter BAUD     = 115200,
    parameter POR_BITS = 14
) (
    input  wire clk_i,
    input  wire pll_lock_i,
    output wire tx_o,
    output wire flash_sck_o,
    output wire flash_cs_no,
    output wire flash_mosi_o,
    input  wire flash_miso_i,
    output reg  running_o,
    output reg  halted_o,
    output reg  failed_o,
    output wire blink_o
);
    // ---------------------------------------------------------------- power-on reset
    reg [POR_BITS-1:0] por_q = {POR_BITS{1'b0}};
    reg                rst_n_q = 1'b0;
    always @(posedge clk_i) begin
        if (!pll_lock_i) begin
            por_q <= {POR_BITS{1'b0}};
            rst_n_q <= 1'b0;
        end else if (!rst_n_q) begin
            por_q <= por_q + 1'b1;
            rst_n_q <= &por_q;
        end
    end

    // ---------------------------------------------------------------- the chip
    wire        con_valid, con_ready, con_err, exit_valid, irq_ack;
    wire [7:0]  con_data;
    wire [31:0] exit_code;
    cms_chip u_chip (
        .clk_i        (clk_i),
        .rst_ni       (rst_n_q),
        .irq_i        (1'b0),
        .con_ready_i  (con_ready),
        .con_valid_o  (con_valid),
        .con_data_o   (con_data),
        .con_err_o    (con_err),
        .exit_valid_o (exit_valid),
        .exit_code_o  (exit_code),
        .irq_ack_o    (irq_ack),
        .flash_sck_o  (flash_sck_o),
        .flash_cs_no  (flash_cs_no),
        .flash_mosi_o (flash_mosi_o),
        .flash_miso_i (flash_miso_i)
    );

    cms_uart_tx #(.CLK_HZ(CLK_HZ), .BAUD(BAUD)) u_uart (
        .clk_i   (clk_i),
        .rst_ni  (rst_n_q),
        .valid_i (con_valid),
        .data_i  (con_data),
        .ready_o (con_ready),
        .tx_o    (tx_o)
    );

    // ---------------------------------------------------------------- status
    reg [23:0] blink_q = 24'd0;
    always @(posedge clk_i) begin
        blink_q <= blink_q + 1'b1;
        if (!rst_n_q) begin
            halted_o <= 1'b0;
            failed_o <= 1'b0;
        end else if (exit_valid) begin
            halted_o <= exit_code == 32'd0;
            failed_o <= exit_code != 32'd0;
        end
        running_o <= rst_n_q && !halted_o && !failed_o;
    end
    assign blink_o = blink_q[23];

    wire unused = irq_ack;   // no interrupt source on the boards yet
    wire unused_err = con_err; // one UART: both consoles' bytes go out on it
endmodule
