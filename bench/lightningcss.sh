#!/bin/sh
# Wall-time ratio of lightningcss for FreeBSD (Rust, dynamically linked: on
# xeno's shim libraries) under xeno against lightningcss for Linux run
# natively (same version, from npm), measured alternately in one run:
#   --version   (start-up cost: reported as a difference in ms too)
#   minify      (bootstrap 5.3.8's bootstrap.css concatenated 20 times, 5.6 MB:
#               --minify, to a file)
# Median of RUNS runs each (default 7), plus xeno --stats for one run of
# each: system calls trapped, library calls (shim calls), signals.
#   bench/lightningcss.sh [RUNS]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-7}
[ "$runs" -ge 5 ] || { echo "at least 5 runs" >&2; exit 2; }
xeno=$root/build/xeno
[ -x "$xeno" ] || make -C "$root" -s build/xeno
version=1.33.0
fbsd=$("$root/tools/npm-fetch.sh" lightningcss-cli-freebsd-x64 "$version")/package/lightningcss
linux=$("$root/tools/npm-fetch.sh" lightningcss-cli-linux-x64-gnu "$version")/package/lightningcss
css=$("$root/tools/npm-fetch.sh" bootstrap 5.3.8)/package/dist/css/bootstrap.css
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xeno-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
i=0
while [ "$i" -lt 20 ]; do
	cat "$css" >>"$tmp/big.css"
	i=$((i + 1))
done

# ms COMMAND...: runs it (output discarded), prints its wall time in ms.
ms() {
	s=$(date +%s%N)
	"$@" >/dev/null 2>&1
	e=$(date +%s%N)
	echo $(((e - s) / 1000)) | awk '{ printf "%.2f\n", $1 / 1000 }'
}

median() {
	sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

minify="--minify big.css -o big.min.css"
cd "$tmp"
# warm the page cache and both binaries once; the outputs must agree
"$linux" $minify && mv big.min.css native.min.css
"$xeno" "$fbsd" $minify
cmp -s big.min.css native.min.css || { echo "lightningcss: the outputs differ" >&2; exit 1; }
: >nv; : >xv; : >nm; : >xm
i=0
while [ "$i" -lt "$runs" ]; do
	i=$((i + 1))
	ms "$linux" --version >>nv
	ms "$xeno" "$fbsd" --version >>xv
	# shellcheck disable=SC2086
	ms "$linux" $minify >>nm
	# shellcheck disable=SC2086
	ms "$xeno" "$fbsd" $minify >>xm
done
nv=$(median <nv) xv=$(median <xv) nm=$(median <nm) xm=$(median <xm)
stats_v=$("$xeno" --stats "$fbsd" --version 2>&1 >/dev/null | sed -n 's/^xeno: //p')
# shellcheck disable=SC2086
stats_m=$("$xeno" --stats "$fbsd" $minify 2>&1 >/dev/null | sed -n 's/^xeno: //p')

echo "lightningcss $version, median of $runs alternating runs (ms):"
printf '%-10s %10s %10s %8s   %s\n' case native xeno ratio "xeno --stats"
awk -v n="$nv" -v x="$xv" -v t="$stats_v" 'BEGIN { printf "%-10s %10.2f %10.2f %7.3fx   %s (xeno - native: %+.2f ms)\n", "--version", n, x, x / n, t, x - n }'
awk -v n="$nm" -v x="$xm" -v t="$stats_m" 'BEGIN { printf "%-10s %10.2f %10.2f %7.3fx   %s\n", "minify", n, x, x / n, t }'
