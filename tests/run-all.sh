#!/bin/sh
# Runs test suites and ends with one line "N passed, N failed".
#   tests/run-all.sh [unit] [guest] [golden] [unit-asan] [esbuild]
# Exit status 0 only if every test of every suite passed.
set -u
cd "$(dirname "$0")/.." || exit 1
BUILD=${BUILD:-build}
passed=0
failed=0

# cmocka prints "[  PASSED  ] N test(s)." and "[  FAILED  ] N test(s)..."
run_cmocka() {
	dir=$1
	for t in "$dir"/test_*; do
		[ -x "$t" ] || continue
		out=$("$t" 2>&1)
		rc=$?
		p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -1)
		f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -1)
		p=${p:-0}
		f=${f:-0}
		if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
			f=1 # crashed or a sanitizer stopped it
		fi
		if [ "$f" -ne 0 ]; then
			printf '%s\n' "$out"
			echo "FAIL $t"
		fi
		passed=$((passed + p))
		failed=$((failed + f))
	done
}

for suite in "$@"; do
	case $suite in
	unit)
		echo "== unit tests"
		run_cmocka "$BUILD/tests"
		;;
	unit-asan)
		echo "== unit tests under ASan+UBSan"
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
			run_cmocka "$BUILD/asan/tests"
		;;
	guest | golden | esbuild)
		if [ "$suite" = guest ]; then
			echo "== guest tests"
			res=$(tests/guest/run.sh "$BUILD/xeno" "$BUILD/samples")
		elif [ "$suite" = golden ]; then
			echo "== golden traces (tests/golden/)"
			res=$(tests/golden/run.sh "$BUILD/xeno" "$BUILD/samples")
		else
			echo "== real programs: esbuild for FreeBSD under xeno against esbuild for Linux"
			res=$(tests/esbuild/run.sh "$BUILD/xeno")
		fi
		rc=$?
		printf '%s\n' "$res" | grep -v '^RESULT '
		p=$(printf '%s\n' "$res" | sed -n 's/^RESULT \([0-9]*\) \([0-9]*\)$/\1/p')
		f=$(printf '%s\n' "$res" | sed -n 's/^RESULT \([0-9]*\) \([0-9]*\)$/\2/p')
		if [ -z "$p" ]; then p=0; f=1; fi
		[ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
		passed=$((passed + p))
		failed=$((failed + f))
		;;
	*)
		echo "unknown suite $suite" >&2
		exit 2
		;;
	esac
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
