`default_nettype none
// USRMCLK (the file is named after the primitive) -- a simulation model of the ECP5 primitive that drives the configuration clock pin
// (MCLK/CCLK, ball U3 on the ULX3S: the SPI flash's clock) from the design after configuration.
// Yosys's ECP5 library has only a black box (cells_bb.v) and the pin is not a port of the
// design, so this model makes it visible as the net `pin` (a test bench probes it, e.g.
// u_mclk.pin): USRMCLKI when USRMCLKTS is low, high impedance when it is high.
// For Verilator lint and RTL simulation only (boards/ulx3s/board.mk: BOARD_SIM_SRCS); synthesis
// uses the real primitive.
module USRMCLK (
    input wire USRMCLKI,
    input wire USRMCLKTS
);
    wire pin = USRMCLKTS ? 1'bz : USRMCLKI;
endmodule
