#!/bin/sh
# Writes tools/xeno.order, the linker's symbol ordering file for build/xeno
# (Makefile: lld's --symbol-ordering-file): xeno's functions in the order a
# few typical runs first enter them, so that the code every start runs lies
# on as few pages as possible (fewer page faults at start: bench/README.md).
# Needs gdb and the samples; fetches esbuild from npm.
#   tools/gen-order.sh            (after make and make samples)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
xeno=$root/build/xeno
command -v gdb >/dev/null || {
	echo "gen-order.sh: gdb is needed (Debian package gdb)" >&2
	exit 1
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
nm --defined-only "$xeno" | awk '$2 ~ /^[tT]$/ { print $1, $3 }' >"$tmp/syms"
entry=$(readelf -h "$xeno" | awk '/Entry point/ { print $4 }')
version=0.28.2
bin() { "$root/tools/npm-fetch.sh" "$1" "$version" >/dev/null && echo "$("$root/tools/npm-fetch.sh" "$1" "$version")/package/$2"; }
: >"$tmp/runs"
run() {
	XENO_ORDER_SYMS=$tmp/syms XENO_ORDER_OUT=$tmp/runs XENO_ORDER_ENTRY=$entry \
		gdb -nx -batch -x "$root/tools/order-functions.py" --args "$xeno" "$@" >/dev/null 2>&1 </dev/null
}
run "$root/build/samples/freebsd/args" one two
run "$(bin @esbuild/freebsd-x64 bin/esbuild)" --version
run "$(bin @esbuild/netbsd-x64 bin/esbuild)" --version
run "$(bin @esbuild/openbsd-x64 bin/esbuild)" --version
run "$(bin @esbuild/sunos-x64 bin/esbuild)" --version
run "$(bin @esbuild/darwin-x64 bin/esbuild)" --version
run "$(bin @esbuild/win32-x64 esbuild.exe)" --version
# First appearance over all runs, in order.
{
	echo "# xeno's functions in first-entered order (tools/gen-order.sh); the linker"
	echo "# places them first, in this order.  Regenerate after large changes."
	awk '!seen[$0]++' "$tmp/runs"
} >"$root/tools/xeno.order"
echo "tools/xeno.order: $(grep -vc '^#' "$root/tools/xeno.order") functions"
