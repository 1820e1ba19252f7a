# Tests (see tests/README.md):
#   layering   the tree's arrows run one way (OS-neutral rooms, no include circle)
#   unit       cmocka unit tests, tests/unit/test_*.c, linked against libxeno.a
#   guest      the sample programs under xeno: output, exit status, messages
#   unit-asan  the unit tests again, everything built with ASan+UBSan
#   golden     the samples' normalised traces against tests/golden/ (make bless
#              re-records them after an intended change)
#   corrupt    hundreds of damaged copies of a sample given to xeno --check
#              (ELF and Mach-O samples), and of a macOS sample run
#   esbuild    real FreeBSD programs (esbuild, from npm) against their Linux twins
#   esbuild-netbsd  the same cases with esbuild's NetBSD builds
#   esbuild-openbsd  the same with esbuild's OpenBSD build (Go calling libc)
#   esbuild-illumos  the same with esbuild's illumos build (Go calling libc)
#   esbuild-darwin  the same with esbuild's macOS build (Mach-O, Go calling libSystem)
#   esbuild-windows  the same suite with esbuild.exe (Windows, PE) under xeno
#   lefthook   another (lefthook, from npm): git hooks, running other programs
#   turbo      another (turbo 1.4.7, from npm): a monorepo task runner
#   lightningcss  a dynamically linked Rust program (lightningcss 1.33.0, from
#              npm) on xeno's shim libraries: minifying, lowering, bundling
# SUITE-nopatch: SUITE again with XENO_PATCH=0 (no call site patched).
# `make check` runs them all through tests/run-all.sh, which ends with one
# "N passed, N failed" line (and ", N skipped" when a test could not run here).

UNIT_SRCS  := $(wildcard tests/unit/test_*.c)
UNIT_BINS  := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRCS))
ASAN       := $(BUILD)/asan
ASAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
ASAN_OBJS  := $(filter-out $(ASAN)/obj/core/main.o,$(call objs_of,$(ASAN)/obj))
ASAN_BINS  := $(patsubst tests/unit/%.c,$(ASAN)/tests/%,$(UNIT_SRCS))
TEST_LIBS  := -lcmocka $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/unit.h tests/fuzz/load_bytes.h $(BUILD)/libxeno.a | $(GENHDRS)
	@mkdir -p $(@D)
	$(CC) $(XCFLAGS) $(CFLAGS) -Itests/unit -o $@ $< $(BUILD)/libxeno.a $(TEST_LIBS)

$(ASAN)/obj/%.o: %.c | $(GENHDRS) $(DEPS_OK)
	@mkdir -p $(@D)
	$(CC) $(XCFLAGS) $(ASAN_FLAGS) -c $< -o $@
$(ASAN)/obj/%.S.o: %.S | $(DEPS_OK)
	@mkdir -p $(@D)
	$(CC) $(XCFLAGS) -c $< -o $@
$(ASAN)/obj/gen/%.o: $(GEN)/%.c | $(GENHDRS)
	@mkdir -p $(@D)
	$(CC) $(XCFLAGS) $(ASAN_FLAGS) -c $< -o $@
$(ASAN)/libxeno.a: $(ASAN_OBJS)
	rm -f $@ && ar rcs $@ $^
$(ASAN)/tests/%: tests/unit/%.c tests/unit/unit.h tests/fuzz/load_bytes.h $(ASAN)/libxeno.a | $(GENHDRS)
	@mkdir -p $(@D)
	$(CC) $(XCFLAGS) $(ASAN_FLAGS) -Itests/unit -o $@ $< $(ASAN)/libxeno.a $(TEST_LIBS)

