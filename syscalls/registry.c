/* Which personality runs a program for which OS. */
#include <string.h>

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

const struct xeno_personality *xeno_personality_named(const char *name)
{
	static const int known[] = {XENO_OS_FREEBSD};
	for (unsigned i = 0; i < sizeof known / sizeof known[0]; i++) {
		const struct xeno_personality *os = xeno_personality_for(known[i]);
		if (os && strcmp(os->name, name) == 0)
			return os;
	}
	return NULL;
}
