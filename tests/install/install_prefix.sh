#!/bin/sh
# Fixture of the install tests: cmake --install BUILD --prefix PREFIX into an
# emptied PREFIX, and every file the install rules name is there.
#   install_prefix.sh CMAKE BUILD PREFIX
set -u
cmake=$1 build=$2 prefix=$3
rm -rf "$prefix"
"$cmake" --install "$build" --prefix "$prefix" || { echo "FAIL: cmake --install"; exit 1; }
fail=0
for f in bin/backstep bin/backstep-dap sbin/backstep-binfmt libexec/backstep-binfmt-P; do
    [ -x "$prefix/$f" ] || { echo "FAIL: no executable $prefix/$f"; fail=1; }
done
[ -f "$prefix/share/man/man1/backstep.1" ] || { echo "FAIL: no man page in $prefix/share/man/man1"; fail=1; }
exit $fail
