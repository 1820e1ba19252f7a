#!/bin/sh
# A bounded libFuzzer campaign of one target (tests/fuzz/README.md), for the
# loader and linker, the PE parser, the Mach-O parser and the unwind
# information (tests/fuzz/fuzz.mk):
#   tests/fuzz/run-campaign.sh NAME FUZZER SEEDS SECONDS JOBS [FLAG...]
# The corpus grows in build/fuzz/NAME-corpus/ (seeded from SEEDS), findings
# land in build/fuzz/NAME-findings/, the logs in build/fuzz/fuzz-NAME.log and
# build/fuzz/fuzz-N.log (one per process).  FLAGs go to libFuzzer (the
# target's -max_len, -dict, ...; an absolute folder is more seeds: libFuzzer
# writes what it adds into the first folder it is given, the corpus).
# Prints the number of inputs run and the findings; exits 1 if there are any.
set -u
cd "$(dirname "$0")/../.." || exit 1
[ $# -ge 5 ] || { echo "usage: run-campaign.sh NAME FUZZER SEEDS SECONDS JOBS [FLAG...]" >&2; exit 2; }
name=$1
fuzzer=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
seeds=$(cd "$3" && pwd) seconds=$4 jobs=$5
shift 5
out=$(dirname "$fuzzer")
corpus=$out/$name-corpus findings=$out/$name-findings log=$out/fuzz-$name.log
mkdir -p "$corpus" "$findings"
rm -f "$out"/fuzz-[0-9]*.log
echo "fuzzing $name for ${seconds}s on $jobs processes (log: $log)"
# JOBS independent processes sharing the corpus, each for the whole time
# (libFuzzer's -jobs; a process that finds a fault stops there).  Fork mode
# (-fork) would go on after a finding, but each of its short jobs runs the
# whole corpus again first: with the linker's inputs that took two thirds of
# the time, with the Mach-O parser's 900 inputs a second against 6000.  Each
# input gets 10 s and 2 GiB at most (a hang or a blow-up is a finding too);
# the value profile helps past comparisons.
(cd "$out" && "$fuzzer" -jobs="$jobs" -workers="$jobs" \
	-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
	-use_value_profile=1 -print_final_stats=1 -artifact_prefix="$findings/" \
	"$corpus" "$seeds" "$@") >"$log" 2>&1
rc=$?
# Each process's log ends with "stat::number_of_executed_units: N".
execs=$(cat "$out"/fuzz-[0-9]*.log 2>/dev/null |
	sed -n 's/^stat::number_of_executed_units: *\([0-9]*\)/\1/p' | awk '{ n += $1 } END { print n + 0 }')
found=$(find "$findings" -type f | wc -l)
echo "fuzz-$name: $execs inputs run in ${seconds}s on $jobs processes, $(find "$corpus" -type f | wc -l) in the corpus, $found findings"
if [ "$found" -ne 0 ]; then
	find "$findings" -type f | sed 's/^/  /'
	echo "reproduce one: $fuzzer FILE (tests/fuzz/README.md says where a fixed one goes)"
	exit 1
fi
[ "$execs" -gt 0 ] || { tail -n 20 "$log" "$out"/fuzz-[0-9]*.log; exit 1; }
exit "$rc"
