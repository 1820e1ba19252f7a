# Shared by the shell test suites: one case at a time, counted.
#   root=TREE suite=NAME; . "$root/tests/lib.sh"   (in a suite run as SUITE XENO)
#   begin NAME; ... fail WHY [DETAILS] ...; end
# A failing case prints "FAIL name: why" with its details indented below;
# the suite ends with `echo "RESULT $passed $failed"`, which
# tests/run-all.sh reads.
# shellcheck shell=sh

passed=0
failed=0

# The xeno under test (each suite's first argument), by absolute path, and
# the fetcher of real programs from npm.
xeno=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
fetch=$root/tools/npm-fetch.sh

# give_up WHY: the suite cannot go on (a program it needs is missing...):
# one failure more, and the end.
give_up() {
	echo "FAIL ${suite:-suite}: $*"
	echo "RESULT $passed $((failed + 1))"
	exit 1
}

# on_dead_pipe FIFO OUT COMMAND...: runs COMMAND with standard error — and
# standard output too if OUT is "-", else into the file OUT — on a pipe
# whose reader is gone before it starts (FIFO, a new one made at that path,
# opened both ways, then for writing, then the first closed), as after
# `COMMAND 2>&1 | head -1` once head has exited: every write there fails with
# EPIPE and raises SIGPIPE.  Standard input is /dev/null.  Its exit status;
# 137 if it was still running after 60 s and killed: a case fails rather
# than spinning on.
on_dead_pipe() {
	dp_fifo=$1 dp_out=$2
	shift 2
	rm -f "$dp_fifo"
	mkfifo "$dp_fifo" || return 125
	(
		exec 3<>"$dp_fifo" 4>"$dp_fifo" 3<&-
		if [ "$dp_out" = - ]; then exec >&4; else exec >"$dp_out"; fi
		exec timeout -s KILL 60 "$@" </dev/null 2>&4 4>&-
	)
	dp_status=$?
	rm -f "$dp_fifo"
	return "$dp_status"
}

begin() {
	name=$1
	why=
	details=
}

# The first reason counts.
fail() {
	[ -n "$why" ] && return
	why=$1
	details=${2-}
}

end() {
	if [ -z "$why" ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL $name: $why"
		[ -z "$details" ] || printf '%s\n' "$details" | head -n 20 | sed 's/^/  /'
	fi
}

# same [DIFF_OPTION...]: the last run of a case on both sides agreed.  Reads
# $case_dir (with x.out.norm, x.err.norm, n.out.norm, n.err.norm: each side's
# output after the suite's normalisation, and the trees x/ and n/ each side
# worked in) and the exit statuses $xs and $ns; DIFF_OPTIONs (--exclude=...)
# leave files out of the comparison of the trees.
same() {
	[ "$xs" -eq "$ns" ] || fail "exit status $xs under xeno, $ns natively" "$(cat "$case_dir/x.err")"
	cmp -s "$case_dir/x.out.norm" "$case_dir/n.out.norm" ||
		fail "standard output differs" "$(diff "$case_dir/n.out.norm" "$case_dir/x.out.norm" | head -n 20)"
	cmp -s "$case_dir/x.err.norm" "$case_dir/n.err.norm" ||
		fail "standard error differs" "$(diff "$case_dir/n.err.norm" "$case_dir/x.err.norm")"
	diff -r "$@" "$case_dir/x" "$case_dir/n" >/dev/null ||
		fail "written files differ" "$(diff -rq "$@" "$case_dir/n" "$case_dir/x")"
}
