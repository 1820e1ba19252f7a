/*
 * `xeno trace`: the subcommands that read recordings made with --record.
 *   show   prints a recording as --trace would have
 *   diff   compares two recordings (or normalised traces) after
 *          normalisation: exit 0 if they match, 1 if not, 2 on trouble
 */
#include "trace/cmd.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/personality.h"
#include "trace/diff.h"
#include "trace/filter.h"
#include "trace/format.h"
#include "trace/read.h"

static const char usage[] =
    "usage: xeno trace show [--host] [--time[=wall|elapsed]] [--durations]\n"
    "                       [--filter=EXPR] [--normalize] RECORDING\n"
    "       xeno trace diff [--context=N] [--filter=EXPR] A B\n"
    "\n"
    "show  prints a recording made with `xeno --record=FILE` as --trace would\n"
    "      have printed it: --host adds the host calls under each call, --time\n"
    "      and --durations as xeno's --trace-time and --trace-durations,\n"
    "      --filter as --trace-filter; --normalize prints the normalised form\n"
    "      `diff` compares (one section per thread, run-dependent values\n"
    "      renumbered or masked), as the golden traces in tests/golden/ are.\n"
    "diff  compares two recordings, or normalised traces, thread by thread\n"
    "      (threads matched in order of creation) after normalising addresses,\n"
    "      descriptors, process and thread ids and times.  Prints unified diffs\n"
    "      of the threads that differ (N lines of context, default 3).\n"
    "\n"
    "Exit status: 0 (diff: the traces match), 1 (diff: they differ), 2 for a\n"
    "usage error or a recording that cannot be read.\n";

static int usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "xeno trace: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n%s", usage);
	return 2;
}

struct show_options {
	bool host, durations, normalize;
	enum xt_time_mode time;
	const char *filter;
};

/* Loads a recording; says why not (one line) and returns -1 on failure. */
static int load(const char *path, struct xt_recording *r, bool quiet_partial)
{
	if (xt_load_file(path, r) == 0)
		return 0;
	if (quiet_partial && r->have_header && r->size > 0)
		return 1; /* the caller shows what there is, then the error */
	fprintf(stderr, "xeno trace: %s: %s\n", path, r->error);
	return -1;
}

static const struct xeno_personality *personality_of(const char *path, const struct xt_recording *r)
{
	const struct xeno_personality *os = xeno_personality_named(r->header.os);
	if (!os)
		fprintf(stderr,
			"xeno trace: %s: a recording of a %s program, which this xeno "
			"does not know\n",
			path, r->header.os);
	return os;
}

static bool parse_filter(struct xt_filter *f, const struct xeno_personality *os, const char *expr)
{
	char err[256];
	if (!expr)
		return true;
	if (xt_filter_parse(f, os, expr, true, err, sizeof err) == 0)
		return true;
	fprintf(stderr, "xeno trace: --filter: %s\n", err);
	return false;
}

static void show_events(struct xt_recording *r, const struct xeno_personality *os,
			const struct show_options *o, const struct xt_filter *f)
{
	const struct xt_format fmt = {.show_tid = true,
				      .time = o->time,
				      .durations = o->durations,
				      .wall_sec = r->header.wall_sec,
				      .wall_nsec = r->header.wall_nsec};
	struct xt_event ev;
	while (xt_next_event(r, &ev) > 0) {
		if (ev.type == XT_CALL && !xt_filter_shows_event(f, &ev))
			continue;
		struct xeno_tline l;
		tl_init(&l, os, NULL);
		if (!xt_format_event(&l, &ev, &fmt))
			continue;
		printf("%s\n", l.buf);
		for (unsigned i = 0; o->host && i < ev.nhost; i++) {
			tl_init(&l, os, NULL);
			xt_format_host(&l, &ev.host[i]);
			printf("%s\n", l.buf);
		}
		if (o->host && ev.host_dropped)
			printf("  > ... %u more host calls\n", ev.host_dropped);
	}
}

static int show(const char *path, const struct show_options *o)
{
	struct xt_recording r;
	int loaded = load(path, &r, !o->normalize);
	if (loaded < 0)
		return 2;
	int status = 0;
	const struct xeno_personality *os = personality_of(path, &r);
	struct xt_filter f = {0};
	if (!os || !parse_filter(&f, os, o->filter)) {
		status = 2;
	} else if (o->normalize) {
		struct xt_threads th;
		char err[256];
		if (xt_normalise(&r, &f, &th, err, sizeof err) < 0) {
			fprintf(stderr, "xeno trace: %s: %s\n", path, err);
			status = 2;
		} else {
			xt_write_normalised(stdout, &th);
			xt_threads_free(&th);
		}
	} else {
		show_events(&r, os, o, &f);
		fflush(stdout);
		if (r.error[0]) {
			fprintf(stderr, "xeno trace: %s: %s\n", path, r.error);
			status = 2;
		}
	}
	xt_filter_free(&f);
	xt_recording_free(&r);
	return status;
}

