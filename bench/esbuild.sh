#!/bin/sh
# Wall-time ratio of esbuild for FreeBSD, NetBSD, OpenBSD, illumos, macOS and Windows under xeno
# against esbuild for Linux run natively (same version, from npm), measured
# alternately in one run, with call sites patched (xeno's default,
# core/patch.h) and without (--no-patch):
#   --version          (start-up cost: reported as a difference in ms too)
#   bundle             TypeScript's 9 MB compiler, --bundle --minify --sourcemap
#                      (few system calls)
#   project            a generated project of 3,000 small modules in 30
#                      directories, --bundle (many system calls: several for
#                      each file and directory)
# Median of RUNS runs each (default 7), plus what xeno --stats counts for one
# run of each (calls trapped, calls made through patched sites, sites).
#   bench/esbuild.sh [RUNS]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-7}
[ "$runs" -ge 5 ] || { echo "at least 5 runs" >&2; exit 2; }
xeno=$root/build/xeno
[ -x "$xeno" ] || make -C "$root" -s build/xeno
version=0.28.2
fbsd=$("$root/tools/npm-fetch.sh" @esbuild/freebsd-x64 "$version")/package/bin/esbuild
nbsd=$("$root/tools/npm-fetch.sh" @esbuild/netbsd-x64 "$version")/package/bin/esbuild
obsd=$("$root/tools/npm-fetch.sh" @esbuild/openbsd-x64 "$version")/package/bin/esbuild
sun=$("$root/tools/npm-fetch.sh" @esbuild/sunos-x64 "$version")/package/bin/esbuild
mac=$("$root/tools/npm-fetch.sh" @esbuild/darwin-x64 "$version")/package/bin/esbuild
win=$("$root/tools/npm-fetch.sh" @esbuild/win32-x64 "$version")/package/esbuild.exe
# each guest as NAME:PATH (OpenBSD's, illumos's, macOS's and Windows's calls are library
# calls: patching does not concern them).  bench/wine.sh compares xeno with Wine.
guests="FreeBSD:$fbsd NetBSD:$nbsd OpenBSD:$obsd illumos:$sun macOS:$mac Windows:$win"
linux=$("$root/tools/npm-fetch.sh" @esbuild/linux-x64 "$version")/package/bin/esbuild
ts=$("$root/tools/npm-fetch.sh" typescript 5.6.3)/package/lib/typescript.js
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xeno-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cp "$ts" "$tmp/ts.js"

# The project: module i lives in d(i % 30)/m(i).js, exports a function and
# a class and imports two modules after it; each directory's index.js
# re-exports its 100 modules, and index.js calls into every directory.  The
# same every time.
awk -v dir="$tmp/project" 'BEGIN {
	n = 3000; dirs = 30
	for (d = 0; d < dirs; d++)
		system("mkdir -p " dir "/d" d)
	for (i = 0; i < n; i++) {
		f = dir "/d" (i % dirs) "/m" i ".js"; body = ""
		for (k = 0; k < 2; k++) {
			j = k == 0 ? i * 7 + 1 : i * 3 + 2
			if (j < n && j > i) {
				printf "import { f%d } from \"../d%d/m%d.js\";\n", j, j % dirs, j > f
				body = body (body == "" ? "" : " + ") "f" j "(x)"
			}
		}
		if (body == "") body = "x"
		printf "export function f%d(x) {\n  const label = \"module %d\";\n", i, i > f
		printf "  return (%s) * %d %% 1000003 + label.length;\n}\n", body, i + 1 > f
		printf "export class C%d { constructor() { this.v = f%d(%d); } }\n", i, i, i > f
		close(f)
		printf "export * from \"./m%d.js\";\n", i >> (dir "/d" (i % dirs) "/index.js")
	}
	for (d = 0; d < dirs; d++) {
		close(dir "/d" d "/index.js")
		printf "import * as d%d from \"./d%d/index.js\";\n", d, d > (dir "/index.js")
	}
	printf "let sum = 0;\n" > (dir "/index.js")
	for (d = 0; d < dirs; d++)
		printf "sum += d%d.f%d(3) + new d%d.C%d().v;\n", d, d, d, d > (dir "/index.js")
	printf "console.log(sum);\n" > (dir "/index.js")
}'

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
project="project/index.js --bundle --outfile=out/project.js --log-level=warning"
cases="version bundle project"
args_of() {
	case $1 in
	version) echo --version ;;
	bundle) echo "$bundle" ;;
	project) echo "$project" ;;
	esac
}
cd "$tmp"
# warm the page cache and the binaries once
# shellcheck disable=SC2086
"$linux" $project >/dev/null
for g in $guests; do
	# shellcheck disable=SC2086
	"$xeno" "${g#*:}" --version >/dev/null && "$xeno" "${g#*:}" $project >/dev/null
done
"$linux" --version >/dev/null # the first start after a heavy run, not measured
for c in $cases; do
	: >"$c.native"
	for g in $guests; do : >"$c.${g%%:*}.patched" && : >"$c.${g%%:*}.trapped"; done
done
# Each case alternates its runs among themselves: on a VM the first start
# after a heavy run is slower (~0.5 ms, whichever binary it is), which would
# land on one side of --version's comparison if the cases were interleaved.
for c in $cases; do
	a=$(args_of "$c")
	i=0
	while [ "$i" -lt "$runs" ]; do
		i=$((i + 1))
		# shellcheck disable=SC2086
		ms "$linux" $a >>"$c.native"
		for g in $guests; do
			# which of the pair goes first alternates, so that neither
			# always follows the same run
			for how in $(if [ $((i % 2)) = 1 ]; then echo patched trapped; else echo trapped patched; fi); do
				flag=
				[ "$how" = trapped ] && flag=--no-patch
				# shellcheck disable=SC2086
				ms "$xeno" $flag "${g#*:}" $a >>"$c.${g%%:*}.$how"
			done
		done
	done
done

# stats ARGS...: what xeno --stats says of one run
stats() {
	"$xeno" --stats "$@" 2>&1 >/dev/null | sed -n 's/^xeno: \(.*\) system calls trapped, \(.*\) made through \(.*\) patched sites.*/\1 trapped, \2 through \3 sites/p'
}

echo "esbuild $version, median of $runs alternating runs (ms); patched: xeno, trapped: xeno --no-patch"
printf '%-8s %-8s %9s %9s %8s %9s %8s   %s\n' case os native patched ratio trapped ratio "xeno --stats (patched)"
for c in $cases; do
	a=$(args_of "$c")
	for g in $guests; do
		os=${g%%:*}
		# shellcheck disable=SC2086
		st=$(stats "${g#*:}" $a)
		awk -v c="$c" -v o="$os" -v n="$(median <"$c.native")" -v p="$(median <"$c.$os.patched")" \
			-v t="$(median <"$c.$os.trapped")" -v s="$st" 'BEGIN {
			printf "%-8s %-8s %9.2f %9.2f %7.3fx %9.2f %7.3fx   %s", c, o, n, p, p / n, t, t / n, s
			if (c == "version") printf " (+%.2f / +%.2f ms)", p - n, t - n
			printf "\n"
		}'
	done
done
