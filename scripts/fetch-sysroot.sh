#!/usr/bin/env bash
# fetch-sysroot.sh — build a sysroot of genuine Debian ARM packages for -L:
# downloads each package by name (`apt-get download PKG:ARCH`, the .debs cached
# in $BACKSTEP_CACHE_DIR/debs-ARCH, default ~/.cache/backstep) and unpacks them
# with `dpkg-deb -x` into DEST; prints DEST.
#
# Usage: scripts/fetch-sysroot.sh ARCH DEST PKG...     ARCH: armel or armhf
#
# DEST is complete when DEST/.packages lists exactly PKG...; otherwise it is
# rebuilt from scratch. Adds the dpkg architecture if missing (needs root) and
# runs `apt-get update` only when a download fails. Safe to run concurrently
# (flock on the cache directory).
set -euo pipefail

if [[ $# -lt 3 ]]; then
  echo "usage: $0 ARCH DEST PKG..." >&2
  exit 2
fi
arch=$1
dest=$2
shift 2
case $arch in
  armel|armhf) ;;
  *) echo "fetch-sysroot: unsupported architecture '$arch' (armel or armhf)" >&2; exit 2 ;;
esac
want=$(printf '%s\n' "$@")

if [[ -f $dest/.packages && $(cat "$dest/.packages") == "$want" ]]; then
  echo "$dest"
  exit 0
fi

for tool in apt-get dpkg dpkg-deb flock; do
  command -v "$tool" >/dev/null || { echo "fetch-sysroot: '$tool' not found (Debian/Ubuntu host needed)" >&2; exit 1; }
done

cache=${BACKSTEP_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/backstep}
debs=$cache/debs-$arch
mkdir -p "$debs"
exec 9>"$cache/.sysroot-$arch.lock"
flock 9
if [[ -f $dest/.packages && $(cat "$dest/.packages") == "$want" ]]; then
  echo "$dest"
  exit 0
fi

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"
  elif command -v sudo >/dev/null; then sudo -n "$@"
  else echo "fetch-sysroot: need root for: $*" >&2; return 1
  fi
}

if ! dpkg --print-foreign-architectures | grep -qx "$arch" && [[ $(dpkg --print-architecture) != "$arch" ]]; then
  echo "fetch-sysroot: adding dpkg architecture $arch" >&2
  as_root dpkg --add-architecture "$arch"
fi

# The .deb of a package in the cache (the newest if several), or nothing.
cached_deb() { ls -t "$debs/$1"_*_"$arch".deb "$debs/$1"_*_all.deb 2>/dev/null | head -n 1; }

updated=false
for pkg in "$@"; do
  [[ -n $(cached_deb "$pkg") ]] && continue
  if ! (cd "$debs" && apt-get download "$pkg:$arch" >"$debs/.apt.log" 2>&1); then
    if ! $updated; then
      echo "fetch-sysroot: download of $pkg:$arch failed, running apt-get update and retrying" >&2
      as_root apt-get update -qq >&2
      updated=true
    fi
    if ! (cd "$debs" && apt-get download "$pkg:$arch" >"$debs/.apt.log" 2>&1); then
      cat "$debs/.apt.log" >&2
      echo "fetch-sysroot: could not download $pkg:$arch" >&2
      exit 1
    fi
  fi
  [[ -n $(cached_deb "$pkg") ]] || { echo "fetch-sysroot: no .deb for $pkg:$arch in $debs" >&2; exit 1; }
done

rm -rf "$dest.new"
mkdir -p "$dest.new"
for pkg in "$@"; do
  dpkg-deb -x "$(cached_deb "$pkg")" "$dest.new"
done
printf '%s\n' "$want" >"$dest.new/.packages"
rm -rf "$dest"
mv "$dest.new" "$dest"
echo "fetch-sysroot: unpacked $# packages into $dest" >&2
echo "$dest"
