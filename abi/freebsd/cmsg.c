/* FreeBSD's control message types (sys/sys/socket.h) for the shared codec
 * (abi/bsd/cmsg.c); SCM_CREDS (struct cmsgcred) has no Linux form here. */
#include <sys/socket.h>

#include "abi/freebsd/socket.h"

static const struct bsd_scm scm_types[] = {
    {FREEBSD_SCM_RIGHTS, SCM_RIGHTS},
    {FREEBSD_SCM_TIMESTAMP, SO_TIMESTAMP}, /* struct timeval on both */
};

const struct bsd_cmsg_facts freebsd_cmsg_facts = BSD_CMSG_FACTS(scm_types, FREEBSD_MSG_CTRUNC);

long freebsd_cmsgs_to_host(const void *in, size_t len, void *out, size_t out_size)
{
	return bsd_cmsgs_to_host(&freebsd_cmsg_facts, in, len, out, out_size);
}

size_t freebsd_cmsgs_from_host(const void *in, size_t len, void *out, size_t out_size, int *flags)
{
	return bsd_cmsgs_from_host(&freebsd_cmsg_facts, in, len, out, out_size, flags);
}
