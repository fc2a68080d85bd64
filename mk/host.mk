# mk/host.mk -- host-side SSEM tools: the loader, the reference interpreter (build/ssem-ref)
# and their tests. Included by the top Makefile (BUILD, GEN, GEN_H, HOST_CFLAGS, HOSTCC, PYTHON,
# CORPUS come from there).

# The harness links these too.
SSEM_HOST_SRCS := sim/ssem_load.c sim/ssem_ref.c sim/cms_opts.c sim/outfile.c
SSEM_HOST_HDRS := sim/ssem_load.h sim/ssem_ref.h sim/cms_opts.h sim/outfile.h firmware/hostif.h

$(BUILD)/ssem-ref: sim/ssem_ref_main.c $(SSEM_HOST_SRCS) $(SSEM_HOST_HDRS) mk/host.mk | $(GEN_H)
	@mkdir -p $(@D)
	$(HOSTCC) $(HOST_CFLAGS) $(SAN_FLAGS) -o $@ sim/ssem_ref_main.c $(SSEM_HOST_SRCS)

# Corpus files seed the fuzzer too, when the corpus is there.
SSEM_CORPUS_SEEDS = $(wildcard $(CORPUS)/files/*/*/*.* $(CORPUS)/files/*/*/*/*.*)

# Loader fuzzer: random and mutated inputs must load or fail cleanly, never crash.
$(BUILD)/ssem-load-fuzz: tests/loader/fuzz_loader.c sim/ssem_load.c sim/ssem_load.h mk/host.mk
	@mkdir -p $(@D)
	$(HOSTCC) $(HOST_CFLAGS) $(SAN_FLAGS) -o $@ tests/loader/fuzz_loader.c sim/ssem_load.c

.PHONY: test-loader test-ref
test-loader: $(BUILD)/ssem-ref $(BUILD)/ssem-load-fuzz
	$(PYTHON) tests/loader/run_loader_tests.py --cmd $(BUILD)/ssem-ref --corpus $(CORPUS)
	@echo "$(BUILD)/ssem-load-fuzz --seed 1 --iterations 20000 ... (seeds: tests/ssem, tests/loader, corpus)"
	@$(BUILD)/ssem-load-fuzz --seed 1 --iterations 20000 --tmp $(BUILD)/fuzz-input \
	    tests/ssem/*.ssem tests/loader/good/* tests/loader/bad/* $(SSEM_CORPUS_SEEDS)

test-ref: $(BUILD)/ssem-ref
	$(PYTHON) tests/run_ref_tests.py --cmd $(BUILD)/ssem-ref --corpus $(CORPUS)

