/* I/O completion ports (a later step). */
#include "libs/windows/windows.h"

void win_iocp_complete(struct win_object *file, uint64_t overlapped, uint32_t status,
		       uint32_t bytes)
{
	(void)file, (void)overlapped, (void)status, (void)bytes;
}

void win_iocp_release(struct win_object *o)
{
	(void)o;
}

