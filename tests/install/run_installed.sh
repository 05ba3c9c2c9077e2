#!/bin/sh
# The installed backstep, found on PATH, runs a static ARM program as
# qemu-arm does (stdout and exit status); and the installed binfmt_misc
# interpreter, called as the kernel calls it with the P flag
# (INTERP PROG ARGV0 ARGS...), runs it with that argv[0], as qemu-arm -0
# ARGV0 does; with BACKSTEP_BINFMT_SYSROOT a dynamic program runs as under
# qemu-arm -L. Nothing is registered with binfmt_misc.
#   run_installed.sh PREFIX QEMU_ARM CC SYSROOT
set -u
prefix=$1 qemu=$2 cc=$3 sysroot=$4
dir=$(mktemp -d "${TMPDIR:-/tmp}/backstep-inst.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
cd "$dir" || exit 1
cat > prog.c <<'C'
#include <stdio.h>
int main(int argc, char **argv)
{
    for (int i = 0; i < argc; i++)
        printf("argv[%d] = %s\n", i, argv[i]);
    return 40 + argc;
}
C
"$cc" -static -O1 -o prog prog.c || { echo "FAIL: cannot compile"; exit 1; }
"$cc" -O1 -o prog-dyn prog.c || { echo "FAIL: cannot compile (dynamic)"; exit 1; }
fail=0
# check NAME STATUS_WANT FILE_WANT STATUS_GOT FILE_GOT
check() {
    if [ "$4" -ne "$2" ] || ! cmp -s "$3" "$5"; then
        echo "FAIL: $1: status $4 (qemu-arm: $2), output:"; cat "$5"; echo "qemu-arm's:"; cat "$3"; fail=1
    else
        echo "ok: $1: status $4, $(wc -l < "$5") lines as qemu-arm"
    fi
}
"$qemu" ./prog one two > q1 2> /dev/null < /dev/null; qs=$?
PATH=$prefix/bin:$PATH backstep ./prog one two > b1 < /dev/null; bs=$?
check "backstep on PATH" $qs q1 $bs b1

"$qemu" -0 called-as ./prog one > q2 2> /dev/null < /dev/null; qs=$?
"$prefix/libexec/backstep-binfmt-P" "$dir/prog" called-as one > b2 < /dev/null; bs=$?
check "binfmt interpreter, static" $qs q2 $bs b2

"$qemu" -L "$sysroot" -0 dyn ./prog-dyn -x > q3 2> /dev/null < /dev/null; qs=$?
BACKSTEP_BINFMT_SYSROOT=$sysroot "$prefix/libexec/backstep-binfmt-P" ./prog-dyn dyn -x > b3 < /dev/null; bs=$?
check "binfmt interpreter, dynamic with BACKSTEP_BINFMT_SYSROOT" $qs q3 $bs b3
exit $fail
