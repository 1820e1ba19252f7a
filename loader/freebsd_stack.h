#ifndef XENO_LOADER_FREEBSD_STACK_H
#define XENO_LOADER_FREEBSD_STACK_H

struct xeno_image;
struct xeno_entry;

/* Maps and fills a FreeBSD process's initial stack: 0 or -errno. */
int freebsd_build_stack(const struct xeno_image *img, char *const argv[], char *const envp[],
			struct xeno_entry *entry);

#endif
