#!/bin/sh
# A bounded libFuzzer campaign on the PE parser (tests/fuzz/README.md):
#   tests/fuzz/run-pe.sh FUZZER SECONDS JOBS
# Seeds: build/fuzz/pe-seeds/ (made at build time) and, once there are any,
# the inputs of past findings in tests/fuzz/pe-regressions/.
# The corpus grows in build/fuzz/pe-corpus/, findings land in
# build/fuzz/pe-findings/, the log in build/fuzz/fuzz-pe.log.  Prints the
# number of inputs run and the findings; exits 1 if there are any.
set -u
cd "$(dirname "$0")/../.." || exit 1
[ $# -eq 3 ] || { echo "usage: run-pe.sh FUZZER SECONDS JOBS" >&2; exit 2; }
fuzzer=$1 seconds=$2 jobs=$3
out=$(dirname "$fuzzer")
corpus=$out/pe-corpus findings=$out/pe-findings log=$out/fuzz-pe.log
mkdir -p "$corpus" "$findings"
regressions=
[ -d tests/fuzz/pe-regressions ] && regressions=tests/fuzz/pe-regressions
echo "fuzzing the PE parser for ${seconds}s on $jobs processes (log: $log)"
# An accepted image is mapped and linked too (tests/fuzz/fuzz_pe.c), through
# an image cache of the campaign's own.
XENO_CACHE_DIR=$out/pe-cache
export XENO_CACHE_DIR
mkdir -p "$XENO_CACHE_DIR"
# As the loader's campaign: fork mode on several processes (one process
# runs in place: fork mode would run the corpus again at each of its short
# jobs), 10 s and 2 GiB per input; PE tokens.
mode="-fork=$jobs -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1"
[ "$jobs" -eq 1 ] && mode=
# shellcheck disable=SC2086 # mode is several options, or none
"$fuzzer" $mode \
	-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
	-use_value_profile=1 -dict=tests/fuzz/pe.dict \
	-artifact_prefix="$findings/" "$corpus" "$out/pe-seeds" $regressions \
	>"$log" 2>&1
rc=$?
execs=$(sed -n 's/^#\([0-9][0-9]*\)[:[:space:]].*cov:.*/\1/p' "$log" | tail -n 1)
found=$(find "$findings" -type f | wc -l)
echo "fuzz-pe: ${execs:-0} inputs run in ${seconds}s, $(find "$corpus" -type f | wc -l) in the corpus, $found findings"
if [ "$found" -ne 0 ]; then
	find "$findings" -type f | sed 's/^/  /'
	echo "reproduce one: $fuzzer FILE; then add it to tests/fuzz/pe-regressions/"
	exit 1
fi
[ -n "$execs" ] || { tail -n 20 "$log"; exit 1; }
exit "$rc"
