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
# The configuration cms-sim-mc is built in is mk/config.mk's mc (the iCEBreaker's chip: SLOTS=2,
# SB_DEPTH=$(MC_SB_DEPTH)); Verilator lint of it is part of make lint (mk/chip.mk).
RFB_SEED   ?= 1
RFB_CYCLES ?= 200000
DIV_SEED   ?= 1
DIV_COUNT  ?= 20000

.PHONY: test-mc test-mc-rfb test-mc-div
test-mc: test-mc-rfb test-mc-div $(BUILD)/cms-sim-mc $(BUILD)/ssem-ref $(BUILD)/txfuzz/txgen $(FW_ELF)
	tests/rtl/run.sh --sim $(BUILD)/cms-sim-mc --slots $(call CFG_SLOTS,mc) --core mc --build $(BUILD)/rtl-tests/mc
	$(TXFUZZ_RUN) --slots $(call CFG_SLOTS,mc) --sim $(BUILD)/cms-sim-mc --sbdepth $(call CFG_SB_DEPTH,mc) --seed $(TXFUZZ_SEED) \
	    --cases $(TXFUZZ_CASES) --build $(BUILD)/txfuzz/mc
	$(PYTHON) tests/run_ref_tests.py --cmd "$(BUILD)/cms-sim-mc --quiet --firmware $(FW_ELF)" \
	    --corpus $(CORPUS) --max-corpus-steps $(PROG_MAX_STEPS)
	$(PYTHON) tests/run_diff.py --sim "$(BUILD)/cms-sim-mc --firmware $(FW_ELF)" --ref $(BUILD)/ssem-ref \
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

# the simulator with the multi-cycle core (configuration mc: CMS_CORE_MC, SLOTS=2, SB_DEPTH=4)
$(BUILD)/cms-sim-mc: $(call CHIP_DEPS,mc) $(call CHIP_VLT,mc) $(VSIM_DEPS) $(HARNESS_LIB) | $(VSIM_ORDER)
	$(call VSIM,mc)
