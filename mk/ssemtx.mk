# mk/ssemtx.mk -- the SSEM translator (translator/ssem_*.c, docs/translator.md): build/cms-tx
# and make test-ssemtx (the translator's host tests, with sanitizers).
STX_DIR  := $(BUILD)/translator
STX_SRCS := translator/ssem_tx.c translator/ssem_sched.c translator/ssem_print.c
STX_HDRS := translator/ssem_tx.h translator/ssem_txi.h translator/nm.h translator/nm_model.h
STX_CFLAGS := $(HOST_CFLAGS) -Itranslator

$(STX_DIR)/stx/%.o: translator/%.c $(STX_HDRS) $(GEN_H) mk/ssemtx.mk
	@mkdir -p $(@D)
	$(HOSTCC) $(STX_CFLAGS) $(SAN_FLAGS) -c $< -o $@
$(STX_DIR)/libstx-san.a: $(patsubst translator/%.c,$(STX_DIR)/stx/%.o,$(STX_SRCS))
	rm -f $@ && ar rcs $@ $^

$(BUILD)/cms-tx: tests/ssemtx/cms_tx.c $(STX_DIR)/libstx-san.a $(STX_DIR)/libnm-san.a $(SSEM_HOST_SRCS) $(SSEM_HOST_HDRS) $(STX_HDRS)
	$(HOSTCC) $(STX_CFLAGS) $(SAN_FLAGS) -o $@ tests/ssemtx/cms_tx.c $(SSEM_HOST_SRCS) $(STX_DIR)/libstx-san.a $(STX_DIR)/libnm-san.a

$(STX_DIR)/test_ssemtx: tests/ssemtx/test_ssemtx.c $(STX_DIR)/libstx-san.a $(STX_DIR)/libnm-san.a $(SSEM_HOST_SRCS) $(SSEM_HOST_HDRS) $(STX_HDRS)
	$(HOSTCC) $(STX_CFLAGS) $(SAN_FLAGS) -o $@ tests/ssemtx/test_ssemtx.c $(SSEM_HOST_SRCS) $(STX_DIR)/libstx-san.a $(STX_DIR)/libnm-san.a

.PHONY: test-ssemtx
test-ssemtx: $(STX_DIR)/test_ssemtx $(BUILD)/cms-tx $(STX_DIR)/fw/stx-link.elf
	$(STX_DIR)/test_ssemtx --corpus $(CORPUS)
	$(PYTHON) tests/ssemtx/test_cms_tx.py $(BUILD)/cms-tx
	@echo "firmware build of the SSEM translator: $(STX_DIR)/fw/stx-link.elf links with -nostdlib ($$($(CROSS)size $(STX_DIR)/fw/stx-link.elf | awk 'NR>1 {print $$1}') bytes of code)"

# the firmware's build: FW_CFLAGS, linked with -nostdlib and no libgcc with the library's
# freestanding part, so a libc or libgcc call (memset, memcpy, __divdi3, ...) fails the build
STX_FW_OBJS := $(patsubst translator/%.c,$(STX_DIR)/fw/%.o,$(STX_SRCS) translator/nm_encode.c translator/nm_decode.c translator/nm_dis.c)
$(STX_DIR)/fw/ssem_%.o: translator/ssem_%.c $(STX_HDRS) $(GEN_H) mk/ssemtx.mk
	@mkdir -p $(@D)
	$(FW_CC) $(FW_CFLAGS) -Itranslator -c $< -o $@
$(STX_DIR)/fw/stx-link.elf: tests/ssemtx/fw_link_stx.c $(STX_FW_OBJS) $(STX_HDRS)
	$(FW_CC) $(FW_CFLAGS) -Itranslator -nostartfiles -nostdlib -static -Wl,-e,stx_fw_entry -o $@ $< $(STX_FW_OBJS)
firmware: $(STX_DIR)/fw/stx-link.elf
