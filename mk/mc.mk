# mk/mc.mk -- the multi-cycle core (rtl/mc/, docs/mc.md), the UP5K's implementation of the ISA.
#   make test-mc       (in make test) cms_rfb alone (tests/mc/tb_rfb.v, Icarus, fixed seed) and
#                      cms_div_mc against cms_div (tests/mc/tb_div.v); then
#                      on build/cms-sim-mc: every RTL test (tests/rtl, timing checks for this
#                      core), the translation-mode differential test (TXFUZZ_CASES cases, seed
#                      TXFUZZ_SEED), every SSEM test program and corpus record that halts within
#                      PROG_MAX_STEPS against its expected state, and the stop-after differential
#                      against ssem-ref
#   make test-mc RFB_SEED=7 RFB_CYCLES=10000000    a longer cms_rfb run with another seed
#   make test-mc DIV_SEED=7 DIV_COUNT=1000000      a longer divider run
# Verilator lint of rtl/mc/*.v is part of make lint (mk/chip.mk).
MC_SRCS    := $(sort $(wildcard rtl/mc/*.v))
# the configuration this core is built in (cms-sim-mc, and any board build with CORE=mc:
# boards/flow.mk takes it for BOARD_SB_DEPTH):
# the UP5K's, SLOTS=2 and a store buffer of 4 entries
MC_SB_DEPTH ?= 4
RFB_SEED   ?= 1
RFB_CYCLES ?= 200000
DIV_SEED   ?= 1
DIV_COUNT  ?= 20000

.PHONY: test-mc test-mc-rfb test-mc-div
test-mc: test-mc-rfb test-mc-div $(BUILD)/cms-sim-mc $(BUILD)/ssem-ref $(BUILD)/txfuzz/txgen
	tests/rtl/run.sh --sim $(BUILD)/cms-sim-mc --slots 2 --core mc --build $(BUILD)/rtl-tests/mc
	$(TXFUZZ_RUN) --slots 2 --sim $(BUILD)/cms-sim-mc --sbdepth $(MC_SB_DEPTH) --seed $(TXFUZZ_SEED) \
	    --cases $(TXFUZZ_CASES) --build $(BUILD)/txfuzz/mc
	$(PYTHON) tests/run_ref_tests.py --cmd "$(BUILD)/cms-sim-mc --quiet" \
	    --corpus $(CORPUS) --max-corpus-steps $(PROG_MAX_STEPS)
	$(PYTHON) tests/run_diff.py --sim $(BUILD)/cms-sim-mc --ref $(BUILD)/ssem-ref \
	    --seed $(DIFF_SEED) --cap $(DIFF_CAP) --corpus $(CORPUS)

# one Icarus test bench: $(1) name (tests/mc/$(1).v), $(2) its defines, $(3) the RTL it tests;
# it passes when it exits 0 and its last line ends in " 0 mismatches"
define MC_IVTB
	@bash tools/setup-fpga.sh --need iverilog iverilog
	@mkdir -p $(BUILD)/mc
	iverilog -g2005 -Wall -Wno-timescale $(2) -o $(BUILD)/mc/$(1).vvp tests/mc/$(1).v $(3)
	@vvp -n $(BUILD)/mc/$(1).vvp > $(BUILD)/mc/$(1).out 2>&1; st=$$?; cat $(BUILD)/mc/$(1).out; \
	    [ $$st -eq 0 ] && grep -q ' 0 mismatches$$' $(BUILD)/mc/$(1).out
endef

test-mc-rfb:
	$(call MC_IVTB,tb_rfb,-DTB_SEED=$(RFB_SEED) -DTB_CYCLES=$(RFB_CYCLES),rtl/mc/cms_rfb.v)

test-mc-div:
	$(call MC_IVTB,tb_div,-DTB_SEED=$(DIV_SEED) -DTB_DIVS=$(DIV_COUNT),rtl/mc/cms_div_mc.v rtl/cms_div.v)

# the simulator with the multi-cycle core (cms_chip built with CMS_CORE_MC, SLOTS=2, SB_DEPTH=4)
$(BUILD)/cms-sim-mc: $(RTL_SRCS) $(RTL_VH) $(MC_SRCS) $(RTL_VLT) $(GEN_VH) $(GEN_H) $(HARNESS_CPP) $(HARNESS_LIB) \
                     $(wildcard sim/*.h) firmware/hostif.h $(FW_ELF)
	$(call VSIM,mc,2,-Irtl/mc -DCMS_CORE_MC $(MC_SRCS),$(MC_SB_DEPTH))
