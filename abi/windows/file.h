/*
 * Files: the constants and structures of CreateFileW, ReadFile/WriteFile,
 * GetFileType, GetFileInformationByHandle(Ex), FindFirstFileW and the
 * console calls (Wine's include/winbase.h, include/winnt.h,
 * include/minwinbase.h, include/fileapi.h, include/winioctl.h;
 * wine-mirror/wine).  FILETIME: 100 ns units since 1601-01-01.
 */
#ifndef XENO_ABI_WINDOWS_FILE_H
#define XENO_ABI_WINDOWS_FILE_H

#include <stddef.h>
#include <stdint.h>

#include "abi/windows/nt.h"

/* GetStdHandle */
#define WIN_STD_INPUT_HANDLE  ((uint32_t)-10)
#define WIN_STD_OUTPUT_HANDLE ((uint32_t)-11)
#define WIN_STD_ERROR_HANDLE  ((uint32_t)-12)

/* GetFileType */
#define WIN_FILE_TYPE_UNKNOWN 0
#define WIN_FILE_TYPE_DISK    1
#define WIN_FILE_TYPE_CHAR    2
#define WIN_FILE_TYPE_PIPE    3

/* access rights */
#define WIN_GENERIC_READ	  0x80000000u
#define WIN_GENERIC_WRITE	  0x40000000u
#define WIN_GENERIC_EXECUTE	  0x20000000u
#define WIN_GENERIC_ALL		  0x10000000u
#define WIN_FILE_READ_DATA	  0x0001u
#define WIN_FILE_WRITE_DATA	  0x0002u
#define WIN_FILE_APPEND_DATA	  0x0004u
#define WIN_FILE_WRITE_ATTRIBUTES 0x0100u
#define WIN_DELETE		  0x00010000u

/* creation dispositions */
#define WIN_CREATE_NEW	      1
#define WIN_CREATE_ALWAYS     2
#define WIN_OPEN_EXISTING     3
#define WIN_OPEN_ALWAYS	      4
#define WIN_TRUNCATE_EXISTING 5

/* flags and attributes */
#define WIN_FILE_ATTRIBUTE_READONLY	 0x00000001u
#define WIN_FILE_ATTRIBUTE_HIDDEN	 0x00000002u
#define WIN_FILE_ATTRIBUTE_DIRECTORY	 0x00000010u
#define WIN_FILE_ATTRIBUTE_ARCHIVE	 0x00000020u
#define WIN_FILE_ATTRIBUTE_NORMAL	 0x00000080u
#define WIN_FILE_ATTRIBUTE_REPARSE_POINT 0x00000400u
#define WIN_FILE_FLAG_OPEN_REPARSE_POINT 0x00200000u
#define WIN_FILE_FLAG_BACKUP_SEMANTICS	 0x02000000u
#define WIN_FILE_FLAG_DELETE_ON_CLOSE	 0x04000000u
#define WIN_FILE_FLAG_OVERLAPPED	 0x40000000u
#define WIN_INVALID_FILE_ATTRIBUTES	 0xffffffffu
#define WIN_INVALID_SET_FILE_POINTER	 0xffffffffu

/* SetFilePointer */
#define WIN_FILE_BEGIN	 0
#define WIN_FILE_CURRENT 1
#define WIN_FILE_END	 2

/* OVERLAPPED */
struct win_overlapped {
	uint64_t internal;	/* the NTSTATUS of the I/O */
	uint64_t internal_high; /* bytes transferred */
	uint32_t offset, offset_high;
	uint64_t event;
};
_Static_assert(sizeof(struct win_overlapped) == 32, "OVERLAPPED");

/* WIN32_FILE_ATTRIBUTE_DATA (GetFileAttributesExW, GetFileExInfoStandard) */
struct win_file_attribute_data {
	uint32_t attributes;
	uint32_t creation_time[2], last_access_time[2], last_write_time[2]; /* FILETIMEs */
	uint32_t size_high, size_low;
};
_Static_assert(sizeof(struct win_file_attribute_data) == 36, "WIN32_FILE_ATTRIBUTE_DATA");

