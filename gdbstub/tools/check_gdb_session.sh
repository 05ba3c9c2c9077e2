#!/bin/sh
# Drives gdb-multiarch against fake_stub (over a pipe: `target remote | ...`)
# and checks what gdb shows: registers from the target description, memory
# reads, a 70000-byte restore/dump round trip (large X and m packets with
# escapes), stepi, reverse-stepi, reverse-continue to the start of history,
# a monitor command, threads. Usage: check_gdb_session.sh FAKE_STUB GDB.
# A test only: it writes nothing outside its temporary directory.
set -eu
stub=$1
gdb=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
head -c 70000 /dev/urandom >"$tmp/blob"
timeout 60 "$gdb" -batch -nx \
    -ex 'set architecture arm' \
    -ex "target remote | $stub" \
    -ex 'info registers r0 r7 sp pc cpsr' \
    -ex 'p $d0' -ex 'p/x $fpscr' -ex 'p/x $d31' \
    -ex 'x/4xb 0x9000' \
    -ex "restore $tmp/blob binary 0x100000" \
    -ex "dump binary memory $tmp/back 0x100000 0x111170" \
    -ex 'stepi' -ex 'stepi' -ex 'reverse-stepi' -ex 'p/x $pc' \
    -ex 'reverse-continue' -ex 'p/x $pc' \
    -ex 'monitor when' \
    -ex 'info threads' \
    -ex 'detach' >"$tmp/out" 2>&1 || { echo "gdb failed:"; cat "$tmp/out"; exit 1; }
fail=0
expect() {
    if ! grep -qF -- "$1" "$tmp/out"; then
        echo "missing from gdb's output: $1"; fail=1
    fi
}
expect 'r0             0x0                 0'
expect 'r7             0x7                 7'
expect 'sp             0x407fff00          0x407fff00'
expect 'pc             0x8000              0x8000'
expect 'cpsr           0x60000010'
expect '$1 = 1'
expect '$2 = 0x49'
expect '$3 = 0x0'
expect '0x9000:	0x00	0x01	0x02	0x03'
expect '0x00008004 in ?? ()'
expect '0x00008008 in ?? ()'
expect '$4 = 0x8004'
expect 'No more reverse-execution history.'
expect '$5 = 0x8000'
expect "when: pc 0x8000, command 'when'"
expect '* 1    Thread 1'
expect 'detached'
for bad in 'Remote failure' 'Ignoring packet error' 'Unknown remote' 'fake_stub:' 'Malformed' 'Truncated'; do
    if grep -qF -- "$bad" "$tmp/out"; then echo "gdb output has '$bad'"; fail=1; fi
done
if ! cmp -s "$tmp/blob" "$tmp/back"; then
    echo "restore/dump round trip differs"; fail=1
fi
if [ $fail != 0 ]; then echo "--- gdb output:"; cat "$tmp/out"; exit 1; fi
echo "gdb session against fake_stub: all checks passed"
