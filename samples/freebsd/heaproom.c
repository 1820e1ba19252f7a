/*
 * heaproom: crowds xeno's own memory with nothing but legal calls, and
 * expects what FreeBSD answers (sys/vm/vm_mmap.c kern_mmap: the address of
 * a mapping without MAP_FIXED is a hint; a MAP_FIXED range outside the
 * process's map is EINVAL), with xeno living on:
 *   - mappings hinted just above xeno's heap (the room it grows into) are
 *     made, and stay the program's: each can be unmapped again;
 *   - xeno then allocates for the program (kqueue knotes by the thousand):
 *     its heap grows, or whatever its allocator maps instead is xeno's too;
 *   - every anonymous mapping that is not the program's own is refused to a
 *     MAP_FIXED mmap over it (EINVAL).
 * Under "ulimit -S -d 0" xeno's heap cannot grow at all: its allocator maps
 * all it needs, and the same must hold.  One line per check ("... ok");
 * the last line is "N failed".
 */
#include "mini.h"

#define NHINTS	 64
#define NKNOTES	 40000 /* each a few hundred bytes of xeno's memory */
#define BATCH	 250
#define MAPS_MAX (64 * 1024)

extern char _end[]; /* the end of this program's image (its bss) */

static char maps[MAPS_MAX];
static unsigned long own[NHINTS]; /* the hinted mappings, one page each */

static void check(const char *what, int ok, long got)
{
	mini_printf("%s: %s\n", what, ok ? "ok" : "FAILED");
	if (!ok)
		mini_printf("  got %ld (%s)\n", got, got < 0 ? mini_errname(-got) : "no error");
	mini_failures += !ok;
}

static void read_maps(void)
{
	long fd = SYS3(open, "/proc/self/maps", O_RDONLY, 0), n = 0, r;
	while (fd >= 0 && n < MAPS_MAX - 1 && (r = SYS3(read, fd, maps + n, MAPS_MAX - 1 - n)) > 0)
		n += r;
	SYS1(close, fd);
	maps[n > 0 ? n : 0] = '\0';
}

static unsigned long hex(const char **p)
{
	unsigned long v = 0;
	for (;; (*p)++) {
		char c = **p;
		int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
		if (d < 0)
			return v;
		v = v * 16 + (unsigned long)d;
	}
}

/* One line of maps: its range, and its name ("" for anonymous memory). */
struct mapping {
	unsigned long lo, hi;
	const char *name;
};

/* Calls fn on each line of maps (which it cuts into lines). */
static void each_mapping(void (*fn)(const struct mapping *m, void *arg), void *arg)
{
	for (char *line = maps; *line;) {
		char *nl = line;
		while (*nl && *nl != '\n')
			nl++;
		int last = *nl == '\0';
		*nl = '\0';
		const char *p = line;
		struct mapping m;
		m.lo = hex(&p);
		p++;
		m.hi = hex(&p);
		m.name = nl; /* the path is the last field, if there is one */
		while (m.name > line && m.name[-1] != ' ')
			m.name--;
		fn(&m, arg);
		if (last)
			break;
		line = nl + 1;
	}
}

static void find_heap(const struct mapping *m, void *arg)
{
	if (mini_strcmp(m->name, "[heap]") == 0)
		*(unsigned long *)arg = m->hi;
}

static void hinted_mappings(void)
{
	unsigned long heap_end = 0;
	read_maps();
	each_mapping(find_heap, &heap_end);
	int placed = 0;
	for (int i = 0; i < NHINTS; i++) {
		/* no [heap] (its room is still all there): somewhere else */
		unsigned long hint = heap_end ? heap_end + (unsigned long)i * PAGE_SIZE : 0;
		long r = SYS6(mmap, hint, PAGE_SIZE, PROT_READ, MAP_ANON | MAP_PRIVATE, -1, 0);
		own[i] = r > 0 ? (unsigned long)r : 0;
		placed += r > 0;
	}
	check("mmap hinted just above xeno's heap, 64 times", placed == NHINTS, placed);
}

/* xeno allocates for the program: a knote per registered event. */
static void allocate(long *kq)
{
	static struct kevent changes[BATCH];
	*kq = SYS0(kqueue);
	long bad = *kq < 0 ? *kq : 0;
	for (int done = 0; done < NKNOTES && !bad; done += BATCH) {
		for (int j = 0; j < BATCH; j++)
			changes[j] = (struct kevent){.ident = (unsigned long)(done + j),
						     .filter = EVFILT_USER,
						     .flags = EV_ADD | EV_CLEAR};
		long r = SYS6(kevent, *kq, changes, BATCH, 0, 0, 0);
		bad = r < 0 ? r : 0;
	}
	check("kevent EV_ADD of 40000 user events", bad == 0, bad);
}

struct sweep {
	unsigned long stack;
	int tried, refused;
};

static int is_own(const struct mapping *m, unsigned long stack)
{
	if (m->lo < (unsigned long)_end || (m->lo <= stack && stack < m->hi))
		return 1;
	for (int i = 0; i < NHINTS; i++)
		if (own[i] && m->lo < own[i] + PAGE_SIZE && own[i] < m->hi)
			return 1;
	return 0;
}

/* A MAP_FIXED mapping over anonymous memory that is not the program's. */
static void map_over(const struct mapping *m, void *arg)
{
	struct sweep *s = arg;
	if (*m->name || is_own(m, s->stack))
		return;
	long r =
	    SYS6(mmap, m->lo, m->hi - m->lo, PROT_NONE, MAP_ANON | MAP_PRIVATE | MAP_FIXED, -1, 0);
	s->tried++;
	s->refused += r == -EINVAL;
	if (r != -EINVAL)
		mini_printf("  %lx-%lx: got %ld, not EINVAL\n", m->lo, m->hi, r);
}

int main(int argc, char **argv, char **envp)
{
	(void)argc, (void)argv, (void)envp;
	hinted_mappings();
	long kq1, kq2;
	allocate(&kq1);

	int here;
	struct sweep s = {(unsigned long)&here, 0, 0};
	read_maps();
	each_mapping(map_over, &s);
	check("MAP_FIXED over xeno's anonymous memory: EINVAL each time",
	      s.tried > 0 && s.refused == s.tried, s.tried - s.refused);

	int freed = 0;
	for (int i = 0; i < NHINTS; i++)
		freed += own[i] && SYS2(munmap, own[i], PAGE_SIZE) == 0;
	check("munmap of each hinted mapping", freed == NHINTS, freed);

	allocate(&kq2); /* xeno still allocates */
	check("close of both kqueues", SYS1(close, kq1) == 0 && SYS1(close, kq2) == 0, 0);
	mini_printf("%d failed\n", mini_failures);
	return mini_failures != 0;
}
