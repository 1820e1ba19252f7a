# Guest tests of the illumos samples (samples/illumos/), sourced by
# tests/guest/run.sh: dynamically linked programs xeno links against its
# illumos shims (libc.so.1, libsocket.so.1, libsendfile.so.1).
ibin=$(cd "$bin/../illumos" 2>/dev/null && pwd)

# illumos CASE [STATUS]: runs samples/illumos/CASE under xeno; its output
# must be expected/illumos-CASE.out and its exit status STATUS (0).
illumos() {
	ln -sf "$ibin/$1" "$work/illumos-$1"
	begin "illumos-$1"
	run "$xeno" "./illumos-$1" one
	status_is "${2:-0}"
	stdout_is "illumos-$1.out"
	stderr_empty
	end
}

if [ -z "$ibin" ]; then
	skip illumos "no samples/illumos built"
else
	GREETING=hi illumos hello 3
	illumos errno
	illumos threads
	illumos signals
	illumos ports
	illumos sockets

	# the trace gives illumos's errno names (ETIME is port_getn's, not
	# ETIMEDOUT, which sem_reltimedwait_np's is)
	ln -sf "$ibin/errno" "$work/illumos-errno"
	begin illumos-trace
	run "$xeno" --trace ./illumos-errno
	status_is 0
	grep -q '= -1 ETIME (' "$err" || fail "no call failing with ETIME" "$(cat "$err")"
	grep -q '= -1 ETIMEDOUT (' "$err" || fail "no call failing with ETIMEDOUT" "$(cat "$err")"
	grep -q '= -1 ENOENT (' "$err" || fail "no call failing with ENOENT" "$(cat "$err")"
	end

	# library calls by their names, event-port calls decoded: the
	# association's source and events, the events port_getn returned (as
	# many as nget says, also when it fails with ETIME)
	ln -sf "$ibin/ports" "$work/illumos-ports"
	begin illumos-trace-ports
	run "$xeno" --trace ./illumos-ports
	status_is 0
	trace_has 'libc\.so\.1:port_create\(\) = 3'
	trace_has 'libc\.so\.1:port_associate\(3, PORT_SOURCE_FD, 4, POLLIN, 0x[0-9a-f]+\) = 0'
	trace_has 'libc\.so\.1:port_getn\(3, \[\{portev_events=POLLIN\|POLLOUT, portev_source=PORT_SOURCE_FD, portev_object=6, portev_user=0x[0-9a-f]+\}\], 4, \[1\], \{tv_sec=0, tv_nsec=50000000\}\) = 0'
	trace_has 'libc\.so\.1:port_getn\(3, 0x[0-9a-f]+, 4, \[0\], .*\) = -1 ETIME \(.*\)'
	trace_has 'libc\.so\.1:port_alert\(3, PORT_ALERT_UPDATE, 16, 0x[0-9a-f]+\) = -1 EBUSY \(.*\)'
	trace_has 'libsocket\.so\.1:__xnet_socketpair\(AF_UNIX, SOCK_STREAM, 0, \[6, 7\]\) = 0'
	grep -Eq 'syscall_|libcall_' "$err" && fail "a call traced by number" "$(grep -E 'syscall_|libcall_' "$err")"
	end

	# --trace-filter knows the libraries' functions and classes
	begin illumos-trace-filter
	run "$xeno" --trace --trace-filter=port_alert,port_dissociate ./illumos-ports
	status_is 0
	trace_has 'libc\.so\.1:port_dissociate\(3, PORT_SOURCE_FD, 4\) = -1 ENOENT \(.*\)'
	sed 's/^[0-9]* //' "$err" | grep -Ev '^libc\.so\.1:(port_alert|port_dissociate)\(|^\+\+\+ ' | grep -q . &&
		fail "other calls traced" "$(cat "$err")"
	end
fi

# An ELF program is illumos's by the PT_SUNWSTACK program header alone
# (0x6ffffffb, usr/src/uts/common/sys/elf.h): hello with EI_OSABI 0 and its
# ABI note's program header retyped.
note=$(readelf -lW "$bin/hello" | awk '$2 ~ /^0x/ { n++ } $1 == "NOTE" { print n - 1; exit }')
cp "$bin/hello" "$work/sunwstack"
printf '\000' | dd of="$work/sunwstack" bs=1 seek=7 conv=notrunc 2>/dev/null
printf '\373\377\377\157' | dd of="$work/sunwstack" bs=1 seek=$((64 + 56 * ${note:-0})) conv=notrunc 2>/dev/null
begin illumos-sunwstack
run "$xeno" --check ./sunwstack
status_is 0
grep -q '^os: illumos' "$out" || fail "not recognised as illumos's" "$(cat "$out")"
end
