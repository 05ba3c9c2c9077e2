#!/bin/sh
# -seed N is accepted or refused as qemu-arm 7.2 (the reference) does: the
# same ARM program runs under both with the same -seed argument; the exit
# statuses must match, and when qemu-arm refuses the number ("cannot
# initialize crypto: Invalid seed number: N"), backstep must print exactly
# one line ending with the same "Invalid seed number: N" and not run the
# program.
#   usage: seed_vs_qemu.sh BACKSTEP QEMU_ARM CC SEED
set -u
backstep=$1 qemu=$2 cc=$3 seed=$4
dir=$(mktemp -d "${TMPDIR:-/tmp}/backstep-seed.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
cd "$dir" || exit 1
printf '#include <stdio.h>\nint main(void) { puts("ran"); return 42; }\n' > prog.c
"$cc" -static -O1 -o prog prog.c || { echo "FAIL: cannot compile"; exit 1; }
"$qemu" -seed "$seed" ./prog > qemu.out 2> qemu.err < /dev/null; qs=$?
"$backstep" -seed "$seed" ./prog > bs.out 2> bs.err < /dev/null; bs=$?
echo "seed '$seed': qemu-arm status $qs, backstep status $bs"
echo "qemu-arm stderr: $(cat qemu.err)"
echo "backstep stderr: $(cat bs.err)"
fail=0
[ "$bs" -eq "$qs" ] || { echo "FAIL: exit statuses differ"; fail=1; }
if [ "$qs" -eq 42 ]; then
    # Accepted by qemu-arm: the program must have run under backstep too.
    grep -qx ran bs.out || { echo "FAIL: the program did not run under backstep"; fail=1; }
else
    # Refused: qemu-arm's reason, after its "cannot initialize crypto: ".
    want=$(sed -n 's/.*cannot initialize crypto: //p' qemu.err)
    [ -n "$want" ] || { echo "FAIL: qemu-arm's refusal not understood"; fail=1; }
    [ "$(wc -l < bs.err)" -eq 1 ] || { echo "FAIL: want exactly one line on stderr"; fail=1; }
    case $(cat bs.err) in
    "backstep: "*"$want") ;;
    *) echo "FAIL: backstep's line does not end with qemu-arm's '$want'"; fail=1 ;;
    esac
    [ -s bs.out ] && { echo "FAIL: the program ran"; fail=1; }
fi
exit $fail
