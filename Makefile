# Top-level Makefile. Targets: all run test lint bench clean (see README.md).
# Give the user some easy overrides:
CROSS     ?= riscv64-unknown-elf-
VERILATOR ?= verilator
PYTHON    ?= python3
HOSTCC    ?= gcc
# SLOTS: spec/chip.tbl's SLOTS_DEFAULT unless given
ifeq ($(origin SLOTS),undefined)
SLOTS     := $(shell sed -n 's/^SLOTS_DEFAULT  *\([0-9]*\) .*/\1/p' spec/chip.tbl)
endif
SB_DEPTH  ?= 8
GUEST     ?= tests/ssem/kilburn.ssem
ARGS      ?= --crt --stats --answer 27

BUILD     := build
GEN       := $(BUILD)/gen
SHARED    ?= ../shared
CORPUS    ?= $(SHARED)/ssem-corpus

# generated headers: the one source of truth is spec/chip.tbl
GEN_H     := $(GEN)/cms_defs.h
GEN_VH    := $(GEN)/cms_defs.vh
GEN_PY    := $(GEN)/cms_defs.py
$(GEN_H) $(GEN_VH) $(GEN_PY) &: spec/chip.tbl tools/gen_defs.py
	@mkdir -p $(GEN)
	$(PYTHON) tools/gen_defs.py spec/chip.tbl $(GEN_H) $(GEN_VH) $(GEN_PY)

HOST_CFLAGS := -std=c11 -O2 -g -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -I$(GEN) -Isim -Ifirmware

# fragments: the ones that define source lists first, then the ones that use them
MK_FIRST  := mk/host.mk mk/firmware.mk mk/sim.mk
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
	@$(MAKE) --no-print-directory $(BUILD)/cms-sim $(BUILD)/ssem-ref

# make run GUEST=path/to/program ARGS="--stop-after 100 --state-json -"
run: all
	$(BUILD)/cms-sim $(ARGS) $(GUEST)

# every suite; a summary line at the end; non-zero exit if any suite failed
TEST_SUITES ?= lint test-defs test-translator test-loader test-ref test-harness test-rtl-s2 test-rtl-s4 test-txfuzz test-programs test-stop test-ssemfuzz \
               test-mc lint-boards test-uart test-postsynth test-postsynth-tx test-postsynth-pipe test-synth-icebreaker \
               test-synth-ulx3s
test: setup
	@pass=0; fail=0; failed=""; \
	for t in $(TEST_SUITES); do \
	    echo "=== $$t"; \
	    if $(MAKE) --no-print-directory $$t; then pass=$$((pass+1)); \
	    else fail=$$((fail+1)); failed="$$failed $$t"; fi; \
	done; \
	echo "=== make test: $$pass suites passed, $$fail failed$${failed:+ (}$${failed# }$${failed:+)}"; \
	[ $$fail -eq 0 ]

# tools/gen_defs.py: the real table, and malformed ones rejected with file, line and reason
.PHONY: test-defs
test-defs:
	@mkdir -p $(BUILD)
	$(PYTHON) tests/test_gen_defs.py $(BUILD)

test-rtl-s%:
	@$(MAKE) --no-print-directory test-rtl SLOTS=$*

clean:
	rm -rf $(BUILD)
