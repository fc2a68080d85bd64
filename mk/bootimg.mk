# mk/bootimg.mk -- build/cms-bootimg: the boards' boot image without the Verilator simulator
# (sim/bootimg_main.c; the images and host block are sim/hostblk.c's, the code cms-sim runs).
# boards/flow.mk's boot-image rule calls it. Built with the strict host flags; the default
# firmware path is compiled in as cms-sim's is (mk/sim.mk).
BOOTIMG_SRCS  = sim/bootimg_main.c sim/hostblk.c sim/ssem_load.c sim/cms_opts.c sim/outfile.c \
                sim/jvm_guest.c $(JVM_LINK_SRCS)
BOOTIMG_HDRS  = sim/hostblk.h sim/ssem_load.h sim/cms_opts.h sim/outfile.h firmware/hostif.h \
                sim/jvm_guest.h $(wildcard jvm/*.h jvm/*.def)
BOOTIMG_FLAGS = -Ijvm $(JVM_LINK_CFLAGS) '-DCMS_DEFAULT_FIRMWARE="$(abspath $(MORPH_ELF))"' \
                '-DCMS_DEFAULT_JVM_FIRMWARE="$(abspath $(JVM_FW_ELF))"' \
                -DCMS_DEFAULT_JVM_LIB_PATH=$(abspath $(JVM_LIB_DIR))

$(BUILD)/cms-bootimg: $(BOOTIMG_SRCS) $(BOOTIMG_HDRS) mk/bootimg.mk | $(GEN_H)
	@mkdir -p $(@D)
	$(HOSTCC) $(HOST_CFLAGS) $(BOOTIMG_FLAGS) -o $@.tmp $(BOOTIMG_SRCS) $(JVM_LINK_LIBS) && mv -f $@.tmp $@

# the same under ASan/UBSan, for test-harness
$(BUILD)/cms-bootimg-asan: $(BOOTIMG_SRCS) $(BOOTIMG_HDRS) mk/bootimg.mk | $(GEN_H)
	@mkdir -p $(@D)
	$(HOSTCC) $(HOST_CFLAGS) $(SAN_FLAGS) $(BOOTIMG_FLAGS) -o $@.tmp $(BOOTIMG_SRCS) $(JVM_LINK_LIBS) \
	    && mv -f $@.tmp $@
test-harness: $(BUILD)/cms-bootimg-asan
