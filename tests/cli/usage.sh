#!/bin/sh
# Checks backstep's command-line basics: with no arguments it prints usage and
# fails; -h / --help print usage on stdout and succeed; --version prints
# "backstep version <version> (commit <commit>)", as the first line of
# qemu-arm -version, and succeeds. None of them may crash.
# An option that takes the program as its argument (-U ./prog) leaves no
# program: one line saying so, not the whole usage.
#   usage: usage.sh BACKSTEP CASE   (CASE: no-args, help, long-help, version, option-took-prog)
set -u
backstep=$1
dir=$(mktemp -d "${TMPDIR:-/tmp}/backstep-cli.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
fail=0
case $2 in
no-args)
    "$backstep" > "$dir/out" 2> "$dir/err" < /dev/null; status=$?
    if [ "$status" -eq 0 ] || [ "$status" -ge 128 ]; then echo "FAIL: exit status $status (want 1..127)"; fail=1; fi
    if ! grep -qi 'usage' "$dir/err" "$dir/out"; then echo "FAIL: no usage text"; fail=1; fi ;;
help|long-help)
    opt=-h; [ "$2" = long-help ] && opt=--help
    "$backstep" $opt > "$dir/out" 2> "$dir/err" < /dev/null; status=$?
    if [ "$status" -ne 0 ]; then echo "FAIL: $opt exit status $status (want 0)"; fail=1; fi
    if ! grep -qi 'usage' "$dir/out"; then echo "FAIL: no usage text on stdout"; fail=1; fi ;;
version)
    "$backstep" --version > "$dir/out" 2> "$dir/err" < /dev/null; status=$?
    if [ "$status" -ne 0 ]; then echo "FAIL: --version exit status $status (want 0)"; fail=1; fi
    if ! grep -q '^backstep version [0-9][0-9.]* (commit [^)]*)$' "$dir/out"; then echo "FAIL: --version printed:"; cat "$dir/out"; fail=1; fi ;;
option-took-prog)
    "$backstep" -U "$backstep" > "$dir/out" 2> "$dir/err" < /dev/null; status=$?
    if [ "$status" -eq 0 ] || [ "$status" -ge 128 ]; then echo "FAIL: exit status $status (want 1..127)"; fail=1; fi
    if [ "$(wc -l < "$dir/err")" -ne 1 ]; then echo "FAIL: want exactly one line on stderr, got:"; cat "$dir/err"; fail=1; fi
    if ! grep -q '^backstep: no program given' "$dir/err"; then echo "FAIL: it does not say 'no program given'"; fail=1; fi
    if [ -s "$dir/out" ]; then echo "FAIL: unexpected stdout"; fail=1; fi
    echo "stderr: $(cat "$dir/err")" ;;
*)
    echo "usage.sh: unknown case '$2'" >&2; exit 2 ;;
esac
exit $fail
