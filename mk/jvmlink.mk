# mk/jvmlink.mk -- the JVM guest's host linker (the "romizer", jvm/link*.c, jvm/classfile.c):
# build/cms-jvmlink and its tests (docs/jvm.md, "The linker").
# The library's classes are mk/jvmlib.mk's (JVM_LIB_DIR, built with its stamp JVM_LIB_STAMP).
#   JVM_LINK_SRCS  the linker's C (portable host C): link it into any host program that makes
#                  images (cms-sim, jvm-host); JVM_LINK_HDRS its headers
#   make test-jvmlink   malformed class files, a seeded mutation fuzz of real class files, GC
#                       maps of small javac-compiled methods against hand-derived expectations,
#                       refusals of unsupported features; on the sanitizer build
#   make fuzz-jvmlink   the mutation fuzz alone, longer: SEED (default: the time) and COUNT
#                       (default 100,000) mutants; make fuzz runs it too
#   JVM_LINK_CFLAGS, JVM_LINK_LIBS  what .jar support needs (zlib); a program built without
#                  them links the same, and refuses a .jar saying so
JVM_LINK_SRCS := jvm/classfile.c jvm/link.c jvm/link_gc.c jvm/link_image.c jvm/link_dump.c jvm/jar.c
JVM_LINK_HDRS := jvm/classfile.h jvm/link.h jvm/link_int.h jvm/image.h jvm/natives.def jvm/jar.h
JVM_LINK_CFLAGS := -DJVM_LINK_ZLIB
JVM_LINK_LIBS   := -lz
JVMLINK_FUZZ_SEED  ?= 1952
JVMLINK_FUZZ_COUNT ?= 3000

$(BUILD)/cms-jvmlink: jvm/link_main.c $(JVM_LINK_SRCS) $(JVM_LINK_HDRS) mk/jvmlink.mk
	@mkdir -p $(@D)
	$(HOSTCC) $(HOST_CFLAGS) $(JVM_LINK_CFLAGS) -Ijvm '-DJVM_DEFAULT_LIB="$(abspath $(JVM_LIB_DIR))"' \
	    -o $@ jvm/link_main.c $(JVM_LINK_SRCS) $(JVM_LINK_LIBS)

# the same under ASan and UBSan: what the tests run
$(BUILD)/cms-jvmlink-asan: jvm/link_main.c $(JVM_LINK_SRCS) $(JVM_LINK_HDRS) mk/jvmlink.mk
	@mkdir -p $(@D)
	$(HOSTCC) $(HOST_CFLAGS) $(SAN_FLAGS) $(JVM_LINK_CFLAGS) -Ijvm \
	    '-DJVM_DEFAULT_LIB="$(abspath $(JVM_LIB_DIR))"' -o $@ jvm/link_main.c $(JVM_LINK_SRCS) $(JVM_LINK_LIBS)

# the class-file fuzzer: mutated class files through cf_parse and jvm_link, never a crash
$(BUILD)/jvmlink-fuzz: tests/jvm/jvmlink/fuzz_classfile.c $(JVM_LINK_SRCS) $(JVM_LINK_HDRS) mk/jvmlink.mk
	@mkdir -p $(@D)
	$(HOSTCC) $(HOST_CFLAGS) $(SAN_FLAGS) $(JVM_LINK_CFLAGS) -Ijvm -o $@ tests/jvm/jvmlink/fuzz_classfile.c \
	    $(JVM_LINK_SRCS) $(JVM_LINK_LIBS)

.PHONY: test-jvmlink fuzz-jvmlink
test-jvmlink: $(BUILD)/cms-jvmlink-asan $(BUILD)/jvmlink-fuzz $(JVM_LIB_STAMP)
	$(PYTHON) tests/jvm/run_jvmlink_tests.py --link $(BUILD)/cms-jvmlink-asan --lib $(JVM_LIB_DIR) \
	    --fuzz $(BUILD)/jvmlink-fuzz --fuzz-seed $(JVMLINK_FUZZ_SEED) --fuzz-count $(JVMLINK_FUZZ_COUNT) \
	    --tmp $(BUILD)/jvmlink-tests

fuzz-jvmlink: $(BUILD)/cms-jvmlink-asan $(BUILD)/jvmlink-fuzz $(JVM_LIB_STAMP)
	$(PYTHON) tests/jvm/run_jvmlink_tests.py --link $(BUILD)/cms-jvmlink-asan --lib $(JVM_LIB_DIR) \
	    --fuzz $(BUILD)/jvmlink-fuzz --fuzz-seed $(or $(SEED),$$(date +%s)) --fuzz-count $(or $(COUNT),100000) \
	    --tmp $(BUILD)/jvmlink-fuzz-run --fuzz-only

# make fuzz (mk/fuzz.mk) runs the class-file fuzzer too, with its SEED and COUNT
fuzz: fuzz-jvmlink
