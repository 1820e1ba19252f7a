# Guest tests of the OpenBSD samples (samples/openbsd/), sourced by
# tests/guest/run.sh: dynamically linked programs xeno links against its
# OpenBSD shims (libc.so, libpthread.so).
obin=$(cd "$bin/../openbsd" 2>/dev/null && pwd)

# openbsd CASE [STATUS]: runs samples/openbsd/CASE under xeno; its output
# must be expected/openbsd-CASE.out and its exit status STATUS (0).
openbsd() {
	ln -sf "$obin/$1" "$work/openbsd-$1"
	begin "openbsd-$1"
	run "$xeno" "./openbsd-$1" one
	status_is "${2:-0}"
	stdout_is "openbsd-$1.out"
	stderr_empty
	end
}

if [ -z "$obin" ]; then
	skip openbsd "no samples/openbsd built"
else
	openbsd hello 3
	openbsd errno
	openbsd threads
	openbsd kqueue
	openbsd signals
	openbsd sockets
	openbsd forkexec

	# OpenBSD's names in the trace: the libraries' sonames, errno names,
	# clock ids, and struct kevent decoded with OpenBSD's filters
	ln -sf "$obin/errno" "$work/openbsd-errno"
	begin openbsd-trace
	run "$xeno" --trace ./openbsd-errno
	status_is 0
	trace_has 'libc\.so\.100\.3:open\("/no/such/file", O_RDONLY, 0\) = -1 ENOENT \(.*\)'
	trace_has 'libc\.so\.100\.3:__thrsleep\(0x[0-9a-f]+, CLOCK_MONOTONIC, \{tv_sec=[0-9]+, tv_nsec=[0-9]+\}, NULL, NULL\) = EAGAIN \(.*\)'
	trace_has 'libc\.so\.100\.3:__thrsleep\(0x[0-9a-f]+, CLOCK_MONOTONIC, NULL, NULL, 0x[0-9a-f]+\) = EINTR \(.*\)'
	trace_has 'libc\.so\.100\.3:__thrwakeup\(0x[0-9a-f]+, 1\) = ESRCH \(.*\)'
	trace_has 'libpthread\.so\.27\.1:pthread_create\(0x[0-9a-f]+, NULL, 0x[0-9a-f]+, 0x[0-9a-f]+\) = 0'
	end

	ln -sf "$obin/kqueue" "$work/openbsd-kqueue"
	begin openbsd-trace-kevent
	run "$xeno" --trace ./openbsd-kqueue
	status_is 0
	trace_has 'libc\.so\.100\.3:kevent\(3, \[\{ident=4, filter=EVFILT_READ, flags=EV_ADD, fflags=0, data=0, udata=0x1234\}\], 1, NULL, 0, NULL\) = 0'
	trace_has 'libc\.so\.100\.3:kevent\(3, NULL, 0, \[\{ident=4, filter=EVFILT_READ, flags=0, fflags=0, data=3, udata=0x1234\}\], 1, .*\) = 1'
	trace_has 'libc\.so\.100\.3:kevent\(3, .*ident=9999.*\) = -1 EBADF \(.*\)'
	end

	# OpenBSD's signal names, a read a handler interrupted, a refused
	# connection with OpenBSD's errno name and the address decoded
	ln -sf "$obin/signals" "$work/openbsd-signals"
	begin openbsd-trace-signals
	run "$xeno" --trace ./openbsd-signals
	status_is 0
	trace_has 'libc\.so\.100\.3:sigaction\(SIGUSR2, \{sa_handler=0x[0-9a-f]+, sa_mask=\[\], sa_flags=SA_ONSTACK\|SA_SIGINFO\}, NULL\) = 0'
	trace_has 'libc\.so\.100\.3:thrkill\(0, SIGUSR1, NULL\) = 0'
	trace_has 'libc\.so\.100\.3:read\(3, 0x[0-9a-f]+, 1\) = -1 EINTR \(.*\)'
	end

	# The trace on a pipe nobody reads (trace-dead-pipe-handler): here
	# written during library calls, under the program's own mask
	begin openbsd-trace-dead-pipe
	run_dead_pipe "$xeno" --trace ./openbsd-signals pipe
	status_is 0
	end

	ln -sf "$obin/sockets" "$work/openbsd-sockets"
	begin openbsd-trace-sockets
	run "$xeno" --trace ./openbsd-sockets
	status_is 0
	trace_has 'libc\.so\.100\.3:connect\(3, \{sa_len=16, sa_family=AF_INET, sin_port=htons\([0-9]+\), sin_addr=inet_addr\("127\.0\.0\.1"\)\}, 16\) = -1 ECONNREFUSED \(.*\)'
	trace_has 'libc\.so\.100\.3:accept\(3, NULL, NULL\) = -1 EAGAIN \(.*\)'
	end

	# fork gives one result (no system call's second value), the wait
	# status decoded with OpenBSD's signal names, ECHILD
	ln -sf "$obin/forkexec" "$work/openbsd-forkexec"
	begin openbsd-trace-forkexec
	run "$xeno" --trace ./openbsd-forkexec
	status_is 0
	trace_has 'libc\.so\.100\.3:fork\(\) = 0'
	trace_has 'libc\.so\.100\.3:waitpid\([0-9]+, \[\{WIFSIGNALED\(s\) && WTERMSIG\(s\) == SIGUSR1\}\], 0\) = [0-9]+'
	trace_has 'libc\.so\.100\.3:waitpid\(-1, 0x[0-9a-f]+, 0\) = -1 ECHILD \(.*\)'
	grep -q 'second value' "$err" && fail "a function traced with a second value" "$(grep 'second value' "$err")"
	end

	# xeno --check: both libraries built in, nothing unresolved
	begin openbsd-check
	run "$xeno" --check "$obin/threads"
	status_is 0
	grep -q 'library: libc\.so[.0-9]*: built into xeno' "$out" || fail "libc.so not built in" "$(cat "$out")"
	grep -q 'library: libpthread\.so[.0-9]*: built into xeno' "$out" ||
		fail "libpthread.so not built in" "$(cat "$out")"
	grep -q 'unresolved imports: 0' "$out" || fail "unresolved imports" "$(cat "$out")"
	end
fi
