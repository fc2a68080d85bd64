`default_nettype none
// ulx3s_top -- cms_chip on the ULX3S with an LFE5U-85F (ECP5, CABGA381, 25 MHz oscillator).
// boards/ulx3s/README.md has the board's facts; boards/flow.mk builds it (make synth BOARD=ulx3s).
//
//   clock    the 25 MHz oscillator as it is, or (PLL=1) through EHXPLLL to CLK_HZ; the PLL
//            values are what `yowasp-ecppll -i 25 -o <MHz>` writes (the flow runs it when
//            BOARD_CLK_MHZ differs from 25)
//   reset    power-on: the chip's rst_ni is held low for 2^POR_BITS cycles after configuration
//            (and until the PLL locks); reset, chip, UART and status are boards/common/cms_board.v
//   flash    the chip reads its boot image from the configuration flash after reset:
//            flash_csn, flash_mosi, flash_miso; the flash's clock pin is the ECP5's
//            configuration clock, which the design reaches only through the USRMCLK primitive
//            (USRMCLKTS 0: always driven; yosys and nextpnr-ecp5 place it, no LPF entry);
//            flash_wpn and flash_holdn are held high
//   console  the chip's console bytes -> cms_uart_tx (115200 8N1) -> ftdi_rxd (the FT231X's
//            receive input: the FPGA's output towards the PC); con_ready_i is the UART's ready_o
//   LEDs     (active high) led[0] lit while the firmware runs, led[1] after it exited with code
//            0 (the guest halted), led[2] after any other exit code (fault or limit);
//            led[7] blinks (about 1.5 Hz) while the FPGA is configured and clocked
//   ESP32    wifi_gpio0 held high, so that the ESP32 stays in its normal boot mode
//
// The chip's SLOTS, SB_DEPTH and FLASH_BOOT are set on cms_chip itself by the flow (yosys
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
    output wire       wifi_gpio0,
    output wire       flash_csn,
    output wire       flash_mosi,
    input  wire       flash_miso,
    output wire       flash_wpn,
    output wire       flash_holdn
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

    // ---------------------------------------------------------------- reset, chip, UART
    wire flash_sck;
    wire running, halted, failed, blink;
    cms_board #(.CLK_HZ(CLK_HZ), .POR_BITS(POR_BITS)) u_board (
        .clk_i      (clk),
        .pll_lock_i (pll_lock),
        .tx_o       (ftdi_rxd),
        .flash_sck_o  (flash_sck),
        .flash_cs_no  (flash_csn),
        .flash_mosi_o (flash_mosi),
        .flash_miso_i (flash_miso),
        .running_o  (running),
        .halted_o   (halted),
        .failed_o   (failed),
        .blink_o    (blink)       // about 1.5 Hz at 25 MHz (slower with the PLL)
    );

    // ---------------------------------------------------------------- LEDs (active high)
    assign led = {blink, 4'd0, failed, halted, running};
    assign wifi_gpio0 = 1'b1;

    // ---------------------------------------------------------------- flash clock
    USRMCLK u_mclk (.USRMCLKI(flash_sck), .USRMCLKTS(1'b0));
    assign flash_wpn = 1'b1;
    assign flash_holdn = 1'b1;
endmodule
