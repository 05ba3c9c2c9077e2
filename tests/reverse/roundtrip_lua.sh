#!/usr/bin/env bash
# The round-trip property (roundtrip.py) on Debian's real armel lua5.4, a
# dynamically linked program with five shared libraries, run with
# `-L SYSROOT` on a sysroot unpacked from the Debian packages (fetched by
# package name with apt-get download and cached, as busybox is).
#   roundtrip_lua.sh BACKSTEP GDB
# Cache: $BACKSTEP_CACHE_DIR (default ${XDG_CACHE_HOME:-$HOME/.cache}/backstep)/sysroot-lua-armel.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
pkgs="lua5.4 liblua5.4-0 libreadline8 libtinfo6 libc6"
# shellcheck disable=SC2086  # the package list is split into names
root=$("$here/../../scripts/fetch-sysroot.sh" armel \
  "${BACKSTEP_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/backstep}/sysroot-lua-armel" $pkgs)
BS_OPTS="-L $root" exec "$here/run_gdb.sh" "$1" "$2" "$here/roundtrip.py" \
  "$root/usr/bin/lua5.4" -e 'local t, s = {}, 0
for i = 1, 3000 do t[i % 50 + 1] = tostring(i); s = s + #t[i % 50 + 1] end
print(s)'
