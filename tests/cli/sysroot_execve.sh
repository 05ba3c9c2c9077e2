#!/bin/sh
# execve under -L: an ARM program executing /bin/child, which exists only in
# the sysroot, runs the sysroot's ARM program (in a new backstep, with the
# same -L), and the child's argv, output and exit status come through.
# qemu-arm 7.2 hands execve's path to the host kernel unmapped (ENOENT
# here), so the expectation is the kernel's on a real ARM system with that
# file at /bin/child, not qemu-arm's.
#   usage: sysroot_execve.sh BACKSTEP ARMEL_CC SYSROOT
set -u
backstep=$(realpath "$1")
cc=$2
libs=$3
dir=$(mktemp -d "${TMPDIR:-/tmp}/backstep-execve.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
s=$dir/sys
mkdir -p "$s/bin"
cp -a "$libs/lib" "$s/lib"
cat > "$dir/parent.c" <<'C'
#include <stdio.h>
#include <unistd.h>
int main(void)
{
    char *argv[] = {"child", "one two", NULL};
    char *envp[] = {"GREETING=hi", NULL};
    execve("/bin/child", argv, envp);
    perror("execve /bin/child");
    return 1;
}
C
cat > "$dir/child.c" <<'C'
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv)
{
    printf("child: argc %d argv[0] %s argv[1] %s GREETING=%s\n", argc, argv[0], argv[1], getenv("GREETING"));
    return 9;
}
C
"$cc" -O1 -o "$dir/parent" "$dir/parent.c" && "$cc" -O1 -o "$s/bin/child" "$dir/child.c" ||
    { echo "FAIL: cannot compile"; exit 1; }
out=$(cd "$dir" && "$backstep" -L "$s" ./parent 2>&1); st=$?
want="child: argc 2 argv[0] child argv[1] one two GREETING=hi"
fail=0
[ "$out" = "$want" ] || { echo "FAIL: output '$out', want '$want'"; fail=1; }
[ $st -eq 9 ] || { echo "FAIL: exit status $st, want the child's 9"; fail=1; }
[ $fail -eq 0 ] && echo "ok: $out (exit $st)"
exit $fail
