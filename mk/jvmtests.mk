# mk/jvmtests.mk -- whole-program tests of the JVM guest, java as the oracle (tests/jvm/run_jvm.py;
# docs/testing.md). Each Java program is compiled by javac 17 and by javac --release 8, run by
# `java` at test time and by the command under test, stdout and exit status compared.
#   test-jvm           first the runner's own check (tests/jvm/test_run_jvm.py: java passes, spoilt
#                      javas fail), then our programs, tests/jvm/*.java (one or more per feature
#                      and JVMS edge)
#   test-jvm-corpus    the short programs of the shared JVM corpus ($(JVM_CORPUS); skipped,
#                      saying so, when absent), against its expected.json
#   test-jvm-long      the corpus's long programs (ControlFlowRecursive, LogicAtom, MethodAtom,
#                      LoopAtom, SieveAtom, IntMM, Puzzle); not in make test
#   test-jvm-host      our programs on the host runner build/jvm-host (the same interpreter,
#                      natively): quick to run while the chip is busy; not in make test
# JVM_TESTS_CMD is the command under test ({cp}: the class folder, {main}: the main class);
# JVM_TESTS_JOBS runs in parallel (default: every core); JVM_TEST= names programs to run;
# JVM_TESTS_TIMEOUT and JVM_LONG_TIMEOUT bound each run in seconds (a run that takes longer
# fails): our programs and the short corpus ones take well under a minute on the chip, the
# long ones (up to 136 million bytecodes) many minutes.
# JVM_FW_ELF and JVM_LIB_DIR come from mk/firmware.mk, JVM_LIB_STAMP from mk/jvmlib.mk (loaded
# before this file: mk/*.mk in sorted order).
JAVAC          ?= javac
JAVA           ?= java
JVM_CORPUS     ?= $(SHARED)/jvm-corpus
JVM_TESTS_CMD  ?= $(BUILD)/cms-sim -cp {cp} {main}
JVM_TESTS_JOBS ?= $(shell nproc 2>/dev/null || echo 2)
JVM_TEST       ?=
JVM_TESTS_TIMEOUT ?= 300
JVM_LONG_TIMEOUT  ?= 7200
RUN_JVM        := $(PYTHON) tests/jvm/run_jvm.py --javac $(JAVAC) --java $(JAVA) -j $(JVM_TESTS_JOBS)
# the library's rule makes $(JVM_LIB_STAMP) (mk/jvmlib.mk), which stands for $(JVM_LIB_DIR)
JVM_TEST_DEPS  := $(BUILD)/cms-sim $(JVM_FW_ELF) $(JVM_LIB_STAMP)

.PHONY: test-jvm test-jvm-corpus test-jvm-long test-jvm-host
test-jvm: $(JVM_TEST_DEPS)
	$(PYTHON) tests/jvm/test_run_jvm.py --javac $(JAVAC) --java $(JAVA)
	$(RUN_JVM) --timeout $(JVM_TESTS_TIMEOUT) --cmd "$(JVM_TESTS_CMD)" $(JVM_TEST)

test-jvm-corpus: $(JVM_TEST_DEPS)
	$(RUN_JVM) --timeout $(JVM_TESTS_TIMEOUT) --cmd "$(JVM_TESTS_CMD)" --corpus $(JVM_CORPUS)

test-jvm-long: $(JVM_TEST_DEPS)
	$(RUN_JVM) --timeout $(JVM_LONG_TIMEOUT) --cmd "$(JVM_TESTS_CMD)" --corpus $(JVM_CORPUS) --long-only

test-jvm-host: $(BUILD)/jvm-host $(JVM_LIB_STAMP)
	$(RUN_JVM) --timeout $(JVM_TESTS_TIMEOUT) --cmd "$(BUILD)/jvm-host -cp {cp} {main}" $(JVM_TEST)
