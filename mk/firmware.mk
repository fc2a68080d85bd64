# mk/firmware.mk -- the SSEM firmware: $(FW_ELF) with its .map and .dis (objdump -d) next to it.
#
# Reusable by other RISC-V programs for this chip (tests/rtl/ has its own linker script and
# start-up, so that the mechanism tests depend on nothing in firmware/ but the headers):
#   FW_CC, FW_CFLAGS   compile C or .S (-I$(GEN) -Ifirmware included)
#   FW_LDFLAGS         link flags without the script; add -T $(FW_LDSCRIPT)
#   FW_LDSCRIPT        the preprocessed linker script (depends on $(GEN_H))
#   FW_START           start.S object: sp/gp, .bss, mtvec, call main, main's return -> MMIO_EXIT
FW_DIR      := $(BUILD)/fw
FW_ELF      := $(FW_DIR)/ssem.elf
# the translating firmware (mk/morph.mk)
MORPH_ELF   := $(FW_DIR)/ssem-tx.elf
# the JVM guest's firmware (mk/jvmfw.mk) and class library (mk/jvmlib.mk): the harness's defaults
JVM_FW_ELF  := $(FW_DIR)/jvm.elf
JVM_LIB_DIR := $(BUILD)/jvm/lib
FW_CC       := $(CROSS)gcc
FW_CPP      := $(CROSS)cpp
FW_OBJDUMP  := $(CROSS)objdump
FW_ARCH     := -march=rv32im_zicsr -mabi=ilp32
FW_WARNS    := -Wall -Wextra -Werror -Wshadow -Wundef -Wstrict-prototypes
FW_CFLAGS   := $(FW_ARCH) -O2 -g -ffreestanding -fno-tree-loop-distribute-patterns \
               -nostdlib $(FW_WARNS) -I$(GEN) -Ifirmware
FW_LDFLAGS  := $(FW_ARCH) -nostdlib -nostartfiles -static
FW_LDSCRIPT := $(FW_DIR)/link.ld
FW_START    := $(FW_DIR)/start.o
export FW_CFLAGS FW_LDFLAGS FW_LDSCRIPT FW_START

FW_SRCS     := firmware/main.c firmware/console.c firmware/trap.c
FW_OBJS     := $(FW_START) $(patsubst firmware/%.c,$(FW_DIR)/%.o,$(FW_SRCS))
FW_HDRS     := $(wildcard firmware/*.h) $(GEN_H)

$(FW_LDSCRIPT): firmware/link.ld firmware/hostif.h $(GEN_H)
	@mkdir -p $(@D)
	$(FW_CPP) -P -D__ASSEMBLER__ -I$(GEN) -Ifirmware $< -o $@

$(FW_DIR)/%.o: firmware/%.c $(FW_HDRS)
	@mkdir -p $(@D)
	$(FW_CC) $(FW_CFLAGS) -c $< -o $@

$(FW_DIR)/%.o: firmware/%.S $(FW_HDRS)
	@mkdir -p $(@D)
	$(FW_CC) $(FW_CFLAGS) -c $< -o $@

$(FW_ELF): $(FW_OBJS) $(FW_LDSCRIPT)
	$(FW_CC) $(FW_LDFLAGS) -T $(FW_LDSCRIPT) -Wl,-Map=$(FW_DIR)/ssem.map $(FW_OBJS) -o $@
	$(FW_OBJDUMP) -d $@ > $(FW_DIR)/ssem.dis

$(FW_DIR)/ssem.map $(FW_DIR)/ssem.dis: $(FW_ELF)

.PHONY: firmware
firmware: $(FW_ELF)
