#!/bin/sh
# Cost of a small read(2) of a regular file under xeno, per call, against a
# getpid (the trap alone): reads go through the interruptible path
# (core/blocking.h), which must not make file reads much slower.
# Median of RUNS runs (default 9) of 200000 calls each.
#   bench/read.sh [RUNS] [XENO]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-9}
xeno=${2:-$root/build/xeno}
calls=200000
size=64
make -C "$root" -s build/xeno build/bench/freebsd/readloop
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xeno-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
head -c $((calls * size)) /dev/zero >"$tmp/data"

median() {
	sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

: >"$tmp/read"
: >"$tmp/getpid"
i=0
while [ $i -lt "$runs" ]; do
	"$xeno" "$root/build/bench/freebsd/readloop" "$tmp/data" $calls $size >"$tmp/out"
	sed -n 's/^read \([0-9]*\) ns$/\1/p' "$tmp/out" >>"$tmp/read"
	sed -n 's/^getpid \([0-9]*\) ns$/\1/p' "$tmp/out" >>"$tmp/getpid"
	i=$((i + 1))
done
echo "read($size bytes of a regular file): $(median <"$tmp/read") ns per call (median of $runs)"
echo "getpid:                           $(median <"$tmp/getpid") ns per call"
