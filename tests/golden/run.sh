#!/bin/sh
# Golden traces: each deterministic sample program runs under xeno with
# --record, and its normalised trace (`xeno trace show --normalize`: one
# section per thread, descriptors and ids renumbered, addresses and times
# masked) must match tests/golden/NAME.trace (`xeno trace diff`).
#
#   tests/golden/run.sh XENO SAMPLES_DIR           compare (make check)
#   tests/golden/run.sh XENO SAMPLES_DIR --bless   re-record (make bless)
#
# Prints "FAIL name: ..." with the diff for a mismatch and ends with
# "RESULT passed failed" as the guest suite does.
set -u
[ $# -ge 2 ] || { echo "usage: run.sh XENO SAMPLES_DIR [--bless]" >&2; echo "RESULT 0 1"; exit 1; }
golden=$(cd "$(dirname "$0")" && pwd)
xeno=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
bin=$(cd "$2/freebsd" && pwd)
bless=${3:-}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xeno-golden.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
work=$tmp/work
mkdir "$work"
printf 'first file\n' >"$work/a.txt"
printf 'second file\nwith two lines\n' >"$work/b.txt"
mkdir "$work/tree" "$work/tree/dir" "$work/errno-scratch"
: >"$work/tree/file"
ln -s dir "$work/tree/link"
passed=0
failed=0
golden_env=

# golden NAME SAMPLE [ARGS...]: records SAMPLE ARGS in $work (clean
# environment but for $golden_env, standard input /dev/null) and compares or
# blesses NAME.
golden() {
	name=$1
	shift
	sample=$1
	shift
	rec=$tmp/$name.rec
	(cd "$work" && env -i $golden_env "$xeno" --record="$rec" --argv0="$sample" "$bin/$sample" "$@" \
		</dev/null >"$tmp/$name.out" 2>"$tmp/$name.err")
	if [ "$bless" = --bless ]; then
		if "$xeno" trace show --normalize "$rec" >"$golden/$name.trace"; then
			echo "blessed $name"
			passed=$((passed + 1))
		else
			echo "FAIL $name: cannot read its recording"
			failed=$((failed + 1))
		fi
		return
	fi
	if "$xeno" trace diff "$golden/$name.trace" "$rec" >"$tmp/$name.diff" 2>&1; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL $name: the trace differs from tests/golden/$name.trace (make bless if intended)"
		head -n 40 "$tmp/$name.diff" | sed 's/^/  /'
	fi
}

golden hello hello
golden args args one 'two words' ''
golden exitcode exitcode 42
golden cat cat a.txt missing b.txt
golden cat-stdin cat
golden errno errno errno-scratch
golden ls ls tree
golden ls-11 ls -11 tree
golden unimpl unimpl
golden mmap mmap .
golden getpid-loop getpid_loop 10
golden signals signals
# Dynamically linked programs: library calls among the system calls.
golden dyn-hello dyn/hello
golden_env="XENO_LIBRARY_PATH=$bin/dyn/lib"
golden dyn-libcalls dyn/libcalls
golden_env=
echo "RESULT $passed $failed"
