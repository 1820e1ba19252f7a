#!/bin/sh
# What tracing costs when it is off: 10^6 getpid calls (samples/freebsd/
# getpid_loop; made through a patched site, or trapped with XENO_PATCH=0 in
# the environment) under build/xeno against build/notrace/xeno,
# the same sources built with -DXENO_NO_TRACE (no tracing hooks, no flight
# recorder), run alternately; median of RUNS runs each (default 9), and
# the ratio.  With --trace (to /dev/null) too, for scale.
#   bench/trace-overhead.sh [RUNS] [COUNT]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-9}
count=${2:-1000000}
[ "$runs" -ge 5 ] || { echo "at least 5 runs" >&2; exit 2; }
make -C "$root" -s build/xeno build/notrace/xeno build/samples/freebsd/getpid_loop
xeno=$root/build/xeno
notrace=$root/build/notrace/xeno
loop=$root/build/samples/freebsd/getpid_loop

# ms COMMAND...: runs it, prints its wall time in ms.
ms() {
	s=$(date +%s%N)
	"$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
	e=$(date +%s%N)
	echo $(((e - s) / 1000)) | awk '{ printf "%.2f\n", $1 / 1000 }'
}

median() {
	sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

: >/tmp/xeno-bench-on.$$
: >/tmp/xeno-bench-off.$$
trap 'rm -f /tmp/xeno-bench-on.$$ /tmp/xeno-bench-off.$$' EXIT
ms "$xeno" "$loop" "$count" >/dev/null # warm the caches
i=0
while [ $i -lt "$runs" ]; do
	ms "$notrace" "$loop" "$count" >>/tmp/xeno-bench-off.$$
	ms "$xeno" "$loop" "$count" >>/tmp/xeno-bench-on.$$
	i=$((i + 1))
done
off=$(median </tmp/xeno-bench-off.$$)
on=$(median </tmp/xeno-bench-on.$$)
traced=$(ms "$xeno" --trace=/dev/null "$loop" "$count")
echo "$count getpid calls, median of $runs runs each:"
echo "  without the tracing code (build/notrace/xeno): $off ms"
echo "  with it, tracing off (build/xeno):             $on ms"
echo "  with it, --trace=/dev/null (one run):          $traced ms"
echo "$on $off" | awk '{ printf "ratio tracing-off / no-tracing-code: %.3f (%+.1f ns per call)\n", $1 / $2, ($1 - $2) * 1e6 / '"$count"' }'
