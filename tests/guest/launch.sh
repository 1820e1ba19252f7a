# Guest cases around starting and ending programs, sourced by run.sh (its
# helpers and variables): xeno --check, the compat root, exit statuses and
# deaths by signal reproduced exactly, what the programs a guest starts
# inherit, and the binfmt_misc round trip.

# ---- xeno --check: prepared, reported, not run ----

seeds=$(cd "$(dirname "$0")/../fuzz/loader-seeds" && pwd) # crafted programs

begin check-hello
run "$xeno" --check "$bin/hello"
status_is 0
stderr_empty
grep -qx "file: $bin/hello" "$out" || fail "no file line" "$(cat "$out")"
grep -qx 'format: ELF 64-bit little-endian x86-64' "$out" || fail "no format line" "$(cat "$out")"
grep -qx 'os: FreeBSD (ELF OS/ABI 9, ABI note 1402000: FreeBSD 14.2)' "$out" ||
	fail "no os line" "$(cat "$out")"
grep -qx 'linking: static' "$out" || fail "no linking line" "$(cat "$out")"
grep -qx 'type: EXEC (ET_EXEC, fixed addresses)' "$out" || fail "no type line" "$(cat "$out")"
grep -Eqx 'entry: 0x40[0-9a-f]{4}' "$out" || fail "no entry line" "$(cat "$out")"
grep -Eqx 'segment: 0x401000-0x[0-9a-f]+ size 0x[0-9a-f]+ r-x file offset 0x1000 size 0x[0-9a-f]+' \
	"$out" || fail "no code segment line" "$(cat "$out")"
[ "$(grep -c '^segment: ' "$out")" -eq 4 ] || fail "not 4 segments" "$(cat "$out")"
grep -Eqx 'stack: top 0x[0-9a-f]+ size 0x[0-9a-f]+ rw-' "$out" || fail "no stack line" "$(cat "$out")"
grep -Eqx 'initial rsp: 0x[0-9a-f]+' "$out" || fail "no rsp line" "$(cat "$out")"
stdout_lines=$(wc -l <"$out")
[ "$stdout_lines" -eq 12 ] || fail "$stdout_lines lines, expected 12" "$(cat "$out")"
end

# A position-independent program is placed where xeno chooses.
begin check-pie
run "$xeno" --check "$seeds/crafted-pie"
status_is 0
stderr_empty
grep -Eqx 'type: PIE \(ET_DYN, placed with load bias 0x[0-9a-f]+\)' "$out" ||
	fail "no PIE type line" "$(cat "$out")"
grep -Eqx 'os: FreeBSD \(ELF OS/ABI 9, no ABI note\)' "$out" || fail "no os line" "$(cat "$out")"
end

# The program is not entered: exitcode would exit 42.
begin check-does-not-run
run "$xeno" --check "$bin/exitcode" 42
status_is 0
stderr_empty
grep -q '^entry: ' "$out" || fail "no report" "$(cat "$out")"
end

# A refusal is the same one line as for running the file.
begin check-refuses-linux
run "$xeno" --check "$linux_program"
status_is 126
stdout_empty
stderr_is "xeno: $linux_program: a Linux program: run it directly, without xeno"
end

begin check-missing
run "$xeno" --check missing
status_is 127
stdout_empty
stderr_is "xeno: missing: No such file or directory"
end

begin check-truncated
run "$xeno" --check truncated
status_is 126
stdout_empty
[ "$(wc -l <"$err")" -eq 1 ] || fail "not one line" "$(cat "$err")"
end

begin help-new-options
run "$xeno" --help
status_is 0
for o in --check --root= --binfmt=; do
	grep -q -- "$o" "$out" || fail "--help does not mention $o"
done
end

# ---- the compat root (--root DIR, XENO_ROOT) ----

# DIR/etc/xeno-root-test exists only under the root.
root=$work/compat-root
mkdir -p "$root/etc" "$root/sub"
printf 'found under the compat root\n' >"$root/etc/xeno-root-test"
ln -s /etc/xeno-root-test "$root/etc/link-to-test" # absolute: resolved inside the root

begin root-file
run "$xeno" --root "$root" "$bin/cat" /etc/xeno-root-test
status_is 0
stdout_is "$root/etc/xeno-root-test"
stderr_empty
end

