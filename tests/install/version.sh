#!/bin/sh
# The installed backstep's --version and -version name the version of the
# CMake project and the commit the source is at (git rev-parse --short HEAD;
# "-dirty" after it is allowed either way: files may have been edited or
# reverted between the build and this test); outside a git checkout the
# commit is "unknown" (cmake/git_commit.cmake run on a directory that is
# not the top of one: a plain directory, and a subdirectory of the checkout).
# The installed man page's .TH line names the same version.
#   version.sh PREFIX SRC CMAKE PROJECT_VERSION
set -u
prefix=$1 src=$2 cmake=$3 version=$4
dir=$(mktemp -d "${TMPDIR:-/tmp}/backstep-ver.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
fail=0
out=$("$prefix/bin/backstep" --version); st=$?
out1=$("$prefix/bin/backstep" -version)
echo "--version: $out"
[ "$st" -eq 0 ] || { echo "FAIL: exit status $st"; fail=1; }
[ "$out" = "$out1" ] || { echo "FAIL: -version printed '$out1'"; fail=1; }
if git -C "$src" rev-parse --show-toplevel > /dev/null 2>&1; then
    head=$(git -C "$src" rev-parse --short HEAD)
    want="backstep version $version (commit $head)"
    [ "$out" = "$want" ] || [ "$out" = "backstep version $version (commit $head-dirty)" ] ||
        { echo "FAIL: want '$want' (or with -dirty)"; fail=1; }
else
    want="backstep version $version (commit unknown)"
    [ "$out" = "$want" ] || { echo "FAIL: want '$want'"; fail=1; }
fi
# The man page's header names the same version (it is written by hand).
grep -q "^\.TH BACKSTEP 1 .* \"backstep $version\"" "$prefix/share/man/man1/backstep.1" ||
    { echo "FAIL: the man page's .TH line does not name backstep $version"; fail=1; }
mkdir "$dir/plain"
for d in "$dir/plain" "$src/cli"; do
    "$cmake" -DSRC="$d" -DOUT="$dir/h" -P "$src/cmake/git_commit.cmake" || fail=1
    grep -qx '#define BACKSTEP_COMMIT "unknown"' "$dir/h" ||
        { echo "FAIL: for $d the header says: $(cat "$dir/h")"; fail=1; }
done
exit $fail
