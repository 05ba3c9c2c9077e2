#!/usr/bin/env bash
# Installs what is missing, builds backstep, and runs the demo: an ARM program
# compiled here with the Debian cross compiler, run by backstep next to
# qemu-arm, with a look at the translation backstep made of it.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j2 >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
arm-linux-gnueabi-gcc -static -O2 -marm -o "$work/demo" examples/demo.c

echo "== the ARM program under backstep =="
build/backstep "$work/demo" 10 || echo "(exit status $?)"
echo
echo "== the same under qemu-arm =="
qemu-arm "$work/demo" 10 || echo "(exit status $?)"
echo
echo "== backstep -d in_asm,out_asm: the first block of fib() and its x86-64 translation =="
build/backstep -d in_asm,out_asm -D "$work/log" "$work/demo" 3 >/dev/null || true
fib=$(arm-linux-gnueabi-nm "$work/demo" | awk '$3 == "fib" {print $1}')
awk -v at="0x$fib:" 'index($0, at) == 1 {show = 1} show && /^----------------/ {exit} show {print}' "$work/log"
echo
echo "(tests/asm compares backstep's -d cpu register trace with qemu-arm's, instruction by instruction)"
echo "Reverse debugging under gdb (-g PORT) is not implemented yet: see issue 3."
