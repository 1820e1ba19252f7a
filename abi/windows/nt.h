/*
 * The per-process and per-thread blocks a Windows x64 program reaches
 * without a call: the TEB at its GS base, the PEB and its process
 * parameters, and KUSER_SHARED_DATA at 0x7ffe0000.  Layouts from Wine's
 * include/winternl.h (wine-mirror/wine @00bd1abe: struct _TEB, _PEB,
 * _RTL_USER_PROCESS_PARAMETERS, win64 column) and include/ddk/wdm.h
 * (KUSER_SHARED_DATA, KSYSTEM_TIME); only the fields xeno fills are named,
 * the rest is padding at the offsets those headers give.
 */
#ifndef XENO_ABI_WINDOWS_NT_H
#define XENO_ABI_WINDOWS_NT_H

#include <stddef.h>
#include <stdint.h>

typedef uint16_t win_wchar;

/* UNICODE_STRING: lengths in bytes, no NUL counted */
struct win_unicode_string {
	uint16_t length, maximum_length;
	uint32_t pad_;
	uint64_t buffer;
};
_Static_assert(sizeof(struct win_unicode_string) == 16, "UNICODE_STRING");

/* RTL_USER_PROCESS_PARAMETERS (up to RuntimeInfo; the drive letters' table
 * after it is left zero) */
struct win_process_parameters {
	uint32_t allocation_size, size, flags, debug_flags;
	uint64_t console_handle;
	uint32_t console_flags, pad_;
	uint64_t std_input, std_output, std_error;
	struct win_unicode_string current_directory; /* CURDIR.DosPath */
	uint64_t current_directory_handle;
	struct win_unicode_string dll_path, image_path_name, command_line;
	uint64_t environment;
	uint32_t x, y, xsize, ysize, xcount_chars, ycount_chars, fill_attribute, window_flags;
	uint32_t show_window, pad2_;
	struct win_unicode_string window_title, desktop, shell_info, runtime_info;
};
_Static_assert(offsetof(struct win_process_parameters, std_input) == 0x20, "hStdInput");
_Static_assert(offsetof(struct win_process_parameters, current_directory) == 0x38, "CurDir");
_Static_assert(offsetof(struct win_process_parameters, image_path_name) == 0x60, "ImagePath");
_Static_assert(offsetof(struct win_process_parameters, command_line) == 0x70, "CommandLine");
_Static_assert(offsetof(struct win_process_parameters, environment) == 0x80, "Environment");
_Static_assert(offsetof(struct win_process_parameters, window_title) == 0xb0, "WindowTitle");

/* PEB (win64 offsets) */
struct win_peb {
	uint8_t inherited_address_space, read_image_file_exec_options, being_debugged;
	uint8_t bit_field; /* bit 7 IsLongPathAwareProcess: Go sets it (runtime/os_windows.go) */
	uint32_t pad_;
	uint64_t mutant;
	uint64_t image_base_address; /* 0x10 */
	uint64_t ldr_data;
	uint64_t process_parameters; /* 0x20 */
	uint64_t subsystem_data;
	uint64_t process_heap; /* 0x30 */
	uint8_t pad1_[0xb8 - 0x38];
	uint32_t number_of_processors; /* 0xb8 */
	uint32_t nt_global_flag;
	uint8_t pad2_[0x118 - 0xc0];
	uint32_t os_major_version, os_minor_version, os_build_number, os_platform_id; /* 0x118 */
	uint32_t image_subsystem, image_subsystem_major, image_subsystem_minor;	      /* 0x128 */
	uint8_t pad3_[0x348 - 0x134];
};
_Static_assert(offsetof(struct win_peb, image_base_address) == 0x10, "ImageBaseAddress");
_Static_assert(offsetof(struct win_peb, process_parameters) == 0x20, "ProcessParameters");
_Static_assert(offsetof(struct win_peb, number_of_processors) == 0xb8, "NumberOfProcessors");
_Static_assert(offsetof(struct win_peb, os_major_version) == 0x118, "OSMajorVersion");
_Static_assert(offsetof(struct win_peb, image_subsystem) == 0x128, "ImageSubSystem");

