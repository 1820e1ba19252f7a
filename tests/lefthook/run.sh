#!/bin/sh
# Real programs: lefthook, a Go program that manages git hooks, for FreeBSD
# under xeno against its Linux build run natively, same version, fetched from
# the npm registry into cache/ (never committed).  Where esbuild (the other
# suite) mostly computes, lefthook runs other programs (sh, git, wc) through
# Go's os/exec and reports on them: fork, execve of Linux programs, pipes and
# wait4/wait6 under a real program.  Each case compares exit status, standard
# output, standard error and the files written, byte for byte.  The one
# normalisations, of what differs between two native runs as well: the
# durations lefthook prints ("0.01 seconds"), and the order of the hook names
# in "sync hooks: (pre-push, pre-commit)", which comes from a Go map.
#
#   tests/lefthook/run.sh XENO      -> ends with "RESULT passed failed"
set -u

root=$(cd "$(dirname "$0")/../.." && pwd)
version=2.2.2

suite=lefthook
. "$root/tests/lib.sh"

command -v git >/dev/null || give_up "git is needed (Debian package git)"
d=$("$fetch" lefthook-freebsd-x64 "$version") || give_up "cannot fetch lefthook-freebsd-x64@$version"
fbsd=$d/package/bin/lefthook
d=$("$fetch" lefthook-linux-x64 "$version") || give_up "cannot fetch lefthook-linux-x64@$version"
linux=$d/package/bin/lefthook
[ -x "$fbsd" ] && [ -x "$linux" ] || give_up "no lefthook binary in the packages"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/xeno-lefthook.XXXXXX") || give_up "mktemp failed"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' HUP INT TERM
mkdir "$tmp/bin"
# Both builds run as $tmp/bin/lefthook in turn: lefthook writes its own path
# into the hooks it installs, and the two must agree.
lefthook=$tmp/bin/lefthook

cat >"$tmp/lefthook.yml" <<'YML'
pre-commit:
  jobs:
    - name: staged
      run: echo staged {staged_files}
    - name: lines
      glob: "*.txt"
      run: wc -l {staged_files}
    - name: stderr
      run: sh -c 'echo to standard error >&2'
    - name: status
      run: git status --short
pre-push:
  jobs:
    - name: passes
      run: echo fine
    - name: breaks
      run: sh -c 'echo broken; exit 3'
YML

# repo DIR: a git repository with the configuration committed (at a fixed
# date, so that both sides have the same objects) and two files staged.
repo() {
	mkdir -p "$1" &&
		git -C "$1" init -q &&
		git -C "$1" config user.email xeno@example.org &&
		git -C "$1" config user.name xeno &&
		cp "$tmp/lefthook.yml" "$1/" &&
		git -C "$1" add lefthook.yml &&
		GIT_AUTHOR_DATE=2026-01-01T00:00:00Z GIT_COMMITTER_DATE=2026-01-01T00:00:00Z \
			git -C "$1" commit -q --no-verify -m configuration &&
		printf 'one\ntwo\n' >"$1/a.txt" &&
		printf 'note\n' >"$1/b.md" &&
		git -C "$1" add a.txt b.md
}

# both NAME ARGS...: runs `lefthook ARGS` from the FreeBSD build under xeno in
# $tmp/NAME/x and from the Linux build in $tmp/NAME/n, each in a repository
# of its own.  Sets $xs and $ns to the exit statuses.
both() {
	case_dir=$tmp/$1
	shift
	repo "$case_dir/x" && repo "$case_dir/n" || give_up "cannot make a git repository"
	cp "$fbsd" "$lefthook"
	(cd "$case_dir/x" && exec "$xeno" "$lefthook" "$@" >../x.out 2>../x.err </dev/null)
	xs=$?
	cp "$linux" "$lefthook"
	(cd "$case_dir/n" && exec "$lefthook" "$@" >../n.out 2>../n.err </dev/null)
	ns=$?
	for f in x.out x.err n.out n.err; do
		normalise <"$case_dir/$f" >"$case_dir/$f.norm"
	done
}

normalise() {
	sed -E 's/[0-9]+\.[0-9]+ seconds/N seconds/g' | awk '
	/sync hooks: .*\(.*\)/ {
		lp = index($0, "("); rp = index($0, ")")
		n = split(substr($0, lp + 1, rp - lp - 1), name, ", ")
		for (i = 2; i <= n; i++)
			for (j = i; j > 1 && name[j - 1] > name[j]; j--) {
				t = name[j]; name[j] = name[j - 1]; name[j - 1] = t
			}
		list = name[1]
		for (i = 2; i <= n; i++)
			list = list ", " name[i]
		$0 = substr($0, 1, lp) list substr($0, rp)
	}
	{ print }'
}

# What `same` leaves out: git's index and lefthook's checksum file record times.
ignore="--exclude=index --exclude=lefthook.checksum"

begin version
both version version
# shellcheck disable=SC2086
same $ignore
[ "$(cat "$tmp/version/x.out")" = "$version" ] || fail "version is not $version"
end

begin install
both install install
# shellcheck disable=SC2086
same $ignore
[ -x "$tmp/install/x/.git/hooks/pre-commit" ] || fail "no pre-commit hook installed"
grep -q "$lefthook" "$tmp/install/x/.git/hooks/pre-commit" ||
	fail "the hook does not name lefthook's own path (kern.proc.pathname)"
end

begin run-hook
both run-hook run pre-commit
# shellcheck disable=SC2086
same $ignore
[ "$xs" -eq 0 ] || fail "a passing hook failed"
grep -q 'staged a.txt b.md' "$tmp/run-hook/x.out" || fail "the staged files were not passed on"
grep -q '2 a.txt' "$tmp/run-hook/x.out" || fail "wc did not run on the staged .txt file"
end

begin failing-hook
both failing-hook run pre-push
# shellcheck disable=SC2086
same $ignore
[ "$xs" -ne 0 ] || fail "a hook whose job exits 3 did not fail"
grep -q broken "$tmp/failing-hook/x.out" || fail "the failing job's output is missing"
end

begin dump
both dump dump
# shellcheck disable=SC2086
same $ignore
grep -q 'pre-push' "$tmp/dump/x.out" || fail "the configuration was not dumped"
end

echo "RESULT $passed $failed"
