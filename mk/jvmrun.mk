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

# the same with a collection before every allocation (-DJVM_GC_STRESS): every GC map and root
# is exercised at every allocation site
$(BUILD)/jvm-host-gcstress: $(JVM_HOST_SRCS) $(JVM_VM_HDRS) $(JVM_LINK_HDRS) mk/jvmrun.mk | $(GEN_H)
	@mkdir -p $(@D)
	$(HOSTCC) $(HOST_CFLAGS) $(SAN_FLAGS) -DJVM_GC_STRESS -Ijvm '-DJVM_DEFAULT_LIB="$(abspath $(JVM_LIB_DIR))"' \
	    -o $@ $(JVM_HOST_SRCS)

# make test-jvm-interp: the interpreter's and collector's own programs (tests/jvm/interp/*.java:
# the collector under pressure, the Java stack to StackOverflowError, unwinding, class
# initialization, long slots, OutOfMemoryError) compiled by javac 17 and --release 8 and compared
# with java (tests/jvm/run_jvm.py) on build/jvm-host-asan; then the collector stress again in a
# smaller heap (many more collections), then all of them on build/jvm-host-gcstress (a collection
# before every allocation). JVM_INTERP_CMD adds a command (e.g. the chip's, once
# cms-sim takes Java: "build/cms-sim --firmware build/fw/jvm.elf -cp {cp} {main}").
JVM_INTERP_TESTS := $(wildcard tests/jvm/interp/*.java)
JVM_INTERP_RUN    = $(PYTHON) tests/jvm/run_jvm.py --javac $(JAVAC) --java $(JAVA) -j $(JVM_TESTS_JOBS) \
                    --timeout $(JVM_TESTS_TIMEOUT)
JVM_INTERP_CMD   ?=
.PHONY: test-jvm-interp
test-jvm-interp: $(BUILD)/jvm-host-asan $(BUILD)/jvm-host-gcstress $(JVM_FW_ELF) jvm-lib
	$(JVM_INTERP_RUN) --cmd "$(BUILD)/jvm-host-asan -cp {cp} {main}" $(JVM_INTERP_TESTS)
	$(JVM_INTERP_RUN) --cmd "$(BUILD)/jvm-host-asan --heap 100000 -cp {cp} {main}" \
	    tests/jvm/interp/InterpGcStress.java
	$(JVM_INTERP_RUN) --cmd "$(BUILD)/jvm-host-gcstress -cp {cp} {main}" $(JVM_INTERP_TESTS)
	$(if $(JVM_INTERP_CMD),$(JVM_INTERP_RUN) --cmd "$(JVM_INTERP_CMD)" $(JVM_INTERP_TESTS))
