# Dynamically linked programs of tests/guest/run.sh (sourced): xeno links
# samples/freebsd/dyn/ against its shim libraries and the libraries found on
# XENO_LIBRARY_PATH; library calls in traces, recordings and the flight
# recorder; --check on them, which runs nothing of the program.

ln -s "$bin/dyn/libcalls" "$work/libcalls"
probe_path=$bin/dyn/lib # libprobe.so.1, which libcalls needs

# Initialisers in order (the library's, then the program's), a failing libc
# call's errno, a library from XENO_LIBRARY_PATH, an import nothing defines
# (named once, ENOSYS).
begin dyn-libcalls
run env XENO_LIBRARY_PATH="$probe_path" "$xeno" ./libcalls
status_is 0
stdout_is dyn-libcalls.out
stderr_is "xeno: libprobe.so.1: xeno_no_such_function not implemented"
end

begin dyn-library-not-found
run "$xeno" ./libcalls
status_is 126
stdout_empty
stderr_is "xeno: ./libcalls: libprobe.so.1, needed by ./libcalls, is neither built into xeno nor found on XENO_LIBRARY_PATH or under the compat root"
end

# Library calls in the trace: library:name, decoded arguments, the foreign
# errno as strace shows a failing call, among the system calls in order.
begin dyn-trace
run env XENO_LIBRARY_PATH="$probe_path" "$xeno" --trace ./libcalls
status_is 0
stdout_is dyn-libcalls.out
trace_has 'libc\.so\.7:write\(1, "libprobe initialiser\\n", 21\) = 21'
trace_has 'libc\.so\.7:__libc_start1\(1, .*\) = \?'
trace_has 'libc\.so\.7:read\(-1, 0x[0-9a-f]+, 8\) = -1 EBADF \(Bad file descriptor\)'
trace_has 'libprobe\.so\.1:xeno_no_such_function\(\.\.\.\) = -1 ENOSYS \(Function not implemented\)'
trace_has 'libc\.so\.7:__xeno_rtld_exit\(\) = <void>'
# a function bound straight to the host's is traced through an entry
trace_has 'libc\.so\.7:strlen\("seven c"\) = 7'
order=$(sed 's/^[0-9]* //' "$err" | grep -E '^(libc\.so\.7:printf\("getp|getppid\()' | sed 's/(.*//' | tr '\n' '|')
[ "$order" = 'libc.so.7:printf|getppid|libc.so.7:printf|' ] ||
	fail "the system call is not between the library calls around it" "$order"
end

begin dyn-trace-filter
run env XENO_LIBRARY_PATH="$probe_path" "$xeno" --trace-filter='libc.so.7:read,getppid,libprobe.so.1:' ./libcalls
status_is 0
shown=$(grep -Ev '^xeno: |\+\+\+ exited' "$err" | sed 's/^[0-9]* //' | sed 's/(.*//' | tr '\n' ' ')
[ "$shown" = 'libc.so.7:read getppid libprobe.so.1:xeno_no_such_function ' ] ||
	fail "the filter shows other calls" "$(cat "$err")"
end

begin dyn-trace-filter-syscalls-only
run env XENO_LIBRARY_PATH="$probe_path" "$xeno" --trace-filter='!%lib' ./libcalls
status_is 0
grep -q 'libc\.so\.7:' "$err" && fail "!%lib shows library calls" "$(cat "$err")"
trace_has 'getppid\(\) = [0-9]+'
end

begin dyn-trace-filter-unknown-library
run "$xeno" --trace-filter=libnope.so.1: ./dyn-hello
status_is 2
stdout_empty
stderr_is 'xeno: --trace-filter: freebsd has no library "libnope.so.1" built into xeno'
end

# A recording shows what the live trace showed; diff compares library calls.
begin dyn-record-show
run env XENO_LIBRARY_PATH="$probe_path" "$xeno" --trace="$logs/dyn-live.trace" \
	--record="$logs/dyn.rec" ./libcalls
