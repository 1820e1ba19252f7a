#!/bin/sh
# esbuild.exe under xeno against the same esbuild.exe under Wine and the
# Linux build, alternately in one run: --version (start-up) and bundling
# TypeScript's compiler; medians of RUNS runs (default 7).  Debian 12's Wine
# (8.0) cannot run esbuild 0.28.2 (Go 1.26 asks for bcryptprimitives.dll's
# ProcessPrng), so this is esbuild 0.14.54, built with Go 1.19, which it can.
# Wine is Debian's package, installed here when missing (and only here: the
# build and the tests never need it); its prefix is made in a temporary
# directory by a first, unmeasured run, and the wineserver it leaves running
# between runs is what a user of Wine has too.
#   bench/wine.sh [RUNS]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-7}
[ "$runs" -ge 5 ] || { echo "at least 5 runs" >&2; exit 2; }
xeno=$root/build/xeno
[ -x "$xeno" ] || make -C "$root" -s build/xeno
# Debian's wine64 puts its loader in /usr/lib/wine (the wine package's
# wrapper would put it on PATH)
PATH=$PATH:/usr/lib/wine
if ! command -v wine64 >/dev/null; then
	echo "bench/wine.sh: installing Debian's wine64 package" >&2
	if [ "$(id -u)" -eq 0 ]; then
		apt-get install -y --no-install-recommends wine64 >&2
	else
		sudo apt-get install -y --no-install-recommends wine64 >&2
	fi
fi
version=0.14.54
exe=$("$root/tools/npm-fetch.sh" esbuild-windows-64 "$version")/package/esbuild.exe
linux=$("$root/tools/npm-fetch.sh" esbuild-linux-64 "$version")/package/bin/esbuild
ts=$("$root/tools/npm-fetch.sh" typescript 5.6.3)/package/lib/typescript.js
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xeno-wine.XXXXXX")
export WINEPREFIX="$tmp/prefix" WINEDEBUG=-all
trap 'wineserver -k 2>/dev/null || true; rm -rf "$tmp"' EXIT
cp "$ts" "$tmp/ts.js"

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
s=$(date +%s%N)
wine64 "$exe" --version >/dev/null 2>&1 || { echo "Wine cannot run esbuild $version" >&2; exit 1; }
prefix_ms=$((($(date +%s%N) - s) / 1000000))
"$linux" --version >/dev/null && "$xeno" "$exe" --version >/dev/null
: >nv; : >xv; : >wv; : >nb; : >xb; : >wb
i=0
while [ "$i" -lt "$runs" ]; do
	i=$((i + 1))
	ms "$linux" --version >>nv
	ms "$xeno" "$exe" --version >>xv
	ms wine64 "$exe" --version >>wv
	# shellcheck disable=SC2086
	ms "$linux" $bundle >>nb
	# shellcheck disable=SC2086
	ms "$xeno" "$exe" $bundle >>xb
	# shellcheck disable=SC2086
	ms wine64 "$exe" $bundle >>wb
done
nv=$(median <nv) xv=$(median <xv) wv=$(median <wv) nb=$(median <nb) xb=$(median <xb) wb=$(median <wb)
echo "esbuild $version for Windows, median of $runs alternating runs (ms); Wine $(wine64 --version 2>/dev/null)"
echo "(Wine's first run, which made its prefix: $prefix_ms ms, $(du -sm "$WINEPREFIX" | cut -f1) MB)"
printf '%-10s %10s %10s %10s %12s\n' case native xeno wine wine/xeno
awk -v n="$nv" -v x="$xv" -v w="$wv" 'BEGIN { printf "%-10s %10.2f %10.2f %10.2f %11.2fx\n", "--version", n, x, w, w / x }'
awk -v n="$nb" -v x="$xb" -v w="$wb" 'BEGIN { printf "%-10s %10.2f %10.2f %10.2f %11.2fx\n", "bundle", n, x, w, w / x }'
