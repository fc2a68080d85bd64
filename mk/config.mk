# mk/config.mk -- the chip configurations: the one description of "cms_chip built with core X",
# which every build of the chip uses (lint, the Verilator simulators cms-sim-s2/-s4/-mc and
# cms-sim-asan, post-synthesis simulation, board synthesis and lint-boards).
#
# A configuration is a name with these fields (each a variable CFG_<name>_<FIELD>):
#   CORE      pipe (cms_core, rtl/) or mc (cms_core_mc, rtl/mc/, docs/mc.md)
#   SLOTS     operations per bundle (cms_chip parameter SLOTS)
#   SB_DEPTH  store buffer entries (cms_chip parameter SB_DEPTH)
#   FAMILY    the FPGA family it is synthesized for (ice40, ecp5) or empty: the generic memories
#   FAMILY set (a board's chip): cms_chip boots from the SPI flash (FLASH_BOOT=1, rtl/cms_flash_boot.v);
#             without one (the simulators): FLASH_BOOT=0, the harness loads the memories
#   RTL       the directory holding the chip's sources, rtl unless given
#   DMEM      its DMEM size: the suffix of one of spec/chip.tbl's DMEM_BYTES_* (cms_chip parameter
#             DMEM_BYTES), SIM unless given (the boards' board.mk: BOARD_DMEM)
# The configurations:
#   (every one of them: DMEM SIM, 512 KiB; the boards' chips: their own)
#   s2, s4    cms_core with SLOTS=2 / 4, SB_DEPTH=$(SB_DEPTH): cms-sim-s2, cms-sim-s4 (any sN:
#             cms_core with SLOTS=N, the default one s$(SLOTS) being cms-sim and cms-sim-asan)
#   mc        cms_core_mc, SLOTS=2, SB_DEPTH=$(MC_SB_DEPTH): cms-sim-mc; the iCEBreaker's chip (with
#             its own DMEM, boards/icebreaker/board.mk)
#   board     the chip of boards/$(BOARD) (defined in boards/flow.mk from the configuration that
#             the board.mk names, BOARD_CHIP, with CORE=, SLOTS=, SB_DEPTH= applied)
# Everything else follows from the fields, through these functions of a configuration's name:
#   $(call CHIP_SRCS,cfg)      the Verilog sources: every $(RTL)/*.v, and $(RTL)/mc/*.v for mc (a
#                              new file there is part of the chip without any edit here)
#   $(call CHIP_DEPS,cfg)      what a build of it depends on (sources, headers)
#   $(call CHIP_VLT,cfg)       Verilator's lint waivers (rtl/lint.vlt)
#   $(call CHIP_INCS,cfg)      include directories;  $(call CHIP_DEFS,cfg)  its defines
#   $(call CHIP_VFLAGS,cfg)    Verilator, cms_chip as the top: includes, defines, -G parameters,
#                              the waivers file and the sources
#   $(call CHIP_IVFLAGS,cfg)   Icarus or Verilator under a test bench that sets the parameters
#                              (tests/postsynth/tb_chip.v): includes and defines (then the
#                              bench, then $(call CHIP_SRCS,cfg))
#   $(call CHIP_YOSYS_READ,cfg,files) and $(call CHIP_YOSYS_CHPARAM,cfg)
#                              Yosys: the read_verilog line (with the family's defines,
#                              CMS_ICE40: SPRAM, SB_MAC16) and the chparam line
# Verilator and Icarus have no models of the FPGA primitives: only the Yosys form uses FAMILY.

CHIP_CONFIGS := s2 s4 mc

CFG_s2_CORE     := pipe
CFG_s2_SLOTS    := 2
CFG_s2_SB_DEPTH  = $(SB_DEPTH)

CFG_s4_CORE     := pipe
CFG_s4_SLOTS    := 4
CFG_s4_SB_DEPTH  = $(SB_DEPTH)

# the UP5K's configuration: SLOTS=2 and a store buffer of 4 entries
MC_SB_DEPTH     ?= 4
CFG_mc_CORE     := mc
CFG_mc_SLOTS    := 2
CFG_mc_SB_DEPTH  = $(MC_SB_DEPTH)

# a core's store buffer depth when a configuration does not say (boards/flow.mk: CORE=)
CORE_SB_DEPTH_pipe = $(SB_DEPTH)
CORE_SB_DEPTH_mc   = $(MC_SB_DEPTH)

