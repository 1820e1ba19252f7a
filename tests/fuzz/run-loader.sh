#!/bin/sh
# A bounded libFuzzer campaign on the loader and the linker (tests/fuzz/README.md):
#   tests/fuzz/run-loader.sh FUZZER SECONDS JOBS
# The corpus grows in build/fuzz/corpus/ (seeded from tests/fuzz/loader-seeds/
# and the dynamically linked seeds made at build time, build/fuzz/loader-dyn-seeds/),
# findings land in build/fuzz/findings/, the logs in build/fuzz/fuzz.log and
# build/fuzz/fuzz-N.log (one per process).
# Prints the number of inputs run and the findings; exits 1 if there are any.
set -u
cd "$(dirname "$0")/../.." || exit 1
[ $# -eq 3 ] || { echo "usage: run-loader.sh FUZZER SECONDS JOBS" >&2; exit 2; }
fuzzer=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
seconds=$2 jobs=$3
root=$(pwd)
out=$(dirname "$fuzzer")
corpus=$out/corpus findings=$out/findings log=$out/fuzz.log
mkdir -p "$corpus" "$findings"
rm -f "$out"/fuzz-[0-9]*.log
echo "fuzzing the loader for ${seconds}s on $jobs processes (log: $log)"
# JOBS independent processes sharing the corpus, each for the whole time
# (libFuzzer's -jobs; a process that finds a fault stops there).  Fork mode
# (-fork) would go on after a finding, but each of its short jobs runs the
# whole corpus again first: with the linker's inputs that took two thirds of
# the time.  Each input gets 10 s and 2 GiB at most (a hang or a blow-up is a
# finding too).  The value profile and the dictionary of ELF tokens help it
# past the loader's comparisons (libelf itself is not instrumented).
(cd "$out" && "$fuzzer" -jobs="$jobs" -workers="$jobs" \
	-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
	-use_value_profile=1 -dict="$root/tests/fuzz/elf.dict" -print_final_stats=1 \
	-artifact_prefix="$findings/" "$corpus" "$root/tests/fuzz/loader-seeds" \
	"$out/loader-dyn-seeds") >"$log" 2>&1
rc=$?
# Each process's log ends with "stat::number_of_executed_units: N".
execs=$(cat "$out"/fuzz-[0-9]*.log 2>/dev/null |
	sed -n 's/^stat::number_of_executed_units: *\([0-9]*\)/\1/p' | awk '{ n += $1 } END { print n + 0 }')
found=$(find "$findings" -type f | wc -l)
echo "fuzz: $execs inputs run in ${seconds}s on $jobs processes, $(find "$corpus" -type f | wc -l) in the corpus, $found findings"
if [ "$found" -ne 0 ]; then
	find "$findings" -type f | sed 's/^/  /'
	echo "reproduce one: $fuzzer FILE; then add it to tests/fuzz/loader-seeds/ (see tests/fuzz/README.md)"
	exit 1
fi
[ "$execs" -gt 0 ] || { tail -n 20 "$log" "$out"/fuzz-[0-9]*.log; exit 1; }
exit "$rc"
