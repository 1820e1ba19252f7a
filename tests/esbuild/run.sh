#!/bin/sh
# Real programs: esbuild's build for another OS (FreeBSD, NetBSD, illumos,
# Windows) under xeno against its Linux build run natively, same version,
# fetched from the npm registry into cache/ (never committed).  Each case
# compares exit status, standard output, standard error and the files
# written, byte for byte.
# The one normalisation: the "Done in 12ms" duration esbuild prints, which
# differs between two native runs as well.  The cases are the same for
# every OS; what differs is the packages and the old releases.
#
#   tests/esbuild/run.sh XENO [OS]    OS: freebsd (default), netbsd, openbsd
#                                     or illumos (Go calling libc), darwin (Go
#                                     calling libSystem) or windows
#                                     -> ends with "RESULT passed failed"
#
# Windows: esbuild.exe (PE) against the same Linux build.  The Windows build
# legitimately prints two things otherwise, normalised on its side only: the
# paths of the files it wrote with "\" (out\bundle.js: it shows paths in the
# OS's form) and no emoji (esbuild's logger leaves them out on Windows, where
# consoles may not draw them).  Never the written files.
# ESBUILD_STRESS=N sets the number of stress runs (default 30).
set -u

root=$(cd "$(dirname "$0")/../.." && pwd)
version=0.28.2
stress_runs=${ESBUILD_STRESS:-30}
os=${2:-freebsd}

# The OS's package and its older releases, built with older Go (which asks
# for older system calls: FreeBSD's freebsd11 forms and old kevent, other
# timeout forms; on NetBSD other sysctl and signal paths), each as
# PACKAGE:LINUX_PACKAGE:VERSION.
case $os in
freebsd)
	pkg=@esbuild/freebsd-x64
	# esbuild 0.12 was built with Go 1.16, 0.17 with 1.20, 0.23 with 1.22
	old_releases="esbuild-freebsd-64:esbuild-linux-64:0.12.26
@esbuild/freebsd-x64:@esbuild/linux-x64:0.17.19
@esbuild/freebsd-x64:@esbuild/linux-x64:0.23.1"
	;;
netbsd)
	pkg=@esbuild/netbsd-x64
	# esbuild 0.13.15 was built with Go 1.17, 0.17 with 1.20, 0.23 with 1.22
	old_releases="esbuild-netbsd-64:esbuild-linux-64:0.13.15
@esbuild/netbsd-x64:@esbuild/linux-x64:0.17.19
@esbuild/netbsd-x64:@esbuild/linux-x64:0.23.1"
	;;
openbsd)
	pkg=@esbuild/openbsd-x64
	# xeno --check: the libraries Go links it against ("libc.so",
	# "libpthread.so": the development names) are xeno's built-in ones
	builtin_libs='libc\.so\.100\.[0-9]+ libpthread\.so\.27\.[0-9]+'
	# esbuild 0.15.18 was built with Go 1.19 (libc's syscall() for
	# getentropy and fcntl), 0.17 with 1.20, 0.23 with 1.22
	old_releases="esbuild-openbsd-64:esbuild-linux-64:0.15.18
@esbuild/openbsd-x64:@esbuild/linux-x64:0.17.19
@esbuild/openbsd-x64:@esbuild/linux-x64:0.23.1"
	;;
illumos)
	pkg=@esbuild/sunos-x64
	# esbuild 0.13.15 was built with Go 1.17, 0.15.18 with 1.19, 0.17 with
	# 1.20, 0.23 with 1.22: exit rather than _exit, no uname
	old_releases="esbuild-sunos-64:esbuild-linux-64:0.13.15
esbuild-sunos-64:esbuild-linux-64:0.15.18
@esbuild/sunos-x64:@esbuild/linux-x64:0.17.19
@esbuild/sunos-x64:@esbuild/linux-x64:0.23.1"
	;;
darwin)
	pkg=@esbuild/darwin-x64
	# esbuild 0.15.18 and 0.14.54 were built with Go 1.19: the classic
	# __nl_symbol_ptr binds (no dyld info), found by flat lookup
	old_releases="esbuild-darwin-64:esbuild-linux-64:0.15.18
esbuild-darwin-64:esbuild-linux-64:0.14.54"
	;;
windows)
	pkg=@esbuild/win32-x64
	# esbuild 0.14.54, built by Go 1.19 (its g at %gs:0x28, no TlsAlloc)
	old_releases="esbuild-windows-64:esbuild-linux-64:0.14.54"
	;;
*)
	echo "run.sh: unknown OS $os" >&2
	echo "RESULT 0 1"
	exit 1
	;;
esac