# the fields; a name sN not defined above is cms_core with SLOTS=N (cms-sim-s%)
CFG_CORE     = $(or $(CFG_$(1)_CORE),pipe)
CFG_SLOTS    = $(or $(CFG_$(1)_SLOTS),$(patsubst s%,%,$(1)))
CFG_SB_DEPTH = $(or $(CFG_$(1)_SB_DEPTH),$(CORE_SB_DEPTH_$(call CFG_CORE,$(1))))
CFG_FAMILY   = $(CFG_$(1)_FAMILY)
CFG_RTL      = $(or $(CFG_$(1)_RTL),rtl)
CFG_DMEM     = $(or $(CFG_$(1)_DMEM),SIM)
# the size in bytes, from spec/chip.tbl through the generated build/gen/cms_defs.mk (the Makefile)
CFG_DMEM_BYTES = $(CMS_DMEM_BYTES_$(call CFG_DMEM,$(1)))

# what a core adds to the chip (sources under $(RTL)/mc, include directory, define)
CORE_DIR_pipe  :=
CORE_DIR_mc    := mc
CORE_DEFS_pipe :=
CORE_DEFS_mc   := -DCMS_CORE_MC
# what a family adds (Yosys only)
FAMILY_DEFS_ice40 := -DCMS_ICE40
FAMILY_DEFS_ecp5  :=

CHIP_CORE_DIR = $(addprefix $(call CFG_RTL,$(1))/,$(CORE_DIR_$(call CFG_CORE,$(1))))
CHIP_BASE_SRCS = $(sort $(wildcard $(call CFG_RTL,$(1))/*.v))
CHIP_CORE_SRCS = $(if $(call CHIP_CORE_DIR,$(1)),$(sort $(wildcard $(call CHIP_CORE_DIR,$(1))/*.v)))
CHIP_SRCS     = $(call CHIP_BASE_SRCS,$(1)) $(call CHIP_CORE_SRCS,$(1))
CHIP_VLT      = $(call CFG_RTL,$(1))/lint.vlt
CHIP_DEPS     = $(call CHIP_SRCS,$(1)) $(GEN_VH) \
                $(wildcard $(call CFG_RTL,$(1))/*.vh $(addsuffix /*.vh,$(call CHIP_CORE_DIR,$(1))))
CHIP_INCS     = -I$(GEN) -I$(call CFG_RTL,$(1)) $(addprefix -I,$(call CHIP_CORE_DIR,$(1)))
CHIP_DEFS     = $(CORE_DEFS_$(call CFG_CORE,$(1)))
CHIP_PARAMS   = SLOTS=$(call CFG_SLOTS,$(1)) SB_DEPTH=$(call CFG_SB_DEPTH,$(1)) \
                DMEM_BYTES=$(call CFG_DMEM_BYTES,$(1)) FLASH_BOOT=$(if $(call CFG_FAMILY,$(1)),1,0)
# for messages: the core's module, and that with the parameters
CORE_NAME_pipe := cms_core
CORE_NAME_mc   := cms_core_mc
CHIP_CORE_NAME   = $(CORE_NAME_$(call CFG_CORE,$(1)))
CHIP_CFG_SUMMARY = $(call CHIP_CORE_NAME,$(1)) $(call CHIP_PARAMS,$(1))

CHIP_VFLAGS   = $(strip $(call CHIP_INCS,$(1)) $(call CHIP_DEFS,$(1)) --top-module cms_chip \
                $(addprefix -G,$(call CHIP_PARAMS,$(1))) $(call CHIP_VLT,$(1)) $(call CHIP_SRCS,$(1)))
CHIP_IVFLAGS  = $(strip $(call CHIP_INCS,$(1)) $(call CHIP_DEFS,$(1)))
# the Yosys script's two lines; $(2): the files of the top around the chip, read after the chip's
# common sources and before its core's (the order the flow has always read them in)
CHIP_YOSYS_READ    = $(strip read_verilog $(FAMILY_DEFS_$(call CFG_FAMILY,$(1))) $(call CHIP_DEFS,$(1)) \
                     $(call CHIP_INCS,$(1)) $(call CHIP_BASE_SRCS,$(1)) $(2) $(call CHIP_CORE_SRCS,$(1)))
CHIP_YOSYS_CHPARAM = $(strip chparam $(foreach p,$(call CHIP_PARAMS,$(1)),-set $(subst =, ,$(p))) cms_chip)
