#!/bin/sh
# Guest tests: the sample FreeBSD and NetBSD programs (samples/freebsd/,
# samples/netbsd/, samples/bsd/) run under xeno, and xeno's own command line
# and loader rejections.
#
#   tests/guest/run.sh XENO SAMPLES_DIR
#
# Each case runs one command and checks its exit status, its standard output
# (byte for byte, against a file in tests/guest/expected/ unless said
# otherwise) and its standard error.  A failing case prints
# "FAIL name: why" (details indented below it), a case that cannot run on
# this machine "SKIP name: why"; the last line is "RESULT passed failed
# skipped", which tests/run-all.sh reads.
set -u

die() {
	echo "run.sh: $*" >&2
	echo "RESULT 0 1"
	exit 1
}

[ $# -eq 2 ] || die "usage: run.sh XENO SAMPLES_DIR"
expected=$(cd "$(dirname "$0")/expected" && pwd) || die "no expected/ directory"
xeno=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
waitstatus=$(dirname "$xeno")/tests/waitstatus # how a command ended, exactly
samples=$2
bin=$(cd "$2/freebsd" && pwd) || die "no $2/freebsd"
[ -x "$xeno" ] || die "$xeno is not executable"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/xeno-guest.XXXXXX") || die "mktemp failed"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' HUP INT TERM
work=$tmp/work # every command runs here
logs=$tmp/logs # their standard output and error
mkdir "$work" "$logs"

# begin NAME, fail WHY [DETAILS], end: one case at a time (tests/lib.sh)
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/tests/lib.sh"
skipped=0

# run COMMAND...: runs COMMAND in $work, standard input from $stdin
# (/dev/null unless set), output to $out and $err, exit status to $status.
run() {
	out=$logs/$name.out
	err=$logs/$name.err
	# The command runs in a subshell of its own, waited for by another whose
	# standard error is /dev/null: a shell's notice of a death by signal
	# ("Segmentation fault") lands there, not in the log or the test output.
	{ (cd "$work" && (exec "$@" <"${stdin:-/dev/null}" >"$out" 2>"$err"); exit $?); } 2>/dev/null
	status=$?
}

# run_dead_pipe COMMAND...: as run, but with standard output and error on
# a pipe nobody reads any more (on_dead_pipe, tests/lib.sh), standard input
# /dev/null.
run_dead_pipe() {
	out=$logs/$name.out
	err=$logs/$name.err
	: >"$out"
	: >"$err"
	{ (cd "$work" && on_dead_pipe "$tmp/$name.fifo" - "$@"); } 2>/dev/null
	status=$?
}

# skip NAME WHY: a case that cannot run here; said, and counted apart.
skip() {
	skipped=$((skipped + 1))
	echo "SKIP $1: $2"
}

# ---- checks on the last run ----

status_is() {
	[ "$status" -eq "$1" ] || fail "exit status $status, expected $1" "$(cat "$err")"
}

# stdout_is FILE: standard output is exactly FILE (a name in expected/, or a path).
stdout_is() {
	case $1 in
	/*) want=$1 ;;
	*) want=$expected/$1 ;;
	esac
	cmp -s "$want" "$out" || fail "standard output differs from $1" "$(diff "$want" "$out")"
}

stdout_empty() {
	[ ! -s "$out" ] || fail "unexpected standard output" "$(cat "$out")"
}

stderr_empty() {
	[ ! -s "$err" ] || fail "unexpected standard error" "$(cat "$err")"
}

# stderr_is TEXT: standard error is exactly the line TEXT.
stderr_is() {
	printf '%s\n' "$1" | cmp -s - "$err" || fail "standard error is not \"$1\"" "$(cat "$err")"
}

# trace_has REGEX: a line of the trace (standard error, thread ids taken off)
# matches the extended regular expression REGEX in full.
trace_has() {
	t=${trace:-$err}
	if [ ! -f "$t" ]; then
		fail "no trace file $t"
	elif ! sed 's/^[0-9]* //' "$t" | grep -Eqx -- "$1"; then
		fail "no trace line matches $1" "$(cat "$t")"
	fi
}

# ---- arguments, exit statuses, unimplemented calls ----

begin hello
run "$xeno" "$bin/hello"
status_is 0
stdout_is hello.out
stderr_empty
end

# Windows (PE) samples: samples/windows/, run by the Windows personality
win=$(dirname "$bin")/windows
begin win-hello
run "$xeno" "$win/hello.exe"
status_is 0
[ "$(cat "$out")" = "hello from a Windows program" ] || fail "stdout: $(cat "$out")"
stderr_empty
end

begin win-tls
run "$xeno" "$win/tls.exe"
status_is 0
printf 'tls: callback ran before the entry point\ntls: thread-local counter 42\n' | cmp -s - "$out" ||
	fail "stdout: $(cat "$out")"
stderr_empty
end

# The same program with ImageBase 0: placed elsewhere, its DIR64 base
# relocations applied (loader/pe_reloc.c reads them from the image).
begin win-tls-moved
run "$xeno" "$win/tls-moved.exe"
status_is 0
printf 'tls: callback ran before the entry point\ntls: thread-local counter 42\n' | cmp -s - "$out" ||
	fail "stdout: $(cat "$out")"
stderr_empty
run "$xeno" --check "$win/tls-moved.exe"
grep -q '^image: .* (moved from its ImageBase: base relocations applied)$' "$out" ||
	fail "not moved: $(cat "$out")"
grep -q '^relocations: 7 applied$' "$out" || fail "relocations: $(cat "$out")"
end

# A 32-bit result of a DLL's function arrives zero-extended in RAX (Go reads
# all of RAX: SOCKET_ERROR is 0xffffffff to it); ws2_32 loaded by name.
begin win-results
run "$xeno" "$win/results.exe"
status_is 0
printf '%s\n' 'results: closesocket -> rax 0x00000000ffffffff, WSAENOTSOCK y' \
	'results: GetFileAttributesW -> rax 0x00000000ffffffff' | cmp -s - "$out" ||
	fail "stdout: $(cat "$out")"
stderr_empty
end

# The aligned image cache (loader/image_cache.c): the first run writes one
# file for the program, later runs map it; a cache file that describes
# something else, or is cut short, is rebuilt; XENO_CACHE_DIR="" turns the cache off.
begin win-image-cache
cachedir=$tmp/imgcache
run env XENO_CACHE_DIR="$cachedir" "$xeno" "$win/hello.exe"
status_is 0
[ "$(cat "$out")" = "hello from a Windows program" ] || fail "stdout: $(cat "$out")"
set -- "$cachedir"/image-*
[ $# -eq 1 ] && [ -f "$1" ] || fail "not one cache file: $*"
cached=$1
[ "$(head -c 8 "$cached")" = XENOIMG1 ] || fail "no header in $cached"
printf 'XENOIMG0' | dd of="$cached" conv=notrunc status=none
run env XENO_CACHE_DIR="$cachedir" "$xeno" "$win/hello.exe"
status_is 0
[ "$(cat "$out")" = "hello from a Windows program" ] || fail "stdout after damage: $(cat "$out")"
[ "$(head -c 8 "$cached")" = XENOIMG1 ] || fail "damaged cache file not rebuilt"
size=$(wc -c <"$cached")
truncate -s 4096 "$cached"
run env XENO_CACHE_DIR="$cachedir" "$xeno" "$win/hello.exe"
status_is 0
[ "$(cat "$out")" = "hello from a Windows program" ] || fail "stdout after truncation: $(cat "$out")"
[ "$(wc -c <"$cached")" -eq "$size" ] || fail "truncated cache file not rebuilt"
rm -rf "$cachedir"
run env XENO_CACHE_DIR= "$xeno" "$win/hello.exe"
status_is 0
[ "$(cat "$out")" = "hello from a Windows program" ] || fail "stdout uncached: $(cat "$out")"
[ ! -e "$cachedir" ] || fail "a cache with XENO_CACHE_DIR empty"
end

# Vectored exception handlers (samples/windows/fault.c): three faults
# recovered by a handler that rewrites the CONTEXT, each seen first by a
# handler registered first that passes it on; a fault nobody handles ends
# the process by the host signal.
begin win-fault
run "$xeno" "$win/fault.exe"
status_is 139
printf '%s\n' 'code 0xc0000005 access 0x0 at 0x10' 'code 0xc0000005 access 0x1 at 0x20' \
	'code 0xc0000094' \
	'fault: recovered three times, rax 42 each, the first handler passed 3' \
	'fault: now unhandled' | cmp -s - "$out" || fail "stdout: $(cat "$out")"
grep -q 'dies of SIGSEGV' "$err" || fail "no flight record of the SIGSEGV: $(cat "$err")"
end

# ctrlc_run ARG...: runs samples/windows/ctrlc.exe with ARG in the
# background (SIGINT at its default, which a background job would not
# have), sends it SIGINT once it says "ready", waits for it.
ctrlc_run() {
	out=$logs/$name.out
	err=$logs/$name.err
	(cd "$work" && exec env --default-signal=INT "$xeno" "$win/ctrlc.exe" "$@" >"$out" 2>"$err") &
	pid=$!
	i=0
	while [ "$(head -n 1 "$out" 2>/dev/null)" != ready ] && [ $i -lt 200 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	kill -INT "$pid" 2>/dev/null
	{ wait "$pid"; } 2>/dev/null
	status=$?
}

# Console control: SIGINT calls the handlers on a new thread, the last
# registered first, and one that returns TRUE ends it there.
begin win-ctrlc
ctrlc_run
status_is 0
printf 'ready\nctrlc: CTRL_C_EVENT handled on another thread, the last handler only\n' |
	cmp -s - "$out" || fail "stdout: $(cat "$out")"
stderr_empty
end

# No handler returns TRUE: the process ends as one interrupted by Ctrl-C.
begin win-ctrlc-default
ctrlc_run default
status_is 130
[ "$(cat "$out")" = ready ] || fail "stdout: $(cat "$out")"
end

begin win-check
run "$xeno" --check "$win/tls.exe"
status_is 0
grep -q '^import: kernel32.dll: 3 functions, 3 bound$' "$out" || fail "no import line: $(cat "$out")"
grep -q '^tls: template .* 1 callbacks$' "$out" || fail "no TLS line: $(cat "$out")"
end

# macOS (Mach-O) samples: samples/darwin/, run by the macOS personality on
# xeno's libSystem.  hello is LC_MAIN with two-level binds, hello-flat the
# same with flat ones (as Go's linker writes them).
mac=$(dirname "$bin")/darwin
# mac_case NAME EXPECTED: the sample runs, exits 0, prints EXPECTED, says nothing else
mac_case() {
	begin "mac-$1"
	(cd "$work" && "$xeno" "$mac/$1" >"$logs/out" 2>"$logs/err")
	s=$?
	[ "$s" -eq 0 ] || fail "exit status $s" "$(cat "$logs/out" "$logs/err")"
	[ "$(cat "$logs/out")" = "$2" ] || fail "stdout: $(cat "$logs/out")"
	[ -s "$logs/err" ] && fail "stderr: $(cat "$logs/err")"
	end
}
mac_case hello "hello from macOS"
mac_case hello-flat "hello from macOS"
mac_case errno "open: ENOENT 2, close: EBADF 9, mkdir: EEXIST 17, errno kept on success, sysctl ENOENT"
mac_case files "stat: a.txt 12 bytes, xeno-files a directory
readdir: a.txt (a regular file)"
mac_case threads "threads: 4 ran, 4 saw their own TSD at %gs:0, timedwait ETIMEDOUT 60"
mac_case signals "signals: SIGUSR1 30 and SIGUSR2 31 handled on the alternate stack, mask kept"
mac_case kqueue "kqueue: EVFILT_USER -10, EVFILT_TIMER -7 with its udata"
mac_case sockets "sockets: pingpong over 127.0.0.1 (AF_INET 2, 16-byte sockaddr_in)"

# --trace names libSystem's functions and macOS's errnos and signals
begin mac-trace
(cd "$work" && "$xeno" --trace "$mac/errno" >"$logs/out" 2>"$logs/err")
grep -q 'libSystem.B.dylib:open("/nonexistent/xeno", 0, 0) = -1 ENOENT' "$logs/err" ||
	fail "no traced open with ENOENT" "$(head -20 "$logs/err")"
grep -q 'libSystem.B.dylib:close(1000) = -1 EBADF' "$logs/err" || fail "no traced close with EBADF"
(cd "$work" && "$xeno" --trace "$mac/signals" >"$logs/out" 2>"$logs/err")
grep -q -- '--- SIGUSR2 ---' "$logs/err" || fail "no SIGUSR2 in the trace" "$(tail "$logs/err")"
end

# --check on a Mach-O program: its form, libraries and binds
begin mac-check
(cd "$work" && "$xeno" --check "$mac/hello" >"$logs/out" 2>"$logs/err")
grep -q '^format: Mach-O 64-bit x86-64 MH_EXECUTE' "$logs/out" || fail "no format line: $(cat "$logs/out")"
grep -q '^entry kind: LC_MAIN$' "$logs/out" || fail "no entry kind"
grep -q '^library: libSystem.B.dylib: [0-9]* binds, [0-9]* bound$' "$logs/out" || fail "no library line"
end

# Arguments and environment reach the program unchanged, in order, including
# empty strings, spaces, a newline and bytes that are not ASCII; only the
# variables named XENO_SAMPLE_* are printed.  The program runs as ./args so
# that argv[0] is the same wherever the tree is.
ln -s "$bin/args" "$work/args"
begin args
run env -i XENO_SAMPLE_FIRST=1 OTHER=hidden XENO_SAMPLE_EMPTY= 'XENO_SAMPLE_SPACES= a  b ' \
	XENO_SAMPLEX=hidden "XENO_SAMPLE_BYTES=$(printf 'caf\303\251 \376\377')" XENO_SAMPLE_LAST=z \
	"$xeno" ./args '' 'two words' ' lead' 'tab	in' "$(printf 'new\nline')" \
	"$(printf '\303\274n\303\257 \001\177\376')" '*' '$HOME' -x --help --
status_is 0
stdout_is args-tricky.out
stderr_empty
end

begin args-none
run env -i "$xeno" ./args
status_is 0
stdout_is args-none.out
stderr_empty
end

# xeno's options end at the program's name; "--" ends them early.
begin args-options
run env -i "$xeno" --strict -- ./args --trace -V
status_is 0
stdout_is args-options.out
stderr_empty
end

for code in 0 1 42 255; do
	begin "exitcode-$code"
	run "$xeno" "$bin/exitcode" "$code"
	status_is "$code"
	stdout_empty
	stderr_empty
	end
done

begin exitcode-usage
run "$xeno" "$bin/exitcode" 256
status_is 2
stdout_empty
stderr_is "usage: exitcode STATUS | exitcode kill SIGNAL"
end

# An unimplemented call fails with ENOSYS each time; xeno says so once.
begin unimpl
run "$xeno" "$bin/unimpl"
status_is 0
stdout_is unimpl.out
stderr_is "xeno: freebsd syscall 45 (ktrace) not implemented"
end

# --strict: the message, then death by SIGSYS (128 + 31) with the flight
# recorder's last calls, the fatal one unfinished; the line written before
# the call is not lost.
begin unimpl-strict
run "$xeno" --strict "$bin/unimpl"
status_is 159
stdout_is unimpl-strict.out
head -n 1 "$err" | grep -qx "xeno: freebsd syscall 45 (ktrace) not implemented" ||
	fail "no unimplemented message first" "$(cat "$err")"
grep -qx "xeno: flight recorder (the program dies of SIGSYS):" "$err" ||
	fail "no flight recorder" "$(cat "$err")"
tail -n 1 "$err" | grep -Eqx '  ktrace\(0x[0-9a-f]+, 1, 2, [0-9]+\) = \?' ||
	fail "the last call recorded is not the unfinished ktrace" "$(cat "$err")"
end

# ---- tracing: foreign names, decoded arguments, foreign errno names ----

begin trace-hello
run "$xeno" --trace "$bin/hello"
status_is 0
stdout_is hello.out
trace_has 'write\(1, "Hello from FreeBSD!\\n", 20\) = 20'
trace_has 'exit\(0\) = \?'
end

begin trace-unimpl
run "$xeno" --trace "$bin/unimpl"
status_is 0
stdout_is unimpl.out
trace_has 'ktrace\("/dev/null", 1, 2, [0-9]+\) = -1 ENOSYS \(.*\)'
end

begin trace-to-file
run "$xeno" --trace="$logs/trace-to-file.trace" "$bin/hello"
status_is 0
stdout_is hello.out
stderr_empty
trace=$logs/trace-to-file.trace
trace_has 'write\(1, "Hello from FreeBSD!\\n", 20\) = 20'
trace=
end

begin trace-from-environment
run env XENO_TRACE=1 "$xeno" "$bin/hello"
status_is 0
stdout_is hello.out
trace_has 'write\(1, "Hello from FreeBSD!\\n", 20\) = 20'
end

# ---- files: cat ----

printf 'first file\n' >"$work/a.txt"
printf 'second file\nwith two lines\n' >"$work/b.txt"
: >"$work/empty"
# Every byte value, then enough copies to need several reads.
printf "$(i=0; while [ $i -lt 256 ]; do printf '\\%03o' $i; i=$((i + 1)); done)" >"$work/bytes"
i=0
while [ $i -lt 300 ]; do
	cat "$work/bytes"
	i=$((i + 1))
done >"$work/binary"

begin cat-files
run "$xeno" "$bin/cat" a.txt b.txt
status_is 0
stdout_is cat-files.out
stderr_empty
end

begin cat-binary
run "$xeno" "$bin/cat" binary
status_is 0
stdout_is "$work/binary"
stderr_empty
end

begin cat-empty
run "$xeno" "$bin/cat" empty
status_is 0
stdout_empty
stderr_empty
end

begin cat-stdin
stdin=$work/b.txt
run "$xeno" "$bin/cat" a.txt - a.txt
stdin=
status_is 0
stdout_is cat-stdin.out
stderr_empty
end

# A missing file is reported, the others are still copied, the status is 1.
begin cat-missing
run "$xeno" "$bin/cat" a.txt missing b.txt
status_is 1
stdout_is cat-files.out
stderr_is "cat: missing: ENOENT"
end

begin trace-cat
run "$xeno" --trace "$bin/cat" a.txt
status_is 0
stdout_is "$work/a.txt"
trace_has 'open\("a\.txt", .*\) = [0-9]+'
trace_has 'read\([0-9]+, "first file\\n", [0-9]+\) = 11'
trace_has 'write\(1, "first file\\n", 11\) = 11'
trace_has 'read\([0-9]+, "", [0-9]+\) = 0'
trace_has 'close\([0-9]+\) = 0'
end

# ---- tracing in depth ----

. "$(dirname "$0")/trace-cases.sh"

# ---- directories: ls, in both struct dirent forms ----

# tree/ holds one entry of each kind ls must tell apart, names that sort
# differently bytewise than in any locale, and a 255-byte name; tree/many/
# needs several getdirentries calls.
mkdir "$work/tree" "$work/tree/dir-a" "$work/tree/dir-b" "$work/tree/many"
for f in a-file B-upper .hidden 'with space' "$(printf '\303\274n\303\257c\303\266d\303\251')" \
	"$(printf '%0255d' 0 | tr 0 x)" dir-b/not-listed; do
	: >"$work/tree/$f"
done
ln -s dir-a "$work/tree/link-to-dir"
mkfifo "$work/tree/fifo"
i=0
while [ $i -lt 60 ]; do
	: >"$work/tree/many/entry-$(printf '%02d' $i)-of-a-long-listing"
	i=$((i + 1))
done

for form in 12 11; do
	opt=
	[ $form = 11 ] && opt=-11
	begin "ls-$form"
	run "$xeno" "$bin/ls" $opt tree
	status_is 0
	stdout_is ls-tree.out
	stderr_empty
	end

	begin "ls-$form-many"
	run "$xeno" "$bin/ls" $opt tree/many
	status_is 0
	stdout_is ls-many.out
	stderr_empty
	end

	begin "ls-$form-empty"
	run "$xeno" "$bin/ls" $opt tree/dir-a
	status_is 0
	stdout_empty
	stderr_empty
	end
done

begin ls-default-directory
run sh -c 'cd tree && exec "$0" "$1"' "$xeno" "$bin/ls"
status_is 0
stdout_is ls-tree.out
stderr_empty
end

begin ls-missing
run "$xeno" "$bin/ls" missing
status_is 1
stdout_empty
stderr_is "ls: missing: ENOENT"
end

begin ls-not-a-directory
run "$xeno" "$bin/ls" a.txt
status_is 1
stdout_empty
stderr_is "ls: a.txt: ENOTDIR"
end

# ---- errors and memory ----

mkdir "$work/errno-scratch"
begin errno
run "$xeno" "$bin/errno" errno-scratch
status_is 0
stdout_is errno.out
stderr_is "xeno: freebsd syscall 304 (kldload) not implemented"
[ -z "$(ls -A "$work/errno-scratch")" ] || fail "errno left files behind" "$(ls -A "$work/errno-scratch")"
end

begin mmap
run "$xeno" "$bin/mmap" .
status_is 0
stdout_is mmap.out
stderr_empty
[ ! -e "$work/mapped" ] && [ ! -e "$work/remapped" ] || fail "mmap left a scratch file behind"
end

# ---- hostile input: bad pointers and bad arguments ----

# Bad pointers of every kind to every class of call: EFAULT each time (or
# FreeBSD's own answer, which the program names), and xeno lives on; with
# --trace too, whose decoders read the same pointers.
mkdir "$work/badptr-scratch"
begin badptr
run "$xeno" "$bin/badptr" badptr-scratch
status_is 0
stdout_is badptr.out
stderr_empty
[ -z "$(ls -A "$work/badptr-scratch")" ] || fail "badptr left files behind" "$(ls -A "$work/badptr-scratch")"
end

begin badptr-trace
run "$xeno" --trace="$logs/badptr.trace" "$bin/badptr" badptr-scratch
status_is 0
stdout_is badptr.out
stderr_empty
trace=$logs/badptr.trace
trace_has 'open\(NULL, O_RDONLY, 0\) = -1 EFAULT \(.*\)'
trace_has 'open\(0xffff800000000000, O_RDONLY, 0\) = -1 EFAULT \(.*\)'
trace=
end

# Bad descriptors (xeno's own among them), sizes, counts and flags; xeno's
# own memory refused to MAP_FIXED, munmap, mprotect, madvise and minherit;
# a pipe read a signal interrupts.
mkdir "$work/badargs-scratch"
begin badargs
run "$xeno" "$bin/badargs" badargs-scratch
status_is 0
stdout_is badargs.out
stderr_empty
[ -z "$(ls -A "$work/badargs-scratch")" ] || fail "badargs left files behind" "$(ls -A "$work/badargs-scratch")"
end

# Mappings that crowd xeno's own memory: hints just above its heap, then a
# MAP_FIXED over every anonymous mapping that is not the program's, after
# xeno allocated megabytes for it; and the same where the heap cannot grow
# at all (a soft RLIMIT_DATA of 0: xeno's allocator maps all it needs).
for mode in heap no-heap; do
	begin "heaproom-$mode"
	if [ "$mode" = heap ]; then
		run "$xeno" "$bin/heaproom"
	else
		run sh -c 'ulimit -S -d 0 && exec "$@"' sh "$xeno" "$bin/heaproom"
	fi
	status_is 0
	stdout_is heaproom.out
	stderr_empty
	end
done

# Death by SIGSEGV (128 + 11), with the line written before it out, and the
# flight recorder's account of the calls that led there.
begin mmap-crash
run "$xeno" "$bin/mmap" crash
status_is 139
stdout_is mmap-crash.out
grep -qx "xeno: flight recorder (the program dies of SIGSEGV):" "$err" ||
	fail "no flight recorder" "$(cat "$err")"
grep -Eqx '  mprotect\(0x[0-9a-f]+, 4096, PROT_READ\) = 0' "$err" ||
	fail "the flight recorder misses the mprotect" "$(cat "$err")"
end

# A crash signal the program sends itself (abort's SIGABRT) kills it as
# under FreeBSD, and xeno adds nothing to its standard error: a program that
# aborts on purpose has said why (the report is for faults the hardware
# raised and signals from elsewhere, mmap-crash above); when calls are
# traced, the report goes into the trace.  A plain termination (SIGTERM)
# says nothing either.
begin flight-abort
run "$xeno" "$bin/exitcode" kill 6
status_is 134
stdout_empty
stderr_empty
end

# SIGSEGV too, when the program kills itself with it: no fault, no report.
begin flight-self-sigsegv
run "$xeno" "$bin/exitcode" kill 11
status_is 139
stdout_empty
stderr_empty
end

begin flight-abort-traced
run "$xeno" --trace="$work/abort.trace" "$bin/exitcode" kill 6
status_is 134
stdout_empty
stderr_empty
grep -qx "xeno: flight recorder (the program dies of SIGABRT):" "$work/abort.trace" ||
	fail "no flight recorder in the trace" "$(cat "$work/abort.trace")"
grep -Eqx '  kill\([0-9]+, SIGABRT\) = 0' "$work/abort.trace" ||
	fail "no kill in the flight recorder" "$(cat "$work/abort.trace")"
grep -Eqx "xeno: the last 2 foreign calls of thread [0-9]+, oldest first:" "$work/abort.trace" ||
	fail "no per-thread heading" "$(cat "$work/abort.trace")"
rm -f "$work/abort.trace"
end

begin flight-quiet-on-term
run "$xeno" "$bin/exitcode" kill 15
status_is 143
stdout_empty
stderr_empty
end

# What the parent ignored stays ignored (nohup): xeno reads the inherited
# dispositions once (SigIgn in /proc/self/status); a SIGHUP the program
# sends itself is discarded and it lives on to say so.  Without the parent's
# SIG_IGN the same signal kills it.
begin inherited-ignore
run sh -c 'trap "" HUP; exec "$0" "$@"' "$xeno" "$bin/exitcode" kill 1
status_is 99
stdout_empty
stderr_is "exitcode: still alive after kill(getpid(), 1): no error"
end

begin inherited-default
run sh -c 'trap - HUP; exec "$0" "$@"' "$xeno" "$bin/exitcode" kill 1
status_is 129
stdout_empty
stderr_empty
end

# ---- threads, signals, processes ----

begin threads
run "$xeno" "$bin/threads"
status_is 0
stdout_is threads.out
stderr_empty
end

begin signals
run "$xeno" "$bin/signals"
status_is 0
stdout_is signals.out
stderr_empty
end

# An uncaught SIGTERM ends xeno by the same signal (128 + 15).
begin signals-term
run "$xeno" "$bin/signals" term
status_is 143
stdout_is signals-term.out
stderr_empty
end

# fork, execve of a FreeBSD program (through xeno again), wait4 and wait6.
begin spawn
run "$xeno" "$bin/spawn"
status_is 0
stdout_is spawn.out
stderr_empty
end

# ---- patched call sites (core/patch.h) ----

# Whether this run patches (tests/run-all.sh runs the suite again with
# XENO_PATCH=0).
patching=yes
[ "${XENO_PATCH:-1}" = 0 ] && patching=no

# patched: the last run's --stats line says sites were patched (or none,
# when this run does not patch).
patched() {
	line=$(grep '^xeno: .* system calls trapped' "$err" | head -n 1)
	sites=$(printf '%s\n' "$line" | sed -n 's/.* through \([0-9]*\) patched sites.*/\1/p')
	if [ -z "$sites" ]; then
		fail "no --stats line" "$(cat "$err")"
	elif [ "$1" = yes ] && [ "$sites" -eq 0 ]; then
		fail "no site was patched" "$line"
	elif [ "$1" = no ] && [ "$sites" -ne 0 ]; then
		fail "sites were patched" "$line"
	fi
}

# Sites patched while other threads run them, signals all along.
begin patchrace
run "$xeno" --stats "$bin/patchrace"
status_is 0
stdout_is patchrace.out
patched $patching
end

# Code the program changes after running it.
begin selfmod
run "$xeno" --stats "$bin/selfmod"
status_is 0
stdout_is selfmod.out
patched $patching
end

# vecregs_ok: the last run of vecregs kept every register, with or without
# AVX on this machine.
vecregs_ok() {
	status_is 0
	for line in "getpid xmm0-15, mxcsr, x87 control word: 1000 calls, 0 with registers changed" \
		"issetugid xmm0-15, mxcsr, x87 control word: 1000 calls, 0 with registers changed"; do
		grep -qxF "$line" "$out" || fail "not said: $line" "$(cat "$out")"
	done
	grep -qx 'getpid ymm0-15: 1000 calls, 0 with registers changed' "$out" ||
		grep -qx 'no AVX here: ymm not checked' "$out" || fail "ymm0-15 changed" "$(cat "$out")"
}

# The program's FP and vector registers across calls at patched sites,
# before the FP state is saved (NOFPU calls) and after.
begin vecregs
run "$xeno" --stats "$bin/vecregs"
vecregs_ok
patched $patching
end

# The NOFPU calls' code uses no FP or vector register (tests/guest/nofpu-code.sh).
begin nofpu-code
run sh -c 'cd "$1" && tests/guest/nofpu-code.sh "$2"' sh "$root" "$xeno"
status_is 0
grep -Eqx '[0-9]+ functions read' "$out" || fail "nothing read" "$(cat "$out")"
end

begin clocks
run "$xeno" --stats "$bin/clocks"
status_is 0
stdout_is clocks.out
patched $patching
end

begin no-patch
run "$xeno" --stats --no-patch "$bin/clocks"
status_is 0
stdout_is clocks.out
patched no
end

begin no-patch-from-environment
run env XENO_PATCH=0 "$xeno" --stats "$bin/clocks"
status_is 0
stdout_is clocks.out
patched no
end

# Calls answered from the vDSO are in the flight recorder as any others.
begin flight-clocks
run "$xeno" "$bin/clocks" crash
status_is 139
grep -Eqx '  clock_gettime\(CLOCK_MONOTONIC, 0x[0-9a-f]+\) = 0' "$err" ||
	fail "no clock read in the flight recorder" "$(cat "$err")"
end

# A traced run patches as well, and shows every call.
begin trace-patched
run "$xeno" --stats --trace "$bin/clocks"
status_is 0
stdout_is clocks.out
[ "$(grep -c 'clock_gettime(CLOCK_UPTIME, {[0-9.]*}) = 0$' "$err")" -eq 1000 ] ||
	fail "not 1000 traced reads of CLOCK_UPTIME" "$(grep -c CLOCK_UPTIME "$err")"
patched $patching
end

# ---- kqueue, sockets ----

begin kqueue
run "$xeno" "$bin/kqueue"
status_is 0
stdout_is kqueue.out
stderr_empty
end

# TCP, UDP and IPv6 on loopback, a socketpair, and an AF_UNIX socket in work/.
begin net
run "$xeno" "$bin/net" "$work/net.sock"
status_is 0
grep -v '^ipv6: ok' "$out" >"$logs/net.filtered"
grep -v '^ipv6: ok' "$expected/net.out" | cmp -s - "$logs/net.filtered" ||
	fail "standard output differs from net.out" "$(diff "$expected/net.out" "$out")"
grep -Eqx 'ipv6: ok( \(no ipv6\))?' "$out" || fail "no ipv6 line"
stderr_empty
end

# ---- probes: many small checks, one "ok" line each ----

# probe NAME: the probe exits 0, says nothing on standard error, reports
# checks ("ok ..."), none of them "FAIL ...", and ends with "0 failed".
probe() {
	begin "$1"
	# fsprobe's scratch directory goes in this run's own work directory, not
	# /tmp/xeno-fsprobe, where runs of other trees at the same time collide.
	run env FSPROBE_DIR="$work" "$xeno" "$bin/$1"
	# The checks that failed say more than the exit status (their count).
	if grep '^FAIL' "$out" >/dev/null; then
		fail "a check failed" "$(grep '^FAIL' "$out")"
	fi
	status_is 0
	stderr_empty
	grep -q '^ok' "$out" || fail "no check reported"
	[ "$(tail -n 1 "$out")" = "0 failed" ] || fail "does not end with \"0 failed\""
	end
}
probe fsprobe
probe sysprobe

# ---- dynamically linked programs (samples/freebsd/dyn/): xeno links them ----

for sample in "$bin"/dyn/*; do
	[ -f "$sample" ] && ln -s "$sample" "$work/dyn-$(basename "$sample")"
done
# The samples' own libraries (libgreet.so.1, libplugin.so.1) are found there.
dynlib=$bin/dyn/lib

begin dyn-hello
run "$xeno" ./dyn-hello one
status_is 3
stdout_is dyn-hello.out
stderr_empty
end

# dyn NAME STATUS: a sample that says nothing on standard error.
dyn() {
	begin "dyn-$1"
	run env XENO_LIBRARY_PATH="$dynlib" "$xeno" "./dyn-$1"
	status_is "$2"
	stdout_is "dyn-$1.out"
	stderr_empty
	end
}
dyn sort 0    # qsort's comparator: guest code called from libc
dyn errno 0   # FreeBSD's errno numbers through __error(); malloc and friends
dyn math 0    # libm.so.5: no errno, as msun
dyn threads 0 # libthr: threads, locks, condition variables, keys, TLS of every model
dyn libs 0    # a library by DT_NEEDED on XENO_LIBRARY_PATH, another by dlopen
dyn atexit 7  # atexit handlers and finalisers in FreeBSD's order, exit's status
dyn signals 0 # handlers, and signals arriving while libc blocks in read and a condition wait
dyn backtrace 0 # _Unwind_Backtrace through the program's frames and a library's
dyn unwind 0  # exceptions raised, cleaned up and caught across libthrow.so.1, forced, on a thread
dyn system 0  # sysconf, realpath, strerror_r, arc4random, posix_spawn with file actions

begin dyn-env
run env -i XENO_SAMPLE=one "$xeno" ./dyn-env
status_is 0
stdout_is dyn-env.out
stderr_empty
end

# FreeBSD's FILE: the standard streams, stdin read by lines, a file written
# and read back in work/ (and removed).
begin dyn-stdio
printf 'first line\nsecond line\n' >"$work/stdio-input"
stdin=$work/stdio-input
run "$xeno" ./dyn-stdio
stdin=
status_is 0
stdout_is dyn-stdio.out
printf 'to stderr: unbuffered\nperror: No such file or directory\n' | cmp -s - "$err" ||
	fail "standard error differs" "$(cat "$err")"
[ ! -e "$work/stdio-sample.txt" ] || fail "dyn-stdio left its file behind"
end

# An import no library defines: ENOSYS each call, named once.
begin dyn-missing
run env XENO_LIBRARY_PATH="$dynlib" "$xeno" ./dyn-missing
status_is 0
stdout_is dyn-missing.out
stderr_is "xeno: libc.so.7: getloadavg not implemented"
end

# --strict: named, then death by SIGSYS (128 + 31) at the first call.
begin dyn-missing-strict
run env XENO_LIBRARY_PATH="$dynlib" "$xeno" --strict ./dyn-missing
status_is 159
[ "$(cat "$out")" = "libgreet: constructor" ] || fail "the program went on" "$(cat "$out")"
head -n 1 "$err" | grep -qx "xeno: libc.so.7: getloadavg not implemented" ||
	fail "no unimplemented message first" "$(cat "$err")"
end

# Traced, library calls go by their names; the missing import too.
begin dyn-missing-trace
run env XENO_LIBRARY_PATH="$dynlib" "$xeno" --trace ./dyn-missing
status_is 0
trace_has 'libc\.so\.7:puts\("libgreet: constructor"\) = [0-9]+'
trace_has 'libc\.so\.7:getloadavg\(\.\.\.\) = -1 ENOSYS \(.*\)'
grep -Eq 'syscall_|libcall_' "$err" && fail "a call traced by number" "$(cat "$err")"
end

# A needed library nowhere to be found: one line naming it, 126.
begin dyn-needed-missing
run "$xeno" ./dyn-libs
status_is 126
stdout_empty
stderr_is "xeno: ./dyn-libs: libgreet.so.1, needed by ./dyn-libs, is neither built into xeno nor found on XENO_LIBRARY_PATH or under the compat root"
end

# Library calls in traces, recordings, the flight recorder and --check.
. "$(dirname "$0")/dyn-cases.sh"

# ---- the NetBSD samples ----

. "$(dirname "$0")/netbsd.sh"

# ---- the OpenBSD samples ----

. "$(dirname "$0")/openbsd.sh"

# ---- the illumos samples ----

. "$(dirname "$0")/illumos.sh"

# ---- xeno's command line ----

begin help
run "$xeno" --help
status_is 0
head -n 1 "$out" | grep -q '^usage: xeno ' || fail "--help does not start with the usage line"
stderr_empty
end

begin help-short
run "$xeno" -h
status_is 0
cmp -s "$out" "$logs/help.out" || fail "-h differs from --help"
end

begin version
run "$xeno" --version
status_is 0
grep -Eqx 'xeno [0-9]+\.[0-9]+\.[0-9]+' "$out" || fail "not a version line: $(cat "$out")"
stderr_empty
end

begin version-short
run "$xeno" -V
status_is 0
cmp -s "$out" "$logs/version.out" || fail "-V differs from --version"
end

begin unknown-option
run "$xeno" --bogus "$bin/hello"
status_is 2
stdout_empty
head -n 1 "$err" | grep -qx "xeno: unknown option '--bogus'" || fail "no unknown-option message" "$(cat "$err")"
end

begin no-program
run "$xeno"
status_is 2
head -n 1 "$err" | grep -qx "xeno: no program given" || fail "no missing-program message" "$(cat "$err")"
end

# ---- what the loader refuses: exactly one line "xeno: FILE: reason" ----

# rejects NAME STATUS FILE WORDS: xeno FILE exits STATUS, prints nothing on
# standard output, and one line on standard error: "xeno: FILE: " and a reason
# containing WORDS.
rejects() {
	begin "$1"
	run "$xeno" "$3"
	status_is "$2"
	stdout_empty
	if [ "$(wc -l <"$err")" -ne 1 ]; then
		fail "not exactly one line on standard error" "$(cat "$err")"
	fi
	case $(cat "$err") in
	"xeno: $3: "?*) ;;
	*) fail "the message does not start with \"xeno: $3: \"" "$(cat "$err")" ;;
	esac
	grep -Fq -- "$4" "$err" || fail "the reason does not say \"$4\"" "$(cat "$err")"
	end
}

head -c 100 "$bin/hello" >"$work/truncated"
printf 'just some text\n' >"$work/text"
printf '\376\355\372\317\007\000\000\001rest of a Mach-O header' >"$work/macho-be"
printf '\317\372\355\376\007\000\000\001rest of a Mach-O header' >"$work/macho-le"
printf 'MZ\220\000\003\000rest of a DOS header' >"$work/pe"
printf '#!/bin/sh\necho hello\n' >"$work/script"
mkdir "$work/directory"
# hello with its first segment (the headers, 0x400000) at address 0: the
# program header's p_vaddr, 8 bytes at 64 + 16
cp "$bin/hello" "$work/page-zero"
dd if=/dev/zero of="$work/page-zero" bs=1 seek=80 count=8 conv=notrunc 2>/dev/null
# hello for another machine: e_machine (2 bytes at 18) is aarch64's 183
cp "$bin/hello" "$work/arm64"
printf '\267\000' | dd of="$work/arm64" bs=1 seek=18 conv=notrunc 2>/dev/null
# hello with its second segment aligned to 0x1800 (p_align, at 64 + 56 + 48)
cp "$bin/hello" "$work/bad-align"
printf '\000\030\000\000\000\000\000\000' | dd of="$work/bad-align" bs=1 seek=168 conv=notrunc 2>/dev/null

linux_program=/bin/ls
[ -f "$linux_program" ] || linux_program=$(command -v sh)
rejects reject-linux 126 "$linux_program" "a Linux program"
rejects reject-text 126 text "not an executable"
rejects reject-empty 126 empty "empty file"
rejects reject-truncated 126 truncated "beyond the end of the file"
rejects reject-macho-be 126 macho-be "Mach-O"
rejects reject-macho-le 126 macho-le "Mach-O"
rejects reject-pe 126 pe "without a PE signature"
rejects reject-script 126 script "script"
rejects reject-directory 126 directory "is a directory"
rejects reject-page-zero 126 page-zero "is in page 0"
rejects reject-arm64 126 arm64 "not x86-64"
rejects reject-bad-align 126 bad-align "not a power of two"
rejects reject-missing 127 missing "No such file or directory"

. "$(dirname "$0")/launch.sh"

echo "RESULT $passed $failed $skipped"
