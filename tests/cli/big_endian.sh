#!/bin/sh
# A big-endian ARM executable made by the cross compiler (-mbig-endian, BE32
# or BE8 with --be8) is refused with one line that calls it what readelf
# says it is: ARM, big endian (the machine field read in the file's own byte
# order, not "unknown machine 10240").
#   usage: big_endian.sh BACKSTEP CC be32|be8
set -u
backstep=$1 cc=$2 kind=$3
dir=$(mktemp -d "${TMPDIR:-/tmp}/backstep-be.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
cd "$dir" || exit 1
printf 'void _start(void) { for (;;) ; }\n' > be.c
flags=""
[ "$kind" = be8 ] && flags=-Wl,--be8
"$cc" -mbig-endian $flags -nostdlib -static -o be be.c || { echo "FAIL: cannot compile"; exit 1; }
hdr=$("${cc%gcc}readelf" -h be)
fail=0
echo "$hdr" | grep -q 'Data:.*big endian' || { echo "FAIL: readelf does not call it big endian"; fail=1; }
echo "$hdr" | grep -q 'Machine:[[:space:]]*ARM$' || { echo "FAIL: readelf does not call it ARM"; fail=1; }
"$backstep" ./be > out 2> err < /dev/null; status=$?
echo "backstep status $status: $(cat err)"
if [ "$status" -eq 0 ] || [ "$status" -ge 128 ]; then echo "FAIL: exit status $status (want 1..127)"; fail=1; fi
[ "$(wc -l < err)" -eq 1 ] || { echo "FAIL: want exactly one line on stderr"; fail=1; }
grep -q '^backstep: ./be: .*big-endian ARM' err || { echo "FAIL: the line does not say big-endian ARM"; fail=1; }
grep -q 'unknown machine' err && { echo "FAIL: machine field misread"; fail=1; }
exit $fail
