/* Socket option values, both ways (abi/bsd/sockopt.h). */
#include "abi/bsd/sockopt.h"

#include "abi/bsd/socket.h"

#include <errno.h>
#include <string.h>

const struct bsd_sockopt *bsd_sockopt_find(const struct bsd_sockopt *table, size_t n, int level,
					   int name, int *err)
{
	int level_known = 0;
	for (size_t i = 0; i < n; i++) {
		if (table[i].level != level)
			continue;
		level_known = 1;
		if (table[i].name == name)
			return &table[i];
	}
	*err = level_known ? -ENOPROTOOPT : -EINVAL;
	return NULL;
}

size_t bsd_sockopt_host_size(const struct bsd_sockopt *o, size_t room)
{
	switch (o->kind) {
	case BSD_OPT_LINGER:
		return sizeof(struct bsd_linger);
	case BSD_OPT_TIMEVAL:
	case BSD_OPT_TIMEVAL32:
		return sizeof(struct bsd_timeval);
	case BSD_OPT_BYTES:
		return room < BSD_SOCKOPT_MAX ? room : BSD_SOCKOPT_MAX;
	default:
		return sizeof(int32_t);
	}
}

/* sooptcopyin: a value shorter than the option's is EINVAL, a longer one
 * is cut to the option's size. */
int bsd_sockopt_value_to_host(const struct bsd_sockopt *o, const void *val, size_t len, void *out,
			      size_t out_size, size_t *out_len)
{
	size_t need = bsd_sockopt_host_size(o, len);
	switch (o->kind) {
	case BSD_OPT_ERROR:
	case BSD_OPT_DOMAIN:
	case BSD_OPT_READONLY:
		return -ENOPROTOOPT;
	case BSD_OPT_BYTES:
		if (len > BSD_SOCKOPT_MAX)
			return -EINVAL;
		break;
	default:
		if (len < need)
			return -EINVAL;
	}
	if (need > out_size)
		return -EINVAL;
	memcpy(out, val, need);
	if (o->kind == BSD_OPT_TIMEVAL32) {
		struct bsd_timeval *tv = out;
		tv->tv_usec = (int32_t)tv->tv_usec; /* the padding above it is not read */
	}
	if (o->kind == BSD_OPT_TIMEVAL || o->kind == BSD_OPT_TIMEVAL32) {
		const struct bsd_timeval *tv = out;
		if (tv->tv_sec < 0 || tv->tv_usec < 0 || tv->tv_usec >= 1000000)
			return -EDOM;
	}
	*out_len = need;
	return 0;
}

size_t bsd_sockopt_value_from_host(const struct bsd_sockopt *o, const void *host, size_t len,
				   void *out, size_t out_size, const struct bsd_sockopt_xlat *x)
{
	int32_t v = 0;
	if (len >= sizeof v)
		memcpy(&v, host, sizeof v);
	switch (o->kind) {
	case BSD_OPT_FLAG:
	case BSD_OPT_NOSIGPIPE:
		v = v ? o->on_value : 0;
		break;
	case BSD_OPT_ERROR:
		v = v > 0 ? x->errno_from_host(v) : 0;
		break;
	case BSD_OPT_DOMAIN:
		v = bsd_domain_from_host(x->domains, v);
		if (v < 0)
			v = 0;
		break;
	case BSD_OPT_LINGER: {
		struct bsd_linger l = {0, 0};
		memcpy(&l, host, len < sizeof l ? len : sizeof l);
		l.l_onoff = l.l_onoff ? o->on_value : 0;
		memcpy(out, &l, sizeof l);
		return sizeof l;
	}
	case BSD_OPT_TIMEVAL:
	case BSD_OPT_TIMEVAL32: /* tv_usec below 2^31: the padding reads 0 */
	case BSD_OPT_BYTES: {
		size_t n = len < out_size ? len : out_size;
		memcpy(out, host, n);
		return n;
	}
	default:
		break;
	}
	memcpy(out, &v, sizeof v);
	return sizeof v;
}
