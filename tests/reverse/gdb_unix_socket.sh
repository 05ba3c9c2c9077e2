#!/usr/bin/env bash
# gdb over `-g unix:PATH`, as the README shows it: `target remote PATH`.
# The socket file exists (mode 0600) while backstep waits for gdb, the
# session works (break, continue to the exit), the program's status comes
# back, and the socket file is gone at the end; also when backstep fails
# before gdb ever connects.
#   gdb_unix_socket.sh BACKSTEP GDB PROG STATUS   (STATUS: the program's exit status)
set -uo pipefail
backstep=$1 gdb=$2 prog=$3 want=$4
work=$(mktemp -d)
trap '[[ -n ${bs:-} ]] && kill -9 "$bs" 2>/dev/null; rm -rf "$work"' EXIT
sock=$work/gdb.sock
fail=0
"$backstep" -g "unix:$sock" "$prog" > "$work/out" 2> "$work/err" < /dev/null &
bs=$!
for _ in $(seq 100); do grep -q "waiting for gdb" "$work/err" && break; sleep 0.05; done
if [[ -S $sock && $(stat -c %a "$sock") == 600 ]]; then
  echo "ok: $sock is a socket of mode 600 while backstep waits"
else
  echo "FAIL: no socket of mode 600 at $sock:"; ls -la "$work"; cat "$work/err"; fail=1
fi
timeout 120 "$gdb" -batch -nx -ex "target remote $sock" -ex "break main" -ex continue -ex "continue" -ex "continue" \
  "$prog" > "$work/gdb" 2>&1
cat "$work/gdb"
wait "$bs"; status=$?
bs=""
grep -q "^Breakpoint 1, main " "$work/gdb" || { echo "FAIL: gdb did not stop at main"; fail=1; }
[[ $status -eq $want ]] || { echo "FAIL: backstep exited with $status, want $want"; fail=1; }
[[ -e $sock ]] && { echo "FAIL: $sock is still there after backstep ended"; fail=1; }
# Failing before gdb connects (no such program): the socket goes too.
"$backstep" -g "unix:$sock" "$work/no-such-program" > /dev/null 2> "$work/err2" < /dev/null
[[ -e $sock ]] && { echo "FAIL: $sock left behind after: $(cat "$work/err2")"; fail=1; }
[[ $fail -eq 0 ]] && echo "ok: status $status, socket removed"
exit $fail
