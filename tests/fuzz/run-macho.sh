#!/bin/sh
# A bounded libFuzzer campaign on the Mach-O parser (tests/fuzz/README.md):
#   tests/fuzz/run-macho.sh FUZZER SEEDS SECONDS JOBS
# The corpus grows in build/fuzz/macho-corpus/ (seeded from SEEDS, made at
# build time), findings land in build/fuzz/macho-findings/, the log in
# build/fuzz/fuzz-macho.log.  Prints the number of inputs run and the
# findings; exits 1 if there are any.
set -u
cd "$(dirname "$0")/../.." || exit 1
[ $# -eq 4 ] || { echo "usage: run-macho.sh FUZZER SEEDS SECONDS JOBS" >&2; exit 2; }
fuzzer=$1 seeds=$2 seconds=$3 jobs=$4
out=$(dirname "$fuzzer")
corpus=$out/macho-corpus findings=$out/macho-findings log=$out/fuzz-macho.log
mkdir -p "$corpus" "$findings"
echo "fuzzing the Mach-O parser for ${seconds}s on $jobs processes (log: $log)"
# As run-loader.sh: fork mode, 10 s and 2 GiB per input, value profile and
# a dictionary of Mach-O tokens.
"$fuzzer" -fork="$jobs" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
	-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
	-use_value_profile=1 -dict=tests/fuzz/macho.dict \
	-artifact_prefix="$findings/" "$corpus" "$seeds" >"$log" 2>&1
rc=$?
execs=$(sed -n 's/^#\([0-9][0-9]*\): cov:.*/\1/p' "$log" | tail -n 1)
found=$(find "$findings" -type f | wc -l)
echo "fuzz-macho: ${execs:-0} inputs run in ${seconds}s, $(find "$corpus" -type f | wc -l) in the corpus, $found findings"
if [ "$found" -ne 0 ]; then
	find "$findings" -type f | sed 's/^/  /'
	echo "reproduce one: $fuzzer FILE; then make it a case of tests/unit/test_macho*.c"
	exit 1
fi
[ -n "$execs" ] || { tail -n 20 "$log"; exit 1; }
exit "$rc"
