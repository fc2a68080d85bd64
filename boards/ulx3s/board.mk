# boards/ulx3s/board.mk -- the ULX3S with an LFE5U-85F for boards/flow.mk (README.md beside it).
BOARD_FAMILY   := ecp5
BOARD_TOP      := ulx3s_top
BOARD_DEVICE   := 85k
BOARD_PACKAGE  := CABGA381
BOARD_PINS     := boards/ulx3s/ulx3s.lpf
BOARD_OSC_MHZ  := 25
# the chip's clock; any other value than 25 goes through the PLL (values from yowasp-ecppll).
# 20 MHz: with SLOTS=4 the chip does not reach 25 MHz on this part (docs/fpga.md)
BOARD_CLK_MHZ  ?= 20
# the chip (mk/config.mk): s4, cms_core with SLOTS=4, cms-sim-s4's configuration but for DMEM (BOARD_DMEM)
BOARD_CHIP     := s4
# its DMEM size: spec/chip.tbl's DMEM_BYTES_ECP5 (256 KiB of the 85F's block RAM, docs/fpga.md)
BOARD_DMEM     := ECP5
# openFPGALoader loads the FPGA's configuration memory over the FT231X's JTAG (lost at power
# off); PROG_FLAGS=-f writes the SPI flash instead
BOARD_PROG     := openFPGALoader -b ulx3s $(PROG_FLAGS)
# make prog writes the boot image first, into the SPI flash at FLASH_BOOT_ADDR (-f: flash;
# -o: the byte offset; a .bin file other than a bitstream is written raw), then the bitstream
BOARD_PROG_BOOT = openFPGALoader -b ulx3s -f -o $(FLASH_BOOT_OFF)
BOARD_PROG_PKG := openfpgaloader
# simulation models of the primitives top.v uses that Verilator and Icarus lack (lint-board)
BOARD_SIM_SRCS := boards/ulx3s/USRMCLK.v
