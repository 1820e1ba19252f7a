/*
 * libplugin.so.1: loaded by dlopen, after the program started, so its
 * thread-local variable is a block made on first use (dynamic TLS); its
 * constructor runs in dlopen, its destructor in the dlclose that lets go
 * of it last.
 */
#include "libc.h"

__thread int plugin_tls = 7;

__attribute__((constructor)) static void plugin_init(void)
{
	puts("libplugin: constructor");
}

__attribute__((destructor)) static void plugin_fini(void)
{
	puts("libplugin: destructor");
}

int plugin_add(int a, int b)
{
	return a + b;
}

int plugin_tls_next(void)
{
	return ++plugin_tls;
}
