#!/bin/sh
# A bounded libFuzzer campaign on the loader (tests/fuzz/README.md):
#   tests/fuzz/run-loader.sh FUZZER SECONDS JOBS
# The corpus grows in build/fuzz/corpus/ (seeded from tests/fuzz/loader-seeds/),
# findings land in build/fuzz/findings/, the log in build/fuzz/fuzz.log.
# Prints the number of inputs run and the findings; exits 1 if there are any.
set -u
cd "$(dirname "$0")/../.." || exit 1
[ $# -eq 3 ] || { echo "usage: run-loader.sh FUZZER SECONDS JOBS" >&2; exit 2; }
fuzzer=$1 seconds=$2 jobs=$3
out=$(dirname "$fuzzer")
corpus=$out/corpus findings=$out/findings log=$out/fuzz.log
mkdir -p "$corpus" "$findings"
echo "fuzzing the loader for ${seconds}s on $jobs processes (log: $log)"
# Fork mode runs the jobs in parallel and goes on after a finding; each input
# gets 10 s and 2 GiB at most (a hang or a blow-up is a finding too).  The
# value profile and the dictionary of ELF tokens help it past the loader's
# comparisons (libelf itself is not instrumented).
"$fuzzer" -fork="$jobs" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
	-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
	-use_value_profile=1 -dict=tests/fuzz/elf.dict \
	-artifact_prefix="$findings/" "$corpus" tests/fuzz/loader-seeds >"$log" 2>&1
rc=$?
# Fork mode's status lines: "#EXECS: cov: ... exec/s ... crash: C/T/O ..."
execs=$(sed -n 's/^#\([0-9][0-9]*\): cov:.*/\1/p' "$log" | tail -n 1)
found=$(find "$findings" -type f | wc -l)
echo "fuzz: ${execs:-0} inputs run in ${seconds}s, $(find "$corpus" -type f | wc -l) in the corpus, $found findings"
if [ "$found" -ne 0 ]; then
	find "$findings" -type f | sed 's/^/  /'
	echo "reproduce one: $fuzzer FILE; then add it to tests/fuzz/loader-seeds/ (see tests/fuzz/README.md)"
	exit 1
fi
[ -n "$execs" ] || { tail -n 20 "$log"; exit 1; }
exit "$rc"
