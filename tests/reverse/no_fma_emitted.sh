#!/bin/sh
# Usage: no_fma_emitted.sh BACKSTEP PROG
# PROG has VFP fused multiply-adds. With BACKSTEP_NO_FMA=1 the translated
# code (-d out_asm) must hold no FMA3 instruction and PROG must still exit 0;
# without it, on a host with FMA3, the fast path must use vfmadd (so this
# check can see the instruction when it is there).
set -u
bs=$1 prog=$2 log=$(mktemp) || exit 1
trap 'rm -f "$log"' EXIT
BACKSTEP_NO_FMA=1 "$bs" -d out_asm -D "$log" "$prog" >/dev/null || { echo "FAIL: $prog exits $? under BACKSTEP_NO_FMA=1"; exit 1; }
if grep -qi 'vfmadd\|vfmsub\|vfnmadd\|vfnmsub' "$log"; then
    echo "FAIL: FMA3 instruction emitted under BACKSTEP_NO_FMA=1:"; grep -i -m3 'vfm\|vfnm' "$log"; exit 1
fi
if grep -q '^flags.* fma' /proc/cpuinfo; then
    env -u BACKSTEP_NO_FMA "$bs" -d out_asm -D "$log" "$prog" >/dev/null || { echo "FAIL: $prog exits $?"; exit 1; }
    grep -qi 'vfmadd231' "$log" || { echo "FAIL: no vfmadd231 emitted on this FMA3 host"; exit 1; }
fi
echo "ok"
