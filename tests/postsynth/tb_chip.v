`default_nettype none
`timescale 1ns / 1ps
`include "cms_defs.vh"
// tb_chip -- runs cms_chip as the boards build it (FLASH_BOOT: its loader reads the boot image
// from an SPI flash, here the model tests/postsynth/tb_spi_flash.v, given the image at run time:
// +boot=FILE +boot_bytes=N) in Icarus or Verilator: either the RTL (define TB_RTL, with TB_SLOTS
// TB_SB_DEPTH and TB_DMEM_BYTES) or the netlist the synthesis wrote (parameters already fixed in it). Console
// bytes go to stdout (the error console's too, as on the boards' UART); the run ends at the firmware's MMIO_EXIT with "tb: exit CODE after N
// cycles" (N counted from the end of reset, the boot from the flash included), or fails with
// $fatal at TB_MAX_CYCLES (or at the flash model's first protocol error).
//
// The console is busy for TB_CON_BUSY cycles after each byte (as a UART is), so the netlist
// and RTL see the same back-pressure; the firmware measures its run before printing, so its
// figures do not depend on it.
//
// Icarus: the test bench makes its own clock. Verilator (TB_EXTCLK): the C++ main
// (tests/postsynth/tb_main.cpp) toggles clk, which is much faster than --timing.
`ifdef TB_EXTCLK
module tb_chip (input wire clk);
`else
module tb_chip;
    reg clk = 1'b0;
    always #5 clk = !clk;
`endif
`ifndef TB_MAX_CYCLES
    `define TB_MAX_CYCLES 5000000
`endif
`ifndef TB_CON_BUSY
    `define TB_CON_BUSY 7
`endif
    reg [2:0] rst_cnt = 3'd0;            // reset low for the first 4 rising edges
    wire rst_n = rst_cnt == 3'd4;
    reg [7:0] busy = 8'd0;
    wire con_valid, con_err, exit_valid, irq_ack;
    wire flash_sck, flash_cs_n, flash_mosi, flash_miso;
    wire [7:0] con_data;
    wire [31:0] exit_code;

`ifdef TB_RTL
    cms_chip #(.SLOTS(`TB_SLOTS), .SB_DEPTH(`TB_SB_DEPTH), .DMEM_BYTES(`TB_DMEM_BYTES),
               .FLASH_BOOT(1)) u_chip (
`else
    cms_chip u_chip (
`endif
        .clk_i (clk), .rst_ni (rst_n), .irq_i (1'b0), .con_ready_i (busy == 8'd0),
        .con_valid_o (con_valid), .con_data_o (con_data), .con_err_o (con_err),
        .exit_valid_o (exit_valid), .exit_code_o (exit_code), .irq_ack_o (irq_ack),
        .flash_sck_o (flash_sck), .flash_cs_no (flash_cs_n), .flash_mosi_o (flash_mosi),
        .flash_miso_i (flash_miso));

    tb_spi_flash #(.BASE(`CMS_FLASH_BOOT_ADDR),
                   .MAX_BYTES(4 + `CMS_IMEM_BYTES + `CMS_DMEM_BYTES)) u_flash (
        .clk_i (clk), .sck_i (flash_sck), .cs_ni (flash_cs_n), .mosi_i (flash_mosi),
        .miso_o (flash_miso));

    integer cycles = 0;
    always @(posedge clk) begin
        if (!rst_n) rst_cnt <= rst_cnt + 3'd1;
        if (rst_n) cycles <= cycles + 1;
        if (con_valid) begin
            if (busy != 8'd0) $fatal(1, "tb: console byte while the console was busy");
            $write("%c", con_data);
            busy <= `TB_CON_BUSY;
        end else if (busy != 8'd0) begin
            busy <= busy - 8'd1;
        end
        if (exit_valid) begin
            $display("tb: exit %0d after %0d cycles", exit_code, cycles);
            $finish;
        end
        if (cycles >= `TB_MAX_CYCLES) $fatal(1, "tb: no exit after %0d cycles", cycles);
    end
endmodule
