# xeno — one entry point: build, check, samples, demo, install (see README.md)
#   make            build build/xeno
#   make check      unit tests, guest tests, unit tests under ASan+UBSan
#   make samples    the FreeBSD sample programs
#   make demo       build and run a sample FreeBSD program
#   make install    PREFIX=/usr/local DESTDIR=
#   make bless      re-record the golden traces (tests/golden/) after an intended change
#   make fuzz-trace fuzz the recording reader (FUZZ_SECONDS, default 300)
#   make bench-trace  what tracing costs when off (bench/trace-overhead.sh)

VERSION  := 0.1.0
CC       ?= cc
PREFIX   ?= /usr/local
DESTDIR  ?=
BUILD    := build
GEN      := $(BUILD)/gen
CFLAGS   ?= -O2 -g
WARN     := -Wall -Wextra -Werror
# LLVM's libunwind (Debian's libunwind-14-dev) walks the guest's stacks
# (libs/common/unwind.h): its header as <libunwind/libunwind.h>, its static
# library, and dl_iterate_phdr wrapped to show it the guest's objects.
LIBUNWIND_INC := /usr/include/libunwind
LIBUNWIND_A   := /usr/lib/llvm-14/lib/libunwind.a
# No stack protector: its canary lives at %fs:0x28, and xeno's code runs on the
# guest's FS base where it can (core/gate.h).  xeno is a static PIE: no
# dynamic linker runs mid-trap (it needs glibc's TLS), and a foreign program
# starts about a millisecond sooner (measured: bench/README.md).
XCFLAGS  := -std=gnu11 $(WARN) -D_GNU_SOURCE -I. -I$(GEN) -DXENO_VERSION='"$(VERSION)"' -MMD -MP \
            -fno-stack-protector -idirafter $(LIBUNWIND_INC) -ffunction-sections
# glibc's own mappings (malloc's, when its heap cannot grow) go through
# core/hostmem.c, which records them as xeno's memory.
XLDFLAGS := -static-pie -Wl,-z,now -Wl,-z,relro \
            -Wl,--wrap=__mmap -Wl,--wrap=__munmap -Wl,--wrap=__mremap
# xeno itself is linked by lld with its functions in the order a typical
# start first runs them (tools/xeno.order, written by tools/gen-order.sh;
# -ffunction-sections above gives the linker functions to place): the code
# of a start lies on fewer pages, which are faulted in one by one
# (bench/README.md).  A name the file lists that this build lacks is not an
# error: the file is regenerated now and then, not at every change.
XORDER   := tools/xeno.order
XLINK    := -fuse-ld=lld -Wl,--symbol-ordering-file=$(XORDER) -Wl,--no-warn-symbol-ordering
LDLIBS   := -lelf -lz -lpthread -lm $(LIBUNWIND_A) -Wl,--wrap=dl_iterate_phdr
AWK      ?= awk

# The personalities, one line each: each has a folder under syscalls/ (an OS
# whose interface is its system calls: syscalls.master) or libs/ (an OS whose
# interface is its libraries), and one under abi/; its brand record,
# <os>_brand, says how its programs are recognised (core/brand.h).
OSES     := freebsd
OSES     += netbsd
OSES     += openbsd
OSES     += illumos
OSES     += darwin
OSES     += windows

