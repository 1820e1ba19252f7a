#!/bin/sh
# Wall-time ratio of esbuild for FreeBSD (or Windows) under xeno against
# esbuild for Linux run natively (same version, from npm), measured
# alternately in one run:
#   --version          (start-up cost: reported as a difference in ms too)
#   a large bundle     (TypeScript's 9 MB compiler, --bundle --minify --sourcemap)
# Median of RUNS runs each (default 7), plus the number of system calls xeno
# trapped and signals it delivered for one run of each (xeno --stats).
#   bench/esbuild.sh [RUNS] [OS]      OS: freebsd (default) or windows
# With windows, the same run goes on with bench/wine.sh: an older esbuild.exe
# that Debian's Wine can run, under xeno and under Wine.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-7}
os=${2:-freebsd}
[ "$runs" -ge 5 ] || { echo "at least 5 runs" >&2; exit 2; }
xeno=$root/build/xeno
[ -x "$xeno" ] || make -C "$root" -s build/xeno
version=0.28.2
case $os in
freebsd) fbsd=$("$root/tools/npm-fetch.sh" @esbuild/freebsd-x64 "$version")/package/bin/esbuild ;;
windows) fbsd=$("$root/tools/npm-fetch.sh" @esbuild/win32-x64 "$version")/package/esbuild.exe ;;
*) echo "OS is freebsd or windows" >&2; exit 2 ;;
esac
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
# warm the page cache and both binaries once
"$linux" --version >/dev/null && "$xeno" "$fbsd" --version >/dev/null
: >nv; : >xv; : >nb; : >xb
i=0
while [ "$i" -lt "$runs" ]; do
	i=$((i + 1))
	ms "$linux" --version >>nv
	ms "$xeno" "$fbsd" --version >>xv
	# shellcheck disable=SC2086
	ms "$linux" $bundle >>nb
	# shellcheck disable=SC2086
	ms "$xeno" "$fbsd" $bundle >>xb
done
nv=$(median <nv) xv=$(median <xv) nb=$(median <nb) xb=$(median <xb)
traps_v=$("$xeno" --stats "$fbsd" --version 2>&1 >/dev/null | sed -n 's/^xeno: //p')
# shellcheck disable=SC2086
traps_b=$("$xeno" --stats "$fbsd" $bundle 2>&1 >/dev/null | sed -n 's/^xeno: //p')

echo "esbuild $version ($os under xeno), median of $runs alternating runs (ms):"
printf '%-10s %10s %10s %8s   %s\n' case native xeno ratio "xeno --stats"
awk -v n="$nv" -v x="$xv" -v t="$traps_v" 'BEGIN { printf "%-10s %10.2f %10.2f %7.3fx   %s (xeno - native: %+.2f ms)\n", "--version", n, x, x / n, t, x - n }'
awk -v n="$nb" -v x="$xb" -v t="$traps_b" 'BEGIN { printf "%-10s %10.2f %10.2f %7.3fx   %s\n", "bundle", n, x, x / n, t }'
if [ "$os" = windows ]; then
	cd "$root"
	exec "$root/bench/wine.sh" "$runs"
fi
