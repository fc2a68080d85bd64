# mk/chip.mk -- the chip: Verilator lint and the simulator binaries, each of one configuration
# of mk/config.mk (its sources, defines and parameters come from there):
#   $(BUILD)/cms-sim-s$(SLOTS)  the harness with the chip built for SLOTS operations per bundle
#                               (configuration sN), SB_DEPTH=$(SB_DEPTH)
#   $(BUILD)/cms-sim            the default configuration (s$(SLOTS))
#   $(BUILD)/cms-sim-mc         the multi-cycle core (configuration mc; the rule is mk/mc.mk's)
#   $(BUILD)/cms-sim-asan       s$(SLOTS) with the harness's C under ASan and UBSan
VFLAGS     := -Wall
# Our C (harness logic, loaders, reference model) is built with the strict host flags into a
# library; Verilator compiles only the thin C++ main and its own generated code.
HARNESS_C   = $(filter %.c,$(HARNESS_SRCS)) $(SSEM_HOST_SRCS) $(JVM_LINK_SRCS)
HARNESS_CPP = $(filter %.cpp,$(HARNESS_SRCS))
HARNESS_LIB := $(BUILD)/harness/libharness.a
HARNESS_OBJS = $(patsubst %.c,$(BUILD)/harness/%.o,$(notdir $(HARNESS_C)))

$(BUILD)/harness/%.o: sim/%.c $(wildcard sim/*.h) firmware/hostif.h $(GEN_H)
	@mkdir -p $(@D)
	$(HOSTCC) $(HOST_CFLAGS) $(HARNESS_CFLAGS) -c $< -o $@

$(BUILD)/harness/%.o: jvm/%.c $(wildcard jvm/*.h jvm/*.def) $(GEN_H)
	@mkdir -p $(@D)
	$(HOSTCC) $(HOST_CFLAGS) $(HARNESS_CFLAGS) -c $< -o $@

$(HARNESS_LIB): $(HARNESS_OBJS)
	rm -f $@ && ar rcs $@ $^

VBUILD_FLAGS = --cc --exe --build -j 2 -O3 --x-assign fast --x-initial fast --trace \
               -MAKEFLAGS "OPT_FAST=-O2 OPT_SLOW=-O1" \
               -CFLAGS "-O2 $(HARNESS_CFLAGS)" \
               -LDFLAGS "$(abspath $(HARNESS_LIB)) $(JVM_LINK_LIBS) -lm"

# $(call VSIM,CFG): Verilator builds configuration CFG of the chip (mk/config.mk) with the
# harness in $(BUILD)/vsim_CFG (log $(BUILD)/vsim_CFG.log) and copies the binary to the target.
# Verilator's own make does not know about the library, so the link step is forced.
define VSIM
	@mkdir -p $(BUILD)/vsim_$(1)
	@rm -f $(BUILD)/vsim_$(1)/Vcms_chip
	$(VERILATOR) $(VFLAGS) $(VBUILD_FLAGS) -CFLAGS -DCHIP_SLOTS=$(call CFG_SLOTS,$(1)) \
	    -Mdir $(BUILD)/vsim_$(1) -o Vcms_chip $(call CHIP_VFLAGS,$(1)) \
	    $(abspath $(HARNESS_CPP)) > $(BUILD)/vsim_$(1).log 2>&1 \
	    || { tail -40 $(BUILD)/vsim_$(1).log; exit 1; }
	cp $(BUILD)/vsim_$(1)/Vcms_chip $@.tmp && mv -f $@.tmp $@
endef
# what every simulator build depends on besides its configuration's CHIP_DEPS; VSIM_ORDER: what
# must exist (the default firmware) without a change to it rebuilding the simulator
VSIM_DEPS   = $(GEN_H) $(HARNESS_CPP) $(wildcard sim/*.h) firmware/hostif.h
VSIM_ORDER  = $(MORPH_ELF)

# (the sources of sN are the same for every N)
$(BUILD)/cms-sim-s%: $(call CHIP_DEPS,s2) $(call CHIP_VLT,s2) $(VSIM_DEPS) $(HARNESS_LIB) | $(VSIM_ORDER)
	$(call VSIM,s$*)

$(BUILD)/cms-sim: $(BUILD)/cms-sim-s$(SLOTS)
	cp $< $@.tmp && mv -f $@.tmp $@

# The same harness with our C (harness logic, loaders, reference) under AddressSanitizer and
# UBSan (test-harness). Verilator's runtime and the generated model are not instrumented: UBSan
# reports a misaligned store inside Verilator 5.006's own VCD writer.
$(BUILD)/harness-asan/%.o: sim/%.c $(wildcard sim/*.h) firmware/hostif.h $(GEN_H)
	@mkdir -p $(@D)
	$(HOSTCC) $(HOST_CFLAGS) $(SAN_FLAGS) $(HARNESS_CFLAGS) -c $< -o $@

$(BUILD)/harness-asan/%.o: jvm/%.c $(wildcard jvm/*.h jvm/*.def) $(GEN_H)
	@mkdir -p $(@D)
	$(HOSTCC) $(HOST_CFLAGS) $(SAN_FLAGS) $(HARNESS_CFLAGS) -c $< -o $@

$(BUILD)/harness-asan/libharness.a: $(patsubst %.c,$(BUILD)/harness-asan/%.o,$(notdir $(HARNESS_C)))
	rm -f $@ && ar rcs $@ $^

$(BUILD)/cms-sim-asan: $(call CHIP_DEPS,s$(SLOTS)) $(call CHIP_VLT,s$(SLOTS)) $(VSIM_DEPS) \
                       $(BUILD)/harness-asan/libharness.a | $(VSIM_ORDER)
	@mkdir -p $(BUILD)/vsim_asan
	@rm -f $(BUILD)/vsim_asan/Vcms_chip
	$(VERILATOR) $(VFLAGS) --cc --exe --build -j 2 -O1 --trace -MAKEFLAGS "OPT_FAST=-O1 OPT_SLOW=-O1" \
	    -CFLAGS "-O1 $(HARNESS_CFLAGS)" \
	    -LDFLAGS "$(abspath $(BUILD)/harness-asan/libharness.a) $(JVM_LINK_LIBS) $(SAN_FLAGS) -lm" \
	    -CFLAGS -DCHIP_SLOTS=$(SLOTS) -Mdir $(BUILD)/vsim_asan -o Vcms_chip \
	    $(call CHIP_VFLAGS,s$(SLOTS)) $(abspath $(HARNESS_CPP)) > $(BUILD)/vsim_asan.log 2>&1 \
	    || { tail -40 $(BUILD)/vsim_asan.log; exit 1; }
	cp $(BUILD)/vsim_asan/Vcms_chip $@.tmp && mv -f $@.tmp $@

.PHONY: test-harness
test-harness: $(BUILD)/cms-sim-asan $(BUILD)/ssem-ref
	$(PYTHON) tests/run_harness_tests.py --sim $(BUILD)/cms-sim-asan --ref $(BUILD)/ssem-ref

# every configuration of mk/config.mk (CHIP_CONFIGS: s2, s4, and mc, the multi-cycle core)
.PHONY: lint
lint: $(GEN_VH)
	@$(foreach c,$(CHIP_CONFIGS),echo "verilator --lint-only -Wall $(c) ($(call CHIP_CFG_SUMMARY,$(c)))" && \
	    $(VERILATOR) --lint-only $(VFLAGS) $(call CHIP_VFLAGS,$(c)) && ) true
	@echo "lint: clean"

