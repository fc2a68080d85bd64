# boards/icebreaker/board.mk -- the iCEBreaker v1.0 for boards/flow.mk (README.md beside it).
BOARD_FAMILY   := ice40
BOARD_TOP      := icebreaker_top
BOARD_DEVICE   := up5k
BOARD_PACKAGE  := sg48
BOARD_PINS     := boards/icebreaker/icebreaker.pcf
BOARD_OSC_MHZ  := 12
# the chip's clock; any other value than 12 goes through the PLL (values from yowasp-icepll)
BOARD_CLK_MHZ  ?= 12
# the chip (mk/config.mk): mc, the multi-cycle core (docs/mc.md) with SLOTS=2 and SB_DEPTH=4,
# cms-sim-mc's configuration but for DMEM (BOARD_DMEM): the pipelined cms_core is 3.3 times the
# UP5K (CORE=pipe builds it anyway, into build/boards/icebreaker-pipe: it does not place)
BOARD_CHIP     := mc
# its DMEM size: spec/chip.tbl's DMEM_BYTES_UP5K (64 KiB: with IMEM, the UP5K's four SPRAMs)
BOARD_DMEM     := UP5K
# iceprog writes the board's SPI flash; the FPGA then configures itself from it
BOARD_PROG     := iceprog
# make prog writes the boot image first, at FLASH_BOOT_ADDR (iceprog -o takes a byte offset;
# it erases only the 64 KiB blocks it writes, so neither write erases the other)
BOARD_PROG_BOOT = iceprog -o $(FLASH_BOOT_OFF)
BOARD_PROG_PKG := fpga-icestorm
