# The sample foreign programs, built from source with the host compiler: no
# libc, our own crt (samples/<os>/crt0.S), raw system calls, and the OS's
# branding (EI_OSABI and its ABI note).

SAMPLE_CFLAGS := -std=gnu11 -O2 -Wall -Wextra -Werror -ffreestanding -fno-builtin \
                 -fno-stack-protector -fno-pic -fno-asynchronous-unwind-tables \
                 -fcf-protection=none -nostdlib -static -no-pie -Wl,--build-id=none \
                 -I$(GEN)
FREEBSD_SAMPLES := $(patsubst samples/freebsd/%.c,%,$(filter-out samples/freebsd/mini.c,$(wildcard samples/freebsd/*.c)))
FREEBSD_SAMPLE_BINS := $(addprefix $(BUILD)/samples/freebsd/,$(FREEBSD_SAMPLES))
FREEBSD_RT := samples/freebsd/crt0.S samples/freebsd/note.S samples/freebsd/mini.c

samples: $(FREEBSD_SAMPLE_BINS)

$(BUILD)/samples/freebsd/%: samples/freebsd/%.c $(FREEBSD_RT) samples/freebsd/mini.h $(GEN)/freebsd_sysnums.h | $(DEPS_OK)
	@mkdir -p $(@D)
	$(CC) $(SAMPLE_CFLAGS) -Isamples/freebsd -o $@.tmp $< $(FREEBSD_RT)
	elfedit --output-osabi FreeBSD $@.tmp
	mv $@.tmp $@

# Guest programs the benchmarks run (bench/*.sh), built the same way.
$(BUILD)/bench/freebsd/%: bench/freebsd/%.c $(FREEBSD_RT) samples/freebsd/mini.h $(GEN)/freebsd_sysnums.h | $(DEPS_OK)
	@mkdir -p $(@D)
	$(CC) $(SAMPLE_CFLAGS) -Isamples/freebsd -o $@.tmp $< $(FREEBSD_RT)
	elfedit --output-osabi FreeBSD $@.tmp
	mv $@.tmp $@

# The README's first command: the real FreeBSD esbuild under xeno.
demo: $(BUILD)/xeno
	@tools/demo.sh
