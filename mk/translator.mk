# mk/translator.mk -- translator/, the C library of the native machine (docs/translator.md):
# encoder, decoder and disassembler (freestanding) and the executable model of translation mode
# (host), for the host, with sanitizers, and for the firmware; build/cms-dis; the unit tests.
#   make build/cms-dis         the disassembler (docs/translator.md)
#   make test-translator       unit tests (sanitizers), cms-dis's command line, the firmware build
# tests/txfuzz (mk/txfuzz.mk) compiles the library and the model into txgen itself.
NM_SRCS       := translator/nm_encode.c translator/nm_decode.c translator/nm_dis.c
NM_MODEL_SRCS := translator/nm_model.c
NM_HDRS       := translator/nm.h translator/nm_model.h
NM_DIR        := $(BUILD)/translator
NM_CFLAGS     := $(HOST_CFLAGS) -Itranslator

# host objects, and the same with sanitizers (SAN_FLAGS, the top Makefile)
$(NM_DIR)/host/%.o: translator/%.c $(NM_HDRS) $(GEN_H) mk/translator.mk
	@mkdir -p $(@D)
	$(HOSTCC) $(NM_CFLAGS) -c $< -o $@
$(NM_DIR)/san/%.o: translator/%.c $(NM_HDRS) $(GEN_H) mk/translator.mk
	@mkdir -p $(@D)
	$(HOSTCC) $(NM_CFLAGS) $(SAN_FLAGS) -c $< -o $@
$(NM_DIR)/libnm.a: $(patsubst translator/%.c,$(NM_DIR)/host/%.o,$(NM_SRCS) $(NM_MODEL_SRCS))
	rm -f $@ && ar rcs $@ $^
$(NM_DIR)/libnm-san.a: $(patsubst translator/%.c,$(NM_DIR)/san/%.o,$(NM_SRCS) $(NM_MODEL_SRCS))
	rm -f $@ && ar rcs $@ $^

# build/cms-dis, with sanitizers like the other host tools
$(BUILD)/cms-dis: $(NM_DIR)/san/cms_dis.o $(NM_DIR)/libnm-san.a
	$(HOSTCC) $(SAN_FLAGS) -o $@ $^

$(NM_DIR)/test_nm: tests/translator/test_nm.c tests/rtl/enc.h $(NM_DIR)/libnm-san.a $(NM_HDRS) $(GEN_H)
	$(HOSTCC) $(NM_CFLAGS) $(SAN_FLAGS) -Itests/rtl -o $@ $< $(NM_DIR)/libnm-san.a

# the firmware's build of the freestanding part: FW_CFLAGS (-ffreestanding), then a link with
# -nostdlib and no libgcc of a program calling every function, so that a libc or libgcc call
# (memset, strlen, __divdi3, ...) anywhere in it fails the build
NM_FW_OBJS := $(patsubst translator/%.c,$(NM_DIR)/fw/%.o,$(NM_SRCS))
$(NM_DIR)/fw/%.o: translator/%.c $(NM_HDRS) $(GEN_H) mk/translator.mk
	@mkdir -p $(@D)
	$(FW_CC) $(FW_CFLAGS) -Itranslator -c $< -o $@
$(NM_DIR)/fw/libnm.a: $(NM_FW_OBJS)
	rm -f $@ && $(CROSS)ar rcs $@ $^
$(NM_DIR)/fw/nm-link.elf: tests/translator/fw_link.c $(NM_DIR)/fw/libnm.a $(NM_HDRS)
	$(FW_CC) $(FW_CFLAGS) -Itranslator -nostartfiles -static -Wl,-e,nm_fw_entry -o $@ $< $(NM_DIR)/fw/libnm.a
firmware: $(NM_DIR)/fw/nm-link.elf

.PHONY: test-translator
test-translator: $(NM_DIR)/test_nm $(BUILD)/cms-dis $(NM_DIR)/fw/nm-link.elf
	$(NM_DIR)/test_nm
	$(PYTHON) tests/translator/test_cms_dis.py $(BUILD)/cms-dis $(NM_DIR)
	@echo "firmware build of the library: $(NM_DIR)/fw/nm-link.elf links with -nostdlib ($$($(CROSS)size $(NM_DIR)/fw/libnm.a | awk 'NR>1 {t+=$$1} END {print t}') bytes of code)"
