/*
 * BSD <-> Linux control messages (ancillary data of sendmsg and recvmsg).
 * A BSD's header is 12 bytes with a 32-bit length, Linux's 16 with a
 * size_t one; both put the data 16 bytes in and align messages to 8
 * (sys/sys/socket.h CMSG_DATA/CMSG_SPACE with _ALIGN on amd64), so a
 * message keeps its length and its space on both sides.  The walk over a
 * sendmsg's messages is FreeBSD's sys/kern/uipc_usrreq.c unp_internalize;
 * credentials (SCM_CREDS) have no Linux form here.
 */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include "abi/bsd/socket.h"

_Static_assert(sizeof(struct cmsghdr) == BSD_CMSG_HDRSPACE, "data at the same offset");

static int scm_to_host(const struct bsd_cmsg_facts *f, int type)
{
	for (size_t i = 0; i < f->ntypes; i++)
		if (f->types[i].foreign == type)
			return f->types[i].host;
	return -1;
}

static int scm_from_host(const struct bsd_cmsg_facts *f, int type)
{
	for (size_t i = 0; i < f->ntypes; i++)
		if (f->types[i].host == type)
			return f->types[i].foreign;
	return -1;
}

long bsd_cmsgs_to_host(const struct bsd_cmsg_facts *f, const void *in, size_t len, void *out,
		       size_t out_size)
{
	const char *p = in;
	size_t left = len, used = 0;
	while (left > 0) {
		struct bsd_cmsghdr h;
		if (left < sizeof h)
			return -EINVAL;
		memcpy(&h, p, sizeof h);
		if (h.cmsg_len < BSD_CMSG_HDRSPACE || h.cmsg_len > left)
			return -EINVAL;
		/* Only SCM_RIGHTS is sent, and only over local sockets. */
		if (h.cmsg_level != BSD_SOL_SOCKET || h.cmsg_type != BSD_SCM_RIGHTS)
			return -EINVAL;
		size_t data = h.cmsg_len - BSD_CMSG_HDRSPACE;
		if (used + CMSG_SPACE(data) > out_size)
			return -EINVAL;
		struct cmsghdr hc = {.cmsg_len = CMSG_LEN(data),
				     .cmsg_level = SOL_SOCKET,
				     .cmsg_type = scm_to_host(f, h.cmsg_type)};
		memset((char *)out + used, 0, CMSG_SPACE(data));
		memcpy((char *)out + used, &hc, sizeof hc);
		memcpy((char *)out + used + CMSG_LEN(0), p + BSD_CMSG_HDRSPACE, data);
		used += CMSG_SPACE(data);
		size_t step = BSD_CMSG_SPACE(data);
		if (step >= left)
			break;
		left -= step;
		p += step;
	}
	return (long)used;
}

size_t bsd_cmsgs_from_host(const struct bsd_cmsg_facts *f, const void *in, size_t len, void *out,
			   size_t out_size, int *flags)
{
	const char *p = in;
	size_t off = 0, used = 0;
	while (off + sizeof(struct cmsghdr) <= len) {
		struct cmsghdr hc;
		memcpy(&hc, p + off, sizeof hc);
		if (hc.cmsg_len < sizeof hc || hc.cmsg_len > len - off)
			break;
		size_t data = hc.cmsg_len - CMSG_LEN(0);
		int type = hc.cmsg_level == SOL_SOCKET ? scm_from_host(f, hc.cmsg_type) : -1;
		if (type < 0 || used + BSD_CMSG_LEN(data) > out_size) {
			*flags |= f->msg_ctrunc;
		} else {
			struct bsd_cmsghdr h = {(uint32_t)BSD_CMSG_LEN(data), BSD_SOL_SOCKET, type};
			size_t space = BSD_CMSG_SPACE(data);
			if (space > out_size - used)
				space = out_size - used;
			memset((char *)out + used, 0, space);
			memcpy((char *)out + used, &h, sizeof h);
			memcpy((char *)out + used + BSD_CMSG_HDRSPACE, p + off + CMSG_LEN(0), data);
			used += space;
		}
		off += CMSG_ALIGN(hc.cmsg_len);
	}
	return used;
}
