/*
 * A shared library of the samples' own found through the program's
 * DT_NEEDED on XENO_LIBRARY_PATH (libgreet.so.1), and another loaded by
 * dlopen (libplugin.so.1): dlsym, dlerror, dynamic TLS, dl_iterate_phdr,
 * and dlclose, which unloads it (its destructor runs), so that a second
 * dlopen loads it afresh.
 */
#include "libc.h"

const char *greet_name(void);
int greet_callback(int (*fn)(int), int x);

static int twice(int x)
{
	return 2 * x;
}

static const char *base_name(const char *path)
{
	const char *slash = path;
	for (const char *p = path; *p; p++)
		if (*p == '/')
			slash = p + 1;
	return slash;
}

struct seen {
	int objects, program_first, greet, plugin;
};

static int each(struct dl_phdr_info *info, size_t size, void *data)
{
	struct seen *s = data;
	if (size < sizeof *info || !info->dlpi_phdr)
		return 1;
	if (s->objects++ == 0)
		s->program_first = strcmp(base_name(info->dlpi_name), "dyn-libs") == 0 ||
				   strcmp(base_name(info->dlpi_name), "libs") == 0;
	s->greet |= strcmp(base_name(info->dlpi_name), "libgreet.so.1") == 0;
	s->plugin |= strcmp(base_name(info->dlpi_name), "libplugin.so.1") == 0;
	return 0;
}

static int (*tls_next)(void);

static void *in_thread(void *arg)
{
	(void)arg;
	return (void *)(intptr_t)tls_next();
}

int main(void)
{
	printf("needed library: %s\n", greet_name());
	printf("a call back into the program: %d\n", greet_callback(twice, 20));
	printf("dlsym(RTLD_DEFAULT) finds it: %s\n",
	       dlsym(RTLD_DEFAULT, "greet_name") == (void *)greet_name ? "yes" : "no");

	puts("dlopen libplugin.so.1:");
	void *h = dlopen("libplugin.so.1", RTLD_NOW);
	printf("dlopen: %s\n", h ? "a handle" : dlerror());
	int (*add)(int, int) = (int (*)(int, int))dlsym(h, "plugin_add");
	printf("plugin_add(2, 3) = %d\n", add(2, 3));
	tls_next = (int (*)(void))dlsym(h, "plugin_tls_next");
	int first = tls_next();
	int second = tls_next();
	printf("dynamic TLS: %d %d\n", first, second);
	pthread_t t;
	void *other;
	pthread_create(&t, NULL, in_thread, NULL);
	pthread_join(t, &other);
	printf("dynamic TLS in another thread: %ld\n", (long)(intptr_t)other);
	printf("dlsym of a missing symbol: %s\n", dlsym(h, "no_such_symbol") ? "found" : "NULL");
	const char *e1 = dlerror(), *e2 = dlerror();
	printf("dlerror: %s, then: %s\n", e1 ? "a message" : "none", e2 ? "a message" : "none");
	printf("dlopen of a missing library: %s\n",
	       dlopen("libnothere.so.1", RTLD_NOW) ? "found" : "NULL");
	printf("dlerror: %s\n", dlerror() ? "a message" : "none");

	struct seen s = {0, 0, 0, 0};
	dl_iterate_phdr(each, &s);
	printf("dl_iterate_phdr: program first %s, libgreet %s, libplugin %s\n",
	       s.program_first ? "yes" : "no", s.greet ? "yes" : "no", s.plugin ? "yes" : "no");

	puts("dlclose:");
	printf("dlclose: %d\n", dlclose(h));
	printf("dlclose again: %d\n", dlclose(h));
	puts("dlopen again:");
	h = dlopen("libplugin.so.1", RTLD_NOW);
	tls_next = (int (*)(void))dlsym(h, "plugin_tls_next");
	printf("fresh TLS: %d\n", tls_next());
	return 0;
}
