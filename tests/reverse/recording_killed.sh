#!/usr/bin/env bash
# A recording whose program is killed from outside (CI's timeout, a user's
# kill): recording_killed.sh BACKSTEP PROG SIGNAL. PROG (one that never
# ends by itself) is run with -record-to and sent SIGNAL after a second;
# backstep must die of that signal as the program would (exit status
# 128+SIGNAL, and, as qemu-arm, no "uncaught target signal" line for a
# signal that dumps no core), and the recording must hold the run up to the
# signal: -replay reaches its end, the signal, with the recorded state hash.
set -uo pipefail
backstep=$1 prog=$2 sig=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
num=$(kill -l "$sig")

# A background job of a script starts with SIGINT and SIGQUIT ignored: back
# to the default, as from a terminal.
env --default-signal=INT,QUIT "$backstep" -record-to "$work/rec" "$prog" </dev/null >"$work/out" 2>"$work/err" &
pid=$!
trap 'kill -9 $pid 2>/dev/null; rm -rf "$work"' EXIT
sleep 1
kill -s "$sig" "$pid"
wait "$pid"
rc=$?
[[ $rc -eq $((128 + num)) ]] || fail "backstep exited $rc after SIG$sig, not $((128 + num)): $(cat "$work/err")"
if [[ $sig != QUIT ]] && grep -q "uncaught target signal" "$work/err"; then
  fail "a line qemu-arm does not print for SIG$sig: $(cat "$work/err")"
fi
echo "ok: died of SIG$sig (exit $rc)"
[[ -f $work/rec/meta && -f $work/rec/log ]] || fail "no recording written: $(cat "$work/err")"

"$backstep" -replay "$work/rec" </dev/null >"$work/replay.out" 2>"$work/replay.err"
rc=$?
cat "$work/replay.err"
[[ $rc -eq 0 ]] || fail "replay exited $rc"
grep -q "(signalled $num): state hash [0-9a-f]*, as recorded$" "$work/replay.err" ||
  fail "the replay did not end with the signal in the recorded state"
echo "ok: the recording ends with SIG$sig, replayed to the recorded state"
