# mk/programs.mk -- whole-program tests of the chip (SSEM guest through the firmware).
#   test-programs  on the chip: our programs' EXPECT lines, and every corpus record that halts
#                  within PROG_MAX_STEPS steps (tests/run_ref_tests.py); the corpus runs that
#                  are longer (non-halting: 100M steps) are compared with the reference by
#                  test-stop at DIFF_CAP steps, and run in full on the reference by test-ref
#   test-stop      chip vs reference after exactly N steps, many N; long and non-halting
#                  corpus runs compared after DIFF_CAP steps; seeded random programs
#   test-diff-long the same with a different seed, more points and a bigger cap (not in CI)
PROG_MAX_STEPS ?= 3000000
DIFF_CAP       ?= 200000
DIFF_SEED      ?= 1948

.PHONY: test-programs test-stop test-diff-long
test-programs: $(BUILD)/cms-sim $(FW_ELF)
	$(PYTHON) tests/run_ref_tests.py --cmd "$(BUILD)/cms-sim --quiet --firmware $(FW_ELF)" \
	    --corpus $(CORPUS) --max-corpus-steps $(PROG_MAX_STEPS)

test-stop: $(BUILD)/cms-sim $(BUILD)/ssem-ref $(FW_ELF)
	$(PYTHON) tests/run_diff.py --sim "$(BUILD)/cms-sim --firmware $(FW_ELF)" --ref $(BUILD)/ssem-ref \
	    --seed $(DIFF_SEED) --cap $(DIFF_CAP) --corpus $(CORPUS)

test-diff-long: $(BUILD)/cms-sim $(BUILD)/ssem-ref $(FW_ELF) $(MORPH_ELF)
	for fw in $(FW_ELF) $(MORPH_ELF); do \
	    $(PYTHON) tests/run_diff.py --sim "$(BUILD)/cms-sim --firmware $$fw" --ref $(BUILD)/ssem-ref \
	        --seed $$(date +%s) --random 400 --points 30 --cap 5000000 --corpus $(CORPUS) || exit 1; \
	done

# make bench: speed figures (docs/bench.md records them). Not a test.
#   first tools/bench_ssem.py: Kilburn's program and six corpus programs on cms-sim-s2, -s4 and
#   -mc, each interpreted (FW_ELF) and translated (MORPH_ELF), one row per program and core
#   (BENCH_JOBS runs in parallel; about a minute on 2 cores); then bench-jvm (below); then
#   tools/bench.py: simulation speed, Kilburn's program; then bench-postsynth
#   make bench-table   the first table alone, as Markdown: what docs/bench.md holds
BENCH_PROGRAMS ?= tests/ssem/kilburn.ssem
BENCH_JOBS     ?= 1
BENCH_SSEM     := $(PYTHON) tools/bench_ssem.py -j $(BENCH_JOBS) --corpus $(CORPUS)
BENCH_BUILDS   := $(BUILD)/cms-sim-s2 $(BUILD)/cms-sim-s4 $(BUILD)/cms-sim-mc $(FW_ELF) $(MORPH_ELF)
.PHONY: bench bench-table
bench: setup
	@$(MAKE) --no-print-directory $(BENCH_BUILDS)
	@echo "== interpreting vs translating (tools/bench_ssem.py)"; $(BENCH_SSEM)
	@echo "== the JVM guest (tools/bench_jvm.py)"; $(MAKE) --no-print-directory bench-jvm
	@echo "== SLOTS=2"; $(PYTHON) tools/bench.py --sim $(BUILD)/cms-sim-s2 $(BENCH_PROGRAMS)
	@echo "== SLOTS=4"; $(PYTHON) tools/bench.py --sim $(BUILD)/cms-sim-s4 --runs 1 $(BENCH_PROGRAMS)
	@echo "== cms_core_mc, the iCEBreaker's core (docs/mc.md)"; \
	    $(PYTHON) tools/bench.py --sim $(BUILD)/cms-sim-mc --runs 1 $(BENCH_PROGRAMS)
	@echo "== post-synthesis (mk/postsynth.mk)"; $(MAKE) --no-print-directory bench-postsynth

bench-table: setup
	@$(MAKE) --no-print-directory $(BENCH_BUILDS)
	@$(BENCH_SSEM) --markdown

# make bench-ir: host instructions per simulated cycle (callgrind; deterministic)
.PHONY: bench-ir
bench-ir: $(BUILD)/cms-sim-s2 $(BUILD)/cms-sim-s4
	@bash tools/simcost.sh $(BUILD)/cms-sim-s2 tests/ssem/kilburn.ssem
	@bash tools/simcost.sh $(BUILD)/cms-sim-s4 tests/ssem/kilburn.ssem

# make bench-jvm: the JVM guest's cycles per bytecode (tools/bench_jvm.py; docs/bench.md, "The JVM
# guest"): tests/jvm/Hello.java and the JVM corpus's short programs (javac 17 flavour,
# build/jvm-corpus/17, as tests/jvm/run_jvm.py compiles them) on cms-sim-s2, -s4 and -mc, stdout
# and exit status checked against the corpus's expected.json (Hello: against java); a table per
# core, the geometric mean against issue 14's target (<= 15 on the pipelined core), each
# program's time on the boards: 24 runs, about 12 minutes with BENCH_JOBS=2 (docs/bench.md).
# BENCH_JVM_ARGS=--long adds the long programs (hours of simulation); --markdown for
# docs/bench.md. Not a test: it never fails on speed.
BENCH_JVM_ARGS ?=
BENCH_JVM      := $(PYTHON) tools/bench_jvm.py -j $(BENCH_JOBS) --corpus $(JVM_CORPUS) \
                  --javac $(JAVAC) --java $(JAVA) $(BENCH_JVM_ARGS)
.PHONY: bench-jvm
bench-jvm: setup
	@$(MAKE) --no-print-directory $(BUILD)/cms-sim-s2 $(BUILD)/cms-sim-s4 $(BUILD)/cms-sim-mc \
	    $(JVM_FW_ELF) jvm-lib
	@$(BENCH_JVM)
