#!/bin/sh
# -L lookups against qemu-arm: a probe sysroot with files that exist only
# there, only on the host, or in both; symlinks inside it (absolute targets
# are host paths to the kernel, relative ones stay inside); relative paths;
# ".."; /proc and /dev. sysroot_probe.c prints what open, stat, lstat, access
# and readlink see for each path; qemu-arm's and backstep's outputs must match.
#   usage: sysroot_vs_qemu.sh BACKSTEP QEMU_ARM ARMEL_CC
set -u
backstep=$(realpath "$1")
qemu=$(command -v "$2")
cc=$3
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d "${TMPDIR:-/tmp}/backstep-sysroot.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
"$cc" -static -O1 -o "$dir/probe" "$here/sysroot_probe.c" || { echo "FAIL: cannot compile sysroot_probe.c"; exit 1; }
s=$dir/sys
h=$dir/host            # stands for host-only files: absolute paths outside S
mkdir -p "$s/etc" "$s/lib/sub" "$s$h" "$h" "$dir/cwd"
echo "in sysroot" > "$s/etc/only-sysroot"
echo "sysroot copy" > "$s$h/both"
echo "host copy" > "$h/both"
echo "host only" > "$h/only-host"
ln -s /etc/only-sysroot "$s/etc/abs-link"     # the host kernel resolves it on the host: missing there
ln -s only-sysroot "$s/etc/rel-link"          # stays inside the sysroot
ln -s "$h/only-host" "$s/etc/link-to-host"
ln -s nowhere "$s/etc/dangling"
echo "relative" > "$dir/cwd/rel.txt"
mkdir -p "$dir/cwd/etc" && echo "cwd etc" > "$dir/cwd/etc/only-sysroot"
set -- /etc/only-sysroot "$h/both" "$h/only-host" /etc/abs-link /etc/rel-link /etc/link-to-host /etc/dangling \
       /etc/missing rel.txt etc/only-sysroot ./etc/only-sysroot /../etc/only-sysroot /etc/../etc/only-sysroot \
       /lib/sub /lib/sub/../../etc/only-sysroot /dev/null /proc/self/cmdline /etc/only-sysroot/x
(cd "$dir/cwd" && env -i "$qemu" -L "$s" "$dir/probe" "$@") > "$dir/qemu.out" 2>&1; qs=$?
(cd "$dir/cwd" && env -i "$backstep" -L "$s" "$dir/probe" "$@") > "$dir/bs.out" 2>&1; bs=$?
sed -i "s|$dir|DIR|g" "$dir/qemu.out" "$dir/bs.out"
fail=0
if [ $qs -ne 0 ] || [ $bs -ne 0 ]; then echo "FAIL: exit status qemu-arm $qs, backstep $bs"; fail=1; fi
grep -v '^  stat' "$dir/qemu.out" > "$dir/qemu.cmp"
grep -v '^  stat' "$dir/bs.out" > "$dir/bs.cmp"
if ! cmp -s "$dir/qemu.cmp" "$dir/bs.cmp"; then
    echo "FAIL: open, access or readlink differ (--- qemu-arm, +++ backstep):"
    diff -u "$dir/qemu.cmp" "$dir/bs.cmp"
    fail=1
fi
# backstep's stat must find the file open found (or fail as open failed);
# not for the generated /proc/self files, which open as memfds.
if grep '^  stat' "$dir/bs.out" | grep -v ' as-open' | grep -v '^  stat /proc/self/' > "$dir/bad-stat"; then
    echo "FAIL: stat does not see the file open sees:"
    cat "$dir/bad-stat"
    fail=1
fi
[ "$(grep -c '^  stat' "$dir/bs.out")" -eq $# ] || { echo "FAIL: not one stat line per path"; fail=1; }
[ $fail -eq 0 ] && echo "ok: $# paths agree with qemu-arm"; cat "$dir/bs.out"
exit $fail
