#!/bin/sh
# Cost of one small read(2) of a regular file and of one getpid, per call:
# natively (bench/linux/readloop.c, built here with the host's compiler),
# under xeno with the call site patched (the default, core/patch.h) and
# under xeno with every call trapped (--no-patch).  The getpid is a crossing
# and nothing else.  Median of RUNS alternating runs (default 9) of 200000
# calls each.
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
"${CC:-cc}" -O2 -o "$tmp/native" "$root/bench/linux/readloop.c"
guest=$root/build/bench/freebsd/readloop

median() {
	sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# measure SIDE COMMAND...: one run, its two figures appended to SIDE.read
# and SIDE.getpid
measure() {
	side=$1
	shift
	"$@" "$tmp/data" $calls $size >"$tmp/out"
	sed -n 's/^read \([0-9]*\) ns$/\1/p' "$tmp/out" >>"$tmp/$side.read"
	sed -n 's/^getpid \([0-9]*\) ns$/\1/p' "$tmp/out" >>"$tmp/$side.getpid"
}

for side in native patched trapped; do
	: >"$tmp/$side.read"
	: >"$tmp/$side.getpid"
done
i=0
while [ $i -lt "$runs" ]; do
	measure native "$tmp/native"
	measure patched "$xeno" "$guest"
	measure trapped "$xeno" --no-patch "$guest"
	i=$((i + 1))
done
echo "ns per call, median of $runs alternating runs of $calls calls"
printf '%-28s %8s %8s %8s\n' "" native patched trapped
for call in read getpid; do
	label=$call
	[ "$call" = read ] && label="read($size bytes, a file)"
	n=$(median <"$tmp/native.$call") p=$(median <"$tmp/patched.$call") t=$(median <"$tmp/trapped.$call")
	awk -v l="$label" -v n="$n" -v p="$p" -v t="$t" \
		'BEGIN { printf "%-28s %8d %8d %8d   (patched %.2fx, trapped %.2fx native)\n", l, n, p, t, p / n, t / n }'
done
