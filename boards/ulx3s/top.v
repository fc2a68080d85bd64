`default_nettype none
// ulx3s_top -- cms_chip on the ULX3S with an LFE5U-85F (ECP5, CABGA381, 25 MHz oscillator).
// boards/ulx3s/README.md has the board's facts; boards/flow.mk builds it (make synth BOARD=ulx3s).
//
//   clock    the 25 MHz oscillator as it is, or (PLL=1) through EHXPLLL to CLK_HZ; the PLL
//            values are what `yowasp-ecppll -i 25 -o <MHz>` writes (the flow runs it when
//            BOARD_CLK_MHZ differs from 25)
//   reset    power-on: the chip's rst_ni is held low for 2^POR_BITS cycles after configuration
//            (and until the PLL locks)
//   console  the chip's console bytes -> cms_uart_tx (115200 8N1) -> ftdi_rxd (the FT231X's
//            receive input: the FPGA's output towards the PC); con_ready_i is the UART's ready_o
//   LEDs     (active high) led[0] lit while the firmware runs, led[1] after it exited with code
//            0 (the guest halted), led[2] after any other exit code (fault or limit);
//            led[7] blinks (about 1.5 Hz) while the FPGA is configured and clocked
//   ESP32    wifi_gpio0 held high, so that the ESP32 stays in its normal boot mode
//
// The chip's SLOTS, SB_DEPTH and BOOT_IMAGE are set on cms_chip itself by the flow (yosys
// chparam), so that its netlist (chip_syn.v) is a plain cms_chip with the board's parameters.
//
// Lint (make lint-boards): the file name is the board's convention, not the module's; the PLL
// values are unused while PLL=0.
/* verilator lint_off DECLFILENAME */
/* verilator lint_off UNUSEDPARAM */
module ulx3s_top #(
    parameter CLK_HZ           = 25000000,   // the chip's clock (the UART's bit timing)
    parameter PLL              = 0,          // 1: EHXPLLL with the values below
    parameter PLL_CLKI_DIV     = 5,          // defaults: 15 MHz (yowasp-ecppll -i 25 -o 15)
    parameter PLL_CLKFB_DIV    = 3,
    parameter PLL_CLKOP_DIV    = 40,
    parameter PLL_CLKOP_CPHASE = 19,
    parameter POR_BITS         = 15          // about 1.3 ms at 25 MHz
) (
/* verilator lint_on UNUSEDPARAM */
    input  wire       clk_25mhz,
    output wire       ftdi_rxd,      // UART to the PC
    output wire [7:0] led,
    output wire       wifi_gpio0
);
    // ---------------------------------------------------------------- clock
    wire clk, pll_lock;
    generate if (PLL) begin : g_pll
        EHXPLLL #(
            .PLLRST_ENA      ("DISABLED"),
            .INTFB_WAKE      ("DISABLED"),
            .STDBY_ENABLE    ("DISABLED"),
            .DPHASE_SOURCE   ("DISABLED"),
            .OUTDIVIDER_MUXA ("DIVA"),
            .OUTDIVIDER_MUXB ("DIVB"),
            .OUTDIVIDER_MUXC ("DIVC"),
            .OUTDIVIDER_MUXD ("DIVD"),
            .CLKI_DIV        (PLL_CLKI_DIV),
            .CLKOP_ENABLE    ("ENABLED"),
            .CLKOP_DIV       (PLL_CLKOP_DIV),
            .CLKOP_CPHASE    (PLL_CLKOP_CPHASE),
            .CLKOP_FPHASE    (0),
            .FEEDBK_PATH     ("CLKOP"),
            .CLKFB_DIV       (PLL_CLKFB_DIV)
        ) u_pll (
            .RST          (1'b0),
            .STDBY        (1'b0),
            .CLKI         (clk_25mhz),
            .CLKOP        (clk),
            .CLKFB        (clk),
            .PHASESEL0    (1'b0),
            .PHASESEL1    (1'b0),
            .PHASEDIR     (1'b1),
            .PHASESTEP    (1'b1),
            .PHASELOADREG (1'b1),
            .PLLWAKESYNC  (1'b0),
            .ENCLKOP      (1'b0),
            .LOCK         (pll_lock)
        );
    end else begin : g_osc
        assign clk = clk_25mhz;
        assign pll_lock = 1'b1;
    end endgenerate

    // ---------------------------------------------------------------- power-on reset
    // flip-flops start at their initial values after configuration
    reg [POR_BITS-1:0] por_q = {POR_BITS{1'b0}};
    reg                rst_n_q = 1'b0;
    always @(posedge clk) begin
        if (!pll_lock) begin
            por_q <= {POR_BITS{1'b0}};
            rst_n_q <= 1'b0;
        end else if (!rst_n_q) begin
            por_q <= por_q + 1'b1;
            rst_n_q <= &por_q;
        end
    end

    // ---------------------------------------------------------------- the chip
    wire        con_valid, con_ready, exit_valid, irq_ack;
    wire [7:0]  con_data;
    wire [31:0] exit_code;
    cms_chip u_chip (
        .clk_i        (clk),
        .rst_ni       (rst_n_q),
        .irq_i        (1'b0),
        .con_ready_i  (con_ready),
        .con_valid_o  (con_valid),
        .con_data_o   (con_data),
        .exit_valid_o (exit_valid),
        .exit_code_o  (exit_code),
        .irq_ack_o    (irq_ack)
    );

    cms_uart_tx #(.CLK_HZ(CLK_HZ), .BAUD(115200)) u_uart (
        .clk_i   (clk),
        .rst_ni  (rst_n_q),
        .valid_i (con_valid),
        .data_i  (con_data),
        .ready_o (con_ready),
        .tx_o    (ftdi_rxd)
    );

    // ---------------------------------------------------------------- LEDs
    reg halted_q, failed_q;
    reg [7:0] led_q;
    reg [23:0] blink_q = 24'd0;    // bit 23: about 1.5 Hz at 25 MHz (slower with the PLL)
    always @(posedge clk) begin
        blink_q <= blink_q + 1'b1;
        if (!rst_n_q) begin
            halted_q <= 1'b0;
            failed_q <= 1'b0;
        end else if (exit_valid) begin
            halted_q <= exit_code == 32'd0;
            failed_q <= exit_code != 32'd0;
        end
        led_q <= {blink_q[23], 4'd0, failed_q, halted_q, rst_n_q && !halted_q && !failed_q};
    end
    assign led = led_q;
    assign wifi_gpio0 = 1'b1;

    wire unused = irq_ack;   // no interrupt source on this board
endmodule
