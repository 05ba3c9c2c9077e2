#!/usr/bin/env bash
# run_pkg.sh — one Debian package test: qemu-arm vs backstep, both run as
# `EMULATOR -L SYSROOT SYSROOT/PROGRAM ARGS...` (see cases.txt).
# Usage: run_pkg.sh BACKSTEP QEMU_ARM SYSROOT CASES NAME
# Compares stdout, stderr and exit status; prints a diff of the first differing
# stream and fails. The emulators' own "uncaught target signal" lines are
# dropped from stderr; SYSROOT is replaced by "SYSROOT" in both outputs.
set -euo pipefail
if [[ $# -ne 5 ]]; then
  echo "usage: $0 BACKSTEP QEMU_ARM SYSROOT CASES NAME" >&2
  exit 2
fi
backstep=$(realpath "$1")
qemu=$(command -v "$2")
root=$3
cases=$4
name=$5
line=$(grep -E "^$name[[:space:]]*\|" "$cases" | head -n 1) || { echo "FAIL: no case '$name' in $cases"; exit 1; }
words=${line#*|}
args=()
while IFS= read -r -d '' w; do args+=("$w"); done < <(printf '%s' "$words" | xargs printf '%s\0')
prog=${args[0]}
args=("${args[@]:1}")
[[ -x $root$prog ]] || { echo "FAIL: $root$prog is not in the sysroot (debian/fetch not run?)"; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/run_pkg.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
clean_env=(env -i PATH=/usr/bin:/bin HOME=/nonexistent LANG=C LC_ALL=C TZ=UTC)
for v in ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS; do
  if [[ -n ${!v:-} ]]; then clean_env+=("$v=${!v}"); fi
done
run_one() { # run_one NAME EMULATOR [EMULATOR OPTIONS...]
  local name=$1
  shift
  mkdir -p "$tmp/$name"
  cp "$cases" "$tmp/$name/input.txt"
  local rc=0
  { (cd "$tmp/$name" && exec "${clean_env[@]}" timeout -k 5 120 "$@" -L "$root" "$root$prog" "${args[@]}" \
      </dev/null >"$tmp/$name.out.raw" 2>"$tmp/$name.err.raw") || rc=$?; } 2>/dev/null
  echo "$rc" >"$tmp/$name.rc"
  sed "s|$root|SYSROOT|g" "$tmp/$name.out.raw" >"$tmp/$name.out"
  grep -Ev '^(qemu|backstep): uncaught target signal' "$tmp/$name.err.raw" | sed "s|$root|SYSROOT|g" >"$tmp/$name.err" || true
}
# $QEMU_CPU: the CPU qemu-arm runs as (the one whose AT_HWCAP backstep advertises).
if [[ -n ${QEMU_CPU:-} ]]; then
  run_one qemu "$qemu" -cpu "$QEMU_CPU"
else
  run_one qemu "$qemu"
fi
run_one backstep "$backstep"
fail=0
for s in out err rc; do
  if ! cmp -s "$tmp/qemu.$s" "$tmp/backstep.$s"; then
    echo "FAIL: $name: $s differs (--- qemu-arm, +++ backstep):"
    diff -u --label qemu-arm --label backstep "$tmp/qemu.$s" "$tmp/backstep.$s" | head -n 40 || true
    fail=1
  fi
done
if [[ $(cat "$tmp/qemu.rc") -ge 124 ]]; then
  echo "FAIL: $name: qemu-arm exited with $(cat "$tmp/qemu.rc") (timeout or signal): the case itself is broken"
  fail=1
fi
[[ $fail -eq 0 ]] && echo "PASS: $name: stdout $(wc -c <"$tmp/qemu.out") bytes, stderr $(wc -c <"$tmp/qemu.err") bytes, exit $(cat "$tmp/qemu.rc")"
exit $fail