status_is 0
run "$xeno" trace show "$logs/dyn.rec"
status_is 0
stdout_is "$logs/dyn-live.trace"
stderr_empty
end

begin dyn-record-diff
run env XENO_LIBRARY_PATH="$probe_path" "$xeno" --record="$logs/dyn2.rec" ./libcalls
run "$xeno" trace diff "$logs/dyn.rec" "$logs/dyn2.rec"
status_is 0
stdout_empty
run "$xeno" --record="$logs/dyn3.rec" ./dyn-hello
run "$xeno" trace diff "$logs/dyn.rec" "$logs/dyn3.rec"
status_is 1
grep -q '^+libc\.so\.7:puts("Hello' "$out" || fail "no added puts" "$(cat "$out")"
end

# The flight recorder names library calls, and a function made at run time.
begin dyn-flight-recorder
run env XENO_LIBRARY_PATH="$probe_path" "$xeno" ./libcalls crash
status_is 139
grep -qx "xeno: flight recorder (the program dies of SIGSEGV):" "$err" ||
	fail "no flight recorder" "$(cat "$err")"
grep -Eqx '  libc\.so\.7:read\(-1, 0x[0-9a-f]+, 8\) = -1 EBADF \(Bad file descriptor\)' "$err" ||
	fail "the flight recorder misses read" "$(cat "$err")"
grep -Eqx '  libprobe\.so\.1:xeno_no_such_function\(\.\.\.\) = -1 ENOSYS \(Function not implemented\)' "$err" ||
	fail "the flight recorder misses the missing function" "$(cat "$err")"
end

# --check lists each needed library and where it was found, the static TLS,
# and every import nothing defines — and runs nothing of the program: no
# initialiser of the program's or the library's writes a line.
begin dyn-check
run env XENO_LIBRARY_PATH="$probe_path" "$xeno" --check ./libcalls
status_is 0
stderr_empty
for line in 'linking: dynamic (interpreter /libexec/ld-elf.so.1)' \
	'library: libc.so.7: built into xeno' \
	"library: libprobe.so.1: $probe_path/libprobe.so.1" \
	'tls: 2 modules, static block 0x8 bytes aligned to 4' \
	'unresolved imports: 1' \
	'unresolved: function xeno_no_such_function (libprobe.so.1): named when called, fails with ENOSYS'; do
	grep -qxF "$line" "$out" || fail "no line \"$line\"" "$(cat "$out")"
done
grep -q 'initialiser' "$out" && fail "an initialiser ran" "$(cat "$out")"
end

begin dyn-check-shims-only
run "$xeno" --check ./dyn-hello
status_is 0
stderr_empty
grep -qxF 'library: libc.so.7: built into xeno' "$out" || fail "no libc.so.7" "$(cat "$out")"
grep -qxF 'unresolved imports: 0' "$out" || fail "unresolved imports" "$(cat "$out")"
grep -q '^tls:' "$out" && fail "TLS where there is none" "$(cat "$out")"
grep -q 'Hello' "$out" && fail "the program ran" "$(cat "$out")"
end

begin dyn-check-library-not-found
run "$xeno" --check ./libcalls
status_is 126
stdout_empty
stderr_is "xeno: ./libcalls: libprobe.so.1, needed by ./libcalls, is neither built into xeno nor found on XENO_LIBRARY_PATH or under the compat root"
end

# The compat root's lib directories are searched too (after XENO_LIBRARY_PATH).
begin dyn-check-compat-root
mkdir -p "$work/dynroot/usr/lib"
cp "$probe_path/libprobe.so.1" "$work/dynroot/usr/lib/"
run "$xeno" --root "$work/dynroot" --check ./libcalls
status_is 0
grep -qxF "library: libprobe.so.1: $work/dynroot/usr/lib/libprobe.so.1" "$out" ||
	fail "libprobe.so.1 not found under the root" "$(cat "$out")"
end
