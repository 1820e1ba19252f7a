#!/bin/sh
# make demo: the real esbuild for FreeBSD (from npm) bundles samples/demo under
# xeno, the Linux esbuild bundles it natively, and both results are shown.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
xeno=$root/build/xeno
version=0.28.2
fbsd=$("$root/tools/npm-fetch.sh" @esbuild/freebsd-x64 "$version")/package/bin/esbuild
linux=$("$root/tools/npm-fetch.sh" @esbuild/linux-x64 "$version")/package/bin/esbuild
out=$root/build/demo
rm -rf "$out" && mkdir -p "$out/freebsd" "$out/linux"
cd "$root/samples/demo"

echo "\$ file esbuild   # the FreeBSD build from npm"
file -b "$fbsd" 2>/dev/null || true
echo
echo "\$ xeno esbuild src/index.js --bundle --minify --outfile=build/demo/freebsd/app.js"
"$xeno" "$fbsd" src/index.js --bundle --minify --outfile="$out/freebsd/app.js"
echo "\$ esbuild-linux src/index.js --bundle --minify --outfile=build/demo/linux/app.js"
"$linux" src/index.js --bundle --minify --outfile="$out/linux/app.js"
echo
echo "FreeBSD esbuild under xeno wrote:"
cat "$out/freebsd/app.js"
echo "Linux esbuild wrote:"
cat "$out/linux/app.js"
echo
if cmp -s "$out/freebsd/app.js" "$out/linux/app.js"; then
	echo "The two bundles are identical."
else
	echo "The two bundles DIFFER." >&2
	exit 1
fi
if command -v node >/dev/null; then
	echo "\$ node build/demo/freebsd/app.js"
	node "$out/freebsd/app.js"
fi