/* BY_HANDLE_FILE_INFORMATION */
struct win_by_handle_file_information {
	uint32_t attributes;
	uint32_t creation_time[2], last_access_time[2], last_write_time[2];
	uint32_t volume_serial_number;
	uint32_t size_high, size_low;
	uint32_t number_of_links;
	uint32_t index_high, index_low;
};
_Static_assert(sizeof(struct win_by_handle_file_information) == 52, "BY_HANDLE_FILE_INFORMATION");

/* WIN32_FIND_DATAW */
struct win_find_data {
	uint32_t attributes;
	uint32_t creation_time[2], last_access_time[2], last_write_time[2];
	uint32_t size_high, size_low;
	uint32_t reserved0, reserved1;
	win_wchar file_name[260];
	win_wchar alternate_file_name[14];
};
_Static_assert(sizeof(struct win_find_data) == 592, "WIN32_FIND_DATAW");
_Static_assert(offsetof(struct win_find_data, file_name) == 44, "cFileName");

/* FILE_INFO_BY_HANDLE_CLASS (GetFileInformationByHandleEx) */
enum {
	WIN_FILE_BASIC_INFO = 0,
	WIN_FILE_STANDARD_INFO = 1,
	WIN_FILE_NAME_INFO = 2,
	WIN_FILE_ATTRIBUTE_TAG_INFO = 9,
	WIN_FILE_ID_BOTH_DIRECTORY_INFO = 10,
	WIN_FILE_ID_BOTH_DIRECTORY_RESTART_INFO = 11,
	WIN_FILE_FULL_DIRECTORY_INFO = 14,
	WIN_FILE_FULL_DIRECTORY_RESTART_INFO = 15,
	WIN_FILE_ID_INFO = 18,
};

/* FILE_BASIC_INFO */
struct win_file_basic_info {
	int64_t creation_time, last_access_time, last_write_time, change_time;
	uint32_t attributes, pad_;
};
_Static_assert(sizeof(struct win_file_basic_info) == 40, "FILE_BASIC_INFO");

/* FILE_STANDARD_INFO */
struct win_file_standard_info {
	int64_t allocation_size, end_of_file;
	uint32_t number_of_links;
	uint8_t delete_pending, directory;
	uint16_t pad_;
};
_Static_assert(sizeof(struct win_file_standard_info) == 24, "FILE_STANDARD_INFO");

/* FILE_ATTRIBUTE_TAG_INFO */
struct win_file_attribute_tag_info {
	uint32_t attributes, reparse_tag;
};

/* FILE_FULL_DIR_INFO, FileName following */
struct win_file_full_dir_info {
	uint32_t next_entry_offset, file_index;
	int64_t creation_time, last_access_time, last_write_time, change_time;
	int64_t end_of_file, allocation_size;
	uint32_t attributes, file_name_length, ea_size;
	win_wchar file_name[];
};
_Static_assert(offsetof(struct win_file_full_dir_info, file_name) == 68, "FILE_FULL_DIR_INFO");

/* FILE_ID_BOTH_DIR_INFO, FileName following */
struct win_file_id_both_dir_info {
	uint32_t next_entry_offset, file_index;
	int64_t creation_time, last_access_time, last_write_time, change_time;
	int64_t end_of_file, allocation_size;
	uint32_t attributes, file_name_length, ea_size;
	int8_t short_name_length;
	int8_t pad_;
	win_wchar short_name[12];
	int64_t file_id;
	win_wchar file_name[];
};
_Static_assert(offsetof(struct win_file_id_both_dir_info, file_id) == 96, "FileId");
_Static_assert(offsetof(struct win_file_id_both_dir_info, file_name) == 104, "FileName");

/* FILE_ID_INFO */
struct win_file_id_info {
	uint64_t volume_serial_number;
	uint8_t file_id[16];
};
_Static_assert(sizeof(struct win_file_id_info) == 24, "FILE_ID_INFO");

/* CONSOLE_SCREEN_BUFFER_INFO */
struct win_console_screen_buffer_info {
	int16_t size_x, size_y, cursor_x, cursor_y;
	uint16_t attributes;
	int16_t left, top, right, bottom;
	int16_t max_x, max_y;
};
_Static_assert(sizeof(struct win_console_screen_buffer_info) == 22, "CONSOLE_SCREEN_BUFFER_INFO");

#endif
