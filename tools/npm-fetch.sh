#!/bin/sh
# Fetches an npm package by exact version into the git-ignored cache and
# prints the directory holding its unpacked contents ("package/").
#   tools/npm-fetch.sh NAME VERSION [CACHE_DIR]
# Nothing fetched is ever committed; the cache is reused between runs.
# Suites run in parallel and share the cache: a lock per package makes the
# second fetcher wait for the first, and the package is unpacked in a
# private directory and renamed into place, so nobody sees half a package.
set -eu
name=$1
version=$2
cache=${3:-$(cd "$(dirname "$0")/.." && pwd)/cache/npm}
dir=$cache/$(printf '%s@%s' "$name" "$version" | tr '/@' '__')
fetch() {
	[ -f "$dir/.complete" ] && return 0
	command -v npm >/dev/null || {
		echo "npm-fetch: npm is needed (Debian package npm)" >&2
		return 1
	}
	tmp=$(mktemp -d "$dir.tmp.XXXXXX")
	chmod 755 "$tmp"
	if ! (cd "$tmp" && npm pack --silent "$name@$version" >/dev/null && tar xzf ./*.tgz && rm -f ./*.tgz); then
		echo "npm-fetch: could not fetch $name@$version from the npm registry" >&2
		rm -rf "$tmp"
		return 1
	fi
	touch "$tmp/.complete"
	rm -rf "$dir"
	mv "$tmp" "$dir"
}
if [ ! -f "$dir/.complete" ]; then
	mkdir -p "$cache"
	if command -v flock >/dev/null; then
		(
			flock 9
			fetch
		) 9>"$dir.lock"
	else
		fetch
	fi
fi
echo "$dir"
