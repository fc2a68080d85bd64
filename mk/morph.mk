# mk/morph.mk -- the translating firmware (code morphing, docs/firmware.md "Code morphing"):
# build/fw/ssem-tx.elf, built from the same firmware sources with -DCMS_MORPH plus firmware/morph.c
# and the SSEM translator (translator/ssem_*.c, nm_*.c) compiled freestanding with smaller work
# sizes so that its work area fits DMEM. build/fw/ssem.elf (interpret-only) stays the default and
# the boards' firmware. Select it with: build/cms-sim --firmware build/fw/ssem-tx.elf
#   make test-morph   exactness of the translating firmware (docs/testing.md)
MORPH_DIR    := $(FW_DIR)/tx
MORPH_ELF    := $(FW_DIR)/ssem-tx.elf
# the translator's sizes in the firmware (translator/ssem_tx.h; the host keeps its defaults)
MORPH_STX    := -DSTX_MAX_BLOCKS=64 -DSTX_MAX_NAIVE=256 -DSTX_MAX_OPS=512 -DSTX_MAX_BUNDLES=256 \
                -DSTX_MAX_EXITS=24
MORPH_CFLAGS := $(FW_CFLAGS) -DCMS_MORPH -Itranslator $(MORPH_STX)
MORPH_SRCS   := $(FW_SRCS) firmware/morph.c
MORPH_TX_SRCS := translator/ssem_tx.c translator/ssem_sched.c translator/nm_encode.c \
                 translator/nm_decode.c
MORPH_OBJS   := $(FW_START) $(patsubst firmware/%.c,$(MORPH_DIR)/%.o,$(MORPH_SRCS)) \
                $(patsubst translator/%.c,$(MORPH_DIR)/tx_%.o,$(MORPH_TX_SRCS))

$(MORPH_DIR)/%.o: firmware/%.c $(FW_HDRS) translator/ssem_tx.h translator/nm.h mk/morph.mk
	@mkdir -p $(@D)
	$(FW_CC) $(MORPH_CFLAGS) -c $< -o $@
$(MORPH_DIR)/tx_%.o: translator/%.c $(STX_HDRS) $(NM_HDRS) $(GEN_H) mk/morph.mk
	@mkdir -p $(@D)
	$(FW_CC) $(MORPH_CFLAGS) -c $< -o $@

# -nostdlib, no libgcc: a libc or libgcc call anywhere fails the link
$(MORPH_ELF): $(MORPH_OBJS) $(FW_LDSCRIPT)
	$(FW_CC) $(FW_LDFLAGS) -T $(FW_LDSCRIPT) -Wl,-Map=$(FW_DIR)/ssem-tx.map $(MORPH_OBJS) -o $@
	$(FW_OBJDUMP) -d $@ > $(FW_DIR)/ssem-tx.dis
firmware: $(MORPH_ELF)
