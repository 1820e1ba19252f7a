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

# Guest programs the benchmarks run (bench/*.sh), built the same way.
$(BUILD)/bench/freebsd/%: bench/freebsd/%.c $(freebsd_RT_DEPS) | $(DEPS_OK)
	@mkdir -p $(@D)
	$(CC) $(SAMPLE_CFLAGS) -Isamples/freebsd -o $@.tmp $< $(freebsd_RT)
	elfedit --output-osabi FreeBSD $@.tmp
	mv $@.tmp $@

# The README's first command: the real FreeBSD esbuild under xeno.
demo: $(BUILD)/xeno
	@tools/demo.sh
