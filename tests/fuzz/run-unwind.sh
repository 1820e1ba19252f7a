#!/bin/sh
# A bounded libFuzzer campaign on the unwind information (tests/fuzz/fuzz_unwind.c) (tests/fuzz/README.md):
#   tests/fuzz/run-unwind.sh FUZZER SEEDS SECONDS JOBS
# The corpus grows in build/fuzz/unwind-corpus/ (seeded from SEEDS, made at
# build time), findings land in build/fuzz/unwind-findings/, the logs in
# build/fuzz/fuzz-unwind.log and build/fuzz/fuzz-N.log (one per process).
# Prints the number of inputs run and the findings; exits 1 if there are any.
set -u
cd "$(dirname "$0")/../.." || exit 1
[ $# -eq 4 ] || { echo "usage: run-unwind.sh FUZZER SEEDS SECONDS JOBS" >&2; exit 2; }
fuzzer=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
seeds=$(cd "$2" && pwd) seconds=$3 jobs=$4
root=$(pwd)
out=$(dirname "$fuzzer")
corpus=$out/unwind-corpus findings=$out/unwind-findings log=$out/fuzz-unwind.log
mkdir -p "$corpus" "$findings"
rm -f "$out"/fuzz-[0-9]*.log
echo "fuzzing the unwind information (tests/fuzz/fuzz_unwind.c) for ${seconds}s on $jobs processes (log: $log)"
# As run-macho.sh: JOBS independent processes sharing the corpus (-jobs),
# 10 s and 2 GiB per input, value profile; inputs up to 16 KiB (the blob's
# room in the object, tests/fuzz/unwind_build.h).  -close_fd_mask=2: the
# linker's check says why on stderr for each object it hides; the fuzzer's
# own reports still come.
(cd "$out" && "$fuzzer" -jobs="$jobs" -workers="$jobs" \
	-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
	-use_value_profile=1 -close_fd_mask=2 -print_final_stats=1 \
	-artifact_prefix="$findings/" "$corpus" "$seeds") >"$log" 2>&1
rc=$?
# Each process's log ends with "stat::number_of_executed_units: N".
execs=$(cat "$out"/fuzz-[0-9]*.log 2>/dev/null |
	sed -n 's/^stat::number_of_executed_units: *\([0-9]*\)/\1/p' | awk '{ n += $1 } END { print n + 0 }')
found=$(find "$findings" -type f | wc -l)
echo "fuzz-unwind: $execs inputs run in ${seconds}s on $jobs processes, $(find "$corpus" -type f | wc -l) in the corpus, $found findings"
if [ "$found" -ne 0 ]; then
	find "$findings" -type f | sed 's/^/  /'
	echo "reproduce one: $fuzzer FILE; once fixed, copy it to tests/fuzz/unwind-regressions/"
	exit 1
fi
[ "$execs" -gt 0 ] || { tail -n 20 "$log" "$out"/fuzz-[0-9]*.log; exit 1; }
exit "$rc"
