# Fuzzing with libFuzzer (clang): tests/fuzz/README.md.
#   make fuzz                  the loader and the linker: a bounded campaign, FUZZ_SECONDS (600) on FUZZ_JOBS (2) cores
#   make fuzz-trace            the recording reader: FUZZ_TRACE_SECONDS (300)
#   make fuzz-pe               the PE parser: FUZZ_PE_SECONDS (600) on FUZZ_JOBS (2) cores
#   make fuzz-macho            the Mach-O parser: FUZZ_MACHO_SECONDS (600) on FUZZ_JOBS cores
#   make fuzz-unwind           the guest's unwind information: FUZZ_UNWIND_SECONDS (600) on FUZZ_JOBS cores
#   make fuzz-build            only build the fuzzers
# A crash leaves its input in build/fuzz/NAME-findings/ (loader, pe, macho,
# unwind) or build/fuzz/trace-findings/ (reader): fix it, then add the input
# to the target's seeds or regressions (tests/fuzz/README.md), which the unit
# tests replay.
# Everything is built again with clang, AddressSanitizer, UBSan and libFuzzer's
# coverage instrumentation, in build/fuzz/.

FUZZ         := $(BUILD)/fuzz
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 600
FUZZ_JOBS    ?= 2
FUZZ_TRACE_SECONDS ?= 300
FUZZ_PE_SECONDS ?= 600
FUZZ_MACHO_SECONDS ?= 600
FUZZ_UNWIND_SECONDS ?= 600
FUZZ_FLAGS   := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
                -fno-omit-frame-pointer
FUZZ_OBJS    := $(filter-out $(FUZZ)/obj/core/main.o,$(call objs_of,$(FUZZ)/obj))
FUZZ_OK      := $(FUZZ)/.toolchain-ok

$(FUZZ_OK): tools/deps.sh
	@mkdir -p $(@D)
	@tools/deps.sh fuzz
	@touch $@
