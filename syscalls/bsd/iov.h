/*
 * Transfer lengths and iovec arrays made ready for the host (read, write,
 * their vector and positioned forms, sendto, recvfrom, sendmsg, recvmsg).
 *
 * A BSD kernel checks a transfer's total against IOSIZE_MAX and faults only
 * on the bytes it touches: a read of 2^62 bytes into a page-sized buffer
 * from a short file returns what the file holds.  Linux refuses a range
 * that leaves user space with EFAULT before reading anything.  So lengths
 * are cut where user space ends, which the host then accepts, and a range
 * that starts beyond it still faults there.
 */
#ifndef XENO_SYSCALLS_BSD_IOV_H
#define XENO_SYSCALLS_BSD_IOV_H

#include <stddef.h>
#include <stdint.h>
#include <sys/uio.h>

/* FreeBSD's IOSIZE_MAX on amd64: SSIZE_MAX (sys/kern/sys_generic.c
 * iosize_max, with debug.iosize_max_clamp 0 by default). */
#define BSD_IOSIZE_MAX 0x7fffffffffffffffULL

/* UIO_MAXIOV (sys/sys/uio.h): the most iovecs a call takes. */
#define BSD_UIO_MAXIOV 1024

/* *n bytes at guest address buf: 0 and *n cut where user space ends, or
 * -EINVAL beyond IOSIZE_MAX (sys_read, sys_write, kern_pread, kern_pwrite). */
long bsd_io_len(uint64_t buf, size_t *n);

/* The guest's cnt iovecs at iovp into out (room for BSD_UIO_MAXIOV), each
 * length cut as bsd_io_len does: 0, -EINVAL for more than UIO_MAXIOV or a
 * total beyond IOSIZE_MAX, -EFAULT (sys/kern/subr_uio.c copyinuio; the
 * socket calls' kern_sendit and kern_recvit check the total the same way).
 * *total gets the total asked for, before cutting (may be NULL). */
long bsd_iov_in(uint64_t iovp, unsigned cnt, struct iovec *out, size_t *total);

#endif
