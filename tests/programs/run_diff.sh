#!/usr/bin/env bash
# run_diff.sh — differential test of one C program: qemu-arm vs backstep.
#
# Usage: run_diff.sh CC "FLAGS" SOURCE.c BACKSTEP [QEMU_ARM [SYSROOT]]
#
# Compiles SOURCE with `CC -static FLAGS ... -lm` (FLAGS is one word list, e.g.
# "-marm -O2"); with SYSROOT, links dynamically instead (the compiler's default)
# and gives both emulators `-L SYSROOT` and nothing else, as a user runs a
# dynamically linked program. Runs the binary under qemu-arm and under backstep with the same
# arguments, stdin, and a clean environment (`env -i` plus a fixed small set),
# each in its own fresh empty working directory named "work", and compares
# stdout, stderr and the exit status (death by a signal shows as 128+N for
# both). Prints a unified diff of the first differing stream and fails.
#
# Directives read from the source (each on a line of its own, `// KEY: value`):
#   // ARGS: a b "c d"     guest arguments (shell words, no expansions)
#   // STDIN: self         feed the program's own source on stdin (default /dev/null)
#   // OPTS: -E X=1 -U Y   options given to both qemu-arm and backstep
#   // EXIT: 42            expected exit status under qemu-arm (default 0);
#                          checked so a broken program is caught, not just a diff
#   // CFLAGS: -ffast-math added to the compiler flags
#
# $QEMU_CPU, if set, is given to qemu-arm alone as `-cpu $QEMU_CPU` (the CPU
# whose AT_HWCAP and AT_PLATFORM backstep advertises).
#
# The line "qemu: uncaught target signal ..." that qemu-arm prints when the guest
# dies by a signal (and a "backstep: uncaught target signal ..." equivalent) is
# removed from stderr before comparing: it is the emulator's note, not the guest's.
#
# Exit status: 0 = identical, 1 = mismatch or failure, 77 = skipped (no tools).
set -euo pipefail

if [[ $# -lt 4 ]]; then
  echo "usage: $0 CC FLAGS SOURCE BACKSTEP [QEMU_ARM]" >&2
  exit 2
fi
CC=$1
FLAGS=$2
SRC=$3
BACKSTEP=$4
QEMU=${5:-qemu-arm}
SYSROOT=${6:-}
TIMEOUT=${RUN_DIFF_TIMEOUT:-120}

for tool in "$CC" "$QEMU"; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool not found" >&2
    exit 77
  fi
done
if [[ ! -x $BACKSTEP ]]; then
  echo "FAIL: backstep binary '$BACKSTEP' not found or not executable" >&2
  exit 1
fi
if [[ ! -f $SRC ]]; then
  echo "FAIL: source '$SRC' not found" >&2
  exit 1
fi
SRC=$(cd "$(dirname "$SRC")" && pwd)/$(basename "$SRC") # absolute: runs happen elsewhere
BACKSTEP=$(cd "$(dirname "$BACKSTEP")" && pwd)/$(basename "$BACKSTEP")
QEMU=$(command -v "$QEMU")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/run_diff.XXXXXX")
cleanup() { chmod -R u+rwx "$tmp" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT

directive() { # directive KEY -> value of "// KEY: value" (empty if absent)
  sed -n "s|^// $1: *||p" "$SRC" | head -n 1
}
args_str=$(directive ARGS)
stdin_spec=$(directive STDIN)
opts_str=$(directive OPTS)
expect_exit=$(directive EXIT)
expect_exit=${expect_exit:-0}
FLAGS="$FLAGS $(directive CFLAGS)"

# Split the word lists with xargs-style quoting (no shell expansions).
args=()
opts=()
if [[ -n $args_str ]]; then
  while IFS= read -r -d '' w; do args+=("$w"); done < <(printf '%s' "$args_str" | xargs printf '%s\0')
fi
if [[ -n $opts_str ]]; then
  while IFS= read -r -d '' w; do opts+=("$w"); done < <(printf '%s' "$opts_str" | xargs printf '%s\0')
fi
case $stdin_spec in
  "") stdin_file=/dev/null ;;
  self) stdin_file=$SRC ;;
  *) stdin_file=$(dirname "$SRC")/$stdin_spec ;;
