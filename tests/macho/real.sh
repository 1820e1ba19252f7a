#!/bin/sh
# The Mach-O parser on real macOS programs from npm: esbuild 0.28.2 (Go 1.26,
# dyld-info binds) and esbuild 0.14.54 and 0.15.18 (Go 1.19, the classic
# indirect-symbol form).  Fetched into cache/ (never committed); each must be
# parsed into the form, entry and number of imports it has, and the imports
# are printed.  Not part of make check (it needs the registry):
#   make macho-real        (tests/macho/real.sh DUMP [OUTDIR])
set -u
cd "$(dirname "$0")/../.." || exit 1
dump=$1 out=${2:-build/macho-real}
mkdir -p "$out"
passed=0 failed=0
# package version form entry imports rebases
while read -r pkg ver form entry imports rebases; do
	dir=$(tools/npm-fetch.sh "$pkg" "$ver") || { failed=$((failed + 1)); continue; }
	name=$(printf '%s@%s' "$pkg" "$ver" | tr '/@' '__')
	if ! "$dump" "$dir/package/bin/esbuild" >"$out/$name.txt"; then
		echo "FAIL $pkg@$ver: refused"
		failed=$((failed + 1))
		continue
	fi
	got="$(sed -n 's/^form //p' "$out/$name.txt") $(sed -n 's/^entry \([^ ]*\).*/\1/p' "$out/$name.txt") $(grep -c '^import ' "$out/$name.txt") $(sed -n 's/^rebases //p' "$out/$name.txt")"
	if [ "$got" = "$form $entry $imports $rebases" ]; then
		echo "ok   $pkg@$ver: $got ($out/$name.txt)"
		passed=$((passed + 1))
	else
		echo "FAIL $pkg@$ver: $got, not $form $entry $imports $rebases"
		failed=$((failed + 1))
	fi
done <<'LIST'
@esbuild/darwin-x64 0.28.2 dyld-info LC_UNIXTHREAD 101 49471
esbuild-darwin-64 0.15.18 classic LC_UNIXTHREAD 91 0
esbuild-darwin-64 0.14.54 classic LC_UNIXTHREAD 91 0
LIST
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
