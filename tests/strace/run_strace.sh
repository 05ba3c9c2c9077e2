#!/usr/bin/env bash
# run_strace.sh — compares backstep's -strace trace of one program with
# qemu-arm 7.2's, line by line. The expected trace is qemu-arm's, produced at
# test time; nothing here is derived from backstep.
#
# Usage: run_strace.sh BACKSTEP QEMU_ARM CC CASE
#   CASE (see the case statement below):
#     probe            tests/strace/probe.c (static): ~250 syscalls, good and bad arguments
#     probe-thumb      the same built as Thumb code
#     prog:NAME        tests/programs/NAME.c, static, -O2
#     bb:NAME          Debian's busybox-static applet command NAME (table below)
#     dyn-libpath      a dynamically linked hello world, -L /usr/arm-linux-gnueabi
#                      plus LD_LIBRARY_PATH so ld.so finds libc by a host path
#     dyn              the same with -L only, as a user runs it
#     logfile          probe with -D LOGFILE: the trace goes to the file
#     d-strace         probe, backstep given -d strace instead of -strace
#     blocking         busybox cat reading a pipe whose writer waits 3 s: while
#                      the read blocks, the trace must already show "read(0,...)"
#                      without its result, as qemu's does
#
# Both engines run in a fresh empty directory at the same path, with the same
# clean environment, so the guest stack, brk and mmap addresses agree and are
# compared as they are. The trace is the program's stderr (or the -D file):
# the guest's own stderr writes are interleaved with it, so the comparison
# also checks that the call is printed before it runs and the result after.
#
# Normalisations, each for a stated reason, applied to both traces alike:
#   1. The pid (every line's first field, and the pid where it appears as a
#      whole number: getpid/gettid/set_tid_address results, kill arguments)
#      becomes PID, and the parent's pid (getppid's result, which is also the
#      process group: timeout(1) leads one) becomes PPID: the two runs are
#      different processes.
#   2. Timestamps in clock_gettime/clock_gettime64/gettimeofday results become
#      T: the clock moves between the runs.
#   3. The result of set_robust_list becomes <robust_list>: qemu-arm 7.2 does
#      not implement it (ENOSYS, and glibc copes); backstep implements it as
#      the kernel does. A difference of emulation, not of the trace format.
#   4. The result of an ioctl whose request qemu's table does not know (printed
#      as ioctl(FD,0xCMD,0xARG)) becomes <unknown_ioctl>: qemu-arm returns
#      ENOSYS for every such request, backstep passes it to the kernel (ENOTTY).
#   5. The emulator's own note when the guest dies of a signal ("qemu: uncaught
#      target signal ..." / "backstep: ...") is dropped, as run_diff.sh does:
#      it is not part of the trace (qemu prints it only for some signals).
# For the dynamic cases qemu-arm runs with -cpu cortex-a15,neon=off: its
# default CPU reports AT_PLATFORM v8l and NEON in AT_HWCAP, backstep reports
# v7l without NEON, and ld.so's library search (tls/v8l/neon/vfp/...) and its
# TLS layout follow those values. With that CPU both report the same.
#
# Exit status: 0 = traces equal, 1 = difference or failure, 77 = skipped.
set -euo pipefail

