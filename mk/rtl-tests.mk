# mk/rtl-tests.mk -- RTL tests of the native mechanisms: bare-metal programs (tests/rtl/*.S)
# run on the chip harness for one SLOTS value. See tests/rtl/test.h and tests/rtl/run.sh.
#   make test-rtl SLOTS=4        build and run them all
#   make test-rtl-build SLOTS=4  assemble only (no harness needed)
#   make test-rtl RTL_TEST=tx_prot  one test
RTL_TEST     ?=
RTL_TEST_ARGS = --slots $(SLOTS) --build $(BUILD)/rtl-tests/s$(SLOTS) --gen $(GEN) \
                --cross $(CROSS) $(RTL_TEST)

.PHONY: test-rtl test-rtl-build
test-rtl: $(BUILD)/cms-sim-s$(SLOTS) $(GEN_H)
	bash tests/rtl/run.sh --sim $(BUILD)/cms-sim-s$(SLOTS) $(RTL_TEST_ARGS)

test-rtl-build: $(GEN_H)
	bash tests/rtl/run.sh --build-only $(RTL_TEST_ARGS)

