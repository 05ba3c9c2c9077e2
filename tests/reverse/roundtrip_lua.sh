#!/usr/bin/env bash
# The round-trip property (roundtrip.py) on Debian's real armel lua5.4, a
# dynamically linked program with five shared libraries, run with
# `-L SYSROOT` on a sysroot unpacked from the Debian packages (fetched by
# package name with apt-get download and cached, as busybox is).
#   roundtrip_lua.sh BACKSTEP GDB
# Cache: $BACKSTEP_CACHE_DIR (default ${XDG_CACHE_HOME:-$HOME/.cache}/backstep)/sysroot-lua-armel.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache=${BACKSTEP_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/backstep}
root=$cache/sysroot-lua-armel
pkgs="lua5.4 liblua5.4-0 libreadline8 libtinfo6 libc6"
mkdir -p "$cache"
exec 9>"$cache/.sysroot-lua-armel.lock"
flock 9
if [[ ! -x $root/usr/bin/lua5.4 ]]; then
  if ! dpkg --print-foreign-architectures | grep -qx armel; then
    echo "roundtrip_lua: dpkg has no armel architecture (scripts/setup.sh adds it)"; exit 1
  fi
  work=$(mktemp -d "$cache/.fetch.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && apt-get download $(for p in $pkgs; do echo "$p:armel"; done) >apt.log 2>&1) ||
    { cat "$work/apt.log"; echo "roundtrip_lua: could not download $pkgs (armel)"; exit 1; }
  for d in "$work"/*.deb; do dpkg-deb -x "$d" "$work/root"; done
  rm -rf "$root" && mv "$work/root" "$root"
fi
exec 9>&-
libs=$root/lib/arm-linux-gnueabi:$root/usr/lib/arm-linux-gnueabi
BS_OPTS="-L $root -E LD_LIBRARY_PATH=$libs" exec "$here/run_gdb.sh" "$1" "$2" "$here/roundtrip.py" \
  "$root/usr/bin/lua5.4" -e 'local t, s = {}, 0
for i = 1, 3000 do t[i % 50 + 1] = tostring(i); s = s + #t[i % 50 + 1] end
print(s)'