begin root-from-environment
run env XENO_ROOT="$root" "$xeno" "$bin/cat" /etc/xeno-root-test
status_is 0
stdout_is "$root/etc/xeno-root-test"
stderr_empty
end

begin root-absent
run "$xeno" "$bin/cat" /etc/xeno-root-test
status_is 1
stdout_empty
stderr_is "cat: /etc/xeno-root-test: ENOENT"
end

begin root-absolute-link
run "$xeno" --root="$root" "$bin/cat" /etc/link-to-test
status_is 0
stdout_is "$root/etc/xeno-root-test"
stderr_empty
end

# What is not under the root is the host's.
begin root-falls-back-to-host
run "$xeno" --root "$root" "$bin/cat" "$work/a.txt"
status_is 0
stdout_is "$work/a.txt"
stderr_empty
end

# A FreeBSD program the guest starts has the same root (the option is
# passed on, made absolute).
begin root-passed-on
run "$xeno" --root "$root" "$bin/spawn" exec "$bin/cat" /etc/xeno-root-test
status_is 0
stdout_is "$root/etc/xeno-root-test"
stderr_empty
end

begin root-getcwd
run sh -c 'cd compat-root/sub && exec "$0" --root .. "$1"' "$xeno" "$bin/pwd"
status_is 0
printf '/sub\n' | cmp -s - "$out" || fail "cwd is not /sub" "$(cat "$out")"
stderr_empty
end

begin root-chdir-top
run "$xeno" --root "$root" "$bin/pwd" /..
status_is 0
printf '/\n' | cmp -s - "$out" || fail "cwd is not /" "$(cat "$out")"
stderr_empty
end

begin root-getcwd-outside
run "$xeno" --root "$root" "$bin/pwd"
status_is 0
printf '%s\n' "$(cd "$work" && pwd -P)" | cmp -s - "$out" ||
	fail "cwd is not the host's" "$(cat "$out")"
end

begin root-missing-directory
run "$xeno" --root "$work/no-such-root" "$bin/hello"
status_is 126
stdout_empty
stderr_is "xeno: $work/no-such-root: cannot use as the compat root: No such file or directory"
end

# ---- exit statuses and deaths by signal, reproduced exactly ----

# ends_with NAME WANT [-k SIGNAL MS] COMMAND...: COMMAND, run through
# waitstatus (which sends it SIGNAL after MS milliseconds if asked), ends
# with WANT ("exit N" or "signal N").
ends_with() {
	begin "$1"
	want=$2
	shift 2
	run "$waitstatus" "$logs/$name.status" "$@"
	got=$(cat "$logs/$name.status" 2>/dev/null)
	[ "$got" = "$want" ] || fail "ended with \"$got\", expected \"$want\"" "$(cat "$err")"
	end
}

ends_with exit-42 "exit 42" "$xeno" "$bin/exitcode" 42
ends_with exit-0 "exit 0" "$xeno" "$bin/exitcode" 0
# kill(getpid(), SIG) in FreeBSD numbers; xeno dies of the same signal.
ends_with self-sigkill "signal 9" "$xeno" "$bin/exitcode" kill 9
ends_with self-sigterm "signal 15" "$xeno" "$bin/exitcode" kill 15
ends_with self-sigsegv "signal 11" "$xeno" "$bin/exitcode" kill 11
ends_with self-sigabrt "signal 6" "$xeno" "$bin/exitcode" kill 6
ends_with self-sigusr1 "signal 10" "$xeno" "$bin/exitcode" kill 30 # FreeBSD 30 is Linux 10
# FreeBSD ignores SIGINFO, SIGIO and SIGTHR by default; Linux's counterparts
# would kill: the program lives on.
ends_with self-siginfo "exit 99" "$xeno" "$bin/exitcode" kill 29
ends_with self-sigio "exit 99" "$xeno" "$bin/exitcode" kill 23
ends_with self-sigthr "exit 99" "$xeno" "$bin/exitcode" kill 32
# A fault in the guest's code.
ends_with fault-sigsegv "signal 11" "$xeno" "$bin/mmap" crash
# Signals from outside, 300 ms after the start (before or after the guest
# runs, the outcome is the same).
ends_with outside-sigterm "signal 15" -k 15 300 "$xeno" "$bin/spawn" wait-for-signal
ends_with outside-sigkill "signal 9" -k 9 300 "$xeno" "$bin/spawn" wait-for-signal
ends_with outside-sigsegv "signal 11" -k 11 300 "$xeno" "$bin/spawn" wait-for-signal
ends_with outside-sigabrt "signal 6" -k 6 300 "$xeno" "$bin/spawn" wait-for-signal