#define WIN_TLS_MINIMUM_AVAILABLE 64 /* winnt.h TLS_MINIMUM_AVAILABLE: TlsSlots */

/* TEB (win64 offsets): NT_TIB first (winnt.h NT_TIB64) */
struct win_teb {
	uint64_t exception_list;
	uint64_t stack_base;  /* 0x08: the top */
	uint64_t stack_limit; /* 0x10 */
	uint64_t sub_system_tib, fiber_data;
	uint64_t arbitrary_user_pointer; /* 0x28: Go 1.18-1.19 keep their g here */
	uint64_t self;			 /* 0x30 */
	uint64_t environment_pointer;
	uint64_t client_id_process, client_id_thread; /* 0x40 */
	uint64_t active_rpc_handle;
	uint64_t thread_local_storage_pointer; /* 0x58: the modules' TLS blocks */
	uint64_t peb;			       /* 0x60 */
	uint32_t last_error_value;	       /* 0x68 */
	uint8_t pad1_[0x1250 - 0x6c];
	uint32_t last_status_value; /* 0x1250 */
	uint8_t pad2_[0x1478 - 0x1254];
	uint64_t deallocation_stack;		       /* 0x1478 */
	uint64_t tls_slots[WIN_TLS_MINIMUM_AVAILABLE]; /* 0x1480 */
	uint64_t tls_links[2];			       /* 0x1680 */
	uint8_t pad3_[0x1780 - 0x1690];
	uint64_t tls_expansion_slots; /* 0x1780 */
	uint8_t pad4_[0x1838 - 0x1788];
};
_Static_assert(offsetof(struct win_teb, self) == 0x30, "Tib.Self");
_Static_assert(offsetof(struct win_teb, thread_local_storage_pointer) == 0x58, "TLS pointer");
_Static_assert(offsetof(struct win_teb, peb) == 0x60, "Peb");
_Static_assert(offsetof(struct win_teb, last_error_value) == 0x68, "LastErrorValue");
_Static_assert(offsetof(struct win_teb, last_status_value) == 0x1250, "LastStatusValue");
_Static_assert(offsetof(struct win_teb, deallocation_stack) == 0x1478, "DeallocationStack");
_Static_assert(offsetof(struct win_teb, tls_slots) == 0x1480, "TlsSlots");
_Static_assert(offsetof(struct win_teb, tls_expansion_slots) == 0x1780, "TlsExpansionSlots");

/* KUSER_SHARED_DATA (ddk/wdm.h): at this fixed address in every process */
#define WIN_KUSER_SHARED_DATA 0x7ffe0000ULL

/* KSYSTEM_TIME: a 64-bit time a reader takes as High1Time, LowPart,
 * High2Time; equal High1Time and High2Time mean a consistent read */
struct win_ksystem_time {
	uint32_t low_part;
	int32_t high1_time;
	int32_t high2_time;
};

/* Only the two clocks Go reads (runtime/sys_windows_amd64.s nanotime1 and
 * time_now: 0x7ffe0008 and 0x7ffe0014) are kept; the rest stays zero. */
struct win_kuser_shared_data {
	uint32_t tick_count_low_deprecated;	/* 0x00 */
	uint32_t tick_count_multiplier;		/* 0x04 */
	struct win_ksystem_time interrupt_time; /* 0x08: 100 ns units since boot */
	struct win_ksystem_time system_time;	/* 0x14: 100 ns units since 1601 */
	uint8_t rest_[0x1000 - 0x20];
};
_Static_assert(offsetof(struct win_kuser_shared_data, interrupt_time) == 0x08, "InterruptTime");
_Static_assert(offsetof(struct win_kuser_shared_data, system_time) == 0x14, "SystemTime");
_Static_assert(sizeof(struct win_kuser_shared_data) == 0x1000, "one page");

/* 100 ns intervals between 1601-01-01 and 1970-01-01 (FILETIME epoch). */
#define WIN_EPOCH_DIFF 116444736000000000ULL

#endif
