# Sourced by run.sh (its helpers and variables): the NetBSD samples
# (samples/netbsd/, and the ones the BSDs share, samples/bsd/) under xeno.
# Where a NetBSD sample does what a FreeBSD one does, it must print the
# same (the expected files are shared); NetBSD's own are in
# expected/netbsd/.

nbin=$(cd "$samples/netbsd" && pwd) || die "no $samples/netbsd"
nexp=netbsd

begin netbsd-hello
run "$xeno" "$nbin/hello"
status_is 0
stdout_is "$nexp/hello.out"
stderr_empty
end

begin netbsd-vecregs
run "$xeno" --stats "$nbin/vecregs"
vecregs_ok
patched $patching
end

begin netbsd-check
run "$xeno" --check "$nbin/hello"
status_is 0
grep -qx 'os: NetBSD (ELF OS/ABI 2, ABI note 1000000000: NetBSD 10.0)' "$out" ||
	fail "--check does not name NetBSD 10.0" "$(cat "$out")"
end

begin netbsd-trace-hello
run "$xeno" --trace "$nbin/hello"
status_is 0
stdout_is "$nexp/hello.out"
trace_has 'write\(1, "Hello from NetBSD!\\n", 19\) = 19'
trace_has 'exit\(0\) = \?'
end

begin netbsd-cat-files
run "$xeno" "$nbin/cat" a.txt b.txt
status_is 0
stdout_is cat-files.out
stderr_empty
end

begin netbsd-cat-stdin
stdin=$work/b.txt
run "$xeno" "$nbin/cat" a.txt - a.txt
stdin=
status_is 0
stdout_is cat-stdin.out
stderr_empty
end

begin netbsd-cat-missing
run "$xeno" "$nbin/cat" a.txt missing b.txt
status_is 1
stdout_is cat-files.out
stderr_is "cat: missing: ENOENT"
end

begin netbsd-ls
run "$xeno" "$nbin/ls" tree
status_is 0
stdout_is ls-tree.out
stderr_empty
end

begin netbsd-ls-many
run "$xeno" "$nbin/ls" tree/many
status_is 0
stdout_is ls-many.out
stderr_empty
end

begin netbsd-ls-not-a-directory
run "$xeno" "$nbin/ls" a.txt
status_is 1
stdout_empty
stderr_is "ls: a.txt: ENOTDIR"
end

mkdir "$work/netbsd-errno-scratch"
begin netbsd-errno
run "$xeno" "$nbin/errno" netbsd-errno-scratch
status_is 0
stdout_is "$nexp/errno.out"
stderr_is "xeno: netbsd syscall 246 (modctl) not implemented"
[ -z "$(ls -A "$work/netbsd-errno-scratch")" ] ||
	fail "errno left files behind" "$(ls -A "$work/netbsd-errno-scratch")"
end

begin netbsd-mmap
run "$xeno" "$nbin/mmap" .
status_is 0
stdout_is "$nexp/mmap.out"
stderr_empty
[ ! -e "$work/mapped" ] || fail "mmap left its scratch file behind"
end

# the seventh argument of mmap, from the guest's stack, shows in the trace
begin netbsd-mmap-trace
run "$xeno" --trace="$logs/netbsd-mmap.trace" "$nbin/mmap" .
status_is 0
trace=$logs/netbsd-mmap.trace
trace_has 'mmap\(NULL, 4096, PROT_READ, MAP_PRIVATE, [0-9]+, 0, 4096\) = 0x[0-9a-f]+'
trace=
end

begin netbsd-mmap-crash
run "$xeno" "$nbin/mmap" crash
status_is 139
stdout_is mmap-crash.out
grep -qx "xeno: flight recorder (the program dies of SIGSEGV):" "$err" ||
	fail "no flight recorder" "$(cat "$err")"
end

begin netbsd-threads
run "$xeno" "$nbin/threads"
status_is 0
stdout_is "$nexp/threads.out"
stderr_empty
end

begin netbsd-signals
run "$xeno" "$nbin/signals"
status_is 0
stdout_is "$nexp/signals.out"
stderr_empty
end

begin netbsd-signals-term
run "$xeno" "$nbin/signals" term
status_is 143
stdout_is "$nexp/signals-term.out"
stderr_empty
end

# --trace names NetBSD's calls, and a signal's way in and out
begin netbsd-signals-trace
run "$xeno" --trace="$logs/netbsd-signals.trace" "$nbin/signals"
status_is 0
trace=$logs/netbsd-signals.trace
trace_has '__sigaction_sigtramp\(SIGUSR1, \{.*\}, NULL, 0x[0-9a-f]+, 2\) = 0'
trace_has '_lwp_kill\([0-9]+, SIGUSR1\) = 0'
trace_has '--- SIGUSR1 .*'
trace_has 'setcontext\(0x[0-9a-f]+\) = [0-9]+'
trace=
end

begin netbsd-threads-trace
run "$xeno" --trace="$logs/netbsd-threads.trace" "$nbin/threads"
status_is 0
trace=$logs/netbsd-threads.trace
trace_has '_lwp_create\(0x[0-9a-f]+, LWP_DETACHED, \[[0-9]+\]\) = 0'
trace_has '___lwp_park60\(CLOCK_MONOTONIC, 0, .*\) = -1 ETIMEDOUT \(.*\)'
trace=
end

begin netbsd-spawn
run "$xeno" "$nbin/spawn"
status_is 0
stdout_is "$nexp/spawn.out"
stderr_empty
end

begin netbsd-kqueue
run "$xeno" "$nbin/kqueue"
status_is 0
stdout_is "$nexp/kqueue.out"
stderr_empty
end

begin netbsd-net
run "$xeno" "$nbin/net" "$work/netbsd-net.sock"
status_is 0
grep -v '^ipv6: ok' "$out" >"$logs/netbsd-net.filtered"
grep -v '^ipv6: ok' "$expected/$nexp/net.out" | cmp -s - "$logs/netbsd-net.filtered" ||
	fail "standard output differs from net.out" "$(diff "$expected/$nexp/net.out" "$out")"
grep -Eqx 'ipv6: ok( \(no ipv6\))?' "$out" || fail "no ipv6 line"
stderr_empty
end

begin netbsd-sysctl
run "$xeno" "$nbin/sysctl"
status_is 0
stdout_is "$nexp/sysctl.out"
stderr_empty
end
