/* Which personality runs a program for which OS. */
#include "core/personality.h"
#include "loader/image.h"
#include "syscalls/freebsd/freebsd.h"

const struct xeno_personality *xeno_personality_for(int os)
{
	switch (os) {
	case XENO_OS_FREEBSD:
		return &freebsd_personality;
	}
	return NULL;
}
