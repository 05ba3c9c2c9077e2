#!/usr/bin/env bash
# The round-trip property (roundtrip.py) on Debian's real armel busybox-static:
# a shell loop that forks md5sum pipelines (fork children run unrecorded; the
# shell's own history -- its wait4 results, pipe reads -- is replayed).
#   roundtrip_busybox.sh BACKSTEP GDB FETCH_SCRIPT
here=$(cd "$(dirname "$0")" && pwd)
bb=$(bash "$3" armel) || { echo "busybox-static:armel could not be fetched"; exit 1; }
exec "$here/run_gdb.sh" "$1" "$2" "$here/roundtrip.py" "$bb" sh -c \
  'i=0; while [ $i -lt 20 ]; do echo "line $i" | md5sum; i=$((i+1)); done; echo done'
