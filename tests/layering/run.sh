#!/bin/sh
# The layering of the tree (docs/architecture.md, "Rooms and arrows"):
# arrows run one way.  core/, loader/ and trace/ are OS-neutral: they include
# nothing from syscalls/, abi/ or libs/ and name no personality in code;
# core/'s files include each other without a circle.
#   tests/layering/run.sh XENO   (from the top of the tree)
root=$(cd "$(dirname "$0")/../.." && pwd)
suite=layering
. "$root/tests/lib.sh"
cd "$root" || give_up "no tree"

neutral="core loader trace"

begin "OS-neutral rooms include no personality's headers"
bad=$(grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]+"(syscalls|abi|libs)/' \
	$(for d in $neutral; do ls $d/*.c $d/*.h $d/*.S 2>/dev/null; done))
[ -z "$bad" ] || fail "includes reach up into a personality" "$bad"
end

begin "OS-neutral rooms name no personality in code"
# Identifiers such as freebsd_build_stack or XENO_OS_FREEBSD; comments may
# name an OS (they cite sources).
bad=$(grep -nE '\b(freebsd|netbsd|openbsd|illumos|darwin|windows|bsd)_[a-z0-9_]+|XENO_OS_' \
	$(for d in $neutral; do ls $d/*.c $d/*.h $d/*.S 2>/dev/null; done) |
	grep -vE ':[0-9]+:[[:space:]]*(/?\*|//)')
[ -z "$bad" ] || fail "a personality is named in OS-neutral code" "$bad"
end

# "MODULE MODULE" pairs, one per include between two files of core/ (a module
# is a .c file with its .h): tsort names any circle among them.
core_edges() {
	for f in core/*.c core/*.h core/*.S; do
		[ -f "$f" ] || continue
		m=${f%.*}
		echo "$m $m"
		sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\(core\/[a-z0-9_]*\)\.h".*/\1/p' "$f" |
			while read -r dep; do
				[ "$dep" = "$m" ] || echo "$m $dep"
			done
	done
}

begin "core/ has no include circle"
loop=$(core_edges | tsort 2>&1 >/dev/null)
[ -z "$loop" ] || fail "files of core/ include each other in a circle" "$loop"
end

begin "the check itself sees a circle"
loop=$( (core_edges; echo "core/x core/y"; echo "core/y core/x") | tsort 2>&1 >/dev/null)
[ -n "$loop" ] || fail "tsort found no circle in a made-up one"
end

echo "RESULT $passed $failed"