SYSCALL_OSES := $(foreach os,$(OSES),$(if $(wildcard syscalls/$(os)/syscalls.master),$(os)))
# Shim libraries: libs/<os>/<lib>.spec each (tools/genlibs.awk).
SPECS        := $(foreach os,$(OSES),$(wildcard libs/$(os)/*.spec))
LIB_OSES     := $(sort $(foreach s,$(SPECS),$(word 2,$(subst /, ,$(s)))))
spec_base     = $(word 2,$(subst /, ,$(1)))_$(basename $(notdir $(1)))
SRCS     := $(wildcard core/*.c loader/*.c trace/*.c abi/*/*.c syscalls/*/*.c libs/*/*.c)
ASMS     := $(wildcard core/*.S loader/*.S abi/*/*.S syscalls/*/*.S libs/*/*.S)
GENSRCS  := $(foreach os,$(SYSCALL_OSES),$(GEN)/$(os)_sysent.c) $(GEN)/brands.c \
            $(foreach s,$(SPECS),$(GEN)/$(call spec_base,$(s))_lib.c) \
            $(foreach os,$(LIB_OSES),$(GEN)/$(os)_libraries.c)
GENHDRS  := $(foreach os,$(SYSCALL_OSES),$(GEN)/$(os)_sysproto.h $(GEN)/$(os)_sysnums.h) \
            $(foreach s,$(SPECS),$(GEN)/$(call spec_base,$(s))_proto.h) \
            $(GEN)/linux_sysnames.h

objs_of   = $(patsubst %.c,$(1)/%.o,$(SRCS)) $(patsubst %.S,$(1)/%.S.o,$(ASMS)) \
            $(patsubst $(GEN)/%.c,$(1)/gen/%.o,$(GENSRCS))
OBJ      := $(BUILD)/obj
OBJS     := $(call objs_of,$(OBJ))
LIBOBJS  := $(filter-out $(OBJ)/core/main.o,$(OBJS))
DEPS_OK  := $(BUILD)/.deps-ok

.SECONDARY: $(GENSRCS) $(GENHDRS)
.PHONY: all check unit unit-asan guest samples demo install clean deps format format-check bench-trace
all: $(BUILD)/xeno

# ---- dependencies (Debian packages), checked once per build tree ----
$(DEPS_OK): tools/deps.sh
	@mkdir -p $(@D)
	@tools/deps.sh
	@touch $@
deps: $(DEPS_OK)

# ---- the system call tables ----
$(GEN)/%_sysent.c $(GEN)/%_sysproto.h $(GEN)/%_sysnums.h: syscalls/%/syscalls.master tools/kinds.awk tools/gensyscalls.awk core/syscall.h
	@mkdir -p $(GEN)
	$(AWK) -v os=$* -v out=$(GEN) -f tools/kinds.awk -f tools/gensyscalls.awk $<

# A shim library from its spec (tools/genlibs.awk): its tables, entries and
# prototypes, and a link-only stub of it for building samples.
define spec_rules
$(GEN)/$(call spec_base,$(1))_lib.c $(GEN)/$(call spec_base,$(1))_proto.h \
$(GEN)/$(call spec_base,$(1))_link.S $(GEN)/$(call spec_base,$(1))_link.map \
$(GEN)/$(call spec_base,$(1))_link.def: $(1) tools/kinds.awk tools/genlibs.awk core/syscall.h
	@mkdir -p $(GEN)
	$(AWK) -v os=$(word 2,$(subst /, ,$(1))) -v lib=$(basename $(notdir $(1))) -v out=$(GEN) \
		-f tools/kinds.awk -f tools/genlibs.awk $(1)
endef
$(foreach s,$(SPECS),$(eval $(call spec_rules,$(s))))

# Each OS's list of its shim libraries (the personality's .libraries).
$(GEN)/%_libraries.c: Makefile tools/genlibraries.sh $(SPECS)
	@mkdir -p $(GEN)
	tools/genlibraries.sh $* $(foreach s,$(filter libs/$*/%,$(SPECS)),$(basename $(notdir $(s)))) > $@

# The table of brand records, from the OS list.
$(GEN)/brands.c: Makefile tools/genbrands.sh
	@mkdir -p $(GEN)
	tools/genbrands.sh $(OSES) > $@

# The host's system call names, for --trace=host.
$(GEN)/linux_sysnames.h: tools/genlinuxnames.sh
	@mkdir -p $(GEN)
	tools/genlinuxnames.sh "$(CC)" $@

# ---- xeno itself ----
$(OBJ)/%.o: %.c | $(GENHDRS) $(DEPS_OK)
	@mkdir -p $(@D)
	$(CC) $(XCFLAGS) $(CFLAGS) -c $< -o $@
$(OBJ)/%.S.o: %.S | $(DEPS_OK)
	@mkdir -p $(@D)
	$(CC) $(XCFLAGS) -c $< -o $@
$(OBJ)/gen/%.o: $(GEN)/%.c | $(GENHDRS)
	@mkdir -p $(@D)
	$(CC) $(XCFLAGS) $(CFLAGS) -c $< -o $@
$(BUILD)/libxeno.a: $(LIBOBJS)
	rm -f $@ && ar rcs $@ $^
$(BUILD)/xeno: $(OBJ)/core/main.o $(BUILD)/libxeno.a $(XORDER)
	$(CC) $(CFLAGS) $(XLDFLAGS) $(XLINK) -o $@ $(filter-out $(XORDER),$^) $(LDLIBS)

# ---- the same without the tracing code, for bench/trace-overhead.sh ----
NOTRACE      := $(BUILD)/notrace
NOTRACE_OBJS := $(call objs_of,$(NOTRACE)/obj)
$(NOTRACE)/obj/%.o: %.c | $(GENHDRS) $(DEPS_OK)
	@mkdir -p $(@D)
	$(CC) $(XCFLAGS) $(CFLAGS) -DXENO_NO_TRACE -c $< -o $@
$(NOTRACE)/obj/%.S.o: %.S | $(DEPS_OK)
	@mkdir -p $(@D)
	$(CC) $(XCFLAGS) -c $< -o $@
$(NOTRACE)/obj/gen/%.o: $(GEN)/%.c | $(GENHDRS)
	@mkdir -p $(@D)
	$(CC) $(XCFLAGS) $(CFLAGS) -DXENO_NO_TRACE -c $< -o $@
$(NOTRACE)/xeno: $(NOTRACE_OBJS) $(XORDER)
	$(CC) $(CFLAGS) $(XLDFLAGS) $(XLINK) -o $@ $(filter-out $(XORDER),$^) $(LDLIBS)
bench-trace: $(BUILD)/xeno $(NOTRACE)/xeno samples
	@bench/trace-overhead.sh

include tests/tests.mk
include tests/fuzz/fuzz.mk
include samples/samples.mk

# ---- install ----
install: $(BUILD)/xeno
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/xeno $(DESTDIR)$(PREFIX)/bin/xeno
	install -m 644 docs/xeno.1 $(DESTDIR)$(PREFIX)/share/man/man1/xeno.1

FORMATTED := $(filter-out $(BUILD)/% cache/%,$(wildcard */*.[ch] */*/*.[ch]))
format:
	clang-format -i $(FORMATTED)
# Fails, naming the places, where a source file is not as clang-format has it.
format-check:
	clang-format --dry-run -Werror $(FORMATTED)

clean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
