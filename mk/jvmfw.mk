# mk/jvmfw.mk -- the JVM guest's interpreter and collector (jvm/interp.c, gc.c, natives.c):
# built into the firmware $(JVM_FW_ELF) (firmware/jvm_main.c, with start.S, console.c, trap.c
# and link.ld checked by firmware/jvm.ld) and into the host runner build/jvm-host (jvm/host_main.c,
# with the host linker jvm/link*.c), plain and under sanitizers; make test-jvm-interp.
# (mk/firmware.mk may define JVM_FW_ELF first, for the harness)
JVM_FW_ELF   ?= $(FW_DIR)/jvm.elf
JVM_VM_SRCS  := jvm/interp.c jvm/gc.c jvm/natives.c
JVM_VM_HDRS  := jvm/interp.h jvm/image.h jvm/natives.def
JVM_FW_OBJS  := $(FW_START) $(FW_DIR)/jvm_main.o $(FW_DIR)/console.o $(FW_DIR)/trap.o \
                $(patsubst jvm/%.c,$(FW_DIR)/jvm/%.o,$(JVM_VM_SRCS))
JVM_FW_LD    := $(FW_DIR)/jvm.ld

$(FW_DIR)/jvm/%.o: jvm/%.c $(JVM_VM_HDRS) $(GEN_H)
	@mkdir -p $(@D)
	$(FW_CC) $(FW_CFLAGS) -Ijvm -c $< -o $@

$(FW_DIR)/jvm_main.o: firmware/jvm_main.c $(FW_HDRS) $(JVM_VM_HDRS)
	@mkdir -p $(@D)
	$(FW_CC) $(FW_CFLAGS) -Ijvm -c $< -o $@

$(JVM_FW_LD): firmware/jvm.ld $(GEN_H)
	@mkdir -p $(@D)
	$(FW_CPP) -P -D__ASSEMBLER__ -I$(GEN) -Ifirmware $< -o $@

$(JVM_FW_ELF): $(JVM_FW_OBJS) $(JVM_FW_LD) $(FW_LDSCRIPT)
	$(FW_CC) $(FW_LDFLAGS) -L$(FW_DIR) -T $(JVM_FW_LD) -Wl,-Map=$(FW_DIR)/jvm.map $(JVM_FW_OBJS) -o $@
	$(FW_OBJDUMP) -d $@ > $(FW_DIR)/jvm.dis

.PHONY: jvm-firmware
jvm-firmware: $(JVM_FW_ELF)

