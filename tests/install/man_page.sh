#!/bin/sh
# The installed man page renders with no warning from man/groff, man finds
# it under the prefix by name, and it is backstep's page.
#   man_page.sh PREFIX
set -u
prefix=$1
page=$prefix/share/man/man1/backstep.1
dir=$(mktemp -d "${TMPDIR:-/tmp}/backstep-man.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
command -v man > /dev/null || { echo "FAIL: no man (scripts/setup.sh installs man-db and groff-base)"; exit 1; }
fail=0
MANWIDTH=80 man --warnings -l "$page" > "$dir/out" 2> "$dir/err"; st=$?
[ "$st" -eq 0 ] || { echo "FAIL: man -l exit status $st"; fail=1; }
[ -s "$dir/err" ] && { echo "FAIL: warnings:"; cat "$dir/err"; fail=1; }
grep -q '^NAME' "$dir/out" && grep -q 'backstep - run 32-bit ARM' "$dir/out" ||
    { echo "FAIL: no NAME line in the rendered page"; fail=1; }
found=$(MANPATH=$prefix/share/man man -w backstep 2> "$dir/err")
[ "$found" = "$page" ] || { echo "FAIL: man -w backstep found '$found', not $page: $(cat "$dir/err")"; fail=1; }
[ "$fail" -eq 0 ] && echo "ok: $(wc -l < "$dir/out") lines, no warnings, man -w finds $found"
exit $fail
