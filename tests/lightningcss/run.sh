#!/bin/sh
# Real programs: lightningcss 1.33.0 (a CSS parser, transformer and minifier
# written in Rust) for FreeBSD — dynamically linked against libc.so.7,
# libthr.so.3, libm.so.5 and libgcc_s.so.1, which xeno's shims stand in for —
# under xeno against its Linux build run natively, both from the npm
# registry into cache/ (never committed), with bootstrap's stylesheets as
# input.  Each case compares exit status, standard output, standard error
# and the files written.
#
# Bundling loads the @imports on several threads (rayon).  Which import
# starts loading first is a race on FreeBSD and Linux alike, and it decides
# the order of the imports' license comments (/*! */) and of a bundle's
# source map's sources; the bundling cases give imports without license
# comments and no source map, so that their output is the program's alone.
#
# Normalised: the thread id in a panic's first line ("thread 'main' (4242)
# panicked").  A panic ends this program (a panic=abort build: it imports
# no _Unwind_RaiseException) with abort's SIGABRT, which the program sends
# itself: xeno adds nothing to its standard error, which is compared as it
# is.  Rust's backtrace switch is off on both
# sides (RUST_BACKTRACE unset): the FreeBSD build keeps its symbols and the
# Linux one is stripped, so a backtrace differs by the builds themselves.
#
#   tests/lightningcss/run.sh XENO      -> ends with "RESULT passed failed"
set -u

root=$(cd "$(dirname "$0")/../.." && pwd)
version=1.33.0

suite=lightningcss
. "$root/tests/lib.sh"

command -v npm >/dev/null || give_up "npm is needed (Debian package npm)"
fbsd=$("$fetch" lightningcss-cli-freebsd-x64 "$version")/package/lightningcss ||
	give_up "cannot fetch lightningcss-cli-freebsd-x64@$version"
linux=$("$fetch" lightningcss-cli-linux-x64-gnu "$version")/package/lightningcss ||
	give_up "cannot fetch lightningcss-cli-linux-x64-gnu@$version"
css=$("$fetch" bootstrap 5.3.8)/package/dist/css || give_up "cannot fetch bootstrap@5.3.8"
[ -x "$fbsd" ] && [ -x "$linux" ] || give_up "no lightningcss binary in the packages"
[ -f "$css/bootstrap.css" ] || give_up "no bootstrap.css in bootstrap@5.3.8"

unset RUST_BACKTRACE RUST_LIB_BACKTRACE

tmp=$(mktemp -d "${TMPDIR:-/tmp}/xeno-lightningcss.XXXXXX") || give_up "mktemp failed"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' HUP INT TERM

# The inputs, made once: bootstrap's stylesheet; three parts of it (license
# comments made plain comments) imported by a stylesheet of nesting and
# colours to lower; a stylesheet for CSS modules; a broken one.
inputs=$tmp/inputs
mkdir -p "$inputs" && cp "$css/bootstrap.css" "$inputs/" || give_up "cannot copy bootstrap.css"
for part in bootstrap-reboot bootstrap-grid bootstrap-utilities; do
	sed 's|^/\*!|/*|' "$css/$part.css" >"$inputs/$part.css" || give_up "cannot copy $part.css"
