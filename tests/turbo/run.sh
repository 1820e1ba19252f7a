#!/bin/sh
# Real programs: turbo 1.4.7 (the last Go release of Vercel's monorepo task
# runner) for FreeBSD under xeno against its Linux build run natively, from
# the npm registry into cache/ (never committed).  turbo reads a workspace,
# hashes its files, runs each package's script through npm in child
# processes while other threads wait on kqueue, and caches the results.
# Each case compares exit status, standard output, standard error and the
# files written.  Normalised: the "Time: 803ms" line.
#
#   tests/turbo/run.sh XENO      -> ends with "RESULT passed failed"
set -u

root=$(cd "$(dirname "$0")/../.." && pwd)
version=1.4.7

suite=turbo
. "$root/tests/lib.sh"

command -v git >/dev/null || give_up "git is needed (Debian package git)"
command -v npm >/dev/null || give_up "npm is needed (Debian package npm)"
# (these packages keep their files under turbo-*/, not package/)
fbsd=$("$fetch" turbo-freebsd-64 "$version")/turbo-freebsd-64/bin/turbo ||
	give_up "cannot fetch turbo-freebsd-64@$version"
linux=$("$fetch" turbo-linux-64 "$version")/turbo-linux-64/bin/turbo ||
	give_up "cannot fetch turbo-linux-64@$version"
[ -x "$fbsd" ] && [ -x "$linux" ] || give_up "no turbo binary in the packages"

# npm may otherwise tell one side of a case, and not the other, that a newer
# npm exists
export NPM_CONFIG_UPDATE_NOTIFIER=false

tmp=$(mktemp -d "${TMPDIR:-/tmp}/xeno-turbo.XXXXXX") || give_up "mktemp failed"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' HUP INT TERM

# workspace DIR: a git repository with two npm workspaces, b depending on a.
workspace() {
	mkdir -p "$1/packages/a" "$1/packages/b" &&
		printf '%s\n' '{ "name": "root", "private": true, "workspaces": ["packages/*"] }' \
			>"$1/package.json" &&
		printf '%s\n' '{ "name": "a", "version": "1.0.0", "scripts": { "build": "echo building a" } }' \
			>"$1/packages/a/package.json" &&
		printf '%s\n' '{ "name": "b", "version": "1.0.0", "dependencies": { "a": "*" },' \
			'  "scripts": { "build": "echo building b && exit 0" } }' >"$1/packages/b/package.json" &&
		printf '%s\n' '{ "pipeline": { "build": { "dependsOn": ["^build"], "outputs": [] } } }' \
			>"$1/turbo.json" &&
		printf '.turbo\nnode_modules\n' >"$1/.gitignore" &&
		: >"$1/package-lock.json" &&
		git -C "$1" init -q && git -C "$1" add . >/dev/null
}

# both NAME ARGS...: `turbo ARGS` from the FreeBSD build under xeno in
# $tmp/NAME/x and from the Linux build in $tmp/NAME/n, each in a workspace
# of its own.  Sets $xs and $ns.
both() {
	case_dir=$tmp/$1
	shift
	workspace "$case_dir/x" && workspace "$case_dir/n" || give_up "cannot make a workspace"
	(cd "$case_dir/x" && exec "$xeno" "$fbsd" "$@" >../x.out 2>../x.err </dev/null)
	xs=$?
	(cd "$case_dir/n" && exec "$linux" "$@" >../n.out 2>../n.err </dev/null)
	ns=$?
	for f in x.out x.err n.out n.err; do
		sed -E 's/Time: *[0-9.]+m?s/Time: N/' "$case_dir/$f" >"$case_dir/$f.norm"
	done
}

# git's index records times, turbo's logs and cache live under these
ignore="--exclude=index --exclude=.turbo --exclude=node_modules"

begin version
both version --version
# shellcheck disable=SC2086
same $ignore
[ "$(cat "$tmp/version/x.out")" = "$version" ] || fail "version is not $version"
end

begin dry-run
both dry-run run build --dry=json
# shellcheck disable=SC2086
same $ignore
grep -q '"taskId": "b#build"' "$tmp/dry-run/x.out" || fail "no task graph"
end

begin run
both run run build
# shellcheck disable=SC2086
same $ignore
grep -q 'b:build: building b' "$tmp/run/x.out" || fail "b's script did not run"
grep -q '2 successful, 2 total' "$tmp/run/x.out" || fail "not both tasks succeeded"
end

begin cached
# the same run again in the x workspace, which now has turbo's cache
(cd "$tmp/run/x" && "$xeno" "$fbsd" run build >../x2.out 2>&1 </dev/null) ||
	fail "the second run failed" "$(cat "$tmp/run/x2.out")"
grep -q '2 cached, 2 total' "$tmp/run/x2.out" || fail "the second run did not use the cache" \
	"$(tail -n 5 "$tmp/run/x2.out")"
end

echo "RESULT $passed $failed"
