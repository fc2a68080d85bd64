# mk/chip.mk -- the chip: Verilator lint and the simulator binary (one per SLOTS value).
#   $(BUILD)/cms-sim-s$(SLOTS)  the harness with the chip built for SLOTS operations per bundle
#   $(BUILD)/cms-sim            the default configuration (SLOTS=$(SLOTS))
RTL_SRCS   := $(sort $(wildcard rtl/*.v))
RTL_VLT    := rtl/lint.vlt
RTL_VH     := $(sort $(wildcard rtl/*.vh))   # included by the .v files: dependencies only
VFLAGS     := -Wall -I$(GEN) -Irtl --top-module cms_chip
# Our C (harness logic, loaders, reference model) is built with the strict host flags into a
# library; Verilator compiles only the thin C++ main and its own generated code.
HARNESS_C   = $(filter %.c,$(HARNESS_SRCS)) $(SSEM_HOST_SRCS)
HARNESS_CPP = $(filter %.cpp,$(HARNESS_SRCS))
HARNESS_LIB := $(BUILD)/harness/libharness.a
HARNESS_OBJS = $(patsubst %.c,$(BUILD)/harness/%.o,$(notdir $(HARNESS_C)))

$(BUILD)/harness/%.o: sim/%.c $(wildcard sim/*.h) firmware/hostif.h $(GEN_H)
	@mkdir -p $(@D)
	$(HOSTCC) $(HOST_CFLAGS) $(HARNESS_CFLAGS) -c $< -o $@

$(HARNESS_LIB): $(HARNESS_OBJS)
	rm -f $@ && ar rcs $@ $^

VBUILD_FLAGS = --cc --exe --build -j 2 -O3 --x-assign fast --x-initial fast --trace \
               -MAKEFLAGS "OPT_FAST=-O2 OPT_SLOW=-O1" \
               -CFLAGS "-O2 $(HARNESS_CFLAGS)" \
               -LDFLAGS "$(abspath $(HARNESS_LIB)) -lm"

# $(call VSIM,NAME,SLOTS,EXTRA[,SB_DEPTH]): Verilator builds the chip with the harness in
# $(BUILD)/vsim_NAME (log $(BUILD)/vsim_NAME.log) and copies the binary to the target; EXTRA:
# more flags and sources (mk/mc.mk: the multi-cycle core); SB_DEPTH: default $(SB_DEPTH). Verilator's own make does not know about the library, so
# the link step is forced.
define VSIM
	@mkdir -p $(BUILD)/vsim_$(1)
	@rm -f $(BUILD)/vsim_$(1)/Vcms_chip
	$(VERILATOR) $(VFLAGS) $(VBUILD_FLAGS) -GSLOTS=$(2) -GSB_DEPTH=$(or $(4),$(SB_DEPTH)) -CFLAGS -DCHIP_SLOTS=$(2) \
	    -Mdir $(BUILD)/vsim_$(1) -o Vcms_chip $(RTL_VLT) $(RTL_SRCS) $(3) \
	    $(abspath $(HARNESS_CPP)) > $(BUILD)/vsim_$(1).log 2>&1 \
	    || { tail -40 $(BUILD)/vsim_$(1).log; exit 1; }
	cp $(BUILD)/vsim_$(1)/Vcms_chip $@.tmp && mv -f $@.tmp $@
endef

$(BUILD)/cms-sim-s%: $(RTL_SRCS) $(RTL_VH) $(RTL_VLT) $(GEN_VH) $(GEN_H) $(HARNESS_CPP) $(HARNESS_LIB) \
                     $(wildcard sim/*.h) firmware/hostif.h $(FW_ELF)
	$(call VSIM,s$*,$*,)

$(BUILD)/cms-sim: $(BUILD)/cms-sim-s$(SLOTS)
	cp $< $@.tmp && mv -f $@.tmp $@

# The same harness with our C (harness logic, loaders, reference) under AddressSanitizer and
# UBSan (test-harness). Verilator's runtime and the generated model are not instrumented: UBSan
# reports a misaligned store inside Verilator 5.006's own VCD writer.
$(BUILD)/harness-asan/%.o: sim/%.c $(wildcard sim/*.h) firmware/hostif.h $(GEN_H)
	@mkdir -p $(@D)
	$(HOSTCC) $(HOST_CFLAGS) $(SAN_FLAGS) $(HARNESS_CFLAGS) -c $< -o $@

$(BUILD)/harness-asan/libharness.a: $(patsubst %.c,$(BUILD)/harness-asan/%.o,$(notdir $(HARNESS_C)))
	rm -f $@ && ar rcs $@ $^

$(BUILD)/cms-sim-asan: $(RTL_SRCS) $(RTL_VH) $(RTL_VLT) $(GEN_VH) $(GEN_H) $(HARNESS_CPP) \
                       $(BUILD)/harness-asan/libharness.a $(FW_ELF)
	@mkdir -p $(BUILD)/vsim_asan
	@rm -f $(BUILD)/vsim_asan/Vcms_chip
	$(VERILATOR) $(VFLAGS) --cc --exe --build -j 2 -O1 --trace -MAKEFLAGS "OPT_FAST=-O1 OPT_SLOW=-O1" \
	    -CFLAGS "-O1 $(HARNESS_CFLAGS)" \
	    -LDFLAGS "$(abspath $(BUILD)/harness-asan/libharness.a) $(SAN_FLAGS) -lm" \
	    -GSLOTS=$(SLOTS) -GSB_DEPTH=$(SB_DEPTH) -CFLAGS -DCHIP_SLOTS=$(SLOTS) -Mdir $(BUILD)/vsim_asan -o Vcms_chip \
	    $(RTL_VLT) $(RTL_SRCS) $(abspath $(HARNESS_CPP)) > $(BUILD)/vsim_asan.log 2>&1 \
	    || { tail -40 $(BUILD)/vsim_asan.log; exit 1; }
	cp $(BUILD)/vsim_asan/Vcms_chip $@.tmp && mv -f $@.tmp $@

.PHONY: test-harness
test-harness: $(BUILD)/cms-sim-asan $(BUILD)/ssem-ref
	$(PYTHON) tests/run_harness_tests.py --sim $(BUILD)/cms-sim-asan --ref $(BUILD)/ssem-ref

.PHONY: lint
lint: $(GEN_VH)
	@for s in 2 4; do \
	    echo "verilator --lint-only -Wall SLOTS=$$s"; \
	    $(VERILATOR) --lint-only $(VFLAGS) -GSLOTS=$$s $(RTL_VLT) $(RTL_SRCS) || exit 1; \
	done
	@echo "verilator --lint-only -Wall SLOTS=2 CMS_CORE_MC (the multi-cycle core, rtl/mc/)"
	@$(VERILATOR) --lint-only $(VFLAGS) -Irtl/mc -DCMS_CORE_MC -GSLOTS=2 $(RTL_VLT) $(RTL_SRCS) $(MC_SRCS)
	@echo "lint: clean"

