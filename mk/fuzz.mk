# mk/fuzz.mk -- seeded random SSEM programs on the reference and on the chip (tests/ssemgen.py
# generates them, tests/run_fuzz.py compares ssem-ref with cms-sim word for word: to the end,
# at --stop-after points, under --irq-every and --irq-random interrupt storms; docs/testing.md).
#   make test-ssemfuzz   (in make test) first the runner's self-test (a wrapper that corrupts one
#                        bit of the chip's state must be caught: tests/fuzz_mutant.py), then
#                        FUZZ_COUNT programs of seed FUZZ_SEED on build/cms-sim
#                        (SLOTS=2), then FUZZ_COUNT_OTHER more each on build/cms-sim-s4 and
#                        build/cms-sim-mc (the multi-cycle core); then the translating firmware
#                        (build/fw/ssem-tx.elf, --threshold 2): FUZZ_COUNT_TX programs on
#                        build/cms-sim, FUZZ_COUNT_TX_OTHER on cms-sim-s4 and cms-sim-mc
#   make fuzz            a bigger run: COUNT programs (default 2000) of seed SEED (default: the
#                        time) on all three, interpreting and translating; a failing program is
#                        kept in build/fuzz-fail/
#   make fuzz SEED=7 COUNT=5000
FUZZ_SEED        ?= 1948
FUZZ_COUNT       ?= 200
FUZZ_COUNT_OTHER ?= 40
FUZZ_COUNT_TX    ?= 40
FUZZ_COUNT_TX_OTHER ?= 15
FUZZ_RUN         := $(PYTHON) tests/run_fuzz.py --ref $(BUILD)/ssem-ref
# the interpret-only firmware (the default of cms-sim is the translating one)
FUZZ_IN          := --firmware $(FW_ELF)
# the translating firmware, translating after 2 executions of a line (every loop is translated)
FUZZ_TX          := --firmware $(MORPH_ELF) --threshold 2

.PHONY: test-ssemfuzz fuzz
test-ssemfuzz: $(BUILD)/cms-sim $(BUILD)/cms-sim-s4 $(BUILD)/cms-sim-mc $(BUILD)/ssem-ref $(MORPH_ELF) $(FW_ELF)
	$(FUZZ_RUN) --selftest --sim "$(BUILD)/cms-sim $(FUZZ_IN)" --seed $(FUZZ_SEED)
	$(FUZZ_RUN) --quiet --sim "$(BUILD)/cms-sim $(FUZZ_IN)" --seed $(FUZZ_SEED) --count $(FUZZ_COUNT)
	$(FUZZ_RUN) --quiet --sim "$(BUILD)/cms-sim-s4 $(FUZZ_IN)" --seed $(FUZZ_SEED) --first $(FUZZ_COUNT) \
	    --count $(FUZZ_COUNT_OTHER)
	$(FUZZ_RUN) --quiet --sim "$(BUILD)/cms-sim-mc $(FUZZ_IN)" --seed $(FUZZ_SEED) \
	    --first $$(( $(FUZZ_COUNT) + $(FUZZ_COUNT_OTHER) )) --count $(FUZZ_COUNT_OTHER)
	$(FUZZ_RUN) --quiet --sim "$(BUILD)/cms-sim $(FUZZ_TX)" --seed $(FUZZ_SEED) \
	    --first $$(( $(FUZZ_COUNT) + 2 * $(FUZZ_COUNT_OTHER) )) --count $(FUZZ_COUNT_TX)
	$(FUZZ_RUN) --quiet --sim "$(BUILD)/cms-sim-s4 $(FUZZ_TX)" --sim "$(BUILD)/cms-sim-mc $(FUZZ_TX)" \
	    --seed $(FUZZ_SEED) --first $$(( $(FUZZ_COUNT) + 2 * $(FUZZ_COUNT_OTHER) + $(FUZZ_COUNT_TX) )) \
	    --count $(FUZZ_COUNT_TX_OTHER)

fuzz: $(BUILD)/cms-sim $(BUILD)/cms-sim-s4 $(BUILD)/cms-sim-mc $(BUILD)/ssem-ref $(MORPH_ELF) $(FW_ELF)
	$(FUZZ_RUN) --quiet --sim "$(BUILD)/cms-sim $(FUZZ_IN)" --sim "$(BUILD)/cms-sim-s4 $(FUZZ_IN)" --sim "$(BUILD)/cms-sim-mc $(FUZZ_IN)" \
	    --sim "$(BUILD)/cms-sim $(FUZZ_TX)" --sim "$(BUILD)/cms-sim-s4 $(FUZZ_TX)" --sim "$(BUILD)/cms-sim-mc $(FUZZ_TX)" \
	    --seed $(or $(SEED),$$(date +%s)) --count $(or $(COUNT),2000)
