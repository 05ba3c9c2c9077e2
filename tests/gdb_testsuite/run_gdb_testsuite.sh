#!/usr/bin/env bash
# run_gdb_testsuite.sh — runs .exp files of gdb's own testsuite (Debian's
# gdb-source package: /usr/src/gdb.tar.xz, gdb 13.1, the gdb-multiarch that
# drives backstep) against backstep, on the DejaGnu board backstep.exp here:
# each test program is built with the armel cross compiler and run under
# `backstep -g`, the way gdb's native-gdbserver board runs gdbserver.
#
# Usage: run_gdb_testsuite.sh BACKSTEP GDB VARIANT PORT EXP...
#   VARIANT: arm (A32 code), thumb (-mthumb), dynamic (dynamically linked,
#            run with -L /usr/arm-linux-gnueabi), armhf (static, built with
#            arm-linux-gnueabihf-gcc: Thumb-2 by default, hard-float)
#   PORT:    the TCP port backstep listens on (one per concurrent run)
#   EXP:     paths below gdb/testsuite, e.g. gdb.reverse/watch-reverse.exp
# Fails unless every test point of every EXP passes (no FAIL, UNRESOLVED,
# ERROR, UNTESTED, UNSUPPORTED: a file whose tests were all skipped fails
# too) and at least one passes. $GDBSUITE_INAPPLICABLE may name test points
# (the exact text after "FAIL: ", one per line) whose expectation only gdb's
# own `record full` can meet: their FAIL is listed as inapplicable and not
# counted; any other outcome of them (e.g. a PASS) is not affected. The testsuite is unpacked once into
# $BACKSTEP_CACHE_DIR (default ~/.cache/backstep); the run's gdb.sum and
# gdb.log stay in the working directory.
set -euo pipefail
[[ $# -ge 5 ]] || { echo "usage: $0 BACKSTEP GDB VARIANT PORT EXP..." >&2; exit 2; }
backstep=$(realpath "$1")
gdb=$(command -v "$2")
variant=$3
export BACKSTEP_PORT=$4
shift 4
here=$(cd "$(dirname "$0")" && pwd)
tarball=/usr/src/gdb.tar.xz
cc=arm-linux-gnueabi-gcc
abi=gnueabi
if [[ $variant == armhf ]]; then cc=arm-linux-gnueabihf-gcc abi=gnueabihf; fi
for tool in runtest $cc; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool not found (scripts/setup.sh installs it)"; exit 1; }
done
[[ -f $tarball ]] || { echo "FAIL: $tarball not found (Debian package gdb-source; scripts/setup.sh installs it)"; exit 1; }

cache=${BACKSTEP_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/backstep}
src=$cache/gdb-testsuite
mkdir -p "$cache"
exec 9>"$cache/.gdb-testsuite.lock"
flock 9
stamp=$(stat -c %Y "$tarball")
if [[ ! -f $src/.stamp || $(cat "$src/.stamp") != "$stamp" ]]; then
  rm -rf "$src" "$src.new"
  mkdir -p "$src.new"
  tar xJf "$tarball" -C "$src.new" --strip-components=1 gdb/gdb/testsuite gdb/config.guess gdb/config.sub
  echo "$stamp" >"$src.new/.stamp"
  mv "$src.new" "$src"
fi
flock -u 9

case $variant in
  arm) export BACKSTEP_CFLAGS="-marm" ;;
  thumb) export BACKSTEP_CFLAGS="-mthumb" ;;
  dynamic) export BACKSTEP_CFLAGS="-marm" BACKSTEP_DYNAMIC=1 BACKSTEP_SYSROOT=/usr/arm-linux-gnueabi
           export BACKSTEP_OPTS="-L $BACKSTEP_SYSROOT" ;;
  armhf) export BACKSTEP_CFLAGS="" BACKSTEP_CC=arm-linux-gnueabihf-gcc ;;
  *) echo "usage: VARIANT is arm, thumb, dynamic or armhf" >&2; exit 2 ;;
esac
export BACKSTEP=$backstep

obj=$(mktemp -d "${TMPDIR:-/tmp}/gdb-testsuite.XXXXXX")
trap 'rm -rf "$obj"' EXIT
cat >"$obj/site.exp" <<SITE
set tool gdb
set srcdir $src/gdb/testsuite
set objdir $obj
set host_triplet x86_64-pc-linux-gnu
set build_triplet x86_64-pc-linux-gnu
set target_triplet arm-unknown-linux-$abi
set target_alias arm-linux-$abi
lappend boards_dir $here
lappend boards_dir $src/gdb/testsuite/boards
SITE
rc=0
(cd "$obj" && timeout 1500 runtest --tool gdb GDB="$gdb" --target_board=backstep "$@" >"$obj/runtest.out" 2>&1) || rc=$?
cp "$obj/gdb.sum" "$obj/gdb.log" "$obj/runtest.out" . 2>/dev/null || true
grep -E "^(PASS|FAIL|XPASS|XFAIL|KFAIL|KPASS|UNRESOLVED|UNTESTED|UNSUPPORTED|ERROR|WARNING)" "$obj/gdb.sum" || true
passes=$(grep -c "^PASS" "$obj/gdb.sum" || true)
bad=$(grep -cE "^(FAIL|UNRESOLVED|UNTESTED|UNSUPPORTED|ERROR)" "$obj/gdb.sum" || true)
while IFS= read -r name; do
  [[ -z $name ]] && continue
  if grep -qxF "FAIL: $name" "$obj/gdb.sum"; then
    echo "inapplicable (not counted): FAIL: $name"
    bad=$((bad - 1))
  fi
done <<<"${GDBSUITE_INAPPLICABLE:-}"
bad=$((bad + $(grep -c "^ERROR" "$obj/runtest.out" || true)))
# Each session ends with gdbserver's `monitor exit`: backstep must end then.
bad=$((bad + $(grep -c "Timed out waiting for EOF in server after monitor exit" "$obj/gdb.sum" || true)))
echo "$passes passed, $bad failed"
if [[ $bad -ne 0 || $passes -eq 0 ]]; then
  echo "FAIL: gdb testsuite ($variant): see gdb.log in $(pwd)"
  exit 1
fi
exit 0