if [[ $# -ne 4 ]]; then
  echo "usage: $0 BACKSTEP QEMU_ARM CC CASE" >&2
  exit 2
fi
BACKSTEP=$1
QEMU=$2
CC=$3
CASE=$4
here=$(cd "$(dirname "$0")" && pwd)
src_root=$(cd "$here/../.." && pwd)
TIMEOUT=${RUN_STRACE_TIMEOUT:-120}

for tool in "$QEMU" "$CC"; do
  command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: $tool not found" >&2; exit 77; }
done
[[ -x $BACKSTEP ]] || { echo "FAIL: backstep binary '$BACKSTEP' not found" >&2; exit 1; }
BACKSTEP=$(cd "$(dirname "$BACKSTEP")" && pwd)/$(basename "$BACKSTEP")
QEMU=$(command -v "$QEMU")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/run_strace.XXXXXX")
trap 'chmod -R u+rwx "$tmp" 2>/dev/null || true; rm -rf "$tmp"' EXIT

compile() { # compile SRC OUT [extra flags...]
  local src=$1 out=$2; shift 2
  if ! "$CC" "$@" -o "$out" "$src" -lm 2>"$tmp/cc.err"; then
    echo "FAIL: compiling $src with $CC $*" >&2
    cat "$tmp/cc.err" >&2
    exit 1
  fi
}

busybox() {
  local bb
  if ! bb=$("$src_root/scripts/fetch-busybox.sh" armel); then
    echo "FAIL: could not fetch busybox-static:armel" >&2
    exit 1
  fi
  printf '%s' "$bb"
}

# Per case: the guest command (prog), options for both engines (opts), extra
# options for qemu-arm only (qopts), how backstep is told to trace (btrace),
# and where the trace goes (logfile: empty = stderr).
prog=()
opts=()
qopts=()
btrace=(-strace)
logfile=
stdin_cmd=()
case $CASE in
  probe | probe-thumb | logfile | d-strace)
    thumb=()
    [[ $CASE == probe-thumb ]] && thumb=(-mthumb)
    compile "$here/probe.c" "$tmp/probe" -static -O2 "${thumb[@]}"
    prog=("$tmp/probe")
    [[ $CASE == logfile ]] && logfile=trace.log
    [[ $CASE == d-strace ]] && btrace=(-d strace)
    ;;
  prog:*)
    name=${CASE#prog:}
    compile "$src_root/tests/programs/$name.c" "$tmp/prog" -static -O2
    prog=("$tmp/prog")
    ;;
  bb:*)
    bb=$(busybox)
    case ${CASE#bb:} in
      echo) prog=("$bb" echo hello world) ;;
      cat-enoent) prog=("$bb" cat /nonexistent/file) ;;
      ls) prog=("$bb" ls -la "$(dirname "$bb")") ;;
      wc) prog=("$bb" wc -l /etc/passwd) ;;
      sort) prog=("$bb" sort -r /etc/passwd) ;;
      stat) prog=("$bb" stat -c '%n %s %F' / /etc/passwd /nonexistent) ;;
      find) prog=("$bb" find /etc -maxdepth 1 -name 'pass*') ;;
      *) echo "FAIL: unknown busybox case '${CASE#bb:}'" >&2; exit 1 ;;
    esac
    ;;
  dyn-libpath | dyn)
    [[ -d /usr/arm-linux-gnueabi/lib ]] || { echo "SKIP: no /usr/arm-linux-gnueabi" >&2; exit 77; }
    printf '#include <stdio.h>\nint main(void) { puts("hello, dynamic world"); return 0; }\n' >"$tmp/hello.c"
    compile "$tmp/hello.c" "$tmp/hello" -O2
    prog=("$tmp/hello")
    opts=(-L /usr/arm-linux-gnueabi)
    [[ $CASE == dyn-libpath ]] && opts+=(-E LD_LIBRARY_PATH=/usr/arm-linux-gnueabi/lib)
    qopts=(-cpu cortex-a15,neon=off)
    ;;
  blocking)
    bb=$(busybox)
    prog=("$bb" cat)
    stdin_cmd=(sh -c 'sleep 3; echo late line')
    ;;
  *)
    echo "FAIL: unknown case '$CASE'" >&2
    exit 1
    ;;
esac

clean_env=(env -i PATH=/usr/bin:/bin HOME=/nonexistent LANG=C LC_ALL=C TZ=UTC)
for v in ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS; do
  if [[ -n ${!v:-} ]]; then clean_env+=("$v=${!v}"); fi
done

