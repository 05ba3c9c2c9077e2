#!/bin/sh
# Checks gdbstub's target description with gdb-multiarch itself: gdb must
# accept the XML and number its registers as gdbstub/target_xml.h documents
# (remote number and g-packet offset of r0-r12, sp, lr, pc, cpsr, d0-d31,
# fpscr). Usage: check_target_xml.sh DUMP_TOOL GDB. A test only: it never
# changes anything outside its temporary directory.
set -eu
dump=$1
gdb=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$dump" "$tmp/target.xml"
"$gdb" -batch -nx -ex "set tdesc filename $tmp/target.xml" \
    -ex 'maint print remote-registers' >"$tmp/out" 2>"$tmp/err" || {
    echo "gdb failed:"; cat "$tmp/err"; exit 1; }
if [ -s "$tmp/err" ]; then
    echo "gdb complained about the target description:"; cat "$tmp/err"; exit 1
fi
# Expected: name, remote number, g offset.
{
    i=0
    for r in r0 r1 r2 r3 r4 r5 r6 r7 r8 r9 r10 r11 r12 sp lr pc; do
        echo "$r $i $((i * 4))"; i=$((i + 1))
    done
    echo "cpsr 16 64"
    d=0
    while [ $d -lt 32 ]; do
        echo "d$d $((17 + d)) $((68 + d * 8))"; d=$((d + 1))
    done
    echo "fpscr 49 324"
} >"$tmp/expected"
fail=0
while read -r name rnum off; do
    # Columns: Name Nr Rel Offset Size Type RmtNr g/G-Offset
    got=$(awk -v n="$name" '$1 == n && NF >= 8 { print $7, $8 }' "$tmp/out")
    if [ "$got" != "$rnum $off" ]; then
        echo "register $name: expected remote number/offset '$rnum $off', gdb says '$got'"
        fail=1
    fi
done <"$tmp/expected"
# No other register may have a remote number (the g packet is exactly these).
cut -d' ' -f1 "$tmp/expected" >"$tmp/names"
extra=$(awk 'NR > 1 && NF >= 8 { print $1 }' "$tmp/out" | grep -cvxF -f "$tmp/names" || true)
if [ "$extra" != 0 ]; then
    echo "gdb lists $extra unexpected remote registers:"; cat "$tmp/out"; fail=1
fi
[ $fail = 0 ] && echo "target description accepted by gdb: 50 registers, g packet 328 bytes"
exit $fail
