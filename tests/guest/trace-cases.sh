# Tracing cases of tests/guest/run.sh (sourced after the cat cases, which
# made a.txt and b.txt in $work): decoded arguments and errors, host calls,
# filters, timestamps, signals, recordings and their show and diff.

begin trace-missing-file
run "$xeno" --trace "$bin/cat" missing
status_is 1
trace_has 'open\("missing", O_RDONLY, 0\) = -1 ENOENT \(No such file or directory\)'
end

# Each foreign call is followed by the host calls it became, indented.
begin trace-host
run "$xeno" --trace=host "$bin/cat" a.txt
status_is 0
stdout_is "$work/a.txt"
grep -A1 -E '^[0-9]+ open\("a\.txt", O_RDONLY, 0\) = 3$' "$err" | tail -n 1 |
	grep -Eqx '  > openat\(-100, 0x[0-9a-f]+\) = 3' || fail "no openat under open" "$(cat "$err")"
grep -A1 -E '^[0-9]+ close\(3\) = 0$' "$err" | tail -n 1 | grep -qx '  > close(3) = 0' ||
	fail "no close under close" "$(cat "$err")"
end

begin trace-host-to-file
run "$xeno" --trace=host:"$logs/host.trace" "$bin/hello"
status_is 0
stderr_empty
grep -Eqx '  > write\(1, 0x[0-9a-f]+, 20\) = 20' "$logs/host.trace" ||
	fail "no host write in the file" "$(cat "$logs/host.trace")"
end

# Filters: names, classes, negation; a name the OS lacks is a usage error.
begin trace-filter-class
run "$xeno" --trace-filter=%file "$bin/cat" a.txt
status_is 0
trace_has 'open\("a\.txt", O_RDONLY, 0\) = 3'
grep -Eq '^[0-9]+ (read|write|close)\(' "$err" && fail "%file shows more than file calls" "$(cat "$err")"
end

begin trace-filter-negated
run "$xeno" --trace-filter='!read,write,%process' "$bin/cat" a.txt
status_is 0
trace_has 'close\(3\) = 0'
grep -Eq '^[0-9]+ (read|write|exit)\(' "$err" && fail "negated names still shown" "$(cat "$err")"
end

begin trace-filter-unknown
run "$xeno" --trace-filter=read,bogus "$bin/cat" a.txt
status_is 2
stdout_empty
stderr_is 'xeno: --trace-filter: freebsd has no system call or library function "bogus"'
end

begin trace-time
run "$xeno" --trace --trace-time --trace-durations "$bin/hello"
status_is 0
trace_has '[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6} write\(1, "Hello from FreeBSD!\\n", 20\) = 20 <[0-9]+\.[0-9]{6}>'
end

begin trace-time-elapsed
run "$xeno" --trace --trace-time=elapsed "$bin/hello"
status_is 0
trace_has '[0-9]+\.[0-9]{6} write\(1, "Hello from FreeBSD!\\n", 20\) = 20'
end

# Structures by their decoders: sigaction, sigset, timespec; signals as
# strace shows them, with the FreeBSD si_code.
begin trace-signals
run "$xeno" --trace "$bin/signals"
status_is 0
stdout_is signals.out
trace_has 'sigaction\(SIGUSR1, \{sa_handler=0x[0-9a-f]+, sa_mask=\[.*\], sa_flags=.*\}, (NULL|0x[0-9a-f]+|\{.*\})\) = 0'
trace_has 'sigprocmask\(SIG_[A-Z]+, \[[A-Z0-9 ]*\], .*\) = 0'
trace_has '--- SIGUSR1 \{si_signo=SIGUSR1, si_code=SI_(USER|LWP), si_pid=[0-9]+, si_uid=[0-9]+\} ---'
end

begin trace-kqueue
run "$xeno" --trace "$bin/kqueue"
status_is 0
stdout_is kqueue.out
trace_has 'kevent\([0-9]+, \[\{ident=[0-9]+, filter=EVFILT_[A-Z]+, flags=EV_ADD.*\}.*\], [0-9]+, .*\) = [0-9]+'
end

