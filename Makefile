# Top-level Makefile. Targets: all run test lint bench synth clean ... (make help lists them; README.md).
# Give the user some easy overrides:
CROSS     ?= riscv64-unknown-elf-
VERILATOR ?= verilator
PYTHON    ?= python3
HOSTCC    ?= gcc
# a decimal value of spec/chip.tbl
CHIP_TBL   = $(shell sed -n 's/^$(1)  *\([0-9]*\) .*/\1/p' spec/chip.tbl)
# SLOTS and SB_DEPTH: spec/chip.tbl's SLOTS_DEFAULT and SB_DEPTH_DEFAULT unless given
ifeq ($(origin SLOTS),undefined)
SLOTS     := $(call CHIP_TBL,SLOTS_DEFAULT)
endif
ifeq ($(origin SB_DEPTH),undefined)
SB_DEPTH  := $(call CHIP_TBL,SB_DEPTH_DEFAULT)
endif
GUEST     ?= tests/ssem/kilburn.ssem
# --answer 27 (the line where Kilburn's program leaves its answer) only for Kilburn's program;
# a Java program (GUEST=X.java) gets --stats alone
ARGS      ?= $(if $(filter %.java,$(GUEST)),--stats,--crt --stats$(if $(filter $(abspath tests/ssem/kilburn.ssem),$(abspath $(GUEST))), --answer 27))

BUILD     := build
GEN       := $(BUILD)/gen
SHARED    ?= ../shared
CORPUS    ?= $(SHARED)/ssem-corpus

# generated headers: the one source of truth is spec/chip.tbl
GEN_H     := $(GEN)/cms_defs.h
GEN_VH    := $(GEN)/cms_defs.vh
GEN_PY    := $(GEN)/cms_defs.py
GEN_MK    := $(GEN)/cms_defs.mk
$(GEN_H) $(GEN_VH) $(GEN_PY) $(GEN_MK) &: spec/chip.tbl tools/gen_defs.py
	@mkdir -p $(GEN)
	$(PYTHON) tools/gen_defs.py spec/chip.tbl $(GEN_H) $(GEN_VH) $(GEN_PY) $(GEN_MK)
# make's copy (CMS_<NAME> := value): mk/config.mk's chip parameters (DMEM_BYTES); made, and make
# restarted, before anything else when it is missing or older than the table
-include $(GEN_MK)

HOST_CFLAGS := -std=c11 -O2 -g -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -I$(GEN) -Isim -Ifirmware
# every sanitizer build adds these (cms-sim-asan's harness, ssem-ref, ssem-load-fuzz, txgen)
SAN_FLAGS   := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

# fragments: the ones that define source lists and the chip configurations (mk/config.mk) first,
# then the ones that use them
MK_FIRST  := mk/host.mk mk/firmware.mk mk/jvmlink.mk mk/sim.mk mk/config.mk mk/translator.mk \
             mk/ssemtx.mk
