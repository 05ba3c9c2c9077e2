#!/usr/bin/env bash
# Installs what is missing, builds backstep, and runs the demo: an ARM program
# with a memory corruption, compiled here with the Debian cross compiler, run
# under backstep's gdb server and debugged backwards by a scripted
# gdb-multiarch session (examples/whowrote.gdb): from the end of the run,
# `watch -l` + `reverse-continue` find the write that corrupted a variable.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j2 >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"; [[ -n "${bs:-}" ]] && kill "$bs" 2>/dev/null || true' EXIT
arm-linux-gnueabi-gcc -static -O0 -g -marm -o "$work/whowrote" examples/whowrote.c

echo "== the ARM program under backstep (plain run) =="
build/backstep "$work/whowrote" || echo "(exit status $?)"
echo
echo "== the same under gdb-multiarch, debugged backwards =="
echo "\$ build/backstep -g 127.0.0.1:0 whowrote &"
build/backstep -g 127.0.0.1:0 "$work/whowrote" >"$work/out" 2>"$work/err" &
bs=$!
for _ in $(seq 100); do
  target=$(sed -n 's/^backstep: waiting for gdb on //p' "$work/err")
  [[ -n $target ]] && break
  sleep 0.05
done
echo "\$ gdb-multiarch whowrote -ex 'target remote $target' -x examples/whowrote.gdb"
gdb-multiarch -batch -nx -ex "target remote $target" -x examples/whowrote.gdb "$work/whowrote" 2>&1 |
  grep -v '^warning: remote target does not support file transfer'
wait "$bs" || true
bs=""
echo
echo "== what the program printed =="
cat "$work/out"