done
cat >"$inputs/main.css" <<'CSS'
@import "bootstrap-reboot.css";
@import "bootstrap-grid.css" screen;
@import "bootstrap-utilities.css" layer(util);
.main { color: lab(50% 40 59.5); inset: 0; & .item { user-select: none } }
CSS
# (one exported name: the program keeps the exports in a hash map of Rust's,
# whose order is random from run to run on FreeBSD and Linux alike)
cat >"$inputs/modules.css" <<'CSS'
.button { color: red; composes: base from "./base.css"; }
.button:hover, .button:focus-visible { background: lch(50% 60 250); }
CSS
printf '.base { padding: 0 }\n' >"$inputs/base.css"
cat >"$inputs/broken.css" <<'CSS'
.ok { color: red }
.bad { color: ; width: calc(1px + ) }
@media screen and ( { .x { color: blue } }
.also-ok { margin: 0 0 0 0 }
CSS

# both NAME ARGS...: lightningcss ARGS, the FreeBSD build under xeno in
# $tmp/NAME/x and the Linux build in $tmp/NAME/n, each in a copy of the
# inputs (which it may read from standard input).  Sets $xs and $ns.
both() {
	case_dir=$tmp/$1
	shift
	mkdir -p "$case_dir" && cp -r "$inputs" "$case_dir/x" && cp -r "$inputs" "$case_dir/n" ||
		give_up "cannot copy the inputs"
	# (the shell's own "Aborted" for a side that dies of SIGABRT: not shown)
	xs=$({ (cd "$case_dir/x" && exec "$xeno" "$fbsd" "$@" >../x.out 2>../x.err <main.css); echo $?; } 2>/dev/null)
	ns=$({ (cd "$case_dir/n" && exec "$linux" "$@" >../n.out 2>../n.err <main.css); echo $?; } 2>/dev/null)
	for f in x.out x.err n.out n.err; do
		sed -E -e "s/^(thread '[^']*') \([0-9]+\) panicked/\1 (N) panicked/" \
			"$case_dir/$f" >"$case_dir/$f.norm"
	done
}

# xeno --check: the four libraries built in, every import bound
begin check
out=$("$xeno" --check "$fbsd" 2>&1) || fail "xeno --check failed" "$out"
for lib in libc.so.7 libthr.so.3 libm.so.5 libgcc_s.so.1; do
	printf '%s\n' "$out" | grep -qx "library: $lib: built into xeno" ||
		fail "$lib is not built in" "$out"
done
printf '%s\n' "$out" | grep -qx "unresolved imports: 0" || fail "unresolved imports" "$out"
end

begin help
both help --help
same
grep -q 'A CSS parser, transformer, and minifier' "$tmp/help/x.out" || fail "no help text"
end

begin version
both version --version
same
end

begin minify
both minify --minify bootstrap.css -o bootstrap.min.css
same
[ -s "$tmp/minify/x/bootstrap.min.css" ] || fail "no minified stylesheet written"
end

begin stdin
both stdin --minify
same
end

begin targets
both targets --minify --targets '>= 0.25%' bootstrap.css
same
end

begin old-targets
both old-targets --targets 'ie 11, safari 9' main.css
same
end

begin browserslist
both browserslist --browserslist --minify main.css
same
end

begin sourcemap
both sourcemap --minify --sourcemap bootstrap.css -o out.css
same
[ -s "$tmp/sourcemap/x/out.css.map" ] || fail "no source map written"
end

begin bundle
both bundle --bundle --minify --targets 'safari 12' main.css -o bundle.css
same
grep -q 'user-select' "$tmp/bundle/x/bundle.css" || fail "the bundle lacks main.css's rules"
# and it ran on several threads (strace sees xeno's host threads)
if command -v strace >/dev/null; then
	(cd "$tmp/bundle/x" && strace -f -qq -e trace=clone,clone3 -o ../x.strace \
		"$xeno" "$fbsd" --bundle --minify main.css >/dev/null 2>&1)
	[ "$(grep -c 'CLONE_THREAD' "$tmp/bundle/x.strace")" -ge 1 ] ||
		fail "the bundle was made on one thread"
fi
end

begin css-modules
both css-modules --css-modules --minify modules.css
same
grep -q '"exports"' "$tmp/css-modules/x.out" || fail "no CSS modules JSON"
end

begin css-modules-file
both css-modules-file --css-modules --css-modules-pattern '[local]-[hash]' modules.css -o mod.css
same
[ -s "$tmp/css-modules-file/x/mod.json" ] || fail "no CSS modules JSON file"
end

begin error-recovery
both error-recovery --error-recovery broken.css
same
end

begin invalid
both invalid broken.css
same
[ "$xs" -ne 0 ] || fail "an invalid stylesheet was accepted"
grep -q "panicked at" "$tmp/invalid/x.err" || fail "no panic message"
end

# The panic's backtrace under xeno alone (the Linux build is stripped and
# shows no frames): _Unwind_Backtrace walks the program's frames, which
# Rust's std names from the program's symbols.
begin backtrace
err=$({ (cd "$tmp/invalid/x" && RUST_BACKTRACE=1 exec "$xeno" "$fbsd" broken.css 2>&1 >/dev/null); :; } 2>/dev/null)
printf '%s\n' "$err" | grep -Eq '^ +[0-9]+: core::result::unwrap_failed$' ||
	fail "no unwrap_failed frame in the backtrace" "$err"
printf '%s\n' "$err" | grep -Eq '^ +[0-9]+: lightningcss::main$' ||
	fail "no lightningcss::main frame in the backtrace" "$err"
end

begin missing-file
both missing-file no-such-file.css
same
end

echo "RESULT $passed $failed"
