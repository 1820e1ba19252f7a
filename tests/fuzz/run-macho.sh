#!/bin/sh
# A bounded libFuzzer campaign on the Mach-O parser (tests/fuzz/README.md):
#   tests/fuzz/run-macho.sh FUZZER SEEDS SECONDS JOBS
# The corpus grows in build/fuzz/macho-corpus/ (seeded from SEEDS, made at
# build time), findings land in build/fuzz/macho-findings/, the logs in
# build/fuzz/fuzz-macho.log and build/fuzz/fuzz-N.log (one per process).
# Prints the number of inputs run and the findings; exits 1 if there are any.
set -u
cd "$(dirname "$0")/../.." || exit 1
[ $# -eq 4 ] || { echo "usage: run-macho.sh FUZZER SEEDS SECONDS JOBS" >&2; exit 2; }
fuzzer=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
seeds=$(cd "$2" && pwd) seconds=$3 jobs=$4
root=$(pwd)
out=$(dirname "$fuzzer")
corpus=$out/macho-corpus findings=$out/macho-findings log=$out/fuzz-macho.log
mkdir -p "$corpus" "$findings"
rm -f "$out"/fuzz-[0-9]*.log
echo "fuzzing the Mach-O parser for ${seconds}s on $jobs processes (log: $log)"
# As run-loader.sh: JOBS independent processes sharing the corpus (-jobs),
# not fork mode, whose short jobs each ran the whole corpus again first (900
# inputs a second against 6000 here); 10 s and 2 GiB per input, value profile
# and a dictionary of Mach-O tokens.  Inputs up to 24 KiB: the samples are
# about 13 KiB, the crafted programs 20 KiB (longer ones ran at half the pace).
(cd "$out" && "$fuzzer" -jobs="$jobs" -workers="$jobs" \
	-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=24576 \
	-use_value_profile=1 -dict="$root/tests/fuzz/macho.dict" -print_final_stats=1 \
	-artifact_prefix="$findings/" "$corpus" "$seeds") >"$log" 2>&1
rc=$?
# Each process's log ends with "stat::number_of_executed_units: N".
execs=$(cat "$out"/fuzz-[0-9]*.log 2>/dev/null |
	sed -n 's/^stat::number_of_executed_units: *\([0-9]*\)/\1/p' | awk '{ n += $1 } END { print n + 0 }')
found=$(find "$findings" -type f | wc -l)
echo "fuzz-macho: $execs inputs run in ${seconds}s on $jobs processes, $(find "$corpus" -type f | wc -l) in the corpus, $found findings"
if [ "$found" -ne 0 ]; then
	find "$findings" -type f | sed 's/^/  /'
	echo "reproduce one: $fuzzer FILE; then make it a case of tests/unit/test_macho*.c"
	exit 1
fi
[ "$execs" -gt 0 ] || { tail -n 20 "$log" "$out"/fuzz-[0-9]*.log; exit 1; }
exit "$rc"
