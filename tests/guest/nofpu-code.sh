#!/bin/sh
# The NOFPU calls (core/syscall.h XENO_SYF_NOFPU) run at patched sites before
# the guest's FP state is saved: their code must not touch an FP or vector
# register, or the guest's would change under it.  This reads xeno's machine
# code: from each personality's sitecall_fast and each NOFPU entry's thunk,
# every function reached by direct calls (but the tracer's, which never runs
# on that path), and names any that uses x87, SSE, AVX or mask registers.
#   tests/guest/nofpu-code.sh XENO     (from the top of the tree)
# Prints the functions it read, one line; exits 1 with the culprits if any.
set -eu
xeno=$1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xeno-nofpu.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
objdump -d --no-show-raw-insn "$xeno" >"$tmp/dis"
# The roots: the fast paths, and the thunks of the NOFPU entries.
roots="xeno_sitecall_fast freebsd_sitecall_fast netbsd_sitecall_fast"
for os in freebsd netbsd; do
	for nr in $(awk '$1 ~ /^[0-9]+$/ && $2 ~ /NOFPU/ { print $1 }' "syscalls/$os/syscalls.master"); do
		roots="$roots thunk_${os}_sysent_$nr"
	done
done
awk -v roots="$roots" '
	# function bodies: "ADDR <name>:" up to a blank line
	/^[0-9a-f]+ <[^>]+>:$/ { fn = $2; gsub(/[<>:]/, "", fn); next }
	/^$/ { fn = ""; next }
	fn != "" {
		body[fn] = body[fn] "\n" $0
		if (match($0, /call +[0-9a-f]+ <[^>+]+>/)) {
			c = substr($0, RSTART, RLENGTH); sub(/.*</, "", c); sub(/>.*/, "", c)
			calls[fn] = calls[fn] " " c
		}
	}
	END {
		n = split(roots, todo, " ")
		for (i = 1; i <= n; i++) queued[todo[i]] = 1
		for (i = 1; i <= n; i++) {
			f = todo[i]
			if (!(f in body)) { print "missing: " f; bad = 1; continue }
			read++
			if (body[f] ~ /%[xyz]mm[0-9]|%k[0-7]|%st|\tf[a-z]+ /) { print "uses FP/vector registers: " f; bad = 1 }
			m = split(calls[f], cs, " ")
			for (j = 1; j <= m; j++) {
				g = cs[j]
				if (g in queued || g == "xeno_trace_host_call") continue
				queued[g] = 1; todo[++n] = g
			}
		}
		print read " functions read"
		exit bad
	}' "$tmp/dis"
