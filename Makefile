# Top-level Makefile. Targets: all run test lint bench clean (see README.md).
# Give the user some easy overrides:
CROSS     ?= riscv64-unknown-elf-
VERILATOR ?= verilator
PYTHON    ?= python3
HOSTCC    ?= gcc
SLOTS     ?= 2
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
$(GEN_H) $(GEN_VH) &: spec/chip.tbl tools/gen_defs.py
	@mkdir -p $(GEN)
	$(PYTHON) tools/gen_defs.py spec/chip.tbl $(GEN_H) $(GEN_VH)

HOST_CFLAGS := -std=c11 -O2 -g -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -I$(GEN) -Isim -Ifirmware

include mk/*.mk
