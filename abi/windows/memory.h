/*
 * Virtual memory: the constants and the structure of VirtualAlloc,
 * VirtualFree, VirtualQuery and GetSystemInfo (Wine's include/winnt.h and
 * include/winbase.h, wine-mirror/wine).
 */
#ifndef XENO_ABI_WINDOWS_MEMORY_H
#define XENO_ABI_WINDOWS_MEMORY_H

#include <stddef.h>
#include <stdint.h>

#define WIN_MEM_COMMIT	    0x00001000u
#define WIN_MEM_RESERVE	    0x00002000u
#define WIN_MEM_DECOMMIT    0x00004000u
#define WIN_MEM_RELEASE	    0x00008000u
#define WIN_MEM_FREE	    0x00010000u
#define WIN_MEM_PRIVATE	    0x00020000u
#define WIN_MEM_RESET	    0x00080000u
#define WIN_MEM_TOP_DOWN    0x00100000u
#define WIN_MEM_IMAGE	    0x01000000u
#define WIN_MEM_LARGE_PAGES 0x20000000u

#define WIN_PAGE_NOACCESS	   0x01u
#define WIN_PAGE_READONLY	   0x02u
#define WIN_PAGE_READWRITE	   0x04u
#define WIN_PAGE_WRITECOPY	   0x08u
#define WIN_PAGE_EXECUTE	   0x10u
#define WIN_PAGE_EXECUTE_READ	   0x20u
#define WIN_PAGE_EXECUTE_READWRITE 0x40u
#define WIN_PAGE_EXECUTE_WRITECOPY 0x80u
#define WIN_PAGE_GUARD		   0x100u

/* Reservations start on this boundary (SYSTEM_INFO.dwAllocationGranularity). */
#define WIN_ALLOCATION_GRANULARITY 0x10000u

/* MEMORY_BASIC_INFORMATION, 64-bit */
struct win_memory_basic_information {
	uint64_t base_address;
	uint64_t allocation_base;
	uint32_t allocation_protect;
	uint32_t pad_;
	uint64_t region_size;
	uint32_t state;
	uint32_t protect;
	uint32_t type;
	uint32_t pad2_;
};
_Static_assert(sizeof(struct win_memory_basic_information) == 48, "MEMORY_BASIC_INFORMATION");
_Static_assert(offsetof(struct win_memory_basic_information, region_size) == 24, "RegionSize");
_Static_assert(offsetof(struct win_memory_basic_information, state) == 32, "State");

/* SYSTEM_INFO */
struct win_system_info {
	uint16_t processor_architecture; /* PROCESSOR_ARCHITECTURE_AMD64: 9 */
	uint16_t reserved;
	uint32_t page_size;
	uint64_t minimum_application_address;
	uint64_t maximum_application_address;
	uint64_t active_processor_mask;
	uint32_t number_of_processors;
	uint32_t processor_type; /* PROCESSOR_AMD_X8664: 8664 */
	uint32_t allocation_granularity;
	uint16_t processor_level, processor_revision;
};
_Static_assert(sizeof(struct win_system_info) == 48, "SYSTEM_INFO");
_Static_assert(offsetof(struct win_system_info, number_of_processors) == 0x20,
	       "dwNumberOfProcessors");
_Static_assert(offsetof(struct win_system_info, allocation_granularity) == 0x28, "Granularity");

#endif
