#!/bin/sh
# Fetches an npm package by exact version into the git-ignored cache and
# prints the directory holding its unpacked contents ("package/").
#   tools/npm-fetch.sh NAME VERSION [CACHE_DIR]
# Nothing fetched is ever committed; the cache is reused between runs.
set -eu
name=$1
version=$2
cache=${3:-$(cd "$(dirname "$0")/.." && pwd)/cache/npm}
dir=$cache/$(printf '%s@%s' "$name" "$version" | tr '/@' '__')
if [ ! -f "$dir/.complete" ]; then
	command -v npm >/dev/null || {
		echo "npm-fetch: npm is needed (Debian package npm)" >&2
		exit 1
	}
	rm -rf "$dir"
	mkdir -p "$dir"
	(cd "$dir" && npm pack --silent "$name@$version" >/dev/null && tar xzf ./*.tgz && rm -f ./*.tgz) || {
		echo "npm-fetch: could not fetch $name@$version from the npm registry" >&2
		rm -rf "$dir"
		exit 1
	}
	touch "$dir/.complete"
fi
echo "$dir"
