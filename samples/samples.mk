# The sample foreign programs, built from source with the host compiler: no
# libc, our own crt (samples/<os>/crt0.S), raw system calls, and the OS's
# branding (EI_OSABI and its ABI note).

SAMPLE_CFLAGS := -std=gnu11 -O2 -Wall -Wextra -Werror -ffreestanding -fno-builtin \
                 -fno-stack-protector -fno-pic -fno-asynchronous-unwind-tables \
                 -fcf-protection=none -nostdlib -static -no-pie -Wl,--build-id=none \
                 -I$(GEN)

# The BSDs' samples: each OS's own (samples/<os>/*.c) and the ones the BSDs
# share (samples/bsd/*.c), built against the OS's mini.h and crt with the
# runtime they share (samples/bsd/mini.c), and branded by the ABI note and
# EI_OSABI (elfedit's names: FreeBSD, NetBSD).
BSD_SHARED_SAMPLES := $(patsubst samples/bsd/%.c,%,$(filter-out samples/bsd/mini.c,$(wildcard samples/bsd/*.c)))
# bsd_samples OS ELFEDIT_NAME SOURCE_DIR
define bsd_sample_rule
$(BUILD)/samples/$(1)/%: $(3)/%.c $$($(1)_RT_DEPS) | $(DEPS_OK)
	@mkdir -p $$(@D)
	$$(CC) $$(SAMPLE_CFLAGS) -Isamples/$(1) -o $$@.tmp $$< $$($(1)_RT)
	elfedit --output-osabi $(2) $$@.tmp
	mv $$@.tmp $$@
endef
define bsd_samples
$(1)_SAMPLES := $$(patsubst samples/$(1)/%.c,%,$$(wildcard samples/$(1)/*.c)) $(BSD_SHARED_SAMPLES)
$(1)_SAMPLE_BINS := $$(addprefix $(BUILD)/samples/$(1)/,$$($(1)_SAMPLES))
$(1)_RT := samples/$(1)/crt0.S samples/$(1)/note.S samples/bsd/mini.c
$(1)_RT_DEPS := $$($(1)_RT) samples/$(1)/mini.h samples/bsd/runtime.h $(GEN)/$(1)_sysnums.h
samples: $$($(1)_SAMPLE_BINS)
$(call bsd_sample_rule,$(1),$(2),samples/$(1))
$(call bsd_sample_rule,$(1),$(2),samples/bsd)
endef
$(eval $(call bsd_samples,freebsd,FreeBSD))
$(eval $(call bsd_samples,netbsd,NetBSD))

# Dynamically linked FreeBSD samples (samples/freebsd/dyn/): built by the host
# compiler as PIEs with FreeBSD's interpreter, linked against the link-only
# stubs of FreeBSD's libraries that tools/genlibs.awk makes from their specs
# (build/stubs/freebsd/libc.so.7...), so every import carries its FreeBSD
# symbol version; branded by the ABI note and EI_OSABI.
STUBS := $(BUILD)/stubs
define stub_rules
$(STUBS)/$(call spec_base,$(1)).made: $(GEN)/$(call spec_base,$(1))_link.S $(GEN)/$(call spec_base,$(1))_link.map $(1) | $(DEPS_OK)
	@mkdir -p $(STUBS)/$(word 2,$(subst /, ,$(1)))
	$(CC) -shared -nostdlib -Wl,--hash-style=both \
		-Wl,-soname,$$$$($(AWK) '$$$$1 == "library" { print $$$$2 }' $(1)) \
		-Wl,--version-script=$(GEN)/$(call spec_base,$(1))_link.map \
		-o $(STUBS)/$(word 2,$(subst /, ,$(1)))/$$$$($(AWK) '$$$$1 == "library" { print $$$$2 }' $(1)) $$<
	@touch $$@
endef
$(foreach s,$(SPECS),$(eval $(call stub_rules,$(s))))
FREEBSD_STUBS := $(foreach s,$(filter libs/freebsd/%,$(SPECS)),$(STUBS)/$(call spec_base,$(s)).made)

DYN_CFLAGS := -std=gnu11 -O2 -Wall -Wextra -Werror -ffreestanding -fno-builtin \
              -fno-stack-protector -fPIE -fcf-protection=none -nostdlib -pie \
              -Wl,--dynamic-linker=/libexec/ld-elf.so.1 -Wl,--hash-style=both -Wl,-z,now \
              -Wl,--build-id=none
# Each sample is linked against the stubs of FreeBSD's libraries and the
# samples' own (below), in the order FreeBSD's cc hands them to the linker
# (the program's own libraries, libthr, libm, libc); --as-needed keeps those
# it uses.  A library of the samples may use what no spec has (the message
# for an unresolved import is tested so): the program's link allows it.
DYN_LIBDIR := $(BUILD)/samples/freebsd/dyn/lib
DYN_LINK   := -L$(DYN_LIBDIR) -L$(STUBS)/freebsd -Wl,--as-needed -Wl,--allow-shlib-undefined \
              -l:libgreet.so.1 -l:libthrow.so.1 -l:libthr.so.3 -l:libm.so.5 -l:libgcc_s.so.1 -l:libc.so.7
FREEBSD_DYN_SAMPLES := $(patsubst samples/freebsd/dyn/%.c,%,$(wildcard samples/freebsd/dyn/*.c))
FREEBSD_DYN_BINS := $(addprefix $(BUILD)/samples/freebsd/dyn/,$(FREEBSD_DYN_SAMPLES))
# The samples' own shared libraries (samples/freebsd/dyn/lib/NAME.c): FreeBSD
# shared objects with a soname of their own, libNAME.so.1, found by xeno on
# XENO_LIBRARY_PATH (through a program's DT_NEEDED, or dlopen).
FREEBSD_DYN_LIBS := $(patsubst samples/freebsd/dyn/lib/%.c,$(DYN_LIBDIR)/lib%.so.1,$(wildcard samples/freebsd/dyn/lib/*.c))
DYN_LIB_CFLAGS := -std=gnu11 -O2 -Wall -Wextra -Werror -ffreestanding -fno-builtin \
                  -fno-stack-protector -fPIC -fcf-protection=none -nostdlib -shared \
                  -Wl,--hash-style=both -Wl,-z,now -Wl,--build-id=none
samples: $(FREEBSD_DYN_BINS) $(FREEBSD_DYN_LIBS)
$(DYN_LIBDIR)/lib%.so.1: samples/freebsd/dyn/lib/%.c samples/freebsd/dyn/libc.h samples/freebsd/dyn/eh.h $(FREEBSD_STUBS)
	@mkdir -p $(@D)
	$(CC) $(DYN_LIB_CFLAGS) -Isamples/freebsd/dyn -Wl,-soname,lib$*.so.1 -o $@.tmp $< \
		-L$(STUBS)/freebsd -Wl,--as-needed -l:libthr.so.3 -l:libgcc_s.so.1 -l:libc.so.7
	elfedit --output-osabi FreeBSD $@.tmp
	mv $@.tmp $@
$(BUILD)/samples/freebsd/dyn/%: samples/freebsd/dyn/%.c samples/freebsd/dyn/crt1.S samples/freebsd/note.S samples/freebsd/dyn/libc.h samples/freebsd/dyn/eh.h $(FREEBSD_STUBS) $(DYN_LIBDIR)/libgreet.so.1 $(DYN_LIBDIR)/libthrow.so.1
	@mkdir -p $(@D)
	$(CC) $(DYN_CFLAGS) -Isamples/freebsd/dyn -o $@.tmp $< samples/freebsd/dyn/crt1.S \
		samples/freebsd/note.S $(DYN_LINK)
	elfedit --output-osabi FreeBSD $@.tmp
	mv $@.tmp $@

# The illumos samples (samples/illumos/): built the same way with illumos's
# interpreter, against the stubs of libc.so.1, libsocket.so.1 and
# libsendfile.so.1; like Go's illumos programs they carry EI_OSABI 0 and no
# note, and are told apart by their interpreter.
ILLUMOS_STUBS := $(foreach s,$(filter libs/illumos/%,$(SPECS)),$(STUBS)/$(call spec_base,$(s)).made)
ILLUMOS_CFLAGS := $(subst /libexec/ld-elf.so.1,/lib/amd64/ld.so.1,$(DYN_CFLAGS))
ILLUMOS_SAMPLES := $(patsubst samples/illumos/%.c,%,$(wildcard samples/illumos/*.c))
ILLUMOS_SAMPLE_BINS := $(addprefix $(BUILD)/samples/illumos/,$(ILLUMOS_SAMPLES))
samples: $(ILLUMOS_SAMPLE_BINS)
$(BUILD)/samples/illumos/%: samples/illumos/%.c samples/illumos/crt1.S samples/illumos/illumos.h $(ILLUMOS_STUBS)
	@mkdir -p $(@D)
	$(CC) $(ILLUMOS_CFLAGS) -Isamples/illumos -o $@ $< samples/illumos/crt1.S \
		-L$(STUBS)/illumos -l:libc.so.1 -l:libsocket.so.1 -l:libsendfile.so.1

# libcalls also needs libprobe.so.1, a FreeBSD shared library of its own that
# xeno finds on XENO_LIBRARY_PATH, and imports a function nothing defines at
# run time: it is linked against a copy of libprobe.so.1 that has one more.
PROBE_LIB := $(BUILD)/samples/freebsd/dyn/lib/libprobe.so.1
PROBE_LINK_LIB := $(BUILD)/samples/freebsd/dyn/lib-link/libprobe.so.1
PROBE_CFLAGS := -std=gnu11 -O2 -Wall -Wextra -Werror -ffreestanding -fno-builtin \
                -fno-stack-protector -fPIC -fcf-protection=none -nostdlib -shared \
                -Wl,--hash-style=both -Wl,-z,now -Wl,--build-id=none \
                -Wl,-soname,libprobe.so.1 -Wl,--version-script=samples/freebsd/dyn/lib/probe.map
$(PROBE_LIB) $(PROBE_LINK_LIB): samples/freebsd/dyn/lib/probe.c samples/freebsd/dyn/lib/probe.map samples/freebsd/dyn/libc.h $(FREEBSD_STUBS)
	@mkdir -p $(@D)
	$(CC) $(PROBE_CFLAGS) $(if $(findstring lib-link,$@),-DPROBE_LINK_ONLY) \
		-Isamples/freebsd/dyn -o $@.tmp $< -L$(STUBS)/freebsd -l:libc.so.7
	elfedit --output-osabi FreeBSD $@.tmp
	mv $@.tmp $@
$(BUILD)/samples/freebsd/dyn/libcalls: samples/freebsd/dyn/libcalls.c samples/freebsd/dyn/crt1.S samples/freebsd/note.S samples/freebsd/dyn/libc.h $(FREEBSD_STUBS) $(PROBE_LIB) $(PROBE_LINK_LIB)
	@mkdir -p $(@D)
	$(CC) $(DYN_CFLAGS) -Isamples/freebsd/dyn -o $@.tmp $< samples/freebsd/dyn/crt1.S \
		samples/freebsd/note.S -L$(STUBS)/freebsd -l:libc.so.7 \
		-L$(dir $(PROBE_LINK_LIB)) -l:libprobe.so.1
	elfedit --output-osabi FreeBSD $@.tmp
	mv $@.tmp $@

# Guest programs the benchmarks run (bench/*.sh), built the same way.
$(BUILD)/bench/freebsd/%: bench/freebsd/%.c $(freebsd_RT_DEPS) | $(DEPS_OK)
	@mkdir -p $(@D)
	$(CC) $(SAMPLE_CFLAGS) -Isamples/freebsd -o $@.tmp $< $(freebsd_RT)
	elfedit --output-osabi FreeBSD $@.tmp
	mv $@.tmp $@

# Dynamically linked ones (bench/freebsd/dyn/), built as the dynamic samples are,
# and their native Linux twins (bench/native/), dynamically linked against glibc;
# -fno-builtin keeps the library calls the benchmarks measure.
$(BUILD)/bench/freebsd/dyn/%: bench/freebsd/dyn/%.c samples/freebsd/dyn/crt1.S samples/freebsd/note.S samples/freebsd/dyn/libc.h $(FREEBSD_STUBS)
	@mkdir -p $(@D)
	$(CC) $(DYN_CFLAGS) -Isamples/freebsd/dyn -o $@.tmp $< samples/freebsd/dyn/crt1.S \
		samples/freebsd/note.S -L$(STUBS)/freebsd -l:libc.so.7
	elfedit --output-osabi FreeBSD $@.tmp
	mv $@.tmp $@
$(BUILD)/bench/native/%: bench/native/%.c
	@mkdir -p $(@D)
	$(CC) -std=gnu11 -O2 -Wall -Wextra -Werror -fno-builtin -o $@ $<

# The README's first command: the real FreeBSD esbuild under xeno.
demo: $(BUILD)/xeno
	@tools/demo.sh

# Windows (PE32+) samples: clang for the windows-gnu target, lld-link, and an
# import library llvm-dlltool makes from a .def file; no C runtime, no SDK
# (samples/windows/README.md says why this toolchain).
WIN_CC      ?= clang
WIN_LD      ?= lld-link
WIN_DLLTOOL ?= llvm-dlltool
WIN_CFLAGS  := -target x86_64-w64-windows-gnu -std=gnu11 -O2 -Wall -Wextra -Werror \
               -ffreestanding -fno-builtin -fno-stack-protector -mno-stack-arg-probe
WIN_LDFLAGS := /nologo /entry:start /subsystem:console /nodefaultlib /brepro
WINDOWS_SAMPLES     := $(patsubst samples/windows/%.c,%,$(wildcard samples/windows/*.c))
WINDOWS_SAMPLE_BINS := $(addprefix $(BUILD)/samples/windows/,$(addsuffix .exe,$(WINDOWS_SAMPLES)))
samples: $(WINDOWS_SAMPLE_BINS)

$(BUILD)/samples/windows/kernel32.lib: samples/windows/kernel32.def | $(DEPS_OK)
	@mkdir -p $(@D)
	$(WIN_DLLTOOL) -m i386:x86-64 -d $< -l $@
$(BUILD)/samples/windows/%.o: samples/windows/%.c samples/windows/win.h | $(DEPS_OK)
	@mkdir -p $(@D)
	$(WIN_CC) $(WIN_CFLAGS) -c $< -o $@
$(BUILD)/samples/windows/%.exe: $(BUILD)/samples/windows/%.o $(BUILD)/samples/windows/kernel32.lib
	$(WIN_LD) $(WIN_LDFLAGS) /out:$@ $^
# tls.c again with ImageBase 0, where xeno never places anything: the image
# always moves and its base relocations are applied.
WINDOWS_SAMPLE_BINS += $(BUILD)/samples/windows/tls-moved.exe
samples: $(BUILD)/samples/windows/tls-moved.exe
$(BUILD)/samples/windows/tls-moved.exe: samples/windows/tls.c samples/windows/win.h $(BUILD)/samples/windows/kernel32.lib | $(DEPS_OK)
	$(WIN_CC) $(WIN_CFLAGS) -c $< -o $@.o
	$(WIN_LD) $(WIN_LDFLAGS) /base:0 /out:$@ $@.o $(BUILD)/samples/windows/kernel32.lib
	rm -f $@.o

# The macOS samples: Mach-O programs, compiled by clang for x86_64-apple-macos11
# and linked by ld64.lld against samples/darwin/libSystem.tbd, a text stub of
# libSystem written by hand (no macOS SDK: the samples declare what they use).
# ld64.lld 14 writes LC_MAIN and LC_DYLD_INFO_ONLY (never chained fixups; it
# cannot write LC_UNIXTHREAD).  hello-flat is hello linked with
# -flat_namespace: no MH_TWOLEVEL, every bind a flat lookup, as Go's own
# linker writes them.
DARWIN_CC      ?= clang
DARWIN_LD      ?= ld64.lld-14
DARWIN_CFLAGS  := -target x86_64-apple-macos11 -std=gnu11 -O2 -Wall -Wextra -Werror \
                  -ffreestanding -fno-builtin -fno-stack-protector
DARWIN_LDFLAGS := -arch x86_64 -platform_version macos 11.0 11.0 -Lsamples/darwin -lSystem
DARWIN_SAMPLES     := $(patsubst samples/darwin/%.c,%,$(wildcard samples/darwin/*.c))
DARWIN_SAMPLE_BINS := $(addprefix $(BUILD)/samples/darwin/,$(DARWIN_SAMPLES)) \
                      $(BUILD)/samples/darwin/hello-flat

samples: $(DARWIN_SAMPLE_BINS)

$(BUILD)/samples/darwin/%.o: samples/darwin/%.c samples/darwin/darwin.h | $(DEPS_OK)
	@mkdir -p $(@D)
	$(DARWIN_CC) $(DARWIN_CFLAGS) -c $< -o $@
$(BUILD)/samples/darwin/%: $(BUILD)/samples/darwin/%.o samples/darwin/libSystem.tbd
	$(DARWIN_LD) $(DARWIN_LDFLAGS) -o $@ $<
$(BUILD)/samples/darwin/%-flat: $(BUILD)/samples/darwin/%.o samples/darwin/libSystem.tbd
	$(DARWIN_LD) $(DARWIN_LDFLAGS) -flat_namespace -o $@ $<

# The OpenBSD samples (samples/openbsd/): built the same way with OpenBSD's
# interpreter and ABI note, against the stubs of libc.so and libpthread.so.
OPENBSD_STUBS := $(foreach s,$(filter libs/openbsd/%,$(SPECS)),$(STUBS)/$(call spec_base,$(s)).made)
OPENBSD_CFLAGS := $(subst /libexec/ld-elf.so.1,/usr/libexec/ld.so,$(DYN_CFLAGS))
OPENBSD_SAMPLES := $(patsubst samples/openbsd/%.c,%,$(wildcard samples/openbsd/*.c))
OPENBSD_SAMPLE_BINS := $(addprefix $(BUILD)/samples/openbsd/,$(OPENBSD_SAMPLES))
samples: $(OPENBSD_SAMPLE_BINS)
$(BUILD)/samples/openbsd/%: samples/openbsd/%.c samples/openbsd/crt1.S samples/openbsd/openbsd.h $(OPENBSD_STUBS)
	@mkdir -p $(@D)
	$(CC) $(OPENBSD_CFLAGS) -Isamples/openbsd -o $@.tmp $< samples/openbsd/crt1.S \
		-L$(STUBS)/openbsd -l:libc.so.100.3 -l:libpthread.so.27.1
	elfedit --output-osabi OpenBSD $@.tmp
	mv $@.tmp $@
