#!/bin/sh
# Loader parity with qemu-arm 7.2 (the reference): compiles loader_probe.c
# with an ARM cross compiler, runs it under backstep and under qemu-arm with
# the same argv and a fixed environment, and requires identical output: same
# stack addresses, auxv, mmap and brk addresses, kuser version.
#   usage: loader_vs_qemu.sh BACKSTEP QEMU_ARM CC static|dynamic SYSROOT
set -u
backstep=$1 qemu=$2 cc=$3 kind=$4 sysroot=$5
src=$(dirname "$0")/loader_probe.c
dir=$(mktemp -d "${TMPDIR:-/tmp}/backstep-loader.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
cd "$dir" || exit 1
flags=-static
[ "$kind" = dynamic ] && flags=
"$cc" -O1 $flags -o probe "$src" || { echo "FAIL: cannot compile $src"; exit 1; }
# An empty environment: qemu-arm passes its environment to the guest in
# reverse order (its envlist), Linux and backstep in the given order. -L alone
# lets the dynamic loader find libc (the guest's absolute paths are looked up
# under the sysroot).
run() {
    env -i "$@" -L "$sysroot" ./probe first "second arg" ""
}
run "$backstep" > backstep.out 2> backstep.err; bs=$?
run "$qemu" > qemu.out 2> qemu.err; qs=$?
fail=0
if [ "$bs" -ne "$qs" ]; then echo "FAIL: exit status backstep $bs, qemu-arm $qs"; fail=1; fi
if ! diff -u qemu.out backstep.out; then echo "FAIL: output differs (- qemu-arm, + backstep)"; fail=1; fi
if [ -s backstep.err ]; then echo "backstep stderr:"; cat backstep.err; fi
[ "$fail" -eq 0 ] && echo "identical: $(wc -l < backstep.out) lines"
exit $fail
