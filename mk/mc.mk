# mk/mc.mk -- parts of the multi-cycle implementation planned for the UP5K (rtl/mc/; docs/fpga.md,
# "What would fit"), each tested alone until the core that uses them exists.
#   make test-mc                         tests/mc/tb_rfb.v in Icarus, fixed seed (in make test)
#   make test-mc RFB_SEED=7 RFB_CYCLES=10000000    a longer run with another seed
# Verilator lint of rtl/mc/*.v is part of make lint (mk/chip.mk).
MC_SRCS    := $(sort $(wildcard rtl/mc/*.v))
RFB_SEED   ?= 1
RFB_CYCLES ?= 200000

.PHONY: test-mc
test-mc:
	@bash tools/setup-fpga.sh --need iverilog iverilog
	@mkdir -p $(BUILD)/mc
	iverilog -g2005 -Wall -Wno-timescale -DTB_SEED=$(RFB_SEED) -DTB_CYCLES=$(RFB_CYCLES) \
	    -o $(BUILD)/mc/tb_rfb.vvp tests/mc/tb_rfb.v rtl/mc/cms_rfb.v
	@vvp -n $(BUILD)/mc/tb_rfb.vvp > $(BUILD)/mc/tb_rfb.out 2>&1; st=$$?; cat $(BUILD)/mc/tb_rfb.out; \
	    [ $$st -eq 0 ] && grep -q ' 0 mismatches$$' $(BUILD)/mc/tb_rfb.out
