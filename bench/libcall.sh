#!/bin/sh
# What a call of xeno's shim libc.so.7 costs a dynamically linked FreeBSD
# program, against the same call made natively: bench/freebsd/dyn/libcall
# under xeno and its native Linux twin bench/native/libcall, run alternately
# RUNS times (default 9) with CALLS calls of each kind (default 200000);
# medians of the per-call times, and their ratio xeno / native.
#   getpid  a system-call wrapper: a direct call into xeno (NOTLS), a host getpid
#   write   write(2) of one byte to /dev/null through the same kind of wrapper
#   strlen  a function bound straight to the host's (HOST): no crossing
#   trap    getpid as a raw system call: a trap under xeno, for scale
#   bench/libcall.sh [RUNS] [CALLS]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-9}
calls=${2:-200000}
[ "$runs" -ge 3 ] || { echo "at least 3 runs" >&2; exit 2; }
make -C "$root" -s build/xeno build/bench/freebsd/dyn/libcall build/bench/native/libcall
xeno=$root/build/xeno
guest=$root/build/bench/freebsd/dyn/libcall
native=$root/build/bench/native/libcall
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xeno-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

median() {
	sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

"$xeno" "$guest" "$calls" 3>/dev/null >/dev/null # warm the caches
i=0
while [ $i -lt "$runs" ]; do
	"$native" "$calls" 3>/dev/null >>"$tmp/native"
	"$xeno" "$guest" "$calls" 3>/dev/null >>"$tmp/xeno"
	i=$((i + 1))
done
printf '%-44s %10s %10s %8s\n' "$calls calls, median of $runs runs (ns per call)" native xeno ratio
for what in getpid write strlen trap; do
	n=$(sed -n "s/^$what //p" "$tmp/native" | median)
	x=$(sed -n "s/^$what //p" "$tmp/xeno" | median)
	case $what in
	getpid) label="getpid (libc.so.7 wrapper, direct call)" ;;
	write) label="write 1 byte to /dev/null (wrapper)" ;;
	strlen) label="strlen, 33 bytes (HOST: no crossing)" ;;
	trap) label="getpid as a trapped system call" ;;
	esac
	echo "$label $n $x" | awk '{ x = $(NF); n = $(NF - 1); $(NF) = ""; $(NF - 1) = "";
		printf "%-44s %10s %10s %7.2fx\n", $0, n, x, x / n }'
done
