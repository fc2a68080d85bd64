# mk/sim.mk -- the harness side of cms-sim (the build rules are mk/chip.mk's).
#   HARNESS_SRCS    the thin C++ main owning the Verilator model, and the C harness logic
#   HARNESS_CFLAGS  their flags: include paths and the default firmware's path. The path goes
#                   as bare text (sim/harness.c makes the string of it), since a quoted -D value
#                   does not survive make -> shell -> verilator -> make -> shell. (So: no quotes,
#                   spaces or '//' in it, and no path component that is a predefined macro such
#                   as 'unix' or 'linux'.)
#   The JVM guest's linker (jvm/, JVM_LINK_SRCS of mk/jvmlink.mk) is part of the harness: cms-sim
#   links a Java program's image itself; its default firmware and class library come in as the
#   SSEM firmware's path does.
HARNESS_SRCS   := sim/main.cpp sim/harness.c sim/hostblk.c sim/jvm_guest.c
HARNESS_CFLAGS := -I$(abspath $(GEN)) -I$(abspath sim) -I$(abspath firmware) -I$(abspath jvm) $(JVM_LINK_CFLAGS) \
                  -DCMS_DEFAULT_FIRMWARE_PATH=$(abspath $(MORPH_ELF)) \
                  -DCMS_DEFAULT_JVM_FIRMWARE_PATH=$(abspath $(JVM_FW_ELF)) \
                  -DCMS_DEFAULT_JVM_LIB_PATH=$(abspath $(JVM_LIB_DIR))
