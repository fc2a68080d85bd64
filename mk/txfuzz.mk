# mk/txfuzz.mk -- the translation-mode differential test (tests/txfuzz/README.md): seeded random
# translations run on the chip (SLOTS=2 and 4) and compared word for word with the reference
# model of translation mode, translator/nm_model.c.
#   make test-txfuzz         fixed seed TXFUZZ_SEED, TXFUZZ_CASES cases per SLOTS value (CI)
#   make test-txfuzz-s4      one SLOTS value
#   make test-txfuzz-long    a time-based seed and TXFUZZ_LONG_CASES cases per SLOTS value (not CI)
#   make test-txfuzz TXFUZZ_SEED=123 TXFUZZ_CASES=2000     replay / widen by hand
TXFUZZ_SEED       ?= 1948
TXFUZZ_CASES      ?= 1000
TXFUZZ_LONG_CASES ?= 4000
TXFUZZ_SRCS  := tests/txfuzz/txgen.c translator/nm_model.c translator/nm_encode.c translator/nm_decode.c \
                translator/nm_dis.c
TXFUZZ_HDRS  := translator/nm_model.h translator/nm.h tests/txfuzz/txf_layout.h
TXFUZZ_RUN    = $(PYTHON) tests/txfuzz/run.py --txgen $(BUILD)/txfuzz/txgen --gen $(GEN) \
                --cross $(CROSS)

$(BUILD)/txfuzz/txgen: $(TXFUZZ_SRCS) $(TXFUZZ_HDRS) mk/txfuzz.mk $(GEN_H)
	@mkdir -p $(@D)
	$(HOSTCC) $(HOST_CFLAGS) $(SAN_FLAGS) -Itests/txfuzz -Itranslator -o $@ $(TXFUZZ_SRCS)

.PHONY: test-txfuzz test-txfuzz-long
test-txfuzz: $(BUILD)/txfuzz/txgen $(BUILD)/cms-sim-s2 $(BUILD)/cms-sim-s4
	@st=0; for s in 2 4; do \
	    $(TXFUZZ_RUN) --slots $$s --sim $(BUILD)/cms-sim-s$$s --sbdepth $(SB_DEPTH) --seed $(TXFUZZ_SEED) \
	        --cases $(TXFUZZ_CASES) --build $(BUILD)/txfuzz/s$$s || st=1; \
	done; exit $$st

test-txfuzz-s%: $(BUILD)/txfuzz/txgen $(BUILD)/cms-sim-s%
	@$(TXFUZZ_RUN) --slots $* --sim $(BUILD)/cms-sim-s$* --sbdepth $(SB_DEPTH) --seed $(TXFUZZ_SEED) \
	    --cases $(TXFUZZ_CASES) --build $(BUILD)/txfuzz/s$* -v

test-txfuzz-long: $(BUILD)/txfuzz/txgen $(BUILD)/cms-sim-s2 $(BUILD)/cms-sim-s4
	@seed=$$(date +%s); st=0; echo "test-txfuzz-long: seed $$seed"; for s in 2 4; do \
	    $(TXFUZZ_RUN) --slots $$s --sim $(BUILD)/cms-sim-s$$s --sbdepth $(SB_DEPTH) --seed $$seed \
	        --cases $(TXFUZZ_LONG_CASES) --build $(BUILD)/txfuzz/long-s$$s -v || st=1; \
	done; exit $$st
