#!/bin/sh
# A program file without execute permission is refused, as the kernel's
# execve and qemu-arm refuse it (EACCES): backstep's exit status must be
# qemu-arm's, the one line on stderr must carry the kernel's own text for
# the error (taken from an execve of the same file), and the program must
# not run. With the x bit set, the same file runs under both.
#   usage: not_executable.sh BACKSTEP QEMU_ARM CC
set -u
backstep=$1 qemu=$2 cc=$3
dir=$(mktemp -d "${TMPDIR:-/tmp}/backstep-noexec.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
cd "$dir" || exit 1
printf '#include <stdio.h>\nint main(void) { puts("ran"); return 42; }\n' > prog.c
"$cc" -static -O1 -o prog prog.c || { echo "FAIL: cannot compile"; exit 1; }
chmod a-x prog
# The kernel's answer for this file (python's OSError carries strerror).
kernel=$(python3 -c 'import os, sys
try:
    os.execv(sys.argv[1], [sys.argv[1]])
except OSError as e:
    print(e.strerror)' ./prog)
"$qemu" ./prog > qemu.out 2> qemu.err < /dev/null; qs=$?
"$backstep" ./prog > bs.out 2> bs.err < /dev/null; bs=$?
echo "kernel: $kernel; qemu-arm status $qs; backstep status $bs: $(cat bs.err)"
fail=0
[ -n "$kernel" ] || { echo "FAIL: the kernel ran a file without an x bit?"; fail=1; }
[ "$qs" -ne 42 ] || { echo "FAIL: qemu-arm ran it (the reference changed?)"; fail=1; }
[ "$bs" -eq "$qs" ] || { echo "FAIL: exit status $bs, qemu-arm's is $qs"; fail=1; }
[ -s bs.out ] && { echo "FAIL: the program ran under backstep"; fail=1; }
[ "$(wc -l < bs.err)" -eq 1 ] || { echo "FAIL: want exactly one line on stderr"; fail=1; }
grep -q "^backstep: ./prog: .*$kernel\$" bs.err || { echo "FAIL: the line does not name ./prog and end with '$kernel'"; fail=1; }
# Control: the same file with the x bit runs.
chmod u+x prog
"$backstep" ./prog > bs.out 2> bs.err < /dev/null; bs=$?
[ "$bs" -eq 42 ] && grep -qx ran bs.out || { echo "FAIL: with the x bit it did not run (status $bs)"; fail=1; }
exit $fail
