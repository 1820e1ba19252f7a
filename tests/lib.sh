# Shared by the shell test suites: one case at a time, counted.
#   begin NAME; ... fail WHY [DETAILS] ...; end
# A failing case prints "FAIL name: why" with its details indented below;
# the suite ends with `echo "RESULT $passed $failed"`, which
# tests/run-all.sh reads.
# shellcheck shell=sh

passed=0
failed=0

begin() {
	name=$1
	why=
	details=
}

# The first reason counts.
fail() {
	[ -n "$why" ] && return
	why=$1
	details=${2-}
}

end() {
	if [ -z "$why" ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL $name: $why"
		[ -z "$details" ] || printf '%s\n' "$details" | head -n 20 | sed 's/^/  /'
	fi
}
