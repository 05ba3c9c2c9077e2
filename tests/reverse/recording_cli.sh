#!/usr/bin/env bash
# Saved recordings without gdb (issue 14):
#   recording_cli.sh BACKSTEP PROG [ARGS...]
# records PROG with -record-to (its stdin from $STDIN_FILE, default
# /dev/null), checks that the recorded run printed and ended as a plain run
# does, then replays the recording in a fresh process (`-replay DIR`, stdin
# closed off: input is never read again) which must reach the recorded end
# with the recorded state hash and print nothing. $OPTS adds options to both
# runs (e.g. -L SYSROOT). With REFUSALS=1 it also damages copies of the
# recording (a flipped byte in the log and in the meta file, a truncated
# log, another format version, a changed executable, a missing directory):
# each must be refused with exit status 1 and one line on stderr.
set -uo pipefail
backstep=$1
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
stdin=${STDIN_FILE:-/dev/null}
fail() { echo "FAIL: $*"; exit 1; }

"$backstep" -seed 1 ${OPTS:-} "$@" <"$stdin" >"$work/plain.out" 2>"$work/plain.err"
plain_rc=$?
"$backstep" -seed 1 ${OPTS:-} -record-to "$work/rec" "$@" <"$stdin" >"$work/rec.out" 2>"$work/rec.err"
rec_rc=$?
[[ $rec_rc -eq $plain_rc ]] || fail "recorded run exited $rec_rc, a plain run $plain_rc"
cmp -s "$work/plain.out" "$work/rec.out" || fail "recorded run printed other output than a plain run"
[[ -f $work/rec/meta && -f $work/rec/log && -f $work/rec/exe ]] || fail "no recording written: $(cat "$work/rec.err")"
echo "ok: recorded (exit $rec_rc, $(stat -c %s "$work/rec/log") log bytes)"

"$backstep" -replay "$work/rec" </dev/null >"$work/replay.out" 2>"$work/replay.err"
rc=$?
cat "$work/replay.err"
[[ $rc -eq 0 ]] || fail "replay exited $rc"
grep -q ", as recorded$" "$work/replay.err" || fail "replay did not compare the final state"
[[ ! -s $work/replay.out ]] || fail "the replay printed: $(head -c 200 "$work/replay.out")"
echo "ok: replayed to the recorded end and state, nothing printed again"

[[ ${REFUSALS:-} == 1 ]] || exit 0
refused() { # NAME DIR WHAT: -replay DIR must fail with one line matching WHAT
  "$backstep" -replay "$2" </dev/null >"$work/r.out" 2>"$work/r.err"
  local rc=$?
  [[ $rc -eq 1 ]] || fail "$1: exit status $rc, expected 1 ($(cat "$work/r.err"))"
  [[ $(wc -l <"$work/r.err") -eq 1 ]] || fail "$1: not one line: $(cat "$work/r.err")"
  grep -q -- "$3" "$work/r.err" || fail "$1: '$(cat "$work/r.err")' does not say '$3'"
  [[ ! -s $work/r.out ]] || fail "$1: something ran"
  echo "ok: $1 refused: $(cat "$work/r.err")"
}
damaged() { rm -rf "$work/bad"; cp -r "$work/rec" "$work/bad"; }
flip() { # FILE OFFSET: inverts one byte
  local b
  b=$(od -An -tu1 -j "$2" -N1 "$1" | tr -d ' ')
  printf "$(printf '\\%03o' $((255 - b)))" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}
damaged; flip "$work/bad/log" $(($(stat -c %s "$work/bad/log") - 3)); refused "a flipped log byte" "$work/bad" "log is corrupted"
damaged; flip "$work/bad/log" 100; refused "a flipped log header byte" "$work/bad" "log is corrupted"
damaged; truncate -s -8 "$work/bad/log"; refused "a truncated log" "$work/bad" "log is truncated"
damaged; sed -i 's/^arg \(.\)/arg X/' "$work/bad/meta"; refused "a changed meta line" "$work/bad" "meta is corrupted"
damaged; sed -i '1s/.*/backstep-recording 999/' "$work/bad/meta"; refused "another format version" "$work/bad" "format version 999"
damaged; printf 'x' >>"$work/bad/exe"; refused "a changed executable" "$work/bad" "exe no longer matches"
damaged; rm "$work/bad/meta"; refused "an unfinished save (no meta)" "$work/bad" "meta: no such file"
refused "a missing directory" "$work/nothing-here" "no recording there"
