#!/usr/bin/env bash
# How a debugging session ends when gdb goes away or kills the program, with
# gdbserver (--once: one connection, as `backstep -g`) as the reference for
# the exit status: the same gdb commands are run against gdbserver on a host
# build of the program and against backstep on the ARM build. backstep must
# exit with gdbserver's status, print exactly one line saying why it ended
# (backstep: ... killed by gdb / ... remote side has terminated connection),
# and end promptly (the program does not run on).
#   gdb_goes_away.sh BACKSTEP GDB GDBSERVER HOST_CC SOURCE ARM_PROG CASE
# CASE:
#   batch-end      `break main`, `continue`, then the -batch session ends
#   kill           ... then gdb's `kill`: backstep must be gone before gdb ends
#   kill9-stopped  gdb is killed with SIGKILL while the program is stopped
#   kill9-running  ... while the program runs (`continue` in a long loop)
#   kill9-blocked  ... while the program blocks in read() (blocked.c)
#   extended-batch-end  as batch-end under `target extended-remote` (vKill)
# With EXIT_STOP=N (exitstop.c, no gdbserver run): gdb is killed with SIGKILL
# at the exit stop; as `kill` there, the program ends with its own status N.
set -uo pipefail
backstep=$1 gdb=$2 gdbserver=$3 host_cc=$4 source=$5 arm_prog=$6 case=$7
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done; rm -rf "$work"' EXIT

# gdb's commands for CASE; READY is touched when gdb may be killed.
gdb_args() { # TARGET STUB_PID
  local how=remote
  [[ $case == extended-* ]] && how=extended-remote
  args=(-batch -nx -ex "set confirm off" -ex "target $how $1")
  if [[ -n ${EXIT_STOP:-} ]]; then
    args+=(-ex continue -ex "shell touch $work/ready; sleep 60")
    return
  fi
  args+=(-ex "break main" -ex continue)
  case $case in
  batch-end|extended-batch-end) ;;
  kill)
    args+=(-ex kill
           -ex "shell for i in \$(seq 100); do kill -0 $2 2>/dev/null || { echo STUB-GONE; exit; }; sleep 0.1; done; echo STUB-ALIVE") ;;
  kill9-stopped) args+=(-ex "shell touch $work/ready; sleep 60") ;;
  kill9-running|kill9-blocked) args+=(-ex "delete" -ex "shell touch $work/ready" -ex continue) ;;
  *) echo "gdb_goes_away.sh: unknown case $case" >&2; exit 2 ;;
  esac
}

# run_session NAME STUB_CMD... : starts the stub, runs gdb, kills gdb if
# the case says so; sets status (the stub's exit status) and leaves the
# stub's stderr in $work/NAME.err and gdb's output in $work/NAME.gdb.
run_session() {
  local name=$1; shift
  rm -f "$work/ready"
  "$@" > "$work/$name.out" 2> "$work/$name.err" < /dev/null &
  local stub=$!
  pids+=("$stub")
  local target=""
  for _ in $(seq 100); do
    target=$(sed -n -e 's/^backstep: waiting for gdb on //p' -e 's/^Listening on port \([0-9]*\)$/127.0.0.1:\1/p' \
             "$work/$name.err")
    [[ -n $target ]] && break
    sleep 0.05
  done
  [[ -n $target ]] || { echo "FAIL: $name did not listen:"; cat "$work/$name.err"; exit 1; }
  gdb_args "$target" "$stub"
  "$gdb" "${args[@]}" "$prog_for_gdb" > "$work/$name.gdb" 2>&1 &
  local g=$!
  pids+=("$g")
  if [[ $case == kill9-* || -n ${EXIT_STOP:-} ]]; then
    for _ in $(seq 200); do [[ -e $work/ready ]] && break; sleep 0.05; done
    [[ -e $work/ready ]] || { echo "FAIL: gdb did not get ready:"; cat "$work/$name.gdb"; exit 1; }
    [[ $case == kill9-running || $case == kill9-blocked ]] && sleep 1 # let `continue` start
    kill -9 "$g"
  fi
  wait "$g" 2>/dev/null
  ended_in=""
  for i in $(seq 100); do
    kill -0 "$stub" 2>/dev/null || { ended_in=$i; break; }
    sleep 0.1
  done
  if [[ -z $ended_in ]]; then
    echo "FAIL: $name still running 10 s after gdb ended"; cat "$work/$name.gdb"; exit 1
  fi
  wait "$stub"; status=$?
  echo "--- $name: exit status $status; gdb said:"; cat "$work/$name.gdb"
  echo "--- $name stderr:"; cat "$work/$name.err"
}

fail=0
if [[ -z ${EXIT_STOP:-} ]]; then
  "$host_cc" -g -O0 -o "$work/host_prog" "$source" || { echo "FAIL: cannot build $source for the host"; exit 1; }
  prog_for_gdb=$work/host_prog
  # gdbserver notices a lost connection only once the program stops by
  # itself (a running loop runs on, a blocked read blocks on): for those
  # cases its reference is the same loss while the program is stopped.
  bs_case=$case
  [[ $case == kill9-running || $case == kill9-blocked ]] && case=kill9-stopped
  run_session gdbserver "$gdbserver" --once 127.0.0.1:0 "$work/host_prog"
  case=$bs_case
  want=$status
else
  want=$EXIT_STOP
fi
prog_for_gdb=$arm_prog
run_session backstep "$backstep" -g 127.0.0.1:0 "$arm_prog"
bs_status=$status
[[ $bs_status -eq $want ]] || { echo "FAIL: backstep exited with $bs_status, want $want"; fail=1; }
# Its own lines: everything after "waiting for gdb" (the program prints to stdout).
sed '/^backstep: waiting for gdb on /d' "$work/backstep.err" > "$work/why"
[[ $(wc -l < "$work/why") -eq 1 ]] || { echo "FAIL: want exactly one line saying why it ended"; fail=1; }
case $case in
kill|batch-end|extended-batch-end) want_why='killed by gdb' ;;
*) want_why='remote side has terminated connection' ;;
esac
grep -q "^backstep: .*$want_why" "$work/why" || { echo "FAIL: the line does not say '$want_why'"; fail=1; }
if [[ $case == kill ]] && ! grep -q STUB-GONE "$work/backstep.gdb"; then
  echo "FAIL: backstep was still running after gdb's kill"; fail=1
fi
[[ $fail -eq 0 ]] && echo "ok: status $bs_status (gdbserver/program: $want): $(cat "$work/why")"
exit $fail
