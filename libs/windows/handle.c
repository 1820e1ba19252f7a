/*
 * Handles: Windows names every kernel object a program holds — files,
 * pipes, consoles, events, timers, threads, completion ports, sockets —
 * by a handle, a small multiple of four, never by a descriptor.  One table
 * for the process; each slot points at a reference-counted object
 * (DuplicateHandle shares one).  The standard handles wrap descriptors 0, 1
 * and 2; -1 and -2 are the pseudo-handles of the process and the thread.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libs/windows/windows.h"

#define MAX_HANDLES 65536

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct win_object *table[MAX_HANDLES]; /* handle h is table[h / 4] */
static unsigned next_free = 1;
static uint64_t std_handles[3];

static void object_free(struct win_object *o);

uint64_t win_handle_add(struct win_object *o)
{
	pthread_mutex_lock(&lock);
	unsigned i = next_free;
	while (i < MAX_HANDLES && table[i])
		i++;
	if (i == MAX_HANDLES) {
		for (i = 1; i < next_free && table[i]; i++)
			;
		if (i == next_free) {
			pthread_mutex_unlock(&lock);
			return 0;
		}
	}
	table[i] = o;
	__atomic_add_fetch(&o->refs, 1, __ATOMIC_ACQ_REL);
	next_free = i + 1;
	pthread_mutex_unlock(&lock);
	return (uint64_t)i * 4;
}

struct win_object *win_object_new(enum win_kind kind, uint64_t *h)
{
	struct win_object *o = calloc(1, sizeof *o);
	if (!o)
		return NULL;
	o->kind = kind;
	if (kind == WIN_FILE || kind == WIN_SOCKET)
		o->file.fd = -1;
	*h = win_handle_add(o);
	if (!*h) {
		free(o);
		return NULL;
	}
	return o; /* the handle's is the one reference */
}

struct win_object *win_get(uint64_t h)
{
	if (h % 4 || h / 4 >= MAX_HANDLES || h == 0)
		return NULL;
	pthread_mutex_lock(&lock);
	struct win_object *o = table[h / 4];
	if (o)
		__atomic_add_fetch(&o->refs, 1, __ATOMIC_ACQ_REL);
	pthread_mutex_unlock(&lock);
	return o;
}

struct win_object *win_get_kind(uint64_t h, enum win_kind kind)
{
	struct win_object *o = win_get(h);
	if (o && o->kind != kind) {
		win_put(o);
		o = NULL;
	}
	if (!o)
		win_set_error(WIN_ERROR_INVALID_HANDLE);
	return o;
}

void win_put(struct win_object *o)
{
	if (o && __atomic_sub_fetch(&o->refs, 1, __ATOMIC_ACQ_REL) == 0)
		object_free(o);
}

int win_handle_close(uint64_t h)
{
	if (h % 4 || h / 4 >= MAX_HANDLES || h == 0)
		return -EBADF;
	pthread_mutex_lock(&lock);
	struct win_object *o = table[h / 4];
	table[h / 4] = NULL;
	if (o && h / 4 < next_free)
		next_free = (unsigned)(h / 4);
	pthread_mutex_unlock(&lock);
	if (!o)
		return -EBADF;
	for (int i = 0; i < 3; i++)
		if (std_handles[i] == h)
			std_handles[i] = 0;
	win_put(o);
	return 0;
}

void win_file_release(struct win_object *o);
void win_iocp_release(struct win_object *o);
void win_find_release(struct win_object *o);
void win_socket_release(struct win_object *o);

static void object_free(struct win_object *o)
{
	switch (o->kind) {
	case WIN_SOCKET:
		win_socket_release(o); /* its pending operations end first */
		win_file_release(o);
		break;
	case WIN_FILE:
		win_file_release(o);
		break;
	case WIN_IOCP:
		win_iocp_release(o);
		break;
	case WIN_FIND:
		win_find_release(o);
		break;
	default:
		break;
	}
	free(o);
}

uint64_t win_file_handle(int fd, const char *path, bool directory)
{
	uint64_t h;
	struct win_object *o = win_object_new(WIN_FILE, &h);
	if (!o)
		return 0;
	o->file.fd = fd;
	o->file.console = isatty(fd);
	o->file.directory = directory;
	o->file.path = path ? strdup(path) : NULL;
	return h;
}

void win_std_handles_init(void)
{
	for (int i = 0; i < 3; i++) {
		struct stat st;
		if (fstat(i, &st) < 0)
			continue; /* closed: GetStdHandle answers NULL */
		/* the handle's own descriptor: CloseHandle(stdout) must not take
		 * descriptor 1 from whoever else writes to it */
		int fd = fcntl(i, F_DUPFD_CLOEXEC, 3);
		if (fd >= 0)
			std_handles[i] = win_file_handle(fd, NULL, S_ISDIR(st.st_mode));
	}
}

uint64_t win_std_handle(int which)
{
	return which >= 0 && which < 3 ? std_handles[which] : 0;
}

void win_set_std_handle(int which, uint64_t h)
{
	if (which >= 0 && which < 3)
		std_handles[which] = h;
}
