#!/bin/sh
# -d in_asm against qemu-arm 7.2, with plain diff (not diff -w): the same
# ARM program under `qemu-arm -singlestep -d nochain,in_asm,cpu` and
# `backstep -d in_asm,cpu` (backstep translates one instruction per block
# when it logs registers, as qemu-arm under -singlestep). Everything but the
# register lines must be identical: the block separators, the "IN: function"
# names (from the executable's and ld.so's symbol tables), the addresses,
# encodings, spacing and disassembly, the kernel helper entries. Register
# values differ where README says (AT_HWCAP, pid, AT_RANDOM...); env -i and
# -cpu cortex-a15,neon=off keep the instruction streams the same.
#   usage: in_asm_vs_qemu.sh BACKSTEP QEMU_ARM CC SYSROOT static|thumb|dynamic
set -u
backstep=$1 qemu=$2 cc=$3 sysroot=$4 kind=$5
dir=$(mktemp -d "${TMPDIR:-/tmp}/backstep-inasm.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
cd "$dir" || exit 1
cat > prog.c <<'C'
#include <stdio.h>
#include <stdlib.h>
static int cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }
int main(void)
{
    int v[6] = {5, 3, 9, 1, 7, 2};
    qsort(v, 6, sizeof v[0], cmp);
    printf("%d %d\n", v[0], v[5]);
    return 0;
}
C
case $kind in
static) flags="-static" ;;
thumb) flags="-static -mthumb" ;;
dynamic) flags="" ;;
*) echo "in_asm_vs_qemu.sh: unknown kind $kind" >&2; exit 2 ;;
esac
"$cc" -O1 -g $flags -o prog prog.c || { echo "FAIL: cannot compile"; exit 1; }
env -i "$qemu" -L "$sysroot" -cpu cortex-a15,neon=off -singlestep -d nochain,in_asm,cpu -D qemu.log ./prog > qemu.out
env -i "$backstep" -L "$sysroot" -d in_asm,cpu -D backstep.log ./prog > backstep.out
fail=0
cmp -s qemu.out backstep.out || { echo "FAIL: the program's output differs"; fail=1; }
# The same number of executed instructions (one register dump each).
qn=$(grep -c '^PSR=' qemu.log) bn=$(grep -c '^PSR=' backstep.log)
[ "$qn" -eq "$bn" ] || { echo "FAIL: qemu-arm ran $qn instructions, backstep $bn"; fail=1; }
for f in qemu backstep; do grep -v '^R[0-9][0-9]=\|^PSR=' $f.log > $f.asm; done
echo "qemu-arm: $(grep -c '^IN: ' qemu.asm) blocks, backstep: $(grep -c '^IN: ' backstep.asm) blocks"
grep -q '^IN: main$' backstep.asm || { echo "FAIL: no 'IN: main' block in backstep's log"; fail=1; }
if ! diff qemu.asm backstep.asm > asm.diff; then
    echo "FAIL: the in_asm logs differ (< qemu-arm, > backstep), first lines:"; head -40 asm.diff; fail=1
fi
exit $fail