# ---- what a program started by the guest inherits ----

# The descriptors a Linux program started by a FreeBSD one sees are those it
# would see started directly: none of xeno's (its trace file, the compat
# root, the loaded image), however many xeno holds.
fd_list='ls /proc/$$/fd; true' # the shell's own descriptors, not ls's
begin inherited-fds
sh -c "$fd_list" >"$logs/fds-native.out" 2>&1
run "$xeno" --trace="$logs/inherited-fds.trace" --root "$root" "$bin/spawn" exec /bin/sh -c "$fd_list"
status_is 0
stdout_is "$logs/fds-native.out"
stderr_empty
grep -qx '[0-2]' "$out" || fail "the listing shows no standard descriptor" "$(cat "$out")"
end

# The same through a FreeBSD program started by another (xeno again).
begin inherited-fds-twice
run "$xeno" --trace="$logs/inherited-fds-twice.trace" "$bin/spawn" exec "$bin/spawn" exec /bin/sh -c "$fd_list"
status_is 0
stdout_is "$logs/fds-native.out"
stderr_empty
end

# xeno raises its own descriptor limit for room above the guest's; a program
# the guest starts gets the guest's limit back.  (512, or half the hard
# limit where that is lower.)
soft=512
hard=$(ulimit -Hn)
[ "$hard" = unlimited ] || [ "$hard" -ge 1024 ] || soft=$((hard / 2))
begin inherited-fd-limit
run sh -c 'ulimit -Sn "$2" && exec "$0" "$1" exec /bin/sh -c "ulimit -Sn"' "$xeno" "$bin/spawn" "$soft"
status_is 0
printf '%s\n' "$soft" | cmp -s - "$out" || fail "the limit is not $soft" "$(cat "$out")"
stderr_empty
end

# Under a low limit that leaves no room above it (ulimit -n sets the hard
# limit too), the program still has all but a few descriptors of what it
# would have natively: N less an eighth of N, at least 4 and at most 32
# less (core/fd.h); getrlimit says so, and it can open up to there.
for n in 20 33 40 64 1024; do
	r=$((n / 8))
	[ "$r" -ge 4 ] || r=4
	[ "$r" -le 32 ] || r=32
	g=$((n - r))
	if [ "$hard" != unlimited ] && [ "$hard" -lt "$n" ]; then
		skip "fd-limit-$n" "the hard descriptor limit here is $hard"
		continue
	fi
	begin "fd-limit-$n"
	run sh -c 'ulimit -n "$2" && exec "$0" "$1"' "$xeno" "$bin/nofile" "$n"
	status_is 0
	printf 'limit %d/%d, descriptors up to %d, then EMFILE\n' "$g" "$g" $((g - 1)) |
		cmp -s - "$out" || fail "not $g descriptors, as getrlimit says" "$(cat "$out")"
	stderr_empty
	end
done

# A soft limit the program sets is the one it meets.
begin fd-limit-set
run sh -c 'ulimit -n 20 && exec "$0" "$1" 10' "$xeno" "$bin/nofile"
status_is 0
printf 'limit 10/16, descriptors up to 9, then EMFILE\n' | cmp -s - "$out" ||
	fail "not the limit set" "$(cat "$out")"
stderr_empty
end

# The cat sample under "ulimit -n 20": a file to open besides its three.
begin fd-limit-cat
run sh -c 'ulimit -n 20 && exec "$0" "$1" a.txt' "$xeno" "$bin/cat"
status_is 0
stdout_is "$work/a.txt"
stderr_empty
end

# ---- execve: who runs what the guest starts ----

