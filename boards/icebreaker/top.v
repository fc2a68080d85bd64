`default_nettype none
// icebreaker_top -- cms_chip on the iCEBreaker v1.0 (iCE40 UP5K-SG48, 12 MHz oscillator).
// boards/icebreaker/README.md has the board's facts; boards/flow.mk builds it (make synth).
//
//   clock    the 12 MHz oscillator (pin 35) as it is, or (PLL=1) through SB_PLL40_PAD to
//            CLK_HZ; the PLL values are what `yowasp-icepll -i 12 -o <MHz>` prints (the flow
//            runs it when BOARD_CLK_MHZ differs from 12)
//   reset    power-on: the chip's rst_ni is held low for 2^POR_BITS cycles after configuration
//            (and until the PLL locks)
//   console  the chip's console bytes -> cms_uart_tx (115200 8N1) -> TX (pin 9, FTDI channel B);
//            con_ready_i is the UART's ready_o, so the firmware waits for the line
//   LEDs     (active low) green lit while the firmware runs, blinking after it exited with code
//            0 (the guest halted); red lit after any other exit code (fault or limit)
//
// The chip's SLOTS, SB_DEPTH and BOOT_IMAGE are set on cms_chip itself by the flow (yosys
// chparam), so that its netlist (chip_syn.v) is a plain cms_chip with the board's parameters.
//
// Lint (make lint-boards): the file name is the board's convention, not the module's; the PLL
// values are unused while PLL=0.
/* verilator lint_off DECLFILENAME */
/* verilator lint_off UNUSEDPARAM */
module icebreaker_top #(
    parameter CLK_HZ           = 12000000,   // the chip's clock (the UART's bit timing)
    parameter PLL              = 0,          // 1: SB_PLL40_PAD with the values below
    parameter PLL_DIVR         = 0,          // defaults: 24 MHz (yowasp-icepll -i 12 -o 24)
    parameter PLL_DIVF         = 63,
    parameter PLL_DIVQ         = 5,
    parameter PLL_FILTER_RANGE = 1,
    parameter POR_BITS         = 14          // about 1.4 ms at 12 MHz
) (
/* verilator lint_on UNUSEDPARAM */
    input  wire CLK,       // 12 MHz
    output wire TX,        // UART to the PC (FTDI channel B)
    output wire LEDR_N,    // red user LED, active low
    output wire LEDG_N     // green user LED, active low
);
    // ---------------------------------------------------------------- clock
    wire clk, pll_lock;
    generate if (PLL) begin : g_pll
        SB_PLL40_PAD #(
            .FEEDBACK_PATH ("SIMPLE"),
            .DIVR          (PLL_DIVR),
            .DIVF          (PLL_DIVF),
            .DIVQ          (PLL_DIVQ),
            .FILTER_RANGE  (PLL_FILTER_RANGE)
        ) u_pll (
            .PACKAGEPIN    (CLK),
            .PLLOUTGLOBAL  (clk),
            .LOCK          (pll_lock),
            .RESETB        (1'b1),
            .BYPASS        (1'b0)
        );
    end else begin : g_osc
        assign clk = CLK;
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
        .tx_o    (TX)
    );

    // ---------------------------------------------------------------- LEDs
    reg halted_q, failed_q, led_r_q, led_g_q;
    reg [23:0] blink_q = 24'd0;   // bit 23: about 0.7 Hz at 12 MHz
    always @(posedge clk) begin
        blink_q <= blink_q + 1'b1;
        if (!rst_n_q) begin
            halted_q <= 1'b0;
            failed_q <= 1'b0;
        end else if (exit_valid) begin
            halted_q <= exit_code == 32'd0;
            failed_q <= exit_code != 32'd0;
        end
        led_g_q <= rst_n_q && !failed_q && (!halted_q || blink_q[23]);
        led_r_q <= failed_q;
    end
    assign LEDG_N = !led_g_q;
    assign LEDR_N = !led_r_q;

    wire unused = irq_ack;   // no interrupt source on this board
endmodule
