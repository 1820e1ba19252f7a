#!/bin/sh
# Guest tests: sample programs under xeno (placeholder until the cases land).
#   tests/guest/run.sh XENO SAMPLES_DIR   -> ends with "RESULT passed failed"
set -u
xeno=$1
samples=$2
passed=0
failed=0
out=$("$xeno" "$samples/freebsd/hello")
if [ "$out" = "Hello from FreeBSD!" ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL hello"; fi
echo "RESULT $passed $failed"