begin trace-stat
run "$xeno" --trace "$bin/fsprobe"
status_is 0
trace_has 'fstat\([0-9]+, \{st_dev=0x[0-9a-f]+, st_ino=[0-9]+, st_mode=S_IFREG\|0[0-7]+, .*\}\) = 0'
end

# The trace on a pipe nobody reads any more (`xeno --trace PROGRAM 2>&1 |
# head -1` once head has exited): it ends there, and the SIGPIPE its writes
# raise is xeno's, not the program's, which goes on as it would untraced —
# a program that writes nothing there ends well, one with a SIGPIPE handler
# sees its own SIGPIPE once (not one for each trace line, each raising the
# next: a loop that SIGTERM could not end), one that writes there dies of
# SIGPIPE as it would natively, and SIGTERM still ends one that runs on.
begin dead-pipe
run_dead_pipe "$xeno" "$bin/signals" pipe
status_is 0
end

begin trace-dead-pipe
run_dead_pipe "$xeno" --trace "$bin/cat"
status_is 0
end

begin trace-dead-pipe-handler
run_dead_pipe "$xeno" --trace "$bin/signals" pipe
status_is 0
end

begin trace-dead-pipe-written
run_dead_pipe "$xeno" --trace "$bin/hello"
status_is 141
end

begin trace-dead-pipe-sigterm
run_dead_pipe "$waitstatus" "$logs/dead-pipe-sigterm.status" -k 15 300 "$xeno" --trace "$bin/spawn" wait-for-signal
got=$(cat "$logs/dead-pipe-sigterm.status" 2>/dev/null)
[ "$got" = "signal 15" ] || fail "ended with \"$got\", expected \"signal 15\""
end

# Recordings: show prints what --trace printed; diff normalises.
begin record-show
run "$xeno" --trace="$logs/live.trace" --record="$logs/cat.rec" "$bin/cat" a.txt
status_is 0
stdout_is "$work/a.txt"
run "$xeno" trace show "$logs/cat.rec"
status_is 0
stdout_is "$logs/live.trace"
stderr_empty
end

begin record-show-host
run "$xeno" trace show --host "$logs/cat.rec"
status_is 0
grep -Eqx '  > read\(3, 0x[0-9a-f]+, 16384\) = 11' "$out" || fail "no host read" "$(cat "$out")"
end

begin record-diff-same
run "$xeno" --record="$logs/cat2.rec" "$bin/cat" a.txt
status_is 0
run "$xeno" trace diff "$logs/cat.rec" "$logs/cat2.rec"
status_is 0
stdout_empty
stderr_empty
end

begin record-diff-differs
run "$xeno" --record="$logs/catb.rec" "$bin/cat" b.txt
run "$xeno" trace diff "$logs/cat.rec" "$logs/catb.rec"
status_is 1
grep -qx -- '-open("a.txt", O_RDONLY, 0) = F1' "$out" || fail "no removed open" "$(cat "$out")"
grep -qx -- '+open("b.txt", O_RDONLY, 0) = F1' "$out" || fail "no added open" "$(cat "$out")"
grep -q '^@@ ' "$out" || fail "not a unified diff" "$(cat "$out")"
end

# Damaged recordings: one line, exit status 2, never a crash.
head -c 40 "$logs/cat.rec" >"$work/truncated.rec"
printf 'XENOTRC\n\001\000\000\000this is not zlib' >"$work/garbage.rec"
for damage in truncated garbage text; do
	begin "record-$damage"
	run "$xeno" trace show "$work/$damage.rec"
	[ "$damage" = text ] && run "$xeno" trace show "$work/a.txt"
	status_is 2
	[ "$(wc -l <"$err")" -eq 1 ] || fail "not one line on standard error" "$(cat "$err")"
	grep -q '^xeno trace: ' "$err" || fail "no xeno trace: message" "$(cat "$err")"
	end
done

begin trace-usage
run "$xeno" trace frobnicate
status_is 2
head -n 1 "$err" | grep -qx "xeno trace: unknown command 'frobnicate'" || fail "no message" "$(cat "$err")"
end