# The PE parser's test parses the Windows samples, as the PE fuzzer starts
# from them (samples/samples.mk, included later, has their rule).
PE_SAMPLE_EXES := $(patsubst samples/windows/%.c,$(BUILD)/samples/windows/%.exe,$(wildcard samples/windows/*.c))
$(BUILD)/tests/test_pe $(ASAN)/tests/test_pe: $(PE_SAMPLE_EXES)
# test_unwind runs the unwind fuzzer's path (tests/fuzz/unwind_run.h).
$(BUILD)/tests/test_unwind $(ASAN)/tests/test_unwind: tests/fuzz/unwind_run.h tests/fuzz/unwind_build.h

# Helpers of the guest and corruption tests, plain C programs.
TOOL_BINS  := $(BUILD)/tests/corrupt $(BUILD)/tests/corrupt_pe $(BUILD)/tests/waitstatus \
	      $(BUILD)/tests/make_macho_seeds
$(BUILD)/tests/corrupt: tests/corrupt/corrupt.c tests/corrupt/corrupt_elf.c \
		       tests/corrupt/corrupt_macho.c tests/corrupt/corrupt_run.c tests/corrupt/corrupt.h \
		       tests/corrupt/corrupt_run.h loader/macho_format.h
	@mkdir -p $(@D)
	$(CC) -std=gnu11 $(WARN) -D_GNU_SOURCE -I. -O2 -o $@ $(filter %.c,$^)
$(BUILD)/tests/corrupt_pe: tests/corrupt/corrupt_pe.c tests/corrupt/corrupt_run.c \
			  tests/corrupt/corrupt_run.h tests/corrupt/pe_cache.h loader/pe_format.h
	@mkdir -p $(@D)
	$(CC) -std=gnu11 $(WARN) -D_GNU_SOURCE -I. -O2 -o $@ $(filter %.c,$^)
$(BUILD)/tests/waitstatus: tests/guest/waitstatus.c
	@mkdir -p $(@D)
	$(CC) -std=gnu11 $(WARN) -D_GNU_SOURCE -O2 -o $@ $<

unit-build: $(UNIT_BINS)
unit-asan-build: $(ASAN_BINS)
# test_macho_fixups parses the macOS samples (samples/samples.mk).
unit-build unit-asan-build: $(BUILD)/samples/darwin/hello $(BUILD)/samples/darwin/hello-flat
guest-build: $(BUILD)/xeno samples $(TOOL_BINS)

unit: unit-build
	@tests/run-all.sh unit
unit-asan: unit-asan-build
	@tests/run-all.sh unit-asan
guest: guest-build
	@tests/run-all.sh guest
corrupt: guest-build
	@tests/run-all.sh corrupt
esbuild: $(BUILD)/xeno
	@tests/run-all.sh esbuild
esbuild-netbsd: $(BUILD)/xeno
	@tests/run-all.sh esbuild-netbsd
esbuild-openbsd: $(BUILD)/xeno
	@tests/run-all.sh esbuild-openbsd
esbuild-illumos: $(BUILD)/xeno
	@tests/run-all.sh esbuild-illumos
esbuild-darwin: $(BUILD)/xeno
	@tests/run-all.sh esbuild-darwin
esbuild-windows: $(BUILD)/xeno
	@tests/run-all.sh esbuild-windows
lefthook: $(BUILD)/xeno
	@tests/run-all.sh lefthook
turbo: $(BUILD)/xeno
	@tests/run-all.sh turbo
lightningcss: $(BUILD)/xeno
	@tests/run-all.sh lightningcss
layering:
	@tests/run-all.sh layering
golden: guest-build
	@tests/run-all.sh golden
bless: guest-build
	@tests/golden/run.sh $(BUILD)/xeno $(BUILD)/samples --bless
# The suites that run guest programs run twice: with call sites patched (the
# default) and with every call trapped (XENO_PATCH=0).
check: unit-build unit-asan-build guest-build
	@tests/run-all.sh layering unit guest guest-nopatch golden golden-nopatch corrupt unit-asan \
		esbuild esbuild-nopatch esbuild-netbsd esbuild-openbsd esbuild-illumos esbuild-darwin \
		esbuild-windows lefthook lefthook-nopatch \
		turbo turbo-nopatch lightningcss
.PHONY: unit-build unit-asan-build guest-build esbuild esbuild-netbsd esbuild-openbsd esbuild-illumos \
	esbuild-darwin \
	esbuild-windows \
	lefthook turbo lightningcss golden bless corrupt layering

# The Mach-O parser on real macOS programs fetched from npm (not in make check).
$(BUILD)/tests/macho_dump: tests/macho/macho_dump.c $(BUILD)/libxeno.a | $(GENHDRS)
	@mkdir -p $(@D)
	$(CC) $(XCFLAGS) $(CFLAGS) -o $@ $< $(BUILD)/libxeno.a $(LDLIBS)
macho-real: $(BUILD)/tests/macho_dump
	@tests/macho/real.sh $(BUILD)/tests/macho_dump
.PHONY: macho-real
