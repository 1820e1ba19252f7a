/* illumos event ports: one-shot associations, renewed by the program;
 * POLLIN and POLLOUT together; ETIME; port_alert waking a waiter and
 * holding the port in alert mode; port_send; port_dissociate. */
#include "illumos.h"

static int port;
static const struct timespec ms50 = {0, 50000000};

static void show(const char *what, int r, unsigned n, const port_event_t *pe)
{
	printf("%s: %s, %u event%s", what, r < 0 ? (errno == ETIME ? "ETIME" : "error") : "ok", n,
	       n == 1 ? "" : "s");
	for (unsigned i = 0; i < n; i++)
		printf(" {source %d, events %#x, user %s}", pe[i].portev_source,
		       pe[i].portev_events, (const char *)pe[i].portev_user);
	printf("\n");
}

static int getn(const char *what, const struct timespec *ts)
{
	port_event_t pe[4];
	unsigned n = 1;
	int r = port_getn(port, pe, 4, &n, ts);
	show(what, r, n, pe);
	return (int)n;
}

static sem_t waiting;
static void *waiter(void *arg)
{
	(void)arg;
	sem_post(&waiting);
	getn("woken by port_alert", 0); /* no timeout */
	return 0;
}

int main(void)
{
	int fds[2];
	static const struct timespec zero = {0, 0};
	port = port_create();
	if (port < 0 || pipe(fds) < 0)
		return 2;
	port_associate(port, PORT_SOURCE_FD, fds[0], POLLIN, "reader");
	getn("nothing yet", &zero);
	write(fds[1], "x", 1);
	getn("readable", &ms50);
	getn("one-shot: not again", &ms50);
	port_associate(port, PORT_SOURCE_FD, fds[0], POLLIN, "reader again");
	getn("associated again", &ms50);
	port_associate(port, PORT_SOURCE_FD, fds[1], POLLIN | POLLOUT, "writer");
	getn("writable", &ms50);
	int sv[2];
	if (__xnet_socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0)
		return 3;
	write(sv[1], "y", 1);
	port_associate(port, PORT_SOURCE_FD, sv[0], POLLIN | POLLOUT, "both");
	getn("both ways", &ms50);
	port_associate(port, PORT_SOURCE_FD, fds[0], 0, "none");
	getn("no events asked for", &ms50);
	printf("dissociate: %d\n", port_dissociate(port, PORT_SOURCE_FD, fds[0]));
	printf("dissociate again: %s\n",
	       port_dissociate(port, PORT_SOURCE_FD, fds[0]) < 0 && errno == 2 ? "ENOENT" : "?");
	port_send(port, 0x1234, "sent");
	getn("port_send", &ms50);
	sem_init(&waiting, 0, 0);
	pthread_t t;
	pthread_create(&t, 0, waiter, 0);
	sem_wait(&waiting);
	usleep(20000);
	port_alert(port, PORT_ALERT_UPDATE, POLLHUP, "alert");
	pthread_join(t, 0);
	getn("in alert mode", &ms50);
	printf("update again: %s\n",
	       port_alert(port, PORT_ALERT_UPDATE, POLLHUP, "alert") < 0 && errno == EBUSY ? "EBUSY"
											   : "?");
	port_alert(port, 0, 0, 0);
	getn("alert mode over", &zero);
	close(port);
	printf("a closed port: %s\n",
	       port_associate(port, PORT_SOURCE_FD, fds[0], POLLIN, 0) < 0 && errno == EBADF
		   ? "EBADF"
		   : "?");
	return 0;
}