: "${builtin_libs:=}"
suite=esbuild-$os
. "$root/tests/lib.sh"

# guest_linux_pair PKG_GUEST PKG_LINUX VERSION: sets $guest and $linux.
guest_linux_pair() {
	d=$("$fetch" "$1" "$3") || give_up "cannot fetch $1@$3"
	guest=$d/package/bin/esbuild
	[ "$os" = windows ] && guest=$d/package/esbuild.exe
	d=$("$fetch" "$2" "$3") || give_up "cannot fetch $2@$3"
	linux=$d/package/bin/esbuild
	[ -f "$guest" ] && [ -x "$linux" ] || give_up "no esbuild binary in $1/$2@$3"
}
guest_linux_pair "$pkg" @esbuild/linux-x64 "$version"
ts=$("$fetch" typescript 5.6.3)/package/lib/typescript.js || give_up "cannot fetch typescript"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/xeno-esbuild.XXXXXX") || give_up "mktemp failed"
servers=
trap 'for p in $servers; do kill "$p" 2>/dev/null; done; rm -rf "$tmp"' EXIT
trap 'exit 130' HUP INT TERM

# A project of 150 ES modules importing each other, and the same with a
# syntax error in a module the entry point reaches.
project() {
	mkdir -p "$1/src"
	awk -v dir="$1/src" 'BEGIN {
		n = 150
		for (i = 0; i < n; i++) {
			f = dir "/m" i ".js"; body = ""
			for (k = 0; k < 2; k++) {
				j = k == 0 ? i * 7 + 1 : i * 3 + 2
				if (j < n && j > i) {
					printf "import { f%d } from \"./m%d.js\";\n", j, j > f
					body = body (body == "" ? "" : " + ") "f" j "(x)"
				}
			}
			if (body == "") body = "x"
			printf "export function f%d(x) {\n  const label = \"module %d\";\n", i, i > f
			printf "  return (%s) * %d %% 1000003 + label.length;\n}\n", body, i + 1 > f
			printf "export class C%d { constructor() { this.v = f%d(%d); } }\n", i, i, i > f
			close(f)
		}
		printf "import { f0, C0 } from \"./m0.js\";\nconsole.log(f0(3), new C0().v);\n" > dir "/index.js"
	}'
}

# both NAME ARGS...: runs ARGS under the OS's esbuild (xeno) in
# $tmp/NAME/x and under the Linux one in $tmp/NAME/n, each in a copy of
# $tmp/in (the input tree).  Sets $xs and $ns to the exit statuses.
both() {
	case_dir=$tmp/$1
	shift
	mkdir -p "$case_dir"
	cp -R "$tmp/in" "$case_dir/x"
	cp -R "$tmp/in" "$case_dir/n"
	(cd "$case_dir/x" && exec "$xeno" "$guest" "$@" >../x.out 2>../x.err </dev/null)
	xs=$?
	(cd "$case_dir/n" && exec "$linux" "$@" >../n.out 2>../n.err </dev/null)
	ns=$?
	for side in x n; do
		cp "$case_dir/$side.out" "$case_dir/$side.out.norm"
		sed -E 's/Done in [0-9]+ms/Done in Nms/' "$case_dir/$side.err" >"$case_dir/$side.err.norm"
	done
	if [ "$os" = windows ]; then # see the top: the Linux side made like the Windows one
		sed -i -E 's|^(  out)/|\1\\|; s/ ⚠️$//; s/^⚡ //; s/^✘ /X /' "$case_dir/n.err.norm"
	fi
}

mkdir -p "$tmp/in"
project "$tmp/in"

# xeno --check: each library the OS's build needs is built into xeno (by
# its soname, or by a development name that xeno resolves to one), and no
# import is left unresolved
if [ -n "$builtin_libs" ]; then
	begin check
	out=$("$xeno" --check "$guest" 2>&1) || fail "xeno --check failed" "$out"
	for lib in $builtin_libs; do
		printf '%s\n' "$out" | grep -Eq "^library: ($lib|[^ ]+: built into xeno as $lib)(: built into xeno)?\$" ||
			fail "no $lib built into xeno" "$out"
	done
	printf '%s\n' "$out" | grep -qx "unresolved imports: 0" || fail "unresolved imports" "$out"
	end
fi

begin version
both version --version
same
[ "$(cat "$tmp/version/x.out")" = "$version" ] || fail "version is not $version"
end