include $(wildcard $(MK_FIRST))
include $(filter-out $(MK_FIRST),$(wildcard mk/*.mk))
# the FPGA boards' flow (make synth, prog; docs/fpga.md) uses what mk/*.mk defines
include boards/flow.mk

# ---------------------------------------------------------------- user targets
.DEFAULT_GOAL := all
.PHONY: all setup run test clean

# setup runs first for every user target: it installs missing tools (tools/setup.sh)
setup:
	@bash tools/setup.sh

all: setup
	@$(MAKE) --no-print-directory $(BUILD)/cms-sim $(BUILD)/ssem-ref $(MORPH_ELF) $(BUILD)/cms-tx \
	    $(JVM_FW_ELF) jvm-lib

# make run GUEST=path/to/program ARGS="--stop-after 100 --state-json -"
run: all
	@bash tools/run_demo.sh $(BUILD)/cms-sim $(GUEST) $(ARGS)

# every suite; a summary line at the end; non-zero exit if any suite failed
TEST_SUITES ?= lint test-defs test-translator test-ssemtx test-loader test-ref test-harness test-rtl-s2 test-rtl-s4 test-txfuzz test-programs test-stop test-ssemfuzz test-morph test-jvm-lib test-jvmlink \
               test-jvm test-jvm-corpus test-jvm-interp \
               test-mc lint-boards test-uart test-postsynth test-postsynth-tx test-postsynth-pipe test-synth-icebreaker \
               test-synth-ulx3s
# TEST_BESIDE: suites of TEST_SUITES that run beside the others, in the background: the ULX3S
# flow keeps one core busy for 15 to 25 minutes (Yosys, nextpnr) and shares no file with the other
# suites once test-beside-prep has made what they both need (generated headers, the firmware,
# cms-bootimg, the FPGA tools). Its output is printed when it ends (log in build/test-beside/).
# TEST_BESIDE= runs every suite in turn.
TEST_BESIDE ?= test-synth-ulx3s
TEST_BG     := $(filter $(TEST_BESIDE),$(TEST_SUITES))
test: setup
	@pass=0; fail=0; failed=""; \
	if [ -n "$(TEST_BG)" ]; then \
	    $(MAKE) --no-print-directory test-beside-prep || exit 1; \
	    mkdir -p $(BUILD)/test-beside; \
	    for t in $(TEST_BG); do \
	        ( $(MAKE) --no-print-directory $$t > $(BUILD)/test-beside/$$t.log 2>&1; \
	          echo $$? > $(BUILD)/test-beside/$$t.rc ) & \
	    done; \
	    echo "=== beside the others: $(TEST_BG) (logs in $(BUILD)/test-beside/)"; \
	fi; \
	for t in $(filter-out $(TEST_BG),$(TEST_SUITES)); do \
	    echo "=== $$t"; \
	    if $(MAKE) --no-print-directory $$t; then pass=$$((pass+1)); \
	    else fail=$$((fail+1)); failed="$$failed $$t"; fi; \
	done; \
	wait; \
	for t in $(TEST_BG); do \
	    echo "=== $$t (ran beside the others)"; cat $(BUILD)/test-beside/$$t.log; \
	    if [ "$$(cat $(BUILD)/test-beside/$$t.rc 2>/dev/null)" = 0 ]; then pass=$$((pass+1)); \
	    else fail=$$((fail+1)); failed="$$failed $$t"; fi; \
	done; \
	echo "=== make test: $$pass suites passed, $$fail failed$${failed:+ (}$${failed# }$${failed:+)}"; \
	[ $$fail -eq 0 ]

.PHONY: test-beside-prep
test-beside-prep: $(GEN_H) $(GEN_VH) $(GEN_PY) $(FW_ELF) $(MORPH_ELF) $(BUILD)/cms-bootimg $(FPGA_STAMP)

# tools/gen_defs.py: the real table, and malformed ones rejected with file, line and reason
.PHONY: test-defs
test-defs:
	@mkdir -p $(BUILD)
	$(PYTHON) tests/test_gen_defs.py $(BUILD)

test-rtl-s%:
	@$(MAKE) --no-print-directory test-rtl SLOTS=$*

clean:
	rm -rf $(BUILD)

# ---------------------------------------------------------------- make help
# One line per user-facing target. A suite of TEST_SUITES missing here is still listed, at the end.
define HELP_TEXT
Usage: make [TARGET] [VARIABLE=value ...]    (README.md; the suites: docs/testing.md)

Build and run
  all                    build the simulator build/cms-sim (SLOTS=$(SLOTS)), the reference build/ssem-ref,
                         the translating firmware build/fw/ssem-tx.elf and build/cms-tx
  run                    run GUEST (Kilburn's program) on the simulated chip with ARGS (--crt --stats,
                         and --answer 27 when GUEST is Kilburn's program), translating, then the
                         cycles of the same run --interpret-only beside them
  firmware               the interpret-only firmware $(FW_ELF) and the translating one,
                         $(MORPH_ELF) (the default of cms-sim, cms-bootimg and the boards)
  setup                  install missing tools (every user target runs it first)
  build/cms-dis          print translation-mode bundles from hex words or a TC dump (docs/translator.md)
  build/cms-tx           the SSEM translator on a program: regions, IR, bundles (docs/translator.md)
  build/cms-bootimg      write a board's boot image (its SPI flash's bytes) for a firmware and a program (docs/sim.md)
  jvm-lib                the JVM guest's class library (jvm/lib) compiled into build/jvm/lib (docs/jvm.md)
  build/cms-jvmlink      link a Java program into a JVM guest image; --dump prints it (docs/jvm.md, The linker)
  help                   this list
  clean                  remove build/

Tests: make test runs every suite of TEST_SUITES in turn, then one summary line
  test                   every suite below (TEST_SUITES="a b": a subset)
  lint                   verilator -Wall on every chip configuration of mk/config.mk (s2, s4, mc)
  test-defs              tools/gen_defs.py on spec/chip.tbl and on malformed tables
  test-translator        the native-machine library (translator/): encode, decode, disassembly, cms-dis
  test-ssemtx            the SSEM translator: IR, schedules, translations on the C model vs the reference
  test-loader            the SSEM loaders and ssem-ref's command line, then the loader fuzzer
  test-ref               the reference interpreter build/ssem-ref against EXPECT lines and the corpus
  test-harness           cms-sim's own input handling, on build/cms-sim-asan (ASan, UBSan)
  test-rtl-s2            the RTL mechanism tests (tests/rtl) on cms-sim-s2
  test-rtl-s4            the same on cms-sim-s4
  test-txfuzz            random translations vs the C model, SLOTS=2 and 4 (TXFUZZ_SEED, TXFUZZ_CASES)
  test-programs          SSEM programs and corpus records on the chip (build/cms-sim, interpret-only)
  test-stop              chip vs reference after exactly N guest instructions, many N
  test-ssemfuzz          seeded random SSEM programs: reference vs cms-sim, -s4, -mc, with interrupt storms
  test-jvm-lib           the class library: its checks (natives, no float/double), then tests/jvm/lib's programs
                         on java and on the VM (JVM_LIB_VM=, default build/cms-sim once it takes Java)
  test-jvm               our Java programs (tests/jvm) on the chip vs java, javac 17 and --release 8
  test-jvm-corpus        the short programs of the JVM corpus (../shared/jvm-corpus) on the chip
  test-jvm-interp        the interpreter's and collector's own programs (tests/jvm/interp) on build/jvm-host-asan vs java
  test-jvmlink           the JVM linker on its ASan build: malformed class files and jars, refusals, quick
                         bytecode, GC maps against hand-derived expectations, a seeded class-file fuzz
  test-mc                the multi-cycle core: unit benches, then the RTL, fuzz and program tests on cms-sim-mc
  lint-boards            verilator -Wall on each board's top with its chip (lint-board BOARD=...: one)
  test-uart              the boards' UART transmitter (Icarus)
  test-postsynth         the iCEBreaker's netlist vs its RTL vs cms-sim-mc, booting from an SPI flash
                         model: the translating firmware on a short program (bundles > 0)
  test-postsynth-tx      the same with RTL tests of translation mode as the firmware
  test-postsynth-pipe    the same with CORE=pipe (the pipelined core's netlist), interpreting firmware
  test-synth-icebreaker  make synth BOARD=icebreaker: must fit and meet 12 MHz
  test-synth-ulx3s       make synth BOARD=ulx3s: must fit and meet 20 MHz

Other tests (not in make test)
  test-rtl               the RTL tests for SLOTS=$(SLOTS) (RTL_TEST=name: one test)
  test-rtl-build         assemble the RTL tests only
  test-txfuzz-sN         test-txfuzz for one SLOTS value N
  test-txfuzz-long       random translations with a time-based seed, TXFUZZ_LONG_CASES cases
  fuzz                   test-ssemfuzz bigger: SEED (default: the time), COUNT programs (default 2,000)
  test-diff-long         chip vs reference with a time-based seed, more points, a bigger cap
  test-jvm-long          the JVM corpus's long programs on the chip
  test-jvm-host          our Java programs on the host runner build/jvm-host (JVM_TEST=names: some)
  test-mc-rfb            cms_rfb against its model (RFB_SEED, RFB_CYCLES)
  test-mc-div            cms_div_mc against cms_div (DIV_SEED, DIV_COUNT)

Speed figures (docs/bench.md; never fail on speed)
  bench                  interpretation vs translation per program and core (tools/bench_ssem.py), then
                         bench-jvm, then simulation speed on cms-sim-s2, -s4, -mc, then bench-postsynth
  bench-table            the interpretation vs translation table alone, as Markdown (docs/bench.md)
  bench-jvm              the JVM guest: cycles per bytecode of the corpus's short programs and Hello on
                         cms-sim-s2, -s4, -mc (tools/bench_jvm.py; BENCH_JVM_ARGS=--long: all of them)
  bench-ir               host instructions per simulated cycle (callgrind)
  bench-postsynth        Kilburn's program in the iCEBreaker's netlist (PS_BENCH_STEPS= : all of it)

FPGA boards (BOARD=$(BOARD); boards: $(BOARDS); docs/fpga.md)
  synth                  the bitstream and boot image, build/boards/BOARD/ (CORE=pipe|mc, SLOTS=, SB_DEPTH=, BOARD_CLK_MHZ=)
  prog                   the boot image into the board's SPI flash at FLASH_BOOT_ADDR, then the
                         bitstream (BOARD_FW= the firmware; PROG_DRY=1: print the commands only)
  area                   cell counts per module (synthesis with -noflatten)

Variables: GUEST ARGS ARGS_BOARD BOARD_FW SLOTS SB_DEPTH CORE BOARD CORPUS CROSS VERILATOR PYTHON HOSTCC
endef

.PHONY: help
help:
	@:$(info $(HELP_TEXT))$(foreach t,$(filter-out $(HELP_TEXT),$(TEST_SUITES)),$(info $(t): a suite of make test (not described here)))
