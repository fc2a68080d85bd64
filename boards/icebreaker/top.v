`default_nettype none
// icebreaker_top -- cms_chip on the iCEBreaker v1.0 (iCE40 UP5K-SG48, 12 MHz oscillator).
// boards/icebreaker/README.md has the board's facts; boards/flow.mk builds it (make synth).
//
//   clock    the 12 MHz oscillator (pin 35) as it is, or (PLL=1) through SB_PLL40_PAD to
//            CLK_HZ; the PLL values are what `yowasp-icepll -i 12 -o <MHz>` prints (the flow
//            runs it when BOARD_CLK_MHZ differs from 12)
//   reset    power-on: the chip's rst_ni is held low for 2^POR_BITS cycles after configuration
//            (and until the PLL locks); reset, chip, UART and status are boards/common/cms_board.v
//   flash    the chip reads its boot image from the configuration flash (W25Q128) after reset:
//            FLASH_SCK, FLASH_SSB, FLASH_IO0 (MOSI), FLASH_IO1 (MISO); IO2 (WP#) and IO3
//            (HOLD#) are held high, so that the flash neither holds nor write-protects
//   console  the chip's console bytes -> cms_uart_tx (115200 8N1) -> TX (pin 9, FTDI channel B);
//            con_ready_i is the UART's ready_o, so the firmware waits for the line
//   LEDs     (active low) green lit while the firmware runs, blinking after it exited with code
//            0 (the guest halted); red lit after any other exit code (fault or limit)
//
// The chip's SLOTS, SB_DEPTH and FLASH_BOOT are set on cms_chip itself by the flow (yosys
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
    output wire LEDG_N,    // green user LED, active low
    output wire FLASH_SCK,
    output wire FLASH_SSB,
    output wire FLASH_IO0, // MOSI
    input  wire FLASH_IO1, // MISO
    output wire FLASH_IO2, // WP#
    output wire FLASH_IO3  // HOLD#
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

    // ---------------------------------------------------------------- reset, chip, UART
    wire running, halted, failed, blink;
    cms_board #(.CLK_HZ(CLK_HZ), .POR_BITS(POR_BITS)) u_board (
        .clk_i      (clk),
        .pll_lock_i (pll_lock),
        .tx_o       (TX),
        .flash_sck_o  (FLASH_SCK),
        .flash_cs_no  (FLASH_SSB),
        .flash_mosi_o (FLASH_IO0),
        .flash_miso_i (FLASH_IO1),
        .running_o  (running),
        .halted_o   (halted),
        .failed_o   (failed),
        .blink_o    (blink)       // about 0.7 Hz at 12 MHz
    );

    // ---------------------------------------------------------------- LEDs (active low)
    assign LEDG_N = !(running || (halted && blink));
    assign LEDR_N = !failed;
    assign FLASH_IO2 = 1'b1;
    assign FLASH_IO3 = 1'b1;
endmodule
