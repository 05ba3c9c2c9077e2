#!/bin/sh
# Bad debugger/recording options: each gets exactly one line on stderr that
# names the option, a non-zero exit below 128 (no crash), and no program run.
#   usage: bad_options.sh BACKSTEP CASE
# CASE: g-port (-g x), g-port-range (-g 70000), g-host (-g nosuchhost.invalid:1),
#       g-busy (-g on a port already listened on), undo-limit (-undo-limit 1k),
#       snapshot-interval (-snapshot-interval abc)
set -u
backstep=$1
dir=$(mktemp -d "${TMPDIR:-/tmp}/backstep-cli.XXXXXX") || exit 1
trap 'rm -rf "$dir"; [ -n "${holder:-}" ] && kill "$holder" 2>/dev/null' EXIT
# A program that must never start: it would create this file.
prog=/bin/true
want=""
case $2 in
g-port) set -- -g x; want='-g' ;;
g-port-range) set -- -g 70000; want='-g' ;;
g-host) set -- -g nosuchhost.invalid:1; want='-g' ;;
g-busy)
    # Hold a port with a plain listener, then ask backstep for it.
    python3 -c 'import socket, time
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen()
print(s.getsockname()[1], flush=True); time.sleep(30)' > "$dir/port" &
    holder=$!
    port=""
    for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
        port=$(cat "$dir/port")
        [ -n "$port" ] && break
        sleep 0.1
    done
    [ -n "$port" ] || { echo "FAIL: could not hold a port"; exit 1; }
    set -- -g "$port"; want='-g' ;;
undo-limit) set -- -undo-limit 1k; want='-undo-limit' ;;
snapshot-interval) set -- -snapshot-interval abc; want='-snapshot-interval' ;;
*) echo "bad_options.sh: unknown case '$2'" >&2; exit 2 ;;
esac
"$backstep" "$@" "$prog" > "$dir/out" 2> "$dir/err" < /dev/null; status=$?
fail=0
if [ "$status" -eq 0 ] || [ "$status" -ge 128 ]; then echo "FAIL: exit status $status (want 1..127)"; fail=1; fi
if [ "$(wc -l < "$dir/err")" -ne 1 ]; then echo "FAIL: want exactly one line on stderr, got:"; cat "$dir/err"; fail=1; fi
if ! grep -q -- "$want" "$dir/err"; then echo "FAIL: the message does not name $want:"; cat "$dir/err"; fail=1; fi
if grep -q "waiting for gdb" "$dir/err"; then echo "FAIL: it went on to wait for gdb"; fail=1; fi
[ $fail -eq 0 ] && echo "ok: $(cat "$dir/err")"
exit $fail