run_one() { # run_one NAME EMULATOR [emulator options...]; results in $tmp/NAME.{out,trace,rc}
  local name=$1; shift
  local work=$tmp/work
  rm -rf "$work"
  mkdir -p "$work"
  local log=()
  [[ -n $logfile ]] && log=(-D "$work/$logfile")
  local rc=0
  if [[ ${#stdin_cmd[@]} -gt 0 ]]; then
    # The writer sleeps 3 s before writing; 1.5 s into the run the reader
    # (started in well under a second, even under ASan) blocks in read(0, ...).
    { (
      cd "$work"
      "${stdin_cmd[@]}" | "${clean_env[@]}" timeout -k 5 "$TIMEOUT" "$@" "${log[@]}" "${opts[@]}" "${prog[@]}" \
        >"$tmp/$name.out" 2>"$tmp/$name.trace"
    ) & } 2>/dev/null
    local pid=$!
    sleep 1.5
    cp "$tmp/$name.trace" "$tmp/$name.partial"
    wait "$pid" || rc=$?
  else
    { (
      cd "$work"
      exec "${clean_env[@]}" timeout -k 5 "$TIMEOUT" "$@" "${log[@]}" "${opts[@]}" "${prog[@]}" \
        </dev/null >"$tmp/$name.out" 2>"$tmp/$name.stderr"
    ) || rc=$?; } 2>/dev/null
    if [[ -n $logfile ]]; then
      cp "$work/$logfile" "$tmp/$name.trace" 2>/dev/null || : >"$tmp/$name.trace"
    else
      cp "$tmp/$name.stderr" "$tmp/$name.trace"
    fi
  fi
  echo "$rc" >"$tmp/$name.rc"
}

# normalise TRACE: the normalisations described at the top.
normalise() {
  local pid ppid
  pid=$(sed -n '1s/^\([0-9][0-9]*\) .*/\1/p' "$1")
  ppid=$(sed -n 's/^[0-9]* getppid() = \([0-9][0-9]*\)$/\1/p' "$1" | head -n 1)
  sed -E \
    -e "s/^[0-9]+ /PID /" \
    -e "s/(^|[^0-9])${pid:-NOPID}([^0-9]|$)/\1PID\2/g" \
    -e "s/(^|[^0-9])${pid:-NOPID}([^0-9]|$)/\1PID\2/g" \
    -e "s/(^|[^0-9])${ppid:-NOPPID}([^0-9]|$)/\1PPID\2/g" \
    -e '/(clock_gettime|clock_gettime64|clock_getres|gettimeofday)\(/s/tv_(sec|nsec|usec) = -?[0-9]+/tv_\1 = T/g' \
    -e 's/^(PID set_robust_list\(.*\)) = .*$/\1 = <robust_list>/' \
    -e 's/^(PID ioctl\(-?[0-9]+,0x[0-9a-f]+,0x[0-9a-f]+\)) = .*$/\1 = <unknown_ioctl>/' \
    -e '/^(qemu|backstep): uncaught target signal /d' \
    "$1"
}

run_one qemu "$QEMU" "${qopts[@]}" -strace
run_one backstep "$BACKSTEP" "${btrace[@]}"

fail=0
for e in qemu backstep; do
  if [[ ! -s $tmp/$e.trace ]]; then
    echo "FAIL: $CASE: $e wrote no trace"
    fail=1
  fi
done
qrc=$(cat "$tmp/qemu.rc")
brc=$(cat "$tmp/backstep.rc")
if [[ $qrc != "$brc" ]]; then
  echo "FAIL: $CASE: exit status differs: qemu-arm $qrc, backstep $brc"
  fail=1
fi
if ! cmp -s "$tmp/qemu.out" "$tmp/backstep.out"; then
  echo "FAIL: $CASE: stdout differs (--- qemu-arm, +++ backstep):"
  diff -u --label qemu-arm --label backstep "$tmp/qemu.out" "$tmp/backstep.out" | head -n 40 || true
  fail=1
fi
normalise "$tmp/qemu.trace" >"$tmp/qemu.norm"
normalise "$tmp/backstep.trace" >"$tmp/backstep.norm"
if ! cmp -s "$tmp/qemu.norm" "$tmp/backstep.norm"; then
  echo "FAIL: $CASE: -strace traces differ after normalisation (--- qemu-arm, +++ backstep):"
  diff -u --label qemu-arm --label backstep "$tmp/qemu.norm" "$tmp/backstep.norm" | head -n 80 || true
  fail=1
fi
if [[ $CASE == blocking ]]; then
  # 1.5 s in, the last line of each trace must be the unfinished read of stdin.
  for e in qemu backstep; do
    last=$(tail -c 200 "$tmp/$e.partial" | tail -n 1)
    if [[ ! $last =~ ^[0-9]+\ read\(0,0x[0-9a-f]+,[0-9]+\)$ ]]; then
      echo "FAIL: blocking: while read(0) blocks, $e's trace ends with '$last', not an unfinished read(0,...)"
      fail=1
    fi
  done
  normalise "$tmp/qemu.partial" >"$tmp/qemu.pnorm"
  normalise "$tmp/backstep.partial" >"$tmp/backstep.pnorm"
  if ! cmp -s "$tmp/qemu.pnorm" "$tmp/backstep.pnorm"; then
    echo "FAIL: blocking: the traces written while read(0) blocks differ:"
    diff -u --label qemu-arm --label backstep "$tmp/qemu.pnorm" "$tmp/backstep.pnorm" | head -n 40 || true
    fail=1
  fi
fi
[[ $fail -eq 0 ]] || exit 1
echo "PASS: $CASE: $(wc -l <"$tmp/qemu.norm") trace lines equal, exit $qrc"
