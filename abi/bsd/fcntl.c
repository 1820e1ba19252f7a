/* The BSDs' shared fcntl and *at() values onto Linux's (abi/bsd/fcntl.h). */
#include "abi/bsd/fcntl.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

static const struct xeno_flag access_flags[] = {
    XENO_FIELD("F_OK", 0x07, 0x00, X_OK | W_OK | R_OK, F_OK),
    XENO_FLAG("R_OK", 0x04, R_OK),
    XENO_FLAG("W_OK", 0x02, W_OK),
    XENO_FLAG("X_OK", 0x01, X_OK),
};
const struct xeno_flagset bsd_access_flagset = XENO_FLAGSET("access", access_flags, 0);

static const struct xeno_flag fd_flags[] = {
    XENO_FLAG("FD_CLOEXEC", 1, FD_CLOEXEC),
};
const struct xeno_flagset bsd_fdflags_flagset = XENO_FLAGSET("fdflags", fd_flags, 0);

/* FreeBSD's F_UNLCKSYS and F_CANCEL belong to the NFS lock daemon: not
 * listed, so they are EINVAL as for any unprivileged caller. */
static const struct xeno_flag lock_types[] = {
    XENO_ENUM("F_RDLCK", 1, F_RDLCK),
    XENO_ENUM("F_UNLCK", 2, F_UNLCK),
    XENO_ENUM("F_WRLCK", 3, F_WRLCK),
};
const struct xeno_flagset bsd_locktype_flagset = XENO_FLAGSET("locktype", lock_types, 1);

static const struct xeno_flag fadvise_values[] = {
    XENO_ENUM("POSIX_FADV_NORMAL", 0, POSIX_FADV_NORMAL),
    XENO_ENUM("POSIX_FADV_RANDOM", 1, POSIX_FADV_RANDOM),
    XENO_ENUM("POSIX_FADV_SEQUENTIAL", 2, POSIX_FADV_SEQUENTIAL),
    XENO_ENUM("POSIX_FADV_WILLNEED", 3, POSIX_FADV_WILLNEED),
    XENO_ENUM("POSIX_FADV_DONTNEED", 4, POSIX_FADV_DONTNEED),
    XENO_ENUM("POSIX_FADV_NOREUSE", 5, POSIX_FADV_NOREUSE),
};
const struct xeno_flagset bsd_fadvise_flagset = XENO_FLAGSET("fadvise", fadvise_values, 1);

static const struct xeno_flag whence_values[] = {BSD_WHENCE_SHARED};
const struct xeno_flagset bsd_whence_flagset = XENO_FLAGSET("whence", whence_values, 1);

int bsd_lock_kind_to_host(const struct xeno_flagset *types, const struct xeno_flagset *whence,
			  int16_t type, int16_t wh, short *host_type, short *host_whence)
{
	uint64_t t, w;
	if (xeno_flags_to_host(types, (uint16_t)type, &t) < 0 ||
	    xeno_flags_to_host(whence, (uint16_t)wh, &w) < 0)
		return -EINVAL;
	*host_type = (short)t;
	*host_whence = (short)w;
	return 0;
}

int bsd_lock_kind_from_host(const struct xeno_flagset *types, const struct xeno_flagset *whence,
			    const struct flock *host, int16_t *type, int16_t *wh)
{
	uint64_t t, w;
	if (xeno_flags_from_host(types, (uint16_t)host->l_type, &t) < 0 ||
	    xeno_flags_from_host(whence, (uint16_t)host->l_whence, &w) < 0)
		return -EINVAL;
	*type = (int16_t)t;
	*wh = (int16_t)w;
	return 0;
}

int bsd_flock_to_host(const struct xeno_flagset *whence, const struct bsd_flock *f,
		      struct flock *host)
{
	short type, wh;
	if (bsd_lock_kind_to_host(&bsd_locktype_flagset, whence, f->l_type, f->l_whence, &type,
				  &wh) < 0)
		return -EINVAL;
	*host = (struct flock){
	    .l_type = type,
	    .l_whence = wh,
	    .l_start = f->l_start,
	    .l_len = f->l_len,
	    .l_pid = f->l_pid,
	};
	return 0;
}

int bsd_flock_from_host(const struct xeno_flagset *whence, const struct flock *host,
			struct bsd_flock *f)
{
	int16_t type, wh;
	if (bsd_lock_kind_from_host(&bsd_locktype_flagset, whence, host, &type, &wh) < 0)
		return -EINVAL;
	*f = (struct bsd_flock){
	    .l_start = host->l_start,
	    .l_len = host->l_len,
	    .l_pid = host->l_pid,
	    .l_type = type,
	    .l_whence = wh,
	};
	return 0;
}

int bsd_flock_shared_whence_to_host(const void *foreign, struct flock *host)
{
	return bsd_flock_to_host(&bsd_whence_flagset, foreign, host);
}

int bsd_flock_shared_whence_from_host(const struct flock *host, void *foreign)
{
	return bsd_flock_from_host(&bsd_whence_flagset, host, foreign);
}

/* One tv_nsec from one side's special values to the other's. */
static int nsec_xlat(int64_t nsec, int64_t now_in, int64_t omit_in, int64_t now_out,
		     int64_t omit_out, int64_t *out)
{
	if (nsec == now_in)
		*out = now_out;
	else if (nsec == omit_in)
		*out = omit_out;
	else if (nsec < 0 || nsec >= 1000000000L)
		return -EINVAL;
	else
		*out = nsec;
	return 0;
}

int bsd_utimens_to_host(int64_t utime_now, int64_t utime_omit, const void *in, struct timespec *out)
{
	const int64_t *t = in; /* tv_sec, tv_nsec, tv_sec, tv_nsec */
	for (int i = 0; i < 2; i++) {
		int64_t ns;
		if (nsec_xlat(t[2 * i + 1], utime_now, utime_omit, UTIME_NOW, UTIME_OMIT, &ns) < 0)
			return -EINVAL;
		out[i].tv_sec = t[2 * i];
		out[i].tv_nsec = ns;
	}
	return 0;
}

int bsd_utimens_from_host(int64_t utime_now, int64_t utime_omit, const struct timespec *in,
			  void *out)
{
	int64_t *t = out;
	for (int i = 0; i < 2; i++) {
		if (nsec_xlat(in[i].tv_nsec, UTIME_NOW, UTIME_OMIT, utime_now, utime_omit,
			      &t[2 * i + 1]) < 0)
			return -EINVAL;
		t[2 * i] = in[i].tv_sec;
	}
	return 0;
}