static int cmd_show(int argc, char **argv)
{
	struct show_options o = {0};
	const char *path = NULL;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--host") == 0)
			o.host = true;
		else if (strcmp(a, "--durations") == 0)
			o.durations = true;
		else if (strcmp(a, "--normalize") == 0 || strcmp(a, "--normalise") == 0)
			o.normalize = true;
		else if (strcmp(a, "--time") == 0 || strcmp(a, "--time=wall") == 0)
			o.time = XT_TIME_WALL;
		else if (strcmp(a, "--time=elapsed") == 0)
			o.time = XT_TIME_ELAPSED;
		else if (strncmp(a, "--filter=", 9) == 0)
			o.filter = a + 9;
		else if (a[0] == '-' && a[1])
			return usage_error("unknown option '%s'", a);
		else if (path)
			return usage_error("%s", "show takes one recording");
		else
			path = a;
	}
	if (!path)
		return usage_error("%s", "show: no recording given");
	return show(path, &o);
}

/* A recording, or a normalised trace (a golden file), as normalised lines. */
static int load_normalised(const char *path, const char *filter, struct xt_threads *th)
{
	char err[256];
	FILE *f = fopen(path, "rb");
	char magic[XT_MAGIC_SIZE] = {0};
	size_t got = f ? fread(magic, 1, sizeof magic, f) : 0;
	if (f)
		fclose(f);
	if (!f) {
		fprintf(stderr, "xeno trace: %s: %m\n", path);
		return -1;
	}
	if (got < XT_MAGIC_SIZE || memcmp(magic, XT_MAGIC, XT_MAGIC_SIZE) != 0) {
		if (xt_read_normalised(path, th, err, sizeof err) == 0)
			return 0;
		fprintf(stderr, "xeno trace: %s: %s\n", path, err);
		return -1;
	}
	struct xt_recording r;
	if (load(path, &r, false) < 0)
		return -1;
	const struct xeno_personality *os = personality_of(path, &r);
	struct xt_filter flt = {0};
	int rc = -1;
	if (os && parse_filter(&flt, os, filter)) {
		rc = xt_normalise(&r, &flt, th, err, sizeof err);
		if (rc < 0)
			fprintf(stderr, "xeno trace: %s: %s\n", path, err);
	}
	xt_filter_free(&flt);
	xt_recording_free(&r);
	return rc;
}

static int cmd_diff(int argc, char **argv)
{
	const char *paths[2];
	int npaths = 0, context = 3;
	const char *filter = NULL;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strncmp(a, "--context=", 10) == 0) {
			char *end;
			long c = strtol(a + 10, &end, 10);
			if (*end || end == a + 10 || c < 0 || c > 1000)
				return usage_error("bad context '%s'", a + 10);
			context = (int)c;
		} else if (strncmp(a, "--filter=", 9) == 0) {
			filter = a + 9;
		} else if (a[0] == '-' && a[1]) {
			return usage_error("unknown option '%s'", a);
		} else if (npaths == 2) {
			return usage_error("%s", "diff takes two traces");
		} else {
			paths[npaths++] = a;
		}
	}
	if (npaths != 2)
		return usage_error("%s", "diff takes two traces");
	struct xt_threads a, b;
	if (load_normalised(paths[0], filter, &a) < 0)
		return 2;
	if (load_normalised(paths[1], filter, &b) < 0) {
		xt_threads_free(&a);
		return 2;
	}
	int rc = xt_diff(&a, &b, paths[0], paths[1], context, stdout);
	xt_threads_free(&a);
	xt_threads_free(&b);
	return rc;
}

int xeno_trace_command(int argc, char **argv)
{
	if (argc < 2)
		return usage_error("%s", "which command: show or diff?");
	const char *cmd = argv[1];
	if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
		fputs(usage, stdout);
		return 0;
	}
	if (strcmp(cmd, "show") == 0)
		return cmd_show(argc - 1, argv + 1);
	if (strcmp(cmd, "diff") == 0)
		return cmd_diff(argc - 1, argv + 1);
	return usage_error("unknown command '%s'", cmd);
}