# A trace on a pipe nobody reads any more (`xeno --trace esbuild --version
# 2>&1 | head -1` once head has exited): it ends there, and the SIGPIPE its
# writes raise is xeno's, never the program's (whose Go runtime would die of
# it before its handlers are in, and ignore it after — while the handler's
# own trace line raised the next one, forever: esbuild for OpenBSD spun and
# SIGTERM could not end it).  The version still comes out, as natively
# with standard error there.
begin version-trace-dead-pipe
on_dead_pipe "$tmp/fifo" "$tmp/dead.x" "$xeno" --trace "$guest" --version
xs=$?
on_dead_pipe "$tmp/fifo" "$tmp/dead.n" "$linux" --version
ns=$?
[ "$xs" -eq "$ns" ] || fail "exit status $xs under xeno, $ns natively"
cmp -s "$tmp/dead.x" "$tmp/dead.n" || fail "standard output differs" "$(cat "$tmp/dead.x")"
end

# Standard output there too: the program's own write fails, and it ends as
# on its own system — Go raises SIGPIPE (status 141, as natively); Windows
# has no SIGPIPE, the write just fails and esbuild.exe exits 0.
begin version-dead-pipe
on_dead_pipe "$tmp/fifo" - "$xeno" --trace "$guest" --version
xs=$?
on_dead_pipe "$tmp/fifo" - "$linux" --version
ns=$?
[ "$os" = windows ] && ns=0
[ "$xs" -eq "$ns" ] || fail "exit status $xs under xeno, expected $ns"
end

begin bundle
both bundle src/index.js --bundle --minify --sourcemap --outfile=out/bundle.js
same
[ -s "$tmp/bundle/x/out/bundle.js.map" ] || fail "no source map written"
end

begin build-error
printf 'export const broken = (1 + ;\n' >>"$tmp/in/src/m1.js"
both build-error src/index.js --bundle --outfile=out/bundle.js
same
[ "$xs" -ne 0 ] || fail "a syntax error did not fail the build"
grep -q 'Unexpected ";"' "$tmp/build-error/x.err" || fail "no diagnostic" "$(cat "$tmp/build-error/x.err")"
rm -rf "$tmp/in"
mkdir -p "$tmp/in"
project "$tmp/in"
end

