#!/bin/sh
# -L problems: a sysroot that does not exist, that is a file, or that lacks the
# program's ELF interpreter (and no -L at all for a dynamic program) each get
# exactly one line on stderr naming the path, a non-zero exit below 128, and
# no program run. Without -L, the line names the sysroot where the compiler
# keeps the program's interpreter.
#   usage: bad_sysroot.sh BACKSTEP ARMEL_CC CASE
# CASE: missing, file, no-interp, no-sysroot
set -u
backstep=$1
cc=$2
dir=$(mktemp -d "${TMPDIR:-/tmp}/backstep-cli.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
# A dynamically linked ARM program that would print "ran" if it ever started.
printf '#include <stdio.h>\nint main(void) { puts("ran"); return 0; }\n' > "$dir/hello.c"
"$cc" -O2 -o "$dir/hello" "$dir/hello.c" || { echo "FAIL: cannot compile with $cc"; exit 1; }
# The interpreter the toolchain wrote into the program, and the sysroot it
# lives in: the compiler's own file for it, less the interpreter path.
interp=$("${cc%gcc}readelf" -l "$dir/hello" | sed -n 's/.*Requesting program interpreter: \(.*\)]/\1/p')
[ -n "$interp" ] || { echo "FAIL: no PT_INTERP in the test program"; exit 1; }
cc_sysroot=$(realpath "$("$cc" -print-file-name="${interp##*/}")")
cc_sysroot=${cc_sysroot%"$interp"}
case $3 in
missing) set -- -L "$dir/no-such-dir"; want="-L $dir/no-such-dir: cannot use as sysroot: No such file or directory" ;;
file) set -- -L "$dir/hello.c"; want="-L $dir/hello.c: cannot use as sysroot: not a directory" ;;
no-interp)
    mkdir "$dir/empty"
    set -- -L "$dir/empty"; want="program interpreter $interp not found under the sysroot $dir/empty" ;;
no-sysroot)
    # Named after the program's interpreter (armel and armhf differ).
    set --; want="program interpreter $interp not found (give an ARM sysroot with -L, e.g. -L $cc_sysroot)" ;;
*) echo "bad_sysroot.sh: unknown case '$3'" >&2; exit 2 ;;
esac
if [ -e "$interp" ]; then
    echo "SKIP: this host has $interp, so the interpreter is found without a sysroot"
    exit 77
fi
"$backstep" "$@" "$dir/hello" > "$dir/out" 2> "$dir/err" < /dev/null; status=$?
fail=0
if [ "$status" -eq 0 ] || [ "$status" -ge 128 ]; then echo "FAIL: exit status $status (want 1..127)"; fail=1; fi
if [ "$(wc -l < "$dir/err")" -ne 1 ]; then echo "FAIL: want exactly one line on stderr, got:"; cat "$dir/err"; fail=1; fi
if ! grep -qF -- "$want" "$dir/err"; then echo "FAIL: want a line containing '$want', got:"; cat "$dir/err"; fail=1; fi
if [ -s "$dir/out" ]; then echo "FAIL: the program ran:"; cat "$dir/out"; fail=1; fi
[ $fail -eq 0 ] && echo "ok: $(cat "$dir/err")"
exit $fail
