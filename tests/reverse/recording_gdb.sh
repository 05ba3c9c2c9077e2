#!/usr/bin/env bash
# Saved recordings under gdb (gdb_recording.py): a live session saves its
# history with `monitor save`, then a fresh `backstep -replay DIR -g` serves
# it and must show the same states.
#   recording_gdb.sh RUN_GDB BACKSTEP GDB PROG [ARGS...]
# $SAVE_AT (optional): the index of the count the save is made at.
set -uo pipefail
run_gdb=$1 backstep=$2 gdb=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export RECORDING_DIR=$work/rec
RECORDING_PHASE=save BS_GUEST_OUT=$work/live.out "$run_gdb" "$backstep" "$gdb" "$here/gdb_recording.py" "$@" || exit 1
[[ -f $work/rec/meta ]] || { echo "FAIL: no recording in $work/rec"; exit 1; }
RECORDING_PHASE=replay BS_REPLAY_DIR=$work/rec BS_GUEST_OUT=$work/replay.out \
  "$run_gdb" "$backstep" "$gdb" "$here/gdb_recording.py" "$1" || exit 1
echo "ok: saved under gdb and replayed in a fresh process"
