# mk/morph.mk -- the translating firmware (code morphing, docs/firmware.md "Code morphing"):
# build/fw/ssem-tx.elf, built from the same firmware sources with -DCMS_MORPH plus firmware/morph.c
# and the SSEM translator (translator/ssem_*.c, nm_*.c) compiled freestanding with smaller work
# sizes so that its work area fits DMEM. build/fw/ssem.elf (interpret-only) stays the default and
# the boards' firmware. Select it with: build/cms-sim --firmware build/fw/ssem-tx.elf
#   make test-morph   exactness of the translating firmware (docs/testing.md)
MORPH_DIR    := $(FW_DIR)/tx
# the translator's sizes in the firmware (translator/ssem_tx.h; the host keeps its defaults)
MORPH_STX    := -DSTX_MAX_BLOCKS=64 -DSTX_MAX_NAIVE=256 -DSTX_MAX_OPS=512 -DSTX_MAX_BUNDLES=256 \
                -DSTX_MAX_EXITS=24
MORPH_CFLAGS := $(FW_CFLAGS) -DCMS_MORPH -Itranslator $(MORPH_STX)
# the translator's objects: -O3 (after -O2: the last wins) makes a translation ~8% fewer cycles
# (docs/bench.md "Kilburn's program, translated") for a few KB of IMEM
MORPH_TX_OPT := -O3
MORPH_SRCS   := $(FW_SRCS) firmware/morph.c
MORPH_TX_SRCS := translator/ssem_tx.c translator/ssem_sched.c translator/nm_encode.c \
                 translator/nm_decode.c
MORPH_OBJS   := $(FW_START) $(patsubst firmware/%.c,$(MORPH_DIR)/%.o,$(MORPH_SRCS)) \
                $(patsubst translator/%.c,$(MORPH_DIR)/tx_%.o,$(MORPH_TX_SRCS))

$(MORPH_DIR)/%.o: firmware/%.c $(FW_HDRS) translator/ssem_tx.h translator/nm.h mk/morph.mk
	@mkdir -p $(@D)
	$(FW_CC) $(MORPH_CFLAGS) -c $< -o $@
$(MORPH_DIR)/tx_%.o: translator/%.c $(STX_HDRS) $(NM_HDRS) $(GEN_H) mk/morph.mk
	@mkdir -p $(@D)
	$(FW_CC) $(MORPH_CFLAGS) $(MORPH_TX_OPT) -c $< -o $@

# -nostdlib, no libgcc: a libc or libgcc call anywhere fails the link
$(MORPH_ELF): $(MORPH_OBJS) $(FW_LDSCRIPT)
	$(FW_CC) $(FW_LDFLAGS) -T $(FW_LDSCRIPT) -Wl,-Map=$(FW_DIR)/ssem-tx.map $(MORPH_OBJS) -o $@
	$(FW_OBJDUMP) -d $@ > $(FW_DIR)/ssem-tx.dis
firmware: $(MORPH_ELF)

# test-morph (docs/testing.md): the translating firmware against the reference, on SLOTS=2 (all
# programs, the corpus, stop points, interrupt storms, random programs; --threshold 2 and the
# default), SLOTS=4 (the same, fewer random programs) and the multi-cycle core (our programs and
# tests/test_morph.py); test_morph.py also checks that translation happened.
MORPH_SIM = --firmware $(MORPH_ELF)
.PHONY: test-morph
test-morph: $(MORPH_ELF) $(BUILD)/cms-sim $(BUILD)/cms-sim-s4 $(BUILD)/cms-sim-mc $(BUILD)/ssem-ref
	$(PYTHON) tests/test_morph.py --ref $(BUILD)/ssem-ref --firmware $(MORPH_ELF) --corpus $(CORPUS) \
	    $(BUILD)/cms-sim $(BUILD)/cms-sim-s4 $(BUILD)/cms-sim-mc
	$(PYTHON) tests/run_ref_tests.py --cmd "$(BUILD)/cms-sim --quiet $(MORPH_SIM) --threshold 2" \
	    --corpus $(CORPUS) --max-corpus-steps $(PROG_MAX_STEPS)
	$(PYTHON) tests/run_ref_tests.py --cmd "$(BUILD)/cms-sim --quiet $(MORPH_SIM)" \
	    --corpus $(CORPUS) --max-corpus-steps $(PROG_MAX_STEPS)
	$(PYTHON) tests/run_ref_tests.py --cmd "$(BUILD)/cms-sim-s4 --quiet $(MORPH_SIM) --threshold 2" \
	    --corpus $(CORPUS) --max-corpus-steps $(PROG_MAX_STEPS)
	$(PYTHON) tests/run_ref_tests.py --cmd "$(BUILD)/cms-sim-mc --quiet $(MORPH_SIM) --threshold 2" \
	    --no-corpus
	$(PYTHON) tests/run_diff.py --sim "$(BUILD)/cms-sim $(MORPH_SIM) --threshold 2" --ref $(BUILD)/ssem-ref \
	    --seed $(DIFF_SEED) --cap $(DIFF_CAP) --corpus $(CORPUS) --irqs 200
	$(PYTHON) tests/run_diff.py --sim "$(BUILD)/cms-sim-s4 $(MORPH_SIM) --threshold 3" --ref $(BUILD)/ssem-ref \
	    --seed 1949 --cap 50000 --corpus $(CORPUS) --random 10 --points 3
