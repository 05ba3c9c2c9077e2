#!/usr/bin/env bash
# The round-trip property on a random A32 instruction program (tests/random's
# generator: every instruction class, flag-setting and not, loads/stores,
# multiplies, media; with branches if RT_BRANCHES=1): every step back must
# restore exactly what the instructions changed.
#   roundtrip_random.sh BACKSTEP GDB SEED
set -u
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
extra=()
[[ ${RT_BRANCHES:-0} == 1 ]] && extra=(--branches)
python3 "$here/../random/random_diff.py" --seed "$3" --cases 300 --per-binary 300 "${extra[@]}" \
  --backstep "$1" --workdir "$work" > "$work/gen.log" 2>&1 || { cat "$work/gen.log"; exit 1; }
prog=$(ls "$work"/seed*_0 | head -1)
[[ -x $prog ]] || { echo "no random program built"; cat "$work/gen.log"; exit 1; }
"$here/run_gdb.sh" "$1" "$2" "$here/roundtrip.py" "$prog"
