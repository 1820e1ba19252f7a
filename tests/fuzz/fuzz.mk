# Fuzzing the recording reader (make fuzz-trace): libFuzzer (clang,
# -fsanitize=fuzzer) with ASan+UBSan over xeno's code, seeded with the small
# valid recordings in tests/fuzz/trace-seeds/; FUZZ_SECONDS bounds the run
# (default 300).  A crash leaves its input in build/fuzz/ and fails the
# target: fix it and copy the input to tests/fuzz/trace-regressions/, which
# the unit tests replay.
FUZZ         := $(BUILD)/fuzz
FUZZ_SECONDS ?= 300
FUZZ_CC      ?= clang
FUZZ_FLAGS   := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
                -fno-omit-frame-pointer -Wno-error
FUZZ_OBJS    := $(filter-out $(FUZZ)/obj/core/main.o,$(call objs_of,$(FUZZ)/obj))

$(FUZZ)/obj/%.o: %.c | $(GENHDRS) $(DEPS_OK)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(XCFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -c $< -o $@
$(FUZZ)/obj/%.S.o: %.S | $(DEPS_OK)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(XCFLAGS) -c $< -o $@
$(FUZZ)/obj/gen/%.o: $(GEN)/%.c | $(GENHDRS)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(XCFLAGS) $(FUZZ_FLAGS) -c $< -o $@
$(FUZZ)/fuzz-trace-reader: tests/fuzz/fuzz_trace_reader.c tests/fuzz/trace_walk.h $(FUZZ_OBJS)
	@command -v $(FUZZ_CC) >/dev/null || { echo "fuzz-trace needs clang with libFuzzer: apt-get install clang" >&2; exit 1; }
	$(FUZZ_CC) $(XCFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_OBJS) $(LDLIBS)

fuzz-trace: $(FUZZ)/fuzz-trace-reader
	@tests/fuzz/run.sh $(FUZZ)/fuzz-trace-reader $(FUZZ_SECONDS)
.PHONY: fuzz-trace
