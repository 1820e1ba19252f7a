#!/bin/sh
# Wall-time ratio of esbuild for FreeBSD and for NetBSD under xeno against
# esbuild for Linux run natively (same version, from npm), measured
# alternately in one run:
#   --version          (start-up cost: reported as a difference in ms too)
#   a large bundle     (TypeScript's 9 MB compiler, --bundle --minify --sourcemap)
# Median of RUNS runs each (default 7), plus the number of system calls xeno
# trapped and signals it delivered for one run of each (xeno --stats).
#   bench/esbuild.sh [RUNS]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-7}
[ "$runs" -ge 5 ] || { echo "at least 5 runs" >&2; exit 2; }
xeno=$root/build/xeno
[ -x "$xeno" ] || make -C "$root" -s build/xeno
version=0.28.2
fbsd=$("$root/tools/npm-fetch.sh" @esbuild/freebsd-x64 "$version")/package/bin/esbuild
nbsd=$("$root/tools/npm-fetch.sh" @esbuild/netbsd-x64 "$version")/package/bin/esbuild
linux=$("$root/tools/npm-fetch.sh" @esbuild/linux-x64 "$version")/package/bin/esbuild
ts=$("$root/tools/npm-fetch.sh" typescript 5.6.3)/package/lib/typescript.js
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xeno-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cp "$ts" "$tmp/ts.js"

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

bundle="ts.js --bundle --minify --sourcemap --platform=node --outfile=out/ts.min.js --log-level=warning"
cd "$tmp"
# warm the page cache and the binaries once
"$linux" --version >/dev/null && "$xeno" "$fbsd" --version >/dev/null &&
	"$xeno" "$nbsd" --version >/dev/null
: >nv; : >fv; : >bv; : >nb; : >fb; : >bb
i=0
while [ "$i" -lt "$runs" ]; do
	i=$((i + 1))
	ms "$linux" --version >>nv
	ms "$xeno" "$fbsd" --version >>fv
	ms "$xeno" "$nbsd" --version >>bv
	# shellcheck disable=SC2086
	ms "$linux" $bundle >>nb
	# shellcheck disable=SC2086
	ms "$xeno" "$fbsd" $bundle >>fb
	# shellcheck disable=SC2086
	ms "$xeno" "$nbsd" $bundle >>bb
done

# row CASE OS NATIVE_FILE XENO_FILE PROGRAM ARGS...
row() {
	c=$1 os=$2 n=$(median <"$3") x=$(median <"$4")
	shift 4
	t=$("$xeno" --stats "$@" 2>&1 >/dev/null | sed -n 's/^xeno: //p')
	if [ "$c" = --version ]; then
		awk -v c="$c" -v o="$os" -v n="$n" -v x="$x" -v t="$t" 'BEGIN {
			printf "%-10s %-8s %10.2f %10.2f %7.3fx   %s (xeno - native: %+.2f ms)\n", c, o, n, x, x / n, t, x - n }'
	else
		awk -v c="$c" -v o="$os" -v n="$n" -v x="$x" -v t="$t" 'BEGIN {
			printf "%-10s %-8s %10.2f %10.2f %7.3fx   %s\n", c, o, n, x, x / n, t }'
	fi
}

echo "esbuild $version, median of $runs alternating runs (ms):"
printf '%-10s %-8s %10s %10s %8s   %s\n' case os native xeno ratio "xeno --stats"
row --version FreeBSD nv fv "$fbsd" --version
row --version NetBSD nv bv "$nbsd" --version
# shellcheck disable=SC2086
row bundle FreeBSD nb fb "$fbsd" $bundle
# shellcheck disable=SC2086
row bundle NetBSD nb bb "$nbsd" $bundle