esac

link=-static
if [[ -n $SYSROOT ]]; then
  link=
  opts=(-L "$SYSROOT" "${opts[@]}")
fi
# shellcheck disable=SC2086  # FLAGS is deliberately split into words
if ! "$CC" $link $FLAGS -o "$tmp/prog" "$SRC" -lm -lpthread 2>"$tmp/cc.err"; then
  echo "FAIL: compiling $SRC with $CC $link $FLAGS" >&2
  cat "$tmp/cc.err" >&2
  exit 1
fi

# Fixed environment seen by both emulators (and so by the guest: qemu-arm 7.2
# passes its own environment through and adds nothing -- but in reverse order,
# so programs here print the environment sorted).
clean_env=(env -i PATH=/usr/bin:/bin HOME=/nonexistent LANG=C LC_ALL=C TZ=UTC
           USER=tester BACKSTEP_TEST_VAR=hello BACKSTEP_TEST_UNSET=gone)
# Sanitizer settings of the caller (an ASan build of backstep) reach both runs alike.
for v in ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS; do
  if [[ -n ${!v:-} ]]; then clean_env+=("$v=${!v}"); fi
done

run_one() { # run_one NAME EMULATOR... ; results in $tmp/NAME.{out,err,rc}
  local name=$1; shift
  mkdir -p "$tmp/$name/work"
  local rc=0
  # (the outer 2>/dev/null only silences bash's own "Killed"/"Aborted" job notices)
  { (
    cd "$tmp/$name/work"
    ulimit -c 0
    exec "${clean_env[@]}" timeout -k 5 "$TIMEOUT" "$@" "${opts[@]}" "$tmp/prog" "${args[@]}" \
      <"$stdin_file" >"$tmp/$name.out" 2>"$tmp/$name.err.raw"
  ) || rc=$?; } 2>/dev/null
  echo "$rc" >"$tmp/$name.rc"
  grep -Ev '^(qemu|backstep): uncaught target signal' "$tmp/$name.err.raw" >"$tmp/$name.err" || true
}

if [[ -n ${QEMU_CPU:-} ]]; then
  run_one qemu "$QEMU" -cpu "$QEMU_CPU"
else
  run_one qemu "$QEMU"
fi
run_one backstep "$BACKSTEP"

qrc=$(cat "$tmp/qemu.rc")
brc=$(cat "$tmp/backstep.rc")
name=$(basename "$SRC" .c)

if [[ $qrc != "$expect_exit" ]]; then
  echo "FAIL: $name ($FLAGS) under qemu-arm exited with $qrc, expected $expect_exit — the test program itself is wrong" >&2
  head -c 2000 "$tmp/qemu.err" >&2
  exit 1
fi

fail=0
if ! cmp -s "$tmp/qemu.out" "$tmp/backstep.out"; then
  echo "FAIL: $name ($FLAGS): stdout differs (--- qemu-arm, +++ backstep):"
  diff -u --label qemu-arm.stdout --label backstep.stdout "$tmp/qemu.out" "$tmp/backstep.out" | head -n 60 || true
  fail=1
fi
if ! cmp -s "$tmp/qemu.err" "$tmp/backstep.err"; then
  echo "FAIL: $name ($FLAGS): stderr differs (--- qemu-arm, +++ backstep):"
  diff -u --label qemu-arm.stderr --label backstep.stderr "$tmp/qemu.err" "$tmp/backstep.err" | head -n 60 || true
  fail=1
fi
if [[ $qrc != "$brc" ]]; then
  describe() {
    if [[ $1 == 124 || $1 == 137 ]]; then echo "$1 (timeout after ${TIMEOUT}s?)"
    elif (( $1 > 128 )); then echo "$1 (killed by signal $(( $1 - 128 )))"
    else echo "$1"; fi
  }
  echo "FAIL: $name ($FLAGS): exit status differs: qemu-arm $(describe "$qrc"), backstep $(describe "$brc")"
  fail=1
fi
if [[ $fail -ne 0 ]]; then
  exit 1
fi
echo "PASS: $name ($FLAGS): stdout $(wc -c <"$tmp/qemu.out") bytes, stderr $(wc -c <"$tmp/qemu.err") bytes, exit $qrc"