$(FUZZ)/obj/%.o: %.c | $(GENHDRS) $(DEPS_OK) $(FUZZ_OK)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(XCFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -c $< -o $@
$(FUZZ)/obj/%.S.o: %.S | $(DEPS_OK) $(FUZZ_OK)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(XCFLAGS) -c $< -o $@
$(FUZZ)/obj/gen/%.o: $(GEN)/%.c | $(GENHDRS) $(FUZZ_OK)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(XCFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -c $< -o $@
$(FUZZ)/libxeno.a: $(FUZZ_OBJS)
	rm -f $@ && ar rcs $@ $^
$(FUZZ)/fuzz-loader: tests/fuzz/fuzz_loader.c tests/fuzz/load_bytes.h $(FUZZ)/libxeno.a
	$(FUZZ_CC) $(XCFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ)/libxeno.a $(LDLIBS)

$(FUZZ)/fuzz-trace-reader: tests/fuzz/fuzz_trace_reader.c tests/fuzz/trace_walk.h $(FUZZ)/libxeno.a
	$(FUZZ_CC) $(XCFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ)/libxeno.a $(LDLIBS)

# The Mach-O parser: its seeds are made here, at build time (crafted by
# make_macho_seeds from tests/fuzz/macho_build.h, and every macOS sample).
# Its campaign (tests/fuzz/run-campaign.sh) takes inputs up to 24 KiB: the
# samples are about 13 KiB, the crafted programs 20 KiB (longer ones ran at
# half the pace); and a dictionary of Mach-O tokens.
$(FUZZ)/fuzz-macho: tests/fuzz/fuzz_macho.c $(FUZZ)/libxeno.a
	$(FUZZ_CC) $(XCFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ)/libxeno.a $(LDLIBS)
$(BUILD)/tests/make_macho_seeds: tests/fuzz/make_macho_seeds.c tests/fuzz/macho_build.h loader/macho_format.h
	@mkdir -p $(@D)
	$(CC) -std=gnu11 $(WARN) -I. -O1 -o $@ $<
FUZZ_MACHO_SAMPLES := $(patsubst samples/darwin/%.c,$(BUILD)/samples/darwin/%,$(wildcard samples/darwin/*.c)) \
		      $(BUILD)/samples/darwin/hello-flat
$(FUZZ)/macho-seeds.made: $(BUILD)/tests/make_macho_seeds $(FUZZ_MACHO_SAMPLES)
	@mkdir -p $(FUZZ)/macho-seeds
	$(BUILD)/tests/make_macho_seeds $(FUZZ)/macho-seeds
	for s in $(FUZZ_MACHO_SAMPLES); do cp $$s $(FUZZ)/macho-seeds/sample-$$(basename $$s); done
	@touch $@


$(FUZZ)/fuzz-pe: tests/fuzz/fuzz_pe.c tests/fuzz/pe_check.h tests/fuzz/load_bytes.h $(FUZZ)/libxeno.a
	$(FUZZ_CC) $(XCFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ)/libxeno.a $(LDLIBS)

# The PE fuzzer's seeds, made at build time, never committed: crafted images
# (tests/fuzz/make_pe_seeds.c) and the Windows samples.
$(BUILD)/tests/make_pe_seeds: tests/fuzz/make_pe_seeds.c tests/fuzz/pe_build.h loader/pe_format.h
	@mkdir -p $(@D)
	$(CC) -std=gnu11 $(WARN) -I. -O1 -o $@ $<
$(FUZZ)/pe-seeds/.made: $(BUILD)/tests/make_pe_seeds $(PE_SAMPLE_EXES)
	rm -rf $(@D) && mkdir -p $(@D)
	$(BUILD)/tests/make_pe_seeds $(@D)
	cp $(PE_SAMPLE_EXES) $(@D)/
	touch $@

# The unwind information's checker and walk: its seeds are made at build
# time (make_unwind_seeds from tests/fuzz/unwind_build.h), next to the
# regressions of past findings (tests/fuzz/unwind-regressions/).  Its
# campaign takes inputs up to 16 KiB (the blob's room in the object) and
# closes the targets' stderr (-close_fd_mask=2: each hidden object is said
# there once; libFuzzer's own reports still come).
$(FUZZ)/fuzz-unwind: tests/fuzz/fuzz_unwind.c tests/fuzz/unwind_run.h tests/fuzz/unwind_build.h $(FUZZ)/libxeno.a
	$(FUZZ_CC) $(XCFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ)/libxeno.a $(LDLIBS)
$(BUILD)/tests/make_unwind_seeds: tests/fuzz/make_unwind_seeds.c tests/fuzz/unwind_build.h
	@mkdir -p $(@D)
	$(CC) -std=gnu11 $(WARN) -I. -O1 -o $@ $<
$(FUZZ)/unwind-seeds/.made: $(BUILD)/tests/make_unwind_seeds $(wildcard tests/fuzz/unwind-regressions/*)
	rm -rf $(@D) && mkdir -p $(@D)
	$(BUILD)/tests/make_unwind_seeds $(@D)
	cp tests/fuzz/unwind-regressions/* $(@D)/ 2>/dev/null || true
	touch $@

fuzz-build: $(FUZZ)/fuzz-loader $(FUZZ)/fuzz-trace-reader $(FUZZ)/fuzz-pe $(FUZZ)/fuzz-macho $(FUZZ)/fuzz-unwind
# Each campaign: tests/fuzz/run-campaign.sh NAME FUZZER SEEDS SECONDS JOBS, then
# libFuzzer's options and further seed folders (absolute: it runs in $(FUZZ)).
fuzz: $(FUZZ)/fuzz-loader $(FUZZ)/loader-dyn-seeds/.made
	@tests/fuzz/run-campaign.sh loader $(FUZZ)/fuzz-loader tests/fuzz/loader-seeds $(FUZZ_SECONDS) \
		$(FUZZ_JOBS) -max_len=65536 -dict=$(CURDIR)/tests/fuzz/elf.dict \
		$(abspath $(FUZZ))/loader-dyn-seeds
fuzz-trace: $(FUZZ)/fuzz-trace-reader
	@tests/fuzz/run-trace.sh $(FUZZ)/fuzz-trace-reader $(FUZZ_TRACE_SECONDS)
# An accepted PE image is mapped and linked too (tests/fuzz/fuzz_pe.c), through
# an image cache of the campaign's own.
fuzz-pe: $(FUZZ)/fuzz-pe $(FUZZ)/pe-seeds/.made
	@mkdir -p $(FUZZ)/pe-cache
	@XENO_CACHE_DIR=$(abspath $(FUZZ))/pe-cache tests/fuzz/run-campaign.sh pe $(FUZZ)/fuzz-pe \
		$(FUZZ)/pe-seeds $(FUZZ_PE_SECONDS) $(FUZZ_JOBS) -max_len=16384 \
		-dict=$(CURDIR)/tests/fuzz/pe.dict $(CURDIR)/tests/fuzz/pe-regressions

fuzz-macho: $(FUZZ)/fuzz-macho $(FUZZ)/macho-seeds.made
	@tests/fuzz/run-campaign.sh macho $(FUZZ)/fuzz-macho $(FUZZ)/macho-seeds $(FUZZ_MACHO_SECONDS) \
		$(FUZZ_JOBS) -max_len=24576 -dict=$(CURDIR)/tests/fuzz/macho.dict
fuzz-unwind: $(FUZZ)/fuzz-unwind $(FUZZ)/unwind-seeds/.made
	@tests/fuzz/run-campaign.sh unwind $(FUZZ)/fuzz-unwind $(FUZZ)/unwind-seeds $(FUZZ_UNWIND_SECONDS) \
		$(FUZZ_JOBS) -max_len=16384 -close_fd_mask=2
.PHONY: fuzz fuzz-trace fuzz-pe fuzz-macho fuzz-unwind fuzz-build

# The loader fuzzer's dynamically linked seeds, made at build time, never
# committed: crafted programs (tests/fuzz/make_dyn_seeds.c, from
# tests/fuzz/dyn_build.h, which test_link uses too) and the dynamic samples.
$(BUILD)/tests/make_dyn_seeds: tests/fuzz/make_dyn_seeds.c tests/fuzz/dyn_build.h
	@mkdir -p $(@D)
	$(CC) -std=gnu11 $(WARN) -I. -O1 -o $@ $<
FUZZ_DYN_SAMPLES := $(patsubst samples/freebsd/dyn/%.c,$(BUILD)/samples/freebsd/dyn/%,$(wildcard samples/freebsd/dyn/*.c))
$(FUZZ)/loader-dyn-seeds/.made: $(BUILD)/tests/make_dyn_seeds $(FUZZ_DYN_SAMPLES)
	rm -rf $(@D) && mkdir -p $(@D)
	$(BUILD)/tests/make_dyn_seeds $(@D)
	for s in $(FUZZ_DYN_SAMPLES); do cp $$s $(@D)/sample-dyn-$$(basename $$s); done
	touch $@

# The seed corpus, made again: the crafted files and copies of two samples.
# (The regression files of past findings, regress-*, stay as they are.)
$(BUILD)/tests/make_seeds: tests/fuzz/make_seeds.c
	@mkdir -p $(@D)
	$(CC) -std=gnu11 $(WARN) -O1 -o $@ $<
fuzz-seeds: $(BUILD)/tests/make_seeds $(BUILD)/samples/freebsd/hello $(BUILD)/samples/freebsd/exitcode
	$(BUILD)/tests/make_seeds tests/fuzz/loader-seeds
	cp $(BUILD)/samples/freebsd/hello tests/fuzz/loader-seeds/sample-hello
	cp $(BUILD)/samples/freebsd/exitcode tests/fuzz/loader-seeds/sample-exitcode
.PHONY: fuzz-seeds
