#!/usr/bin/env bash
# Runs one scripted gdb-multiarch session against backstep -g.
#   run_gdb.sh BACKSTEP GDB SCRIPT PROG [ARGS...]
# Starts `BACKSTEP -g 127.0.0.1:0 -seed 1 PROG ARGS` (the kernel picks a free
# port; backstep names it on stderr), runs `GDB -batch -nx -x SCRIPT PROG`
# with BS_TARGET=host:port in the environment (scripts connect with
# `target remote $BS_TARGET` through gdb's python, or use the ready-made
# connect.gdb), and fails if gdb fails, prints a python error, or if backstep
# does not end within 30 s after gdb.
# $BS_OPTS (optional) adds backstep options (e.g. a small -undo-limit).
# The guest's stdout goes to $BS_GUEST_OUT (default: a temp file printed at
# the end), so scripts can check it after the session.
# BS_STDIN_FIFO=1 gives the guest a FIFO as stdin, opened read-write so that
# its reads block until the script writes to the path in $BS_GUEST_FIFO
# (default stdin: /dev/null).
# BS_FRESH_CWD=1 runs backstep in an empty directory of its own (removed at
# the end) instead of the working directory, for programs that create files.
# Optional checks after the session: BS_EXPECT_STATUS (backstep's exit
# status, e.g. the program's after `detach`) and BS_EXPECT_STDOUT (a file the
# guest's stdout must equal byte for byte).
set -uo pipefail
backstep=$1 gdb=$2 script=$3
shift 3
work=$(mktemp -d)
trap 'rm -rf "$work"; [[ -n "${bs_pid:-}" ]] && kill -9 "$bs_pid" 2>/dev/null' EXIT
out=${BS_GUEST_OUT:-$work/guest.out}
cwd=.
if [[ -n ${BS_FRESH_CWD:-} ]]; then
  cwd=$work/cwd
  mkdir "$cwd"
fi
fifo=""
# BS_REPLAY_DIR=DIR serves the recording saved there instead
# (`backstep -replay DIR -g ...`; PROG is still gdb's file for symbols).
if [[ -n ${BS_REPLAY_DIR:-} ]]; then
  (cd "$cwd" && exec "$backstep" ${BS_OPTS:-} -replay "$BS_REPLAY_DIR" -g 127.0.0.1:0) >"$out" 2>"$work/backstep.err" </dev/null &
elif [[ -n ${BS_STDIN_FIFO:-} ]]; then
  fifo=$work/stdin
  mkfifo "$fifo"
  (cd "$cwd" && exec "$backstep" ${BS_OPTS:-} -g 127.0.0.1:0 -seed 1 "$@") >"$out" 2>"$work/backstep.err" <>"$fifo" &
else
  (cd "$cwd" && exec "$backstep" ${BS_OPTS:-} -g 127.0.0.1:0 -seed 1 "$@") >"$out" 2>"$work/backstep.err" </dev/null &
fi
bs_pid=$!
target=""
for _ in $(seq 100); do
  target=$(sed -n 's/^backstep: waiting for gdb on //p' "$work/backstep.err")
  [[ -n $target ]] && break
  sleep 0.05
done
if [[ -z $target ]]; then
  echo "backstep did not start listening:"; cat "$work/backstep.err"; exit 1
fi
BS_TARGET=$target BS_GUEST_FIFO=$fifo timeout 600 "$gdb" -batch -nx -x "$script" "$1" >"$work/gdb.out" 2>&1
gdb_rc=$?
cat "$work/gdb.out"
for _ in $(seq 300); do
  kill -0 "$bs_pid" 2>/dev/null || break
  sleep 0.1
done
if kill -0 "$bs_pid" 2>/dev/null; then
  echo "FAIL: backstep still running 30 s after gdb ended"; exit 1
fi
wait "$bs_pid"; bs_rc=$?
bs_pid=""
echo "--- backstep exit status $bs_rc; stderr:"; cat "$work/backstep.err"
echo "--- guest stdout:"; cat "$out"
if [[ $gdb_rc -ne 0 ]]; then echo "FAIL: gdb exited with $gdb_rc"; exit 1; fi
if grep -q "^Traceback\|^Python Exception\|^Error occurred in Python" "$work/gdb.out"; then
  echo "FAIL: python error in the gdb script"; exit 1
fi
if [[ -n ${BS_EXPECT_STATUS:-} && $bs_rc -ne $BS_EXPECT_STATUS ]]; then
  echo "FAIL: backstep exited with $bs_rc, expected $BS_EXPECT_STATUS"; exit 1
fi
if [[ -n ${BS_EXPECT_STDOUT:-} ]] && ! cmp -s "$BS_EXPECT_STDOUT" "$out"; then
  echo "FAIL: guest stdout differs from $BS_EXPECT_STDOUT:"; diff "$BS_EXPECT_STDOUT" "$out"; exit 1
fi
exit 0
