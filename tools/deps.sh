#!/bin/sh
# Makes sure what xeno's build and tests need is installed: installs the
# missing Debian packages when run as root, otherwise prints the apt-get line
# and fails.
#   tools/deps.sh          the build and make check
#   tools/deps.sh fuzz     make fuzz: clang and its libFuzzer runtime
set -eu
# Libraries and tools checked as Debian packages; clang, lld (ld64.lld and
# lld-link) and llvm build the macOS and Windows samples (samples/darwin/,
# samples/windows/README.md).
need="gcc make binutils libc6-dev libelf-dev zlib1g-dev libcmocka-dev libunwind-14-dev pkg-config clang lld lld-14 llvm"
if [ "${1-}" = fuzz ]; then
	need="clang libclang-rt-dev"
fi
missing=""
for p in $need; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
		missing="$missing $p"
	fi
done
# Commands the tests use, whichever way they were installed: npm fetches the
# real programs the tests compare (tests/esbuild, tests/lefthook), curl asks
# their servers, git keeps the repositories lefthook works on.
[ "${1-}" = fuzz ] || for pair in npm:npm curl:curl git:git; do
	command -v "${pair%%:*}" >/dev/null 2>&1 || missing="$missing ${pair#*:}"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
	echo "xeno needs these Debian packages:$missing" >&2
	echo "install them with:  sudo apt-get install -y$missing" >&2
	exit 1
fi
echo "installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
# shellcheck disable=SC2086
apt-get install -y -qq $missing >&2
