#!/bin/sh
# Wall-time ratio of esbuild for each foreign OS under xeno (FreeBSD, illumos;
# BENCH_OSES to choose) against esbuild for Linux run natively (same version,
# from npm), measured alternately in one run:
#   --version          (start-up cost: reported as a difference in ms too)
#   a large bundle     (TypeScript's 9 MB compiler, --bundle --minify --sourcemap)
# Median of RUNS runs each (default 7), plus what xeno --stats counts (trapped
# system calls, library calls, signals delivered) for one run of each.
#   bench/esbuild.sh [RUNS]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-7}
[ "$runs" -ge 5 ] || { echo "at least 5 runs" >&2; exit 2; }
xeno=$root/build/xeno
[ -x "$xeno" ] || make -C "$root" -s build/xeno
version=0.28.2
oses=${BENCH_OSES:-freebsd illumos}
# foreign OS: its esbuild package
package() {
	case $1 in
	freebsd) echo @esbuild/freebsd-x64 ;;
	illumos) echo @esbuild/sunos-x64 ;;
	*) echo "no esbuild build for $1" >&2; exit 2 ;;
	esac
}
linux=$("$root/tools/npm-fetch.sh" @esbuild/linux-x64 "$version")/package/bin/esbuild
ts=$("$root/tools/npm-fetch.sh" typescript 5.6.3)/package/lib/typescript.js
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xeno-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cp "$ts" "$tmp/ts.js"
# each OS's binary, kept in $tmp/bin.OS
for os in $oses; do
	d=$("$root/tools/npm-fetch.sh" "$(package "$os")" "$version")
	echo "$d/package/bin/esbuild" >"$tmp/bin.$os"
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

bundle="ts.js --bundle --minify --sourcemap --platform=node --outfile=out/ts.min.js --log-level=warning"
cd "$tmp"
# warm the page cache and every binary once
"$linux" --version >/dev/null
for os in $oses; do "$xeno" "$(cat "bin.$os")" --version >/dev/null; done
: >nv; : >nb
for os in $oses; do : >"xv.$os"; : >"xb.$os"; done
i=0
while [ "$i" -lt "$runs" ]; do
	i=$((i + 1))
	ms "$linux" --version >>nv
	for os in $oses; do ms "$xeno" "$(cat "bin.$os")" --version >>"xv.$os"; done
	# shellcheck disable=SC2086
	ms "$linux" $bundle >>nb
	# shellcheck disable=SC2086
	for os in $oses; do ms "$xeno" "$(cat "bin.$os")" $bundle >>"xb.$os"; done
done
nv=$(median <nv) nb=$(median <nb)

echo "esbuild $version, median of $runs alternating runs (ms):"
printf '%-20s %10s %10s %8s   %s\n' case native xeno ratio "xeno --stats"
for os in $oses; do
	foreign=$(cat "bin.$os")
	xv=$(median <"xv.$os") xb=$(median <"xb.$os")
	stats_v=$("$xeno" --stats "$foreign" --version 2>&1 >/dev/null | sed -n 's/^xeno: //p')
	# shellcheck disable=SC2086
	stats_b=$("$xeno" --stats "$foreign" $bundle 2>&1 >/dev/null | sed -n 's/^xeno: //p')
	awk -v c="$os --version" -v n="$nv" -v x="$xv" -v t="$stats_v" 'BEGIN { printf "%-20s %10.2f %10.2f %7.3fx   %s (xeno - native: %+.2f ms)\n", c, n, x, x / n, t, x - n }'
	awk -v c="$os bundle" -v n="$nb" -v x="$xb" -v t="$stats_b" 'BEGIN { printf "%-20s %10.2f %10.2f %7.3fx   %s\n", c, n, x, x / n, t }'
done
