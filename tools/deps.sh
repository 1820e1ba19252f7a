#!/bin/sh
# Makes sure the Debian packages xeno needs are installed: installs what is
# missing when run as root, otherwise prints the apt-get line and fails.
#   tools/deps.sh [extra-package...]
set -eu
need="gcc make binutils libc6-dev libelf-dev zlib1g-dev libcmocka-dev pkg-config $*"
missing=""
for p in $need; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
		missing="$missing $p"
	fi
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