# An image xeno refuses (as `xeno FILE` does, with 126) but recognises as
# foreign is refused to the guest's execve too, with FreeBSD's ENOEXEC: the
# host never runs it natively, with the wrong system calls.
for f in arm64 bad-align page-zero macho-le pe; do
	cp "$work/$f" "$work/exec-$f"
	chmod 755 "$work/exec-$f"
	begin "exec-refused-$f"
	run "$xeno" "$bin/spawn" exec "./exec-$f"
	status_is 127
	stdout_empty
	stderr_is "spawn: ./exec-$f: ENOEXEC"
	end
done

# Linux programs and scripts are the host's; so is a file neither knows
# (the host's ENOEXEC).
begin exec-linux
run "$xeno" "$bin/spawn" exec /bin/echo from Linux
status_is 0
printf 'from Linux\n' | cmp -s - "$out" || fail "no output from echo" "$(cat "$out")"
stderr_empty
end

printf '#!/bin/sh\necho "from a script: $1"\n' >"$work/exec-script"
printf 'echo no interpreter line\n' >"$work/exec-text"
chmod 755 "$work/exec-script" "$work/exec-text"
begin exec-script
run "$xeno" "$bin/spawn" exec ./exec-script one
status_is 0
printf 'from a script: one\n' | cmp -s - "$out" || fail "no output from the script" "$(cat "$out")"
stderr_empty
end

begin exec-text
run "$xeno" "$bin/spawn" exec ./exec-text
status_is 127
stdout_empty
stderr_is "spawn: ./exec-text: ENOEXEC"
end

# An execute-only program (mode 111): FreeBSD runs it, and so does xeno when
# it may read it (root may); another user's xeno cannot look inside: EACCES,
# as `xeno FILE` says, rather than the host running it natively.
cp "$bin/hello" "$work/exec-only"
chmod 111 "$work/exec-only"
begin exec-execute-only
run "$xeno" "$bin/spawn" exec ./exec-only
if [ "$(id -u)" -eq 0 ]; then
	status_is 0
	stdout_is hello.out
	stderr_empty
else
	status_is 127
	stdout_empty
	stderr_is "spawn: ./exec-only: EACCES"
fi
end

# ---- binfmt_misc: register, run ./program, unregister ----

# In a private binfmt_misc instance: a new user and mount namespace (Linux
# 6.7 and later give a user namespace its own instance).  The machine's own
# registrations are never touched: the case runs only if the mount succeeds
# inside the new user namespace and the instance there is empty.
cp "$bin/hello" "$work/hello-binfmt"
cp "$bin/args" "$work/args-binfmt"
cp "$(dirname "$bin")/windows/hello.exe" "$work/hello-binfmt.exe"
cp "$(dirname "$bin")/darwin/hello" "$work/hello-binfmt-macos"
binfmt_script='
	x=$1
	mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc 2>/dev/null || exit 77
	[ -z "$(ls /proc/sys/fs/binfmt_misc | grep -v -e "^register$" -e "^status$")" ] || exit 78
	"$x" --binfmt=status || echo "status: $?"
	"$x" --binfmt=install | sed "s|$x|XENO|"
	"$x" --binfmt=status | sed "s|$x|XENO|"
	./hello-binfmt
	./args-binfmt one "two words"
	bash -c "exec -a custom-argv0 ./args-binfmt"
	./hello-binfmt.exe
	./hello-binfmt-macos
	"$x" --binfmt=uninstall
	"$x" --binfmt=status || echo "status: $?"
	ls /proc/sys/fs/binfmt_misc
'
if ! command -v unshare >/dev/null 2>&1; then
	skip binfmt "no unshare(1) here"
else
	begin binfmt
	run unshare --user --map-root-user --mount sh -c "$binfmt_script" sh "$xeno"
	case $status in
	77) skip binfmt "this kernel gives a user namespace no binfmt_misc of its own (Linux 6.7+), or user namespaces are off: not tested" ;;
	78) skip binfmt "the binfmt_misc mounted in the user namespace is not empty (not a private instance): not tested" ;;
	*)
		if [ "$status" -ne 0 ] && [ ! -s "$out" ]; then
			# unshare itself failed: no user namespaces for us
			skip binfmt "unshare --user --map-root-user --mount failed: $(head -n 1 "$err")"
		else
			status_is 0
			stdout_is binfmt.out
			stderr_empty
			end
		fi
		;;
	esac
fi
