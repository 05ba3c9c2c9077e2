#!/usr/bin/env bash
# fetch-busybox.sh — download Debian's busybox-static for an ARM architecture and
# unpack it into a cache directory; prints the path of the busybox binary.
#
# Usage: scripts/fetch-busybox.sh [ARCH]        ARCH: armel (default) or armhf
# Cache: $BACKSTEP_CACHE_DIR (default: ${XDG_CACHE_HOME:-$HOME/.cache}/backstep);
#        the binary ends up at CACHE/busybox-static-ARCH/bin/busybox.
#
# If not cached: adds the Debian architecture to dpkg if missing (needs root),
# runs `apt-get download busybox-static:ARCH`, and only if that fails runs
# `apt-get update` and retries; then extracts the .deb with dpkg-deb -x.
# Safe to run concurrently (flock on the cache directory).
set -euo pipefail

arch=${1:-armel}
case $arch in
  armel|armhf) ;;
  *) echo "fetch-busybox: unsupported architecture '$arch' (armel or armhf)" >&2; exit 2 ;;
esac
cache=${BACKSTEP_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/backstep}
dest=$cache/busybox-static-$arch
bin=$dest/bin/busybox

if [[ -x $bin ]]; then
  echo "$bin"
  exit 0
fi

for tool in apt-get dpkg dpkg-deb flock; do
  command -v "$tool" >/dev/null || { echo "fetch-busybox: '$tool' not found (Debian/Ubuntu host needed)" >&2; exit 1; }
done

mkdir -p "$cache"
exec 9>"$cache/.busybox-$arch.lock"
flock 9
if [[ -x $bin ]]; then # another process fetched it while we waited
  echo "$bin"
  exit 0
fi

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"
  elif command -v sudo >/dev/null; then sudo -n "$@"
  else echo "fetch-busybox: need root for: $*" >&2; return 1
  fi
}

if ! dpkg --print-foreign-architectures | grep -qx "$arch" && [[ $(dpkg --print-architecture) != "$arch" ]]; then
  echo "fetch-busybox: adding dpkg architecture $arch" >&2
  as_root dpkg --add-architecture "$arch"
fi

work=$(mktemp -d "$cache/.fetch.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
if ! apt-get download "busybox-static:$arch" >apt.log 2>&1; then
  echo "fetch-busybox: download failed, running apt-get update and retrying" >&2
  as_root apt-get update -qq >&2
  if ! apt-get download "busybox-static:$arch" >apt.log 2>&1; then
    cat apt.log >&2
    echo "fetch-busybox: could not download busybox-static:$arch" >&2
    exit 1
  fi
fi
deb=$(ls ./busybox-static_*_"$arch".deb)
dpkg-deb -x "$deb" root
if [[ ! -x root/bin/busybox ]]; then
  echo "fetch-busybox: $deb has no bin/busybox" >&2
  exit 1
fi
rm -rf "$dest.new"
mkdir -p "$dest.new/bin"
cp root/bin/busybox "$dest.new/bin/busybox"
cp "$deb" "$dest.new/"
rm -rf "$dest"
mv "$dest.new" "$dest"
echo "fetch-busybox: cached $(basename "$deb") in $dest" >&2
echo "$bin"
