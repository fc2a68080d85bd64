# mk/fuzz.mk -- seeded random SSEM programs on the reference and on the chip (tests/ssemgen.py
# generates them, tests/run_fuzz.py compares ssem-ref with cms-sim word for word: to the end,
# at --stop-after points, under --irq-every and --irq-random interrupt storms; docs/testing.md).
#   make test-ssemfuzz   (in make test) first the runner's self-test (a wrapper that corrupts one
#                        bit of the chip's state must be caught: tests/fuzz_mutant.py), then
#                        FUZZ_COUNT programs of seed FUZZ_SEED on build/cms-sim
#                        (SLOTS=2), then FUZZ_COUNT_OTHER more each on build/cms-sim-s4 and
#                        build/cms-sim-mc (the multi-cycle core)
#   make fuzz            a bigger run: COUNT programs (default 2000) of seed SEED (default: the
#                        time) on all three; a failing program is kept in build/fuzz-fail/
#   make fuzz SEED=7 COUNT=5000
FUZZ_SEED        ?= 1948
FUZZ_COUNT       ?= 200
FUZZ_COUNT_OTHER ?= 40
FUZZ_RUN         := $(PYTHON) tests/run_fuzz.py --ref $(BUILD)/ssem-ref

.PHONY: test-ssemfuzz fuzz
test-ssemfuzz: $(BUILD)/cms-sim $(BUILD)/cms-sim-s4 $(BUILD)/cms-sim-mc $(BUILD)/ssem-ref
	$(FUZZ_RUN) --selftest --sim $(BUILD)/cms-sim --seed $(FUZZ_SEED)
	$(FUZZ_RUN) --quiet --sim $(BUILD)/cms-sim --seed $(FUZZ_SEED) --count $(FUZZ_COUNT)
	$(FUZZ_RUN) --quiet --sim $(BUILD)/cms-sim-s4 --seed $(FUZZ_SEED) --first $(FUZZ_COUNT) \
	    --count $(FUZZ_COUNT_OTHER)
	$(FUZZ_RUN) --quiet --sim $(BUILD)/cms-sim-mc --seed $(FUZZ_SEED) \
	    --first $$(( $(FUZZ_COUNT) + $(FUZZ_COUNT_OTHER) )) --count $(FUZZ_COUNT_OTHER)

fuzz: $(BUILD)/cms-sim $(BUILD)/cms-sim-s4 $(BUILD)/cms-sim-mc $(BUILD)/ssem-ref
	$(FUZZ_RUN) --quiet --sim $(BUILD)/cms-sim --sim $(BUILD)/cms-sim-s4 --sim $(BUILD)/cms-sim-mc \
	    --seed $(or $(SEED),$$(date +%s)) --count $(or $(COUNT),2000)
