/* Socket, poll and select handlers shared by the BSD personalities
 * (syscalls/bsd/socket.c, sockio.c, sockopt.c, poll.c). */
#ifndef XENO_SYSCALLS_BSD_NET_H
#define XENO_SYSCALLS_BSD_NET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct xeno_thread;

/* socket.c: sockets, addresses, connections */
long bsd_sys_socket(struct xeno_thread *t, int domain, int type, int protocol);
long bsd_sys_socketpair(struct xeno_thread *t, int domain, int type, int protocol, uint64_t rsv);
long bsd_sys_bind(struct xeno_thread *t, int s, uint64_t name, unsigned int namelen);
long bsd_sys_bindat(struct xeno_thread *t, int fd, int s, uint64_t name, unsigned int namelen);
long bsd_sys_connect(struct xeno_thread *t, int s, uint64_t name, unsigned int namelen);
long bsd_sys_connectat(struct xeno_thread *t, int fd, int s, uint64_t name, unsigned int namelen);
long bsd_sys_listen(struct xeno_thread *t, int s, int backlog);
long bsd_sys_accept(struct xeno_thread *t, int s, uint64_t name, uint64_t anamelen);
long bsd_sys_accept4(struct xeno_thread *t, int s, uint64_t name, uint64_t anamelen, int flags);
long bsd_sys_getsockname(struct xeno_thread *t, int fdes, uint64_t asa, uint64_t alen);
long bsd_sys_getpeername(struct xeno_thread *t, int fdes, uint64_t asa, uint64_t alen);
long bsd_sys_shutdown(struct xeno_thread *t, int s, int how);

/* sockio.c: sending and receiving */
long bsd_sys_sendto(struct xeno_thread *t, int s, uint64_t buf, size_t len, int flags, uint64_t to,
		    unsigned int tolen);
long bsd_sys_recvfrom(struct xeno_thread *t, int s, uint64_t buf, size_t len, int flags,
		      uint64_t from, uint64_t fromlenaddr);
long bsd_sys_sendmsg(struct xeno_thread *t, int s, uint64_t msg, int flags);
long bsd_sys_recvmsg(struct xeno_thread *t, int s, uint64_t msg, int flags);

/* sockopt.c: options */
long bsd_sys_setsockopt(struct xeno_thread *t, int s, int level, int name, uint64_t val,
			unsigned int valsize);
long bsd_sys_getsockopt(struct xeno_thread *t, int s, int level, int name, uint64_t val,
			uint64_t avalsize);
/* Whether the socket at fd has the emulated "no SIGPIPE" option set. */
bool bsd_socket_nosigpipe(int fd);

/* poll.c: waiting for descriptors */
long bsd_sys_poll(struct xeno_thread *t, uint64_t fds, unsigned int nfds, int timeout);
long bsd_sys_ppoll(struct xeno_thread *t, uint64_t fds, unsigned int nfds, uint64_t ts,
		   uint64_t set);
long bsd_sys_select(struct xeno_thread *t, int nd, uint64_t in, uint64_t ou, uint64_t ex,
		    uint64_t tv);
long bsd_sys_pselect(struct xeno_thread *t, int nd, uint64_t in, uint64_t ou, uint64_t ex,
		     uint64_t ts, uint64_t sm);

/* Shared by the socket handlers: a guest address (len bytes at guest
 * address addr) in host form; 0 or a negated errno. */
struct sockaddr_storage;
long bsd_sockaddr_in(struct xeno_thread *t, uint64_t addr, size_t len,
		     struct sockaddr_storage *host, unsigned *host_len);
/* Writes a host address (host_len bytes) to the guest's buffer addr with
 * room *alen at guest address alen_addr, as FreeBSD reports addresses.
 * 0 or -EFAULT. */
/* A host address of host_len bytes in the OS's form at out (room for 256
 * bytes): its full length, 0 when there is none. */
size_t bsd_sockaddr_encode(const struct xeno_thread *t, const void *host, size_t host_len,
			   void *out);
long bsd_sockaddr_out(struct xeno_thread *t, const void *host, size_t host_len, uint64_t addr,
		      uint64_t alen_addr, uint32_t room);

#endif
