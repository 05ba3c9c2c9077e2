#!/usr/bin/env bash
# fetch-busybox.sh — Debian's busybox-static for an ARM architecture, unpacked
# into a cache directory (scripts/fetch-sysroot.sh does the download and
# caching); prints the path of the busybox binary.
#
# Usage: scripts/fetch-busybox.sh [ARCH]        ARCH: armel (default) or armhf
# Cache: $BACKSTEP_CACHE_DIR (default: ${XDG_CACHE_HOME:-$HOME/.cache}/backstep);
#        the binary ends up at CACHE/busybox-static-ARCH/bin/busybox.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
arch=${1:-armel}
cache=${BACKSTEP_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/backstep}
dest=$("$here/fetch-sysroot.sh" "$arch" "$cache/busybox-static-$arch" busybox-static)
if [[ ! -x $dest/bin/busybox ]]; then
  echo "fetch-busybox: busybox-static:$arch has no bin/busybox" >&2
  exit 1
fi
echo "$dest/bin/busybox"
