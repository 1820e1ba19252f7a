#!/bin/sh
# Runs the recording-reader fuzzer for SECONDS on a corpus grown from the
# committed seeds, and reports the number of executions and any finding.
#   tests/fuzz/run-trace.sh FUZZER SECONDS
set -u
fuzzer=$1
seconds=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=$(dirname "$fuzzer")
mkdir -p "$dir/trace-corpus" "$dir/trace-findings"
log=$dir/fuzz-trace.log
echo "fuzzing the recording reader for $seconds s (log: $log)"
"$fuzzer" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
	-artifact_prefix="$dir/trace-findings/" -print_final_stats=1 \
	"$dir/trace-corpus" "$root/tests/fuzz/trace-seeds" "$root/tests/fuzz/trace-regressions" >"$log" 2>&1
rc=$?
execs=$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\)/\1/p' "$log" | tail -n 1)
echo "executions: ${execs:-unknown}"
found=$(ls "$dir/trace-findings" 2>/dev/null | wc -l)
if [ "$rc" -ne 0 ] || [ "$found" -ne 0 ]; then
	echo "FINDINGS: $found input(s) in $dir/trace-findings (exit status $rc); see $log"
	exit 1
fi
echo "no findings"
