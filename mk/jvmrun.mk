# mk/jvmrun.mk -- build/jvm-host, the JVM guest's interpreter and collector (mk/jvmfw.mk's
# JVM_VM_SRCS) linked with the host linker (mk/jvmlink.mk's JVM_LINK_SRCS, hence this file sorts
# after it), plain and under sanitizers (-asan: what the tests run); make test-jvm-interp.
JVM_HOST_SRCS := jvm/host_main.c $(JVM_VM_SRCS) $(JVM_LINK_SRCS)
$(BUILD)/jvm-host: $(JVM_HOST_SRCS) $(JVM_VM_HDRS) $(JVM_LINK_HDRS) mk/jvmfw.mk | $(GEN_H)
	@mkdir -p $(@D)
	$(HOSTCC) $(HOST_CFLAGS) -Ijvm '-DJVM_DEFAULT_LIB="$(abspath $(JVM_LIB_DIR))"' -o $@ $(JVM_HOST_SRCS)

$(BUILD)/jvm-host-asan: $(JVM_HOST_SRCS) $(JVM_VM_HDRS) $(JVM_LINK_HDRS) mk/jvmfw.mk | $(GEN_H)
	@mkdir -p $(@D)
	$(HOSTCC) $(HOST_CFLAGS) $(SAN_FLAGS) -Ijvm '-DJVM_DEFAULT_LIB="$(abspath $(JVM_LIB_DIR))"' -o $@ $(JVM_HOST_SRCS)
