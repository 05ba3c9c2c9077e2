#!/usr/bin/env bash
# run_bb.sh — differential test of one busybox case: qemu-arm vs backstep.
#
# Usage: run_bb.sh BACKSTEP QEMU_ARM CASES_FILE NAME [FETCH_SCRIPT [ARCH]]
#
# Looks NAME up in CASES_FILE (format described there), fetches Debian's
# busybox-static (FETCH_SCRIPT, cached after the first time), then runs
# `busybox ARGS...` under qemu-arm and under backstep, each in a freshly
# prepared work directory at the same path (same files, fixed mtimes and
# modes), with the same stdin and a clean environment (env -i + a fixed set; PATH
# holds only busybox applets, see below),
# and compares stdout, stderr and exit status. Prints a unified diff on mismatch.
# The "qemu: uncaught target signal" note of the emulators is dropped from stderr.
#
# Exit status: 0 = identical, 1 = mismatch or failure, 77 = skipped (no qemu-arm).
set -euo pipefail

if [[ $# -lt 4 ]]; then
  echo "usage: $0 BACKSTEP QEMU_ARM CASES_FILE NAME [FETCH_SCRIPT [ARCH]]" >&2
  exit 2
fi
BACKSTEP=$1
QEMU=$2
CASES=$3
NAME=$4
here=$(cd "$(dirname "$0")" && pwd)
FETCH=${5:-$here/../../scripts/fetch-busybox.sh}
ARCH=${6:-armel}
TIMEOUT=${RUN_BB_TIMEOUT:-120}

command -v "$QEMU" >/dev/null 2>&1 || { echo "SKIP: qemu-arm not found" >&2; exit 77; }
[[ -x $BACKSTEP ]] || { echo "FAIL: backstep binary '$BACKSTEP' not found or not executable" >&2; exit 1; }

line=$(grep -E "^$NAME[[:space:]]*\|" "$CASES" | head -n 1 || true)
[[ -n $line ]] || { echo "FAIL: no case named '$NAME' in $CASES" >&2; exit 1; }
IFS='|' read -r _ stdin_spec expect_exit args_str <<<"$line"
stdin_spec=$(echo "$stdin_spec" | tr -d '[:space:]')
expect_exit=$(echo "$expect_exit" | tr -d '[:space:]')
# The ARGS field may itself contain '|' (shell pipelines): take everything after the third '|'.
args_str=$(printf '%s\n' "$line" | cut -d'|' -f4-)
eval "args=($args_str)"

if ! busybox=$("$FETCH" "$ARCH"); then
  echo "FAIL: could not fetch busybox-static:$ARCH with $FETCH" >&2
  exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/run_bb.XXXXXX")
if [[ -z ${RUN_BB_KEEP:-} ]]; then # RUN_BB_KEEP=1 keeps the temp dir for debugging
  trap 'chmod -R u+rwx "$tmp" 2>/dev/null || true; rm -rf "$tmp"' EXIT
else
  echo "keeping $tmp" >&2
fi
work=$tmp/work

template=$tmp/template
make_template() { # the work directory's contents, fixed modes and times
  mkdir -p "$template/tree/sub"
  (
    cd "$template"
    for i in $(seq 1 100); do
      printf 'line %d: the quick brown fox %d jumps over %d lazy dogs\n' "$i" $((i * 7 % 13)) $((i * i % 97))
    done >data.txt
    printf '%s\n' pear Apple banana apple fig kiwi Banana cherry pear date grape lemon lime mango \
      apple orange peach plum quince raspberry strawberry tangerine ugli vanilla watermelon >words.txt
    printf '%s\n' aa aa aa bb cc cc dd aa aa ee ee ee ee ff >dups.txt
    printf '%s\n' 10 -3 250 7 7 1000 42 0 -17 99 3.5 12 >numbers.txt
    printf '%s\n' 'alpha,10,x' 'beta,25,y' 'gamma,7,x' 'delta,300,z' 'epsilon,42,y' 'zeta,1,x' >table.csv
    printf 'first file\n' >tree/a.txt
    printf 'second file, a bit longer\n' >tree/b.txt
    printf 'nested\n' >tree/sub/c.txt
    printf '\000\001\002\003binary\377' >tree/sub/d.bin
    find . -type f -exec chmod 644 {} +
    find . -type d -exec chmod 755 {} +
    find . -exec touch -h -d '2021-03-04 05:06:07 UTC' {} +
  )
}
make_template

# Commands that the guest shell (or xargs, ...) runs by name must be ARM busybox
# applets, not the host's tools: the guest's PATH is a single directory, $tmp/bin,
# holding one entry per applet. For the backstep run $tmp/bin leads to symlinks to the
# ARM busybox (backstep runs ARM programs that the guest execs). qemu-arm cannot exec
# an ARM binary without binfmt_misc, so for the qemu-arm run it leads to symlinks to a
# host script that runs `qemu-arm busybox APPLET ARGS`. Both directories are made once
# and kept next to the cached busybox.
qemu_abs=$(command -v "$QEMU")
bbroot=$(dirname "$(dirname "$busybox")")
qemu_tag=$(printf '%s' "$qemu_abs" | cksum | cut -d' ' -f1)
direct_dir=$bbroot/applets-direct
qemu_dir=$bbroot/applets-qemu-$qemu_tag
if [[ ! -d $direct_dir || ! -d $qemu_dir ]]; then
  exec 8>"$bbroot/.applets.lock"
  flock 8
  if [[ ! -d $direct_dir || ! -d $qemu_dir ]]; then
    applets=$("$qemu_abs" "$busybox" --list) || { echo "FAIL: busybox --list failed under qemu-arm" >&2; exit 1; }
    mk=$(mktemp -d "$bbroot/.applets.XXXXXX")
    mkdir "$mk/direct" "$mk/qemu"
    printf '#!/bin/sh\nexec %q %q "${0##*/}" "$@"\n' "$qemu_abs" "$busybox" >"$mk/qemu/.qemu-applet"
    chmod 755 "$mk/qemu/.qemu-applet" "$mk/direct" "$mk/qemu"
    for a in $applets; do
      ln -s ../bin/busybox "$mk/direct/$a"
      ln -s .qemu-applet "$mk/qemu/$a"
    done
    rm -rf "$direct_dir" "$qemu_dir"
    mv "$mk/direct" "$direct_dir"
    mv "$mk/qemu" "$qemu_dir"
    rmdir "$mk"
  fi
  exec 8>&-
fi
declare -A applet_dir=([qemu]=$qemu_dir [backstep]=$direct_dir)

prepare() { # prepare ENGINE: a fresh copy of the template and the applet dir, same paths each run
  rm -rf "$work" "$tmp/bin"
  cp -a "$template" "$work"
  ln -s "${applet_dir[$1]}" "$tmp/bin"
}
case $stdin_spec in
  -|"") stdin_file=/dev/null ;;
  *) stdin_file=$work/$stdin_spec ;;