# serve DIR ESBUILD...: starts esbuild --serve on a port of its choice in
# DIR (port 0: the kernel picks), stdin kept open; sets $port (empty if it
# did not come up).
serve() {
	dir=$1
	shift
	mkfifo "$dir/stdin"
	(cd "$dir" && exec "$@" src/index.js --bundle --outdir=www --servedir=www \
		--serve=127.0.0.1:0 <stdin >serve.out 2>serve.err) &
	servers="$servers $!"
	exec 9>"$dir/stdin" # holds esbuild's standard input open
	port=
	for _ in $(seq 1 100); do
		port=$(sed -n 's|.*Local: *http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$dir/serve.err")
		[ -n "$port" ] && break
		sleep 0.1
	done
}

begin serve
mkdir -p "$tmp/serve"
for side in x n; do
	cp -R "$tmp/in" "$tmp/serve/$side"
	mkdir -p "$tmp/serve/$side/www"
	printf '<h1>served</h1>\n' >"$tmp/serve/$side/www/index.html"
done
serve "$tmp/serve/x" "$xeno" "$guest"
xport=$port
exec 8>&9
serve "$tmp/serve/n" "$linux"
nport=$port
if [ -z "$xport" ] || [ -z "$nport" ]; then
	fail "a server did not start" "$(cat "$tmp/serve/x/serve.err" "$tmp/serve/n/serve.err")"
else
	for path in index.js index.html; do
		curl -sf "http://127.0.0.1:$xport/$path" >"$tmp/serve/x.$path" || fail "GET /$path under xeno failed"
		curl -sf "http://127.0.0.1:$nport/$path" >"$tmp/serve/n.$path" || fail "GET /$path natively failed"
		cmp -s "$tmp/serve/x.$path" "$tmp/serve/n.$path" || fail "/$path differs"
	done
	[ -s "$tmp/serve/x.index.js" ] || fail "empty bundle served"
fi
exec 8>&- 9>&-
end

# The way most people run esbuild: its JavaScript API (npm package esbuild),
# which starts the binary as a service (--service, --ping) and talks to it
# over its standard input and output.  ESBUILD_BINARY_PATH points the API at
# the OS's build under xeno, then at the Linux build.  The API hands the
# binary node's working directory as an absolute path, which a Windows
# program only takes in its own form (a drive letter, Z: for / as Wine maps
# it): the script passes the directory to each side as that side spells it
# (argv[3]), the one difference between the two runs.
begin js-api
if command -v node >/dev/null; then
	api=$("$fetch" esbuild "$version")/package/lib/main.js || give_up "cannot fetch esbuild@$version"
	printf '#!/bin/sh\nexec "%s" "%s" "$@"\n' "$xeno" "$guest" >"$tmp/esbuild-xeno"
	chmod +x "$tmp/esbuild-xeno"
	cat >"$tmp/api.js" <<'JS'
const esbuild = require(process.argv[2]);
const wd = process.argv[3];
(async () => {
	const t = await esbuild.transform('let a: number = 1 + 2; export default a', { loader: 'ts', minify: true });
	console.log(JSON.stringify(t.code));
	const failed = await esbuild.build({ stdin: { contents: 'import x from "./nowhere"', resolveDir: wd },
		absWorkingDir: wd, bundle: true, write: false, logLevel: 'silent' }).catch((e) => e.errors.map((m) => m.text));
	console.log(JSON.stringify(failed));
	const ctx = await esbuild.context({ stdin: { contents: 'console.log(1 + 1)' }, absWorkingDir: wd, write: false });
	for (let i = 0; i < 3; i++)
		console.log((await ctx.rebuild()).outputFiles[0].text.trim());
	await ctx.dispose();
	esbuild.stop();
})();
JS
	xwd=$tmp
	[ "$os" = windows ] && xwd=$(printf 'Z:%s' "$tmp" | tr / '\\')
	ESBUILD_BINARY_PATH=$tmp/esbuild-xeno node "$tmp/api.js" "$api" "$xwd" >"$tmp/api.x" 2>&1
	xs=$?
	ESBUILD_BINARY_PATH=$linux node "$tmp/api.js" "$api" "$tmp" >"$tmp/api.n" 2>&1
	ns=$?
	[ "$xs" -eq 0 ] && [ "$ns" -eq 0 ] || fail "exit status $xs under xeno, $ns natively" "$(cat "$tmp/api.x")"
	cmp -s "$tmp/api.x" "$tmp/api.n" || fail "the API's answers differ" "$(diff "$tmp/api.n" "$tmp/api.x")"
	grep -q 'let e=3;export default e;' "$tmp/api.x" || fail "no transform result" "$(cat "$tmp/api.x")"
else
	fail "node is needed (Debian package nodejs)"
fi
end

# Older releases, built with older Go: the bundle case again.
for old in $old_releases; do
	IFS=: read -r gpkg lpkg v <<EOF
$old
EOF
	save_guest=$guest save_linux=$linux
	guest_linux_pair "$gpkg" "$lpkg" "$v"
	begin "old-$v"
	both "old-$v" src/index.js --bundle --minify --sourcemap --outfile=out/bundle.js
	same
	end
	guest=$save_guest linux=$save_linux
done

# Stress: a CPU-heavy bundle (TypeScript's 9 MB compiler) again and again on
# two threads, so that Go preempts goroutines (SIGURG through thr_kill on
# FreeBSD, _lwp_kill on NetBSD, pthread_kill on illumos and macOS):
# every run must finish, and produce what the native build produces.
begin stress
rm -rf "$tmp/in" && mkdir -p "$tmp/in" && cp "$ts" "$tmp/in/ts.js"
heavy="ts.js --bundle --minify --sourcemap --platform=node --outfile=out/ts.min.js"
# shellcheck disable=SC2086
both stress-reference $heavy
same
i=0
while [ "$i" -lt "$stress_runs" ] && [ -z "$why" ]; do
	i=$((i + 1))
	rm -rf "$tmp/stress-reference/x/out"
	(cd "$tmp/stress-reference/x" &&
		GOMAXPROCS=2 timeout 120 "$xeno" "$guest" $heavy >../x.out 2>../x.err </dev/null)
	s=$?
	[ "$s" -eq 0 ] || fail "run $i: exit status $s" "$(tail -n 5 "$tmp/stress-reference/x.err")"
	diff -r "$tmp/stress-reference/x/out" "$tmp/stress-reference/n/out" >/dev/null ||
		fail "run $i: output differs"
done
end

begin preemption
(cd "$tmp/stress-reference/x" &&
	GOMAXPROCS=2 timeout 120 "$xeno" --stats --trace=../trace "$guest" $heavy >/dev/null 2>../stats </dev/null)
if [ "$os" = windows ]; then # Go preempts with SuspendThread and GetThreadContext
	grep -Eq '[1-9][0-9]* thread suspensions' "$tmp/stress-reference/stats" ||
		fail "no goroutine was preempted (no thread suspended) in a CPU-heavy bundle" \
			"$(cat "$tmp/stress-reference/stats")"
else
	grep -q -- '--- SIGURG' "$tmp/stress-reference/trace" ||
		fail "no goroutine was preempted (no SIGURG delivered) in a CPU-heavy bundle"
fi
end

echo "RESULT $passed $failed"
