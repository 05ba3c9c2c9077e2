#!/usr/bin/env bash
# Installs what backstep needs to build and test, from Debian 12 packages, if
# it is missing. Run as root (or with sudo available). Idempotent and quick
# when everything is already there.
set -euo pipefail

packages=(
  build-essential cmake pkg-config python3
  libcapstone-dev libzydis-dev libzycore-dev libcmocka-dev
  libjansson-dev
  qemu-user gdb-multiarch gdbserver
  dejagnu gdb-source
  man-db groff-base
  gcc-arm-linux-gnueabi gcc-arm-linux-gnueabihf
  libc6-dev-armel-cross libc6-dev-armhf-cross
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

# node and npm run the DAP adapter's test client (tests/dap). A node that is
# already there (from any source) is kept: Debian's npm package would
# conflict with a node that bundles its own npm.
if ! command -v node > /dev/null; then
  packages+=(nodejs npm)
fi

# Debian's armel packages (busybox-static for the tests) are fetched by name.
need_armel=0
dpkg --print-foreign-architectures | grep -qx armel || need_armel=1

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

if [ "${#missing[@]}" -gt 0 ] || [ "$need_armel" -eq 1 ]; then
  [ "$need_armel" -eq 1 ] && $SUDO dpkg --add-architecture armel
  $SUDO apt-get update -q
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${missing[@]}"
  fi
fi
# The DAP test client, from the npm registry, pinned by
# tests/dap/package-lock.json, into tests/dap/node_modules (project-local).
dap_tests="$(cd "$(dirname "$0")/.." && pwd)/tests/dap"
if [ ! -d "$dap_tests/node_modules/@vscode/debugadapter-testsupport" ] ||
   [ "$dap_tests/package-lock.json" -nt "$dap_tests/node_modules/.package-lock.json" ]; then
  echo "setup: npm ci in tests/dap"
  (cd "$dap_tests" && npm ci --no-audit --no-fund --loglevel=error)
fi
echo "setup: all build and test dependencies are installed"