esac

clean_env=(env -i PATH="$tmp/bin" HOME=/nonexistent LANG=C LC_ALL=C TZ=UTC USER=tester TERM=dumb)
# Sanitizer settings of the caller (an ASan build of backstep) reach both runs alike.
for v in ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS; do
  if [[ -n ${!v:-} ]]; then clean_env+=("$v=${!v}"); fi
done

run_one() { # run_one NAME EMULATOR [EMULATOR OPTIONS...]
  local name=$1 rc=0
  shift
  local emu=("$@")
  prepare "$name"
  # (the outer 2>/dev/null only silences bash's own "Killed"/"Aborted" job notices)
  { (
    cd "$work"
    ulimit -c 0
    exec "${clean_env[@]}" "$timeout_abs" -k 5 "$TIMEOUT" "${emu[@]}" "$busybox" "${args[@]}" \
      <"$stdin_file" >"$tmp/$name.out" 2>"$tmp/$name.err.raw"
  ) || rc=$?; } 2>/dev/null
  echo "$rc" >"$tmp/$name.rc"
  grep -Ev '^(qemu|backstep): uncaught target signal' "$tmp/$name.err.raw" >"$tmp/$name.err" || true
}

# Absolute paths: env -i looks commands up in the guest's PATH.
timeout_abs=$(command -v timeout)
backstep_abs=$(cd "$(dirname "$BACKSTEP")" && pwd)/$(basename "$BACKSTEP")
# $QEMU_CPU: the CPU qemu-arm runs as (the one whose AT_HWCAP backstep advertises).
if [[ -n ${QEMU_CPU:-} ]]; then
  run_one qemu "$qemu_abs" -cpu "$QEMU_CPU"
else
  run_one qemu "$qemu_abs"
fi
run_one backstep "$backstep_abs"
qrc=$(cat "$tmp/qemu.rc")
brc=$(cat "$tmp/backstep.rc")

if [[ $qrc != "$expect_exit" ]]; then
  echo "FAIL: busybox $NAME under qemu-arm exited with $qrc, expected $expect_exit — the case itself is wrong" >&2
  head -c 2000 "$tmp/qemu.err" >&2
  exit 1
fi
fail=0
for stream in out err; do
  if ! cmp -s "$tmp/qemu.$stream" "$tmp/backstep.$stream"; then
    echo "FAIL: busybox $NAME: std$stream differs (--- qemu-arm, +++ backstep):"
    diff -u --label "qemu-arm.std$stream" --label "backstep.std$stream" "$tmp/qemu.$stream" "$tmp/backstep.$stream" | head -n 60 || true
    fail=1
  fi
done
if [[ $qrc != "$brc" ]]; then
  describe() {
    if [[ $1 == 124 || $1 == 137 ]]; then echo "$1 (timeout after ${TIMEOUT}s?)"
    elif (( $1 > 128 )); then echo "$1 (killed by signal $(( $1 - 128 )))"
    else echo "$1"; fi
  }
  echo "FAIL: busybox $NAME: exit status differs: qemu-arm $(describe "$qrc"), backstep $(describe "$brc")"
  fail=1
fi
[[ $fail -eq 0 ]] || exit 1
echo "PASS: busybox $NAME: stdout $(wc -c <"$tmp/qemu.out") bytes, stderr $(wc -c <"$tmp/qemu.err") bytes, exit $qrc"
