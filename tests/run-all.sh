#!/bin/sh
# Runs test suites and ends with one line "N passed, N failed", followed by
# ", N skipped" when tests could not run here (each says why with a SKIP line).
#   tests/run-all.sh [layering] [unit] [guest] [golden] [corrupt] [unit-asan] [esbuild]
#                    [esbuild-netbsd] [esbuild-openbsd] [esbuild-illumos] [esbuild-darwin]
#                    [esbuild-windows] [lefthook] [turbo]
#                    [lightningcss]
# SUITE-nopatch runs SUITE with XENO_PATCH=0: every system call trapped, no
# call site patched (core/patch.h).
# Exit status 0 only if no test of any suite failed.
set -u
cd "$(dirname "$0")/.." || exit 1
BUILD=${BUILD:-build}
passed=0
failed=0
skipped=0

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

# corrupt_samples WORKDIR SAMPLE...: the corruption test on each sample (a
# path; "run:PATH" runs its damaged copies instead of --check; a Windows .exe
# goes to tests/corrupt/corrupt_pe.c, which does both), in a
# directory of its own; one RESULT line for them all, status 1 if any failed.
corrupt_samples() {
	dir=$1
	shift
	cp=0 cf=0 crc=0
	for sample in "$@"; do
		mode=
		case $sample in run:*) mode=--run sample=${sample#run:} ;; esac
		sub=$dir/$(echo "$mode$sample" | tr / -)
		mkdir -p "$sub"
		case $sample in
		*.exe) out=$("$BUILD/tests/corrupt_pe" "$BUILD/xeno" "$sample" "$sub") || crc=1 ;;
		*) out=$("$BUILD/tests/corrupt" $mode "$BUILD/xeno" "$sample" "$sub") || crc=1 ;;
		esac
		printf '%s\n' "$out" | grep -v '^RESULT '
		set -- $(printf '%s\n' "$out" | sed -n 's/^RESULT \([0-9]*\) \([0-9]*\)$/\1 \2/p') 0 1
		cp=$((cp + $1)) cf=$((cf + $2))
	done
	echo "RESULT $cp $cf"
	return $crc
}

for suite in "$@"; do
	case $suite in
	*-nopatch)
		suite=${suite%-nopatch}
		XENO_PATCH=0
		export XENO_PATCH
		echo "== with XENO_PATCH=0:"
		;;
	*)
		unset XENO_PATCH
		;;
	esac
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
	layering | guest | golden | esbuild | esbuild-netbsd | esbuild-openbsd | esbuild-illumos | esbuild-darwin | esbuild-windows | lefthook | turbo | lightningcss | corrupt)
		case $suite in
		layering)
			echo "== layering: arrows run one way"
			res=$(tests/layering/run.sh "$BUILD/xeno")
			;;
		guest)
			echo "== guest tests"
			res=$(tests/guest/run.sh "$BUILD/xeno" "$BUILD/samples")
			;;
		golden)
			echo "== golden traces (tests/golden/)"
			res=$(tests/golden/run.sh "$BUILD/xeno" "$BUILD/samples")
			;;
		corrupt)
			echo "== damaged programs given to xeno --check (ELF, Mach-O, PE) and run (Mach-O, PE)"
			work=$(mktemp -d "${TMPDIR:-/tmp}/xeno-corrupt.XXXXXX") || exit 1
			# ELF: a static and a dynamic FreeBSD sample; Mach-O: the macOS
			# hello (dyld-info streams, LC_FUNCTION_STARTS) given to --check
			# and run, and a crafted program of the classic form (symbol
			# pointers and the indirect symbol table; tests/fuzz/macho_build.h);
			# PE: the Windows hello and tls samples, --check and run
			"$BUILD/tests/make_macho_seeds" "$work" >/dev/null || exit 1
			s=$BUILD/samples
			res=$(corrupt_samples "$work" "$s/freebsd/hello" "$s/freebsd/dyn/hello" \
				"$s/darwin/hello" "run:$s/darwin/hello" "$work/crafted-classic-twolevel" \
				"$s/windows/hello.exe" "$s/windows/tls.exe")
			;;
		esbuild)
			echo "== real programs: esbuild for FreeBSD under xeno against esbuild for Linux"
			res=$(tests/esbuild/run.sh "$BUILD/xeno" freebsd)
			;;
		esbuild-netbsd)
			echo "== real programs: esbuild for NetBSD under xeno against esbuild for Linux"
			res=$(tests/esbuild/run.sh "$BUILD/xeno" netbsd)
			;;
		esbuild-openbsd)
			echo "== real programs: esbuild for OpenBSD under xeno against esbuild for Linux"
			res=$(tests/esbuild/run.sh "$BUILD/xeno" openbsd)
			;;
		esbuild-illumos)
			echo "== real programs: esbuild for illumos under xeno against esbuild for Linux"
			res=$(tests/esbuild/run.sh "$BUILD/xeno" illumos)
			;;
		esbuild-darwin)
			echo "== real programs: esbuild for macOS under xeno against esbuild for Linux"
			res=$(tests/esbuild/run.sh "$BUILD/xeno" darwin)
			;;
		esbuild-windows)
			echo "== real programs: esbuild for Windows under xeno against esbuild for Linux"
			res=$(tests/esbuild/run.sh "$BUILD/xeno" windows)
			;;
		lefthook)
			echo "== real programs: lefthook for FreeBSD under xeno against lefthook for Linux"
			res=$(tests/lefthook/run.sh "$BUILD/xeno")
			;;
		turbo)
			echo "== real programs: turbo for FreeBSD under xeno against turbo for Linux"
			res=$(tests/turbo/run.sh "$BUILD/xeno")
			;;
		lightningcss)
			echo "== real programs: lightningcss for FreeBSD (Rust, dynamically linked) under xeno against lightningcss for Linux"
			res=$(tests/lightningcss/run.sh "$BUILD/xeno")
			;;
		esac
		rc=$?
		[ "$suite" = corrupt ] && [ "$rc" -eq 0 ] && rm -rf "$work"
		printf '%s\n' "$res" | grep -v '^RESULT '
		# "RESULT passed failed [skipped]"
		result=$(printf '%s\n' "$res" | sed -n 's/^RESULT \([0-9]* [0-9]*\)\( [0-9]*\)\{0,1\}$/\1\2/p')
		set -- $result
		p=${1:-0} f=${2:-1} s=${3:-0}
		[ -n "$result" ] || f=1
		[ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
		passed=$((passed + p))
		failed=$((failed + f))
		skipped=$((skipped + s))
		;;
	*)
		echo "unknown suite $suite" >&2
		exit 2
		;;
	esac
done
if [ "$skipped" -ne 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
