/*
 * The compat root (core/root.c): which host path a guest path becomes, for
 * each way a call uses it, on a small tree made here:
 *
 *   DIR/etc/file            a file that exists only under the root
 *   DIR/etc/abs -> /etc/file        an absolute link: resolved inside DIR
 *   DIR/etc/dangling -> /nonexistent
 *   DIR/etc/up -> ../../..          climbs past the top of DIR
 *   DIR/sub/
 *   DIR-link -> DIR                 the root named through a link
 */
#include "unit.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/root.h"

static char top[1024]; /* the temporary directory */
static char dir[1100]; /* DIR, canonical */
static char link_to_dir[1100];

static void make_file(const char *rel)
{
	char p[PATH_MAX];
	snprintf(p, sizeof p, "%s/%s", dir, rel);
	FILE *f = fopen(p, "w");
	assert_non_null(f);
	fputs("x\n", f);
	fclose(f);
}

static void make_link(const char *target, const char *rel)
{
	char p[PATH_MAX];
	snprintf(p, sizeof p, "%s/%s", dir, rel);
	assert_int_equal(symlink(target, p), 0);
}

static int setup(void **state)
{
	(void)state;
	const char *tmp = getenv("TMPDIR");
	char t[PATH_MAX], real[PATH_MAX];
	snprintf(t, sizeof t, "%.900s/xeno-root.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(t) || !realpath(t, real) || strlen(real) >= sizeof top)
		return -1;
	strcpy(top, real);
	snprintf(dir, sizeof dir, "%s/root", top);
	snprintf(link_to_dir, sizeof link_to_dir, "%s/root-link", top);
	char p[PATH_MAX];
	mkdir(dir, 0755);
	snprintf(p, sizeof p, "%s/etc", dir);
	mkdir(p, 0755);
	snprintf(p, sizeof p, "%s/sub", dir);
	mkdir(p, 0755);
	symlink(dir, link_to_dir);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[PATH_MAX + 16];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", top);
	return system(cmd);
}

/* The host path the compat root makes of guest, for a call that uses it as how. */
static const char *host_path(const char *guest, int how)
{
	static char buf[PATH_MAX];
	snprintf(buf, sizeof buf, "%s", guest);
	assert_int_equal(xeno_root_path(buf, sizeof buf, how), 0);
	return buf;
}

/* DIR followed by rest. */
static const char *in_dir(const char *rest)
{
	static char buf[PATH_MAX];
	snprintf(buf, sizeof buf, "%s%s", dir, rest);
	return buf;
}

static void refuses_what_is_not_a_directory(void **state)
{
	(void)state;
	char p[PATH_MAX];
	snprintf(p, sizeof p, "%s/missing", top);
	assert_int_equal(xeno_root_init(p), -ENOENT);
	make_file("etc/plain");
	snprintf(p, sizeof p, "%s/etc/plain", dir);
	assert_int_equal(xeno_root_init(p), -ENOTDIR);
}

static void named_through_a_link_it_is_canonical(void **state)
{
	(void)state;
	assert_int_equal(xeno_root_init(link_to_dir), 0);
	assert_string_equal(xeno_root_dir(), dir);
}

static void a_file_only_under_the_root_is_found_there(void **state)
{
	(void)state;
	make_file("etc/file");
	assert_int_equal(xeno_root_init(dir), 0);
	assert_string_equal(host_path("/etc/file", XENO_ROOT_FOLLOW), in_dir("/etc/file"));
	assert_string_equal(host_path("/etc/file", XENO_ROOT_NOFOLLOW), in_dir("/etc/file"));
	assert_string_equal(host_path("//etc///file", XENO_ROOT_FOLLOW), in_dir("/etc/file"));
}

static void what_is_not_under_the_root_stays_the_hosts(void **state)
{
	(void)state;
	assert_int_equal(xeno_root_init(dir), 0);
	assert_string_equal(host_path("/etc/missing", XENO_ROOT_FOLLOW), "/etc/missing");
	assert_string_equal(host_path("/proc/self", XENO_ROOT_NOFOLLOW), "/proc/self");
	assert_string_equal(host_path("/etc/file/below", XENO_ROOT_FOLLOW), "/etc/file/below");
}

static void relative_and_verbatim_paths_are_left_alone(void **state)
{
	(void)state;
	make_file("etc/file");
	assert_int_equal(xeno_root_init(dir), 0);
	assert_string_equal(host_path("etc/file", XENO_ROOT_FOLLOW), "etc/file");
	assert_string_equal(host_path("", XENO_ROOT_FOLLOW), "");
	assert_string_equal(host_path("/etc/file", XENO_ROOT_VERBATIM), "/etc/file");
}

static void the_top_is_the_root_and_dotdot_stays_there(void **state)
{
	(void)state;
	make_file("etc/file");
	assert_int_equal(xeno_root_init(dir), 0);
	assert_string_equal(host_path("/", XENO_ROOT_FOLLOW), dir);
	assert_string_equal(host_path("/..", XENO_ROOT_FOLLOW), dir);
	assert_string_equal(host_path("/../../etc/file", XENO_ROOT_FOLLOW), in_dir("/etc/file"));
	assert_string_equal(host_path("/sub/../../etc/file", XENO_ROOT_FOLLOW),
			    in_dir("/etc/file"));
}

static void links_resolve_inside_the_root(void **state)
{
	(void)state;
	make_file("etc/file");
	make_link("/etc/file", "etc/abs");
	make_link("../../..", "etc/up");
	make_link("/nonexistent", "etc/dangling");
	assert_int_equal(xeno_root_init(dir), 0);
	/* followed: the target under DIR, not the host's /etc/file */
	assert_string_equal(host_path("/etc/abs", XENO_ROOT_FOLLOW), in_dir("/etc/file"));
	/* not followed: the link itself */
	assert_string_equal(host_path("/etc/abs", XENO_ROOT_NOFOLLOW), in_dir("/etc/abs"));
	/* a relative link cannot climb out of DIR either */
	assert_string_equal(host_path("/etc/up/etc/file", XENO_ROOT_FOLLOW), in_dir("/etc/file"));
	/* a link to nothing under DIR: the host's path */
	assert_string_equal(host_path("/etc/dangling", XENO_ROOT_FOLLOW), "/etc/dangling");
	assert_string_equal(host_path("/etc/dangling", XENO_ROOT_NOFOLLOW),
			    in_dir("/etc/dangling"));
}

static void creating_needs_the_parent_under_the_root(void **state)
{
	(void)state;
	assert_int_equal(xeno_root_init(dir), 0);
	assert_string_equal(host_path("/etc/new", XENO_ROOT_CREATE), in_dir("/etc/new"));
	assert_string_equal(host_path("/etc/newdir/", XENO_ROOT_CREATE | XENO_ROOT_NOFOLLOW),
			    in_dir("/etc/newdir/"));
	assert_string_equal(host_path("/new-at-top", XENO_ROOT_CREATE), in_dir("/new-at-top"));
	assert_string_equal(host_path("/no-such-dir/new", XENO_ROOT_CREATE), "/no-such-dir/new");
	/* without CREATE a missing file is the host's */
	assert_string_equal(host_path("/etc/new", XENO_ROOT_FOLLOW), "/etc/new");
}

static void a_path_too_long_for_the_host_fails(void **state)
{
	(void)state;
	make_file("etc/file");
	assert_int_equal(xeno_root_init(dir), 0);
	char small[12] = "/etc/file";
	assert_int_equal(xeno_root_path(small, sizeof small, XENO_ROOT_FOLLOW), -ENAMETOOLONG);
}

static void the_working_directory_shows_without_the_root(void **state)
{
	(void)state;
	assert_int_equal(xeno_root_init(dir), 0);
	char p[PATH_MAX];
	strcpy(p, dir);
	assert_int_equal(xeno_root_guest_cwd(p, strlen(p)), 1);
	assert_string_equal(p, "/");
	snprintf(p, sizeof p, "%s/sub", dir);
	assert_int_equal(xeno_root_guest_cwd(p, strlen(p)), 4);
	assert_string_equal(p, "/sub");
	snprintf(p, sizeof p, "%s-link", dir); /* next to DIR, not in it */
	assert_int_equal(xeno_root_guest_cwd(p, strlen(p)), strlen(dir) + 5);
	assert_string_equal(p, link_to_dir);
	snprintf(p, sizeof p, "/tmp");
	assert_int_equal(xeno_root_guest_cwd(p, 4), 4);
	assert_string_equal(p, "/tmp");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(refuses_what_is_not_a_directory),
	    cmocka_unit_test(named_through_a_link_it_is_canonical),
	    cmocka_unit_test(a_file_only_under_the_root_is_found_there),
	    cmocka_unit_test(what_is_not_under_the_root_stays_the_hosts),
	    cmocka_unit_test(relative_and_verbatim_paths_are_left_alone),
	    cmocka_unit_test(the_top_is_the_root_and_dotdot_stays_there),
	    cmocka_unit_test(links_resolve_inside_the_root),
	    cmocka_unit_test(creating_needs_the_parent_under_the_root),
	    cmocka_unit_test(a_path_too_long_for_the_host_fails),
	    cmocka_unit_test(the_working_directory_shows_without_the_root),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
